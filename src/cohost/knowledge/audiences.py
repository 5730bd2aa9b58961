"""Whom a product is for, read from its own facts, and a child named as the user of one that is not (minor).

The writers' convention: a child or a teenager as the user or the buyer of a product is a ``minor``
escalation when the product is not made for that child — alcohol (its cautions say 未成年人禁止饮酒), a
device whose cautions say 儿童禁用 or 18岁以下请勿使用, a product with an age floor above the child's age
("12岁以上" and "我家孩子5岁"), or a product whose facts name no child at all ("8岁娃练哑铃", "10岁女儿买
卷发棒"). A product made for children answers the same question from its own age facts ("3岁宝宝能用吗" on
a children's cup, "8个月宝宝能喝吗" on a drink whose caution names infants), and a child named without an age
on a product that only advises care ("小孩能喝挂耳吗", 儿童慎饮) is an ordinary suitability question. A young child put to use
of a product none of whose facts names a child ("新生儿能盖蚕丝被吗", "给小朋友睡行吗") is for a person to judge.

Constraints: the product is the one the engine linked (``Link.sku``); with no product linked nothing here
speaks (the age rules of ``escalation`` still do). Every product's ``audience_of`` is built once per catalog version, with the engine's indexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cohost.domain import Product


@dataclass(frozen=True, slots=True)
class Audience:
    adult_only: bool  # its facts forbid it to minors or children
    floor: int | None  # the youngest age its facts allow ("12岁以上", "12岁以下请勿使用" → 12); informative
    for_children: bool  # its facts or its name say it is made for children or babies
    names_children: bool = True  # any of its facts names a child at all (a caution included)


_ADULT_ONLY = re.compile(r"未成年(人)?(禁止|不得|不可|请勿|勿|禁用|不宜)|(18|十八)(周)?岁以下(的)?(人群|人士|者)?(禁用|禁止|请勿|不得|勿|不宜|不可)|"
                         r"(?<!以下)(?<!以下的)儿童(禁用|禁止|请勿|勿用|不可|不宜|不得)|禁止(儿童|未成年)")
_FLOOR = re.compile(r"(\d{1,2})(周)?岁以下(的)?(儿童|人群|者)?(禁用|禁止|请勿|不得|勿|不宜|不可)|(\d{1,2})(周)?岁(以上|及以上|\+)")
_FOR_CHILDREN = re.compile(r"(?<!远离)儿童(?!禁|请勿|勿|不|慎|接触|够|拿|误)|宝宝|婴儿|婴幼儿|幼儿|新生儿|童装|童鞋|学生|\d+(个)?月(以上|起|龄|-|~|至|到)|"
                           r"\d{1,2}[-~至到]\d{1,2}岁|孕|母婴|小朋友")
_AGE_KEYS = ("适用", "年龄", "月龄", "人群", "身高", "体重")

def audience_of(product: Product) -> Audience:
    """What ``product``'s cautions, age attributes and name say about who may use it."""
    cautions = product.cautions or ""
    ages = " ".join(f"{k}{v}" for k, v in product.attributes.items() if any(w in k for w in _AGE_KEYS))
    floors = [int(m.group(1) or m.group(6)) for m in _FLOOR.finditer(cautions + " " + ages)]
    # whatever else the product says about children, its prohibitions and age floors taken out
    said = " ".join([ages, product.title, product.usage or "", *product.selling_points,
                     *(f"{f.q} {f.a}" for f in product.faq), _FLOOR.sub("", _ADULT_ONLY.sub("", cautions))])
    return Audience(adult_only=_ADULT_ONLY.search(cautions) is not None,
                    floor=max(floors) if floors else None,
                    for_children=_FOR_CHILDREN.search(said) is not None,
                    names_children=_ANY_CHILD.search(" ".join([said, cautions])) is not None)


# a child named in any way by a product's facts: then its facts speak to children, and a child's use is theirs to answer
_ANY_CHILD = re.compile(r"儿童|孩子|小孩|婴|幼儿|宝宝|小朋友|未成年|学生|\d{1,2}(周)?岁")


_CHILD = r"(小孩子?|孩子|儿子|女儿|闺女|娃|宝宝|小朋友|儿童|妹妹|弟弟|侄子|侄女|外甥女?|孙子|孙女)"
_AGE = r"(1[0-7]|[1-9]|十[一二三四五六七]?|[一二两三四五六七八九])"
# a child of a stated age: "我家孩子5岁", "给10岁女儿", "8岁娃", "我儿子12岁", "她才八岁"
_AGED = re.compile(_CHILD + r"[^,，。!！?？\d]{0,4}?(才|只有|刚满?|今年|现在)?" + _AGE + r"(周)?岁(?!以上|以下|起|半以上)|"
                   + _AGE + r"(周)?岁(半)?(的|多的?)?" + _CHILD)
# a child as the user, no age said: "小孩拿筋膜枪玩", "小孩子能戴这个吗 会不会伤眼睛"
_GENERIC = re.compile(r"(小孩子?|小朋友|儿童|宝宝|娃娃?|孩子)(?!(他|她|的)?(爸|妈|爷|奶|姥|外公|外婆|舅|叔|姑|姨|老师|班主任))"
                      r"(?!款|版|型|专用|用的|装|尺码|码|系列)")  # "有儿童款吗" asks for a version, no child uses it
_FEARED = re.compile(r"(会不会|会|能不能|是否|有没有)?(伤|损伤|伤害|影响)(到)?(眼睛|眼|视力|身体|皮肤|骨骼|发育)|没事吧|安全吗|危险吗|有危险|"
                     r"拿.{0,8}玩|当玩具|玩(没事|可以|行)")


# a young child put to use of the product, no age said: "新生儿能盖吗", "给小朋友睡行吗", "婴儿可以用这个吗"
_PUT_TO_USE = re.compile(r"(给|让)?(新生儿|婴儿|婴幼儿|幼儿|小宝宝|小朋友|小孩子?)(能|可以|能不能|可不可以)?"
                         r"(睡|用|盖|戴|穿|坐|枕|躺|垫)(?!过|了)(?=.{0,8}(吗|么|嘛|行不|可以|能不能|不能|合适|没事))")


def child_user(text: str, audience: Audience | None) -> str | None:
    """The cue of a child named as the user or buyer of a product not made for that child, or None."""
    if audience is None:
        return None
    aged, generic = _AGED.search(text), _GENERIC.search(text)
    if audience.adult_only:  # alcohol, "儿童禁用": any child named as its user
        named = aged or generic
        return named.group(0) if named else None
    if audience.for_children:  # its own age facts answer ("3岁以上" and "1岁宝宝能用吗")
        return None
    if aged:  # "8岁娃练哑铃", "我家孩子5岁用电动牙刷" (an age floor of 12)
        return aged.group(0)
    f = _FEARED.search(text) if generic else None
    if generic and f:
        return generic.group(0) + "…" + f.group(0)
    # no fact of the product names any child: a young child put to use of it is for a person to judge
    put = None if audience.names_children else _PUT_TO_USE.search(text)
    return put.group(0) if put else None
