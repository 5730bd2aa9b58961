"""Answer-equivalence: wordings whose answer is the same product fact, named by that fact's concept.

The Q&A core names a concept for most property questions ("续航多久" is ``runtime``, "多少瓦" ``power``); a
viewer who asks the same fact in other words ("能听几个小时", "支持快充吗") gets no concept, or the core's
reading puts the line under ``other`` / ``suitability`` with none. This module names the concept whose
answer those words ask for, so the grouping keys both wordings alike. Families, not sentences:

- a duration of use asked in hours of an activity ("能听几个小时", "能玩几个钟") is ``runtime``;
- fast charging ("支持快充吗", "苹果能快充吗", "闪充") is the charging ``power`` (watts answer it);
- a phone or system named with "can it use / connect / charge" ("安卓能用吗", "华为能充吗", "苹果手机能连吗")
  is ``compat``;
- who wears it named as a pairing ("男女同款吗", "情侣款吗", "男款女款一样吗") is ``audience`` ("男生能穿吗");
- one colour the catalog does not name asked as "only X?" ("只有燕麦色吗") is the colour list (``colour``);
- one flavour asked ("有辣的吗", "有原味的吗") is the flavour list (``taste``, "有啥口味"); "有多辣" is not;
- skin types in slang ("我大油田能用不", "沙漠皮", "油痘肌") are ``skin``;
- a trouser or sleeve length named by its cut ("是九分的还是长裤", "七分袖吗") is ``length``;
- what the host wears or wears on her lips ("主播涂的是哪个色") is ``worn`` (the grouping's sub-topic);
- sweat or rain with wearing or using ("跑步出汗能戴吗", "下雨天能用吗") is ``waterproof``;
- a share of a fibre ("含棉量多少", "羊毛含量") is ``material``; a share of down ("含绒量多少", "充绒量") is the
  ``filling``, another answer;
- added sugar, syrup, additives or "only X / pure X" of a food ("有没有加糖浆", "有添加剂吗", "是纯蜂蜜吗",
  "配料就只有蜂蜜吗") is ``ingredients``;
- a bare count with its unit ("30袋吗", "是12片的吗") asks the count (``count``);
- when or in what order to use it ("早上能用还是只能晚上", "用在水乳前面还是后面", "先涂还是后涂", "薄涂还是厚涂")
  is ``usage`` ("怎么用"); so is a usage question naming no concept ("一次用几滴");
- a baby's or child's age with eating, drinking or using ("宝宝10个月能喝吗", "三岁孩子能吃吗") is ``child``
  (the suitability sub-topic), whichever intent the reading chose;
- the first charge of a new device ("第一次用要充满吗", "新买的要先充满再用吗") is ``first_charge``, sharper than
  the ``runtime`` or ``charge_time`` the core may read in it.

Constraints: only lines the core named no concept for are renamed, except the ``SHARP`` settings, which
replace a concept read in the same line; sub-questions with different answers keep different names (fast
charging is not the port; a child's age is not an allergy; when to use is not how much). Cost: one combined
precompiled ``re.search`` per distinct (intent, topic, text) (the caller caches), then one per rule only
when the combined pattern matched; no model call.
"""

from __future__ import annotations

import re

_PHONE = r"(?:安卓|苹果|iphone|ios|华为|小米|荣耀|oppo|vivo|三星|鸿蒙|手机)"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(cue)) for name, cue in (
    ("first_charge", r"(?:第[1一]次|头[1一]次|首次|新买的?|刚买的?|新的).{0,6}(?:充满|充电|充一下|充多久)"),
    ("power", r"快充|闪充|超级快充|pd快充"),
    ("runtime", r"(?:听|玩|用|播|放|开|亮|撑)(?:得了|的了)?(?:几|多少)个?(?:小时|钟头|钟)"),
    ("compat", _PHONE + r".{0,4}(?:能用|可以用|能连|可以连|能充|可以充|能不能用|用不了|连得上|适配|兼容)"),
    ("audience", r"男女(?:同款|通用|都能|款)|情侣款|男款|女款"),
    ("colour", r"^(?:就|只)(?:只)?有?(?:这)?[\u4e00-\u9fff]{1,4}色(?:的)?(?:吗|么|嘛)"),
    ("taste", r"^(?:有没有|有木有|有)(?:[\u4e00-\u9fff]{1,3}味|辣|甜|咸|酸|麻辣|香辣|原味)的?(?:吗|么|嘛|没|不|$)"),
    ("skin", r"油田|沙漠皮|油痘|干敏"),
    ("length", r"[五七八九]分(?:裤|袖|的)|长裤|短裤|到脚踝|及踝"),
    ("worn", r"主播(?:穿|身上|试穿|戴|用|涂|擦|抹|嘴上|脸上|手上)的?"),
    ("waterproof", r"出汗|汗水|流汗|下雨|雨天|淋雨"),
    ("filling", r"含绒量|充绒量|(?<!羊)绒(?:的)?含量"),
    ("material", r"含(?:棉|毛)量|(?:棉|羊毛|羊绒|蚕丝|涤纶|聚酯|氨纶)(?:的)?含量"),
    ("ingredients", r"糖浆|加糖|添加剂|添加糖|防腐|是纯(?![棉色])[\u4e00-\u9fff]{1,3}(?:吗|么|嘛)|配料(?:表)?(?:就|只)"),
    ("count", r"^(?:是|有)?\d+(?:袋|包|片|粒|支|颗|块|条|卷|抽|瓶|罐|只)(?:装)?(?:的)?(?:吗|么|嘛)?$"),
    ("usage", r"(?:早上|白天|晚上|早晚|睡前|白天).{0,4}(?:用|涂|擦|抹)|(?:前面|之前)还是(?:后面|之后)|先(?:用|涂|擦|抹)|"
              r"[薄厚]涂|[1一]次(?:用|涂|抹|擦)?(?:几|多少)(?:滴|泵|下|克|勺)"),
    ("child", r"(?:宝宝|孩子|小孩|儿童|娃)\s*(?:\d+|[一两二三四五六七八九十半]+)\s*(?:个月|岁)|"
              r"(?:\d+|[一两二三四五六七八九十半]+)\s*(?:个月|岁)的?(?:宝宝|孩子|小孩|儿童|娃)"),
))
# settings sharper than a concept the core read in the same line ("第一次用要充满吗" is not how long it runs)
SHARP = frozenset({"first_charge", "usage"})
# the concepts the SHARP rules replace: a "usage" timing overrides the core's "night" (晚上) or "thickness" (厚涂)
_REPLACES: dict[str, frozenset[str]] = {
    "first_charge": frozenset({"runtime", "charge_time", "battery"}),
    "usage": frozenset({"night", "thickness", "usage"}),
}
_ANY = re.compile("|".join(cue.pattern for _, cue in _RULES))
_ANY_SHARP = re.compile("|".join(cue.pattern for name, cue in _RULES if name in SHARP))


def equivalent(norm: str, replacing: str | None = None) -> str | None:
    """The concept whose answer ``norm`` asks for in other words (see the module doc), else None. With
    ``replacing`` (a concept the core read) only a ``SHARP`` setting that overrides that concept."""
    if (_ANY if replacing is None else _ANY_SHARP).search(norm) is None:
        return None
    for name, cue in _RULES:
        if replacing is not None and replacing not in _REPLACES.get(name, ()):
            continue
        if cue.search(norm) is not None:
            return name
    return None


__all__ = ["SHARP", "equivalent"]
