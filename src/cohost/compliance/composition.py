"""What goods are made of, held to the listed composition: purity, additive-free and quality-grade claims.

Three claims about content are checked against the listing's composition and ingredient fields (成分, 面料, 材质,
填充物; 配料, 配料表):

- purity: 纯羊毛, 百分百纯羊毛, 100%棉, 全棉, 纯真丝 said of goods whose composition lists the material at
  less than 100% or beside other materials (羊毛60% 聚酯纤维30%) is contradicted (Advertising Law Art. 28(2):
  the goods' composition misstated; compliance.md AD-04);
- additive-free: 零添加, 无添加, 啥也没加, 不含任何添加 said of food whose ingredients list additives or added
  sugar (麦芽糊精、白砂糖, 食品添加剂（亚硝酸钠）) is contradicted; 无添加防腐剂 is checked for that additive only;
- quality grade: 特级, 一级, 优级 said of goods whose quality-grade field (等级, 质量等级) lists another grade
  (这饼是特级的 against 等级: 一级（GB/T 22291）) is contradicted (AD-04: the goods' quality misstated).

Constraints:

- Only a field that names the material (or lists ingredients) can contradict: a listing silent on the
  composition leaves the claim to the restricted-label rules (SEC-FOOD-3) and the content fact check.
- A denied claim (不是纯羊毛, 并非零添加) and a question (是纯棉吗) are not claims.
- The claims are ``attribute`` claims with verdict ``contradicted``: the facts rule (AD-04) reports them with the
  listed value as the correction.
"""

from __future__ import annotations

import re

from cohost.compliance.claim import Claim
from cohost.compliance.facts import ProductView, Verdict
from cohost.compliance.text import NormalizedText

Pair = tuple[Claim, Verdict]

_MATERIALS = ("羊毛", "羊绒", "山羊绒", "真丝", "桑蚕丝", "蚕丝", "亚麻", "棉", "牛皮", "羊皮", "鹅绒", "鸭绒")
_PURE = re.compile(r"(?:百分之?百|100%|纯|全)(?:的)?(?:纯)?(?P<m>" + "|".join(sorted(_MATERIALS, key=len, reverse=True))
                   + r")(?![花签被线布袜])")
_MADE_OF = re.compile(r"成分|面料|材质|材料|填充|含量|面层|主料")
_SHARE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*%")

_FREE = re.compile(r"零添加|0添加|无添加|不添加任何|没有任何添加|不含任何添加|(?:啥|什么)(?:也|都)没(?:有)?加|一点(?:都|也)没加")
_ADDITIVES = re.compile(r"添加剂|防腐剂|香精|色素|甜味剂|增稠剂|白砂糖|砂糖|蔗糖|果葡糖浆|麦芽糊精|亚硝酸钠|山梨酸钾|苯甲酸钠|"
                        r"卡拉胶|味精|谷氨酸钠|香料|代可可脂|植脂末")
_NAMED_AFTER = re.compile(r"^(?:任何)?(?P<a>防腐剂|香精|色素|蔗糖|白砂糖|糖|甜味剂|味精)")
# an additive named after the claim (无添加防腐剂) and the ingredient names that are one
_KINDS = {"防腐剂": r"防腐剂|山梨酸钾|苯甲酸钠|亚硝酸钠|脱氢乙酸钠|丙酸钙|尼泊金",
          "色素": r"色素|胭脂红|柠檬黄|日落黄|焦糖色|诱惑红", "香精": r"香精|香料",
          "蔗糖": r"白砂糖|砂糖|蔗糖|果葡糖浆", "白砂糖": r"白砂糖|砂糖", "糖": r"白砂糖|砂糖|蔗糖|果葡糖浆|麦芽糖浆",
          "甜味剂": r"甜味剂|阿斯巴甜|安赛蜜|三氯蔗糖|甜蜜素", "味精": r"味精|谷氨酸钠"}
_INGREDIENTS = re.compile(r"配料|原料|成分")
_DENIED = re.compile(r"(?:不是|并非|并不是|没说|不算|不敢说|不能说)[^,。!?;]{0,3}$")
_ASKED = re.compile(r"^[^,。!?;]{0,4}?(?:吗|么|嘛|\?)")


_GRADE_SAID = re.compile(r"(?P<g>特级|特等|优级|优等|一级|二级|三级|一等品|二等品|合格品)(?![棒\d级])")
_GRADE_FIELD = re.compile(r"^(?:质量|产品|品质)?(?:等级|级别|品级)$")


def _field(view: ProductView, names: re.Pattern[str]) -> tuple[str, str] | None:
    for raw, value in view.product.attributes.items():
        if names.search(raw):
            return raw, str(value)
    return None


def _said(norm: NormalizedText, m: re.Match[str]) -> bool:
    c_start, _ = norm.clause(m.start())
    before = norm.text[c_start:m.start()]
    return not _DENIED.search(before) and not _ASKED.match(norm.text[m.end():])


def _mixed(value: str, material: str) -> bool:
    """True when the listed composition has ``material`` at under 100% or beside other materials."""
    at = value.find(material)
    if at < 0:
        return False
    if re.search(rf"(?:100%|百分之?百|纯){material}|{material}\s*100%", value):
        return False
    shares = [float(m.group("n")) for m in _SHARE.finditer(value)]
    return bool(shares) and any(s < 100 for s in shares)


def composition_claims(norm: NormalizedText, view: ProductView) -> list[Pair]:
    """Purity and additive-free claims the listing's composition contradicts."""
    text = norm.text
    out: list[Pair] = []
    made = _field(view, _MADE_OF)
    if made is not None:
        raw, value = made
        for m in _PURE.finditer(text):
            if _said(norm, m) and _mixed(value, m.group("m")):
                out.append((Claim("attribute", m.start(), m.end(), "composition", subject=raw),
                            Verdict("contradicted", (f"{view.sku}.attr:{raw}",), value, "与商品成分不一致")))
    listed = _field(view, _INGREDIENTS)
    if listed is not None:
        raw, value = listed
        for m in _FREE.finditer(text):
            if not _said(norm, m):
                continue
            named = _NAMED_AFTER.match(text[m.end():])
            found = re.search(_KINDS[named.group("a")], value) if named else _ADDITIVES.search(value)
            if found is not None:
                out.append((Claim("attribute", m.start(), m.end(), "additives", subject=raw),
                            Verdict("contradicted", (f"{view.sku}.attr:{raw}",), value, "配料中有添加成分")))
    graded = _field(view, _GRADE_FIELD)
    if graded is not None:
        raw, value = graded
        grades = {g.group("g") for g in _GRADE_SAID.finditer(value)}
        for m in _GRADE_SAID.finditer(text):
            listing = text[m.end():m.end() + 1] in ("、", "和") or text[max(0, m.start() - 1):m.start()] in ("、", "和")
            if grades and m.group("g") not in grades and _said(norm, m) and not listing:  # 特级、一级、二级: the scale
                out.append((Claim("attribute", m.start(), m.end(), "grade_word", subject=raw),
                            Verdict("contradicted", (f"{view.sku}.attr:{raw}",), value, "与商品等级不一致")))
    return out
