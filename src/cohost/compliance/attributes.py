"""Checking what a claim says about the goods themselves: origin (place) and attributes, specifications, figures.

Constraints:

- Attributes and specifications are compared as tokens (:mod:`cohost.compliance.units`): only a
  number with the same unit outside the fact's value, range or bound, a code of the same family with
  another number, or a colour/size the fact does not list contradicts. Descriptive words never do,
  and the product's own text (a selling point, the usage note) supports what it says word for word.
  A figure the fact only bounds (50% against "≥40%") is unsupported, not contradicted.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cohost.compliance.claims import MATERIALS, SPEC_PATTERNS, Claim, place_in
from cohost.compliance.evidence import _bigrams, _numbers
from cohost.compliance.facts import ProductView, Verdict, _Attribute
from cohost.compliance.numbers import parse_number
from cohost.compliance.text import NormalizedText, normalize_term
from cohost.compliance.units import STRICT, bare_numbers, codes, enums, quantities


def _origin(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    said = claim.subject or ""
    if claim.detail == "modifier":
        return _origin_modifier(claim, view)
    if claim.detail == "component":  # an ingredient's or part's origin: backed when the product's text names it
        spot = place_in(said)
        place = spot[0] if spot else said
        hit = next((fid for fid, text in view.corpus if place and place in text), None)
        return Verdict("supported", (hit,)) if hit else Verdict("unsupported", note="原料或部件的产地，商品信息没有写明")
    for name, attr in view.attributes.items():
        raw, value = attr.raw, attr.value
        if any(k in name for k in ("产地", "原产", "产区", "生产地", "出产")):
            actual = place_in(value)
            fid = f"{view.sku}.attr:{raw}"
            if claim.detail == "import":
                named = place_in(said)
                if named is not None and named[1] and named[0] != "进口" and named[0] not in value:
                    return Verdict("contradicted", (fid,), value, "进口来源与商品信息不一致")  # 新西兰 vs 爱尔兰
                abroad = actual is not None and actual[1]
                return Verdict("supported", (fid,)) if abroad else Verdict("contradicted", (fid,), value, "产地为国内，不能说进口")
            if said and (said in value or (actual and actual[0] in said)):
                finer = _finer_place(norm.text[claim.start:claim.end], said)
                if finer and finer not in value and _finer_place(value, actual[0] if actual else said):
                    return Verdict("contradicted", (fid,), value, "产地与商品信息不一致")  # 新疆和田 vs 新疆若羌
                return Verdict("supported", (fid,))
            return Verdict("contradicted", (fid,), value, "产地与商品信息不一致")
    for fid, text in view.corpus:
        if said and said in text and (fid.endswith(".title") or ".evidence:" in fid):
            return Verdict("supported", (fid,))
    return Verdict("needs_evidence", note="产地说法需要商品信息或证明材料")


def _origin_modifier(claim: Claim, view: ProductView) -> Verdict:
    """正宗阳澄湖大闸蟹 / 五常大米: the place said before the product's noun, against its origin attribute; a place the
    product's own text names is supported, and without an origin attribute nothing is claimed against."""
    place = claim.subject or ""
    own = next((fid for fid, text in view.corpus if place in text and ".promotion:" not in fid), None)
    if own:
        return Verdict("supported", (own,))
    for name, attr in view.attributes.items():
        if any(k in name for k in ("产地", "原产", "产区", "生产地", "出产")):
            fid = f"{view.sku}.attr:{attr.raw}"
            return Verdict("contradicted", (fid,), view.product.attributes.get(attr.raw, attr.value), "产地与商品信息不一致")
    return Verdict("unsupported", note="商品信息没有写明产地")


# a spoken filler closing the clause (产地是浙江湖州哈) ends the place, it is not part of a finer one
_FINER = re.compile(r"(?:(?![的产出种特是为在])[\u4e00-\u9fff]){2,4}?"
                    r"(?=的|产|出|种|特|县|市|州|镇|区|盟|$|[,。!?;、\s]|[哈啊呀呢吧哦嘛啦喔](?:$|[,。!?;~\s]))")


def _finer_place(text: str, region: str) -> str | None:
    """The locality named right after ``region`` in ``text`` (新疆和田 → 和田), if any."""
    pos = text.find(region)
    if pos < 0:
        return None
    m = _FINER.match(text, pos + len(region))
    return m.group(0) if m else None


def _attribute(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    """An attribute is contradicted only by a conflicting number with its unit, code or listed value;
    descriptive words (质地清爽不黏腻 against 质地: 清透水感) never contradict, and the product's own
    text (a selling point, the usage note) supports what it says."""
    attr = view.attributes.get(claim.subject or "")
    if attr is None:
        return Verdict("unsupported", note="属性描述无法核对")
    fid = f"{view.sku}.attr:{attr.raw}"
    # 容量也从4.5升变成了5.5升: the value it has now is the one after the change (the one before is its previous model's)
    said = _ATTR_LEAD.sub("", _CHANGED_FROM.sub("", norm.text[claim.start + len(claim.subject or ""):claim.end]))
    if _DELTA_SAID.match(said):
        return Verdict("unsupported", note="说的是变化量，不是属性值")  # 充绒量多了20克: a difference, not the value
    whole = norm.text[claim.start:claim.end]
    if said and said in attr.value:
        return Verdict("supported", (fid,))
    named = _next_named(said, view, claim.subject or "")
    if named is not None:  # 音色 200种节奏: the figure is followed by its own attribute's name, and is that one's value
        return named
    own = _own_text(view, whole)
    verdicts = _token_verdicts(said, attr)
    if "conflict" in verdicts:
        if own is not None:
            return Verdict("supported", (own,))
        return Verdict("contradicted", (fid,), view.product.attributes.get(attr.raw, attr.value), "与商品属性不一致")
    if "supported" in verdicts or own is not None:
        return Verdict("supported", (own or fid,))
    if "consistent" in verdicts:
        return Verdict("unsupported", (fid,), note="与商品信息不矛盾，但商品信息没有写明")
    lead = _LEAD_NUMBER.match(said)
    if not verdicts and lead and attr.quantities:  # 颗粒物CADR高达800 against 500m³/h: the figure, its unit left out
        if Decimal(lead.group(0)) in _numbers(attr.value):
            return Verdict("supported", (fid,))
        return Verdict("contradicted", (fid,), view.product.attributes.get(attr.raw, attr.value), "与商品属性不一致")
    grams = {g for g in _bigrams(said[:6]) if not g.isdigit()}  # 800 and 500 share "00", not a value
    if grams and (said[:4] in attr.value or len(grams & _bigrams(attr.value)) / len(grams) >= 0.5):
        return Verdict("supported", (fid,))
    return Verdict("unsupported", note="属性描述无法核对")


def _next_named(said: str, view: ProductView, subject: str) -> Verdict | None:
    """The verdict on a figure that names another attribute right after it (400种音色 200种节奏, read as 音色 → 200种节奏)."""
    if not said[:1].isdigit():
        return None
    for name, other in view.attributes.items():
        lead = re.match(rf"(\d+(?:\.\d+)?)\s*[^\d\s,。!?;]{{0,2}}?{re.escape(name)}", said) if name != subject else None
        if lead is not None and name:
            if Decimal(lead.group(1)) in _numbers(other.value):
                return Verdict("supported", (f"{view.sku}.attr:{other.raw}",))
            return Verdict("contradicted", (f"{view.sku}.attr:{other.raw}",),
                           view.product.attributes.get(other.raw, other.value), "与商品属性不一致")
    return None


# a change said by its size (充绒量多了20克, 重量增加20g, 容量提升了30%): the difference from another model, not the value
_DELTA_SAID = re.compile(r"(?:比[^,。!?;]{1,8}?)?(?:多了|少了|增加了?|减少了?|提升了?|提高了?|降低了?|加了|减了|轻了|重了|大了|小了|"
                    r"涨了|高了|低了|增重|减重)(?!到|至|成)\s*[\d一二两三四五六七八九十百]")
_CHANGED_FROM = re.compile(r"^(?:也|都|还|就)?从[^,。!?;]{1,12}?(?:变成|变为|升级到|升级成|升级为|增加到|增加至|提升到|提升至|"
                           r"扩大到|加大到|改成|换成|变到|到)了?")
_LEAD_NUMBER = re.compile(r"\d+(?:\.\d+)?(?![\d.%])")
_ATTR_LEAD = re.compile(r"^(?:是|为|:|有|约|大约|大概|差不多|达到|达|足足|只有|高达|能到|能达到|可达|可以达到|可以到|长达|最多|最长|能用)?\s*")


def _spec(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    """A grade code, counted part or part material said without its attribute name, against every attribute
    value that states the same kind of thing; nothing comparable → unsupported (no finding)."""
    said = claim.subject or ""
    m = next((p.fullmatch(said) for d, p in SPEC_PATTERNS if d == claim.detail), None)
    if m is None:
        return Verdict("unsupported")
    if claim.detail == "grade":
        return _grade(m, view)
    for raw, value in view.product.attributes.items():
        val = normalize_term(value)
        fid = f"{view.sku}.attr:{raw}"
        if claim.detail == "grade":
            continue  # judged against the title and every attribute together, below
        if claim.detail == "code":
            theirs = {v.group("v") for v in SPEC_PATTERNS[0][1].finditer(val) if v.group("fam") == m.group("fam")}
        elif claim.detail == "count":
            theirs = {str(parse_number(v.group("v"))) for v in SPEC_PATTERNS[1][1].finditer(val)
                      if v.group("cl") == m.group("cl") and (v.group("noun").endswith(m.group("noun")[-2:])
                                                             or m.group("noun").endswith(v.group("noun")[-2:]))}
            if str(parse_number(m.group("v"))) in theirs:
                return Verdict("supported", (fid,))
        else:
            if m.group("noun") not in val and m.group("noun") not in normalize_term(raw):
                continue
            named = [x for x in MATERIALS if x in val]
            named = [x for x in named if not any(x != y and x in y for y in named)]  # 316不锈钢, not also 不锈钢
            mat = m.group("v")
            if not named or any(mat.endswith(x) and mat != x for x in named):
                continue  # nothing to compare, or the value is less specific (不锈钢 against 316不锈钢)
            if any(x == mat or x.endswith(mat) for x in named):
                return Verdict("supported", (fid,))
            return Verdict("contradicted", (fid,), value, "与商品属性不一致")
        if not theirs:
            continue
        if claim.detail == "code" and m.group("v") in theirs:
            return Verdict("supported", (fid,))
        return Verdict("contradicted", (fid,), value, "与商品属性不一致")
    return Verdict("unsupported", note="商品信息没有写明")


def _grade(m: re.Match[str], view: ProductView) -> Verdict:
    """95白鹅绒 against the product's own texts: the same material with its number (90白鹅绒 in the title), or a
    content attribute (含绒量 90%) when the material is a down or fibre; another number → contradicted."""
    noun, value = m.group("noun"), Decimal(m.group("v"))
    pattern = SPEC_PATTERNS[3][1]
    stated: dict[Decimal, str] = {}
    for fid, text in view.corpus:
        for g in pattern.finditer(text):
            if g.group("noun").endswith(noun[-2:]) or noun.endswith(g.group("noun")[-2:]):
                stated.setdefault(Decimal(g.group("v")), fid)
    for name, attr in view.attributes.items():
        if "含" in name and "量" in name and any(c in name for c in noun[-1:]):
            for q in attr.quantities:
                if q.unit == "%" and q.lo == q.hi:
                    stated.setdefault(q.lo, f"{view.sku}.attr:{attr.raw}")
    if value in stated:
        return Verdict("supported", (stated[value],))
    if stated:
        return Verdict("contradicted", tuple(dict.fromkeys(stated.values())),
                       "、".join(f"{v.normalize():f}{noun}" for v in stated), "与商品信息不一致")
    return Verdict("unsupported", note="商品信息没有写明")


def _own_text(view: ProductView, said: str) -> str | None:
    """The fact id of the product text that says ``said`` word for word (a selling point, the usage)."""
    if len(said) < 4:
        return None
    for fid, text in view.corpus:
        if said in text:
            return fid
    return None


def _token_verdicts(said: str, attr: _Attribute) -> set[str]:
    """How each checkable token of ``said`` (quantity, code, listed value) fares against the attribute."""
    out: set[str] = set()
    for q in quantities(said):
        judged = {attr_q.judge(q) for attr_q in attr.quantities} - {None}
        if judged:
            out.add("supported" if "supported" in judged else "consistent" if "consistent" in judged else "conflict")
    for family, numbers in codes(said).items():
        if family in attr.codes:
            out.add("supported" if numbers & attr.codes[family] else "conflict")
    for vocab, items in enums(said).items():
        if vocab in attr.enums:
            out.add("supported" if items <= attr.enums[vocab] else "conflict")
    if attr.bare and not attr.quantities:
        for q in bare_numbers(said):
            out.add("supported" if any(b.judge(q) == "supported" for b in attr.bare) else "conflict")
    return out


def _numeric(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    said = claim.amounts or tuple(quantities(norm.text[claim.start:claim.end]))
    if not said:
        return Verdict("unsupported")
    others: list[str] = []
    cited: list[str] = []
    verdicts = []
    for q in said:  # every side of a size, each against every figure of the product's texts
        best: tuple[int, str] | None = None
        for fid, token, fact in view.facts.corpus_quantities:
            judged = fact.judge(q)
            if judged == "conflict":
                others.append(token)
            elif judged is not None and (best is None or _GRADE[judged] > best[0]):
                best = (_GRADE[judged], fid)
        verdicts.append(best[0] if best else 0)
        if best:
            cited.append(best[1])
    if verdicts and min(verdicts) == _GRADE["supported"]:
        return Verdict("supported", tuple(dict.fromkeys(cited)))
    if verdicts and min(verdicts) > 0:
        return Verdict("unsupported", tuple(dict.fromkeys(cited)), note="与商品信息不矛盾，但商品信息没有写明")
    c_start, _ = norm.clause(claim.start)
    if _DELTA.search(norm.text, max(c_start, claim.start - 6), claim.start):
        return Verdict("unsupported", note="差值，不是商品规格")  # 比上一代轻了30克: a difference, not the weight
    if _FITS.match(norm.text, claim.end):
        return Verdict("unsupported", note="适配物品的尺寸，不是本品规格")  # 1.5米和1.8米的床都能盖: the bed's size
    if _ADVICE.search(norm.text, c_start, claim.start):
        return Verdict("unsupported", note="建议的其他规格，不是本品规格")  # 手小也可以考虑40寸: another size, as advice
    _, c_end = norm.clause(claim.start)
    dose = (_DOSE.search(norm.text, max(c_start, claim.start - 8), claim.start) is not None
            or _CALC.search(norm.text, c_start, c_end) is not None)
    if others and said[0].unit in STRICT and not dose:
        return Verdict("contradicted", (), "、".join(dict.fromkeys(others)), "与商品规格不一致")
    return Verdict("unsupported", note="规格数字在商品信息里找不到")


_GRADE = {"supported": 2, "consistent": 1}
# the size of the thing the goods go on or into (1.5米和1.8米的床都能盖, 适合1.2米宽的窗户): not the goods' own size
_FITS = re.compile(r"(?:(?:和|或|、|到|-)\s*[\d.]+\s*(?:米|m|cm|厘米|寸))?(?:宽|长|高)?的?(?:床|床垫|沙发|餐桌|桌子|桌面|车|窗户|窗|门|房间|卧室|户型|阳台)")
# a size put forward as an alternative or compared with (也可以考虑40寸, 建议选小一号, 比42码的大一点): not a claim about
# the goods on sale
_ADVICE = re.compile(r"考虑|建议|可以选|可选|或者|不如|换成|换个|改成|比(?=[^,。!?;]{0,3}$)|推荐(?:选|买|你)")
_DOSE = re.compile(r"每次|一次|每天|每日|每餐|取|用量|挤|倒|加|放|泡|兑|冲|一天|一周|一个月|换|按")
# a usage calculation (按一天换6片算, 算下来能用9天): its figures are arithmetic, not the product's specification
_CALC = re.compile(r"按[^,。!?;]{0,12}?算|算下来|算一下|能用\d+|可以用\d+|大概能用|够用")
_DELTA = re.compile(r"(?:[轻重多少大小高低长短省快慢薄厚宽窄]了|增加了?|减少了?|提升了?|降低了?|缩短了?|延长了?|节省了?|提高了?)"
                    r"(?:约|大约|近|将近|足足)?\s*$")

