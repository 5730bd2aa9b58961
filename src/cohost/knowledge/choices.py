"""Choices: a question that offers the answer to be confirmed or picked — "是纯银的吗", "是304的吗",
"是淡水还是海水的", "深杯还是浅杯", "是两节的吗" — is answered by the one attribute whose value holds an
offered word; the value then says yes, no or which.

    offered("是淡水还是海水的")                                   # → ["淡水", "海水"]
    chosen("是淡水还是海水的", [("珍珠", "天然淡水珍珠…")], "")     # → 0

A word is held by a value when the value contains it; a material word ("纯银", "真丝", "实木") also when a
material attribute's value holds its head character ("S925银", "桑蚕丝"): a material is named by its last
character (ending a phrase of the value), and that attribute then says which one it is. Words of the product's own name are no choice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cohost.knowledge import quantities
from cohost.knowledge.lexicon import concept, label_matches
from cohost.knowledge.text import compact

_WORD = r"[\u4e00-\u9fffa-z0-9.]{1,8}?"
_PART = r"[\u4e00-\u9fffa-z0-9.]{1,6}?"
_EITHER = re.compile(rf"(?:^|是|[\s,，])(?!是)((?:(?!是|还是)[\u4e00-\u9fffa-z0-9.]){{1,6}}?)(?:的)?还是({_PART})(?:的|呀|啊|呢|哦|吗)*$")
_CONFIRM = re.compile(rf"(?:^|[\s,，])(?:这个|这款|它|这)?(?:是不是|是)({_WORD})(?:的|做的|材质的?)?(?:吗|么|嘛|吧|不)$")
_IS_IT = re.compile(rf"(?:^|[\s,，])(?:这个|这款|它|这)?是不是({_WORD})(?:的|做的|材质的?)$")  # "是不是真皮的"
_LEAD = re.compile(r"^(这个|这款|它|这|那个|请问|想问下?|问下)")
_NUMERAL = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10"}
_COUNTED = re.compile(r"([一二两三四五六七八九十])(?=[节层档段片个只根块件寸])")
MATERIAL = concept("material")
# "这个真皮吗", "纯棉吗": a material word asked to be confirmed without 是
_BARE_MATERIAL = re.compile(r"(?:^|[\s,，])(?:这个|这款|它|这)?(真皮|纯棉|全棉|真丝|桑蚕丝|纯羊毛|羊毛|羊绒|实木|纯银|纯铜|不锈钢|牛皮|羊皮)"
                            r"(?:的)?(?:吗|么|嘛)$")
# not a choice between values: opinions, states and the viewer's own ("真的", "正品", "新款", "现货")
_NOT_VALUE = re.compile(r"^(真的|假的|正品|真货|新款|旧款|现货|预售|包邮|同款|一样|一起|我的|你们|自己|全新|原装|官方|好的|对的)$")


def offered(text: str) -> list[str]:
    """The words a normalised question offers to confirm or choose between ([] when it offers none)."""
    text = _LEAD.sub("", text.strip().rstrip("?？。!！~～ "))
    m = _EITHER.search(text) or _CONFIRM.search(text) or _IS_IT.search(text) or _BARE_MATERIAL.search(text)
    if m is None:
        return []
    out = []
    for word in m.groups():
        word = _COUNTED.sub(lambda n: _NUMERAL[n.group(1)], _LEAD.sub("", word or "")).strip(".")
        if len(word) >= 2 and not _NOT_VALUE.match(word):
            out.append(word)
    return out


def _holds(word: str, value: str) -> bool:
    """The value holds the word, or a two-character word with one character between ("浅杯" ↔ 浅线杯)."""
    if word in value:
        return True
    return len(word) == 2 and re.search(re.escape(word[0]) + "." + re.escape(word[1]), value) is not None


def chosen(text: str, attributes: Sequence[tuple[str, str]], names: Sequence[str]) -> int | None:
    """Index of the one attribute (label, value) whose value holds a word the question offers, else None.
    ``names`` are the words that name the product itself ("钓箱": "是钓箱吗" asks no attribute)."""
    words = [w for w in offered(text) if not any(w in n or n in w for n in names)]
    if not words:
        return None
    values = [compact(value).lower() for _, value in attributes]
    material = {i for i, (label, _) in enumerate(attributes) if label_matches(MATERIAL, compact(label))}
    heads = {w[-1] for w in words if not w[-1].isascii()}
    # the head ends a phrase of the value ("S925银，…", "桑蚕丝（…）"), not inside a word ("袋装弹簧")
    by_head = {i for i in material if any(re.search(re.escape(h) + r"(?![\u4e00-\u9fff])", attributes[i][1])
                                          for h in heads)}
    held = {i for i, v in enumerate(values) for w in words if _holds(w, v)}
    told = [q for w in words for q in quantities.told(w)]  # "是1m98吗" ↔ 长度: 1.98米
    held |= {i for i, (_, value) in enumerate(attributes) for f in quantities.written(value) for q in told
             if f.dimension == q.dimension and f.low * 0.99 <= q.low <= f.high * 1.01}
    if held and by_head and not held & material:
        return None  # "是真丝吗": 洗涤: 用真丝专用… names it, 面料: 桑蚕丝 says what it is — not clear which
    if not held:  # "纯银" ↔ 材质: S925银 — the head character of a material, in the material attribute only
        held = by_head
    return next(iter(held)) if len(held) == 1 else None


# --- what a material attribute's value names --------------------------------------------------------
# "含棉量多少", "羊绒含量多少", "羊毛占多少": the share of a material the composition names with a number
_SHARE_WORD = re.compile(r"([\u4e00-\u9fff]{1,4}?)\s*\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%\s*([\u4e00-\u9fff]{1,4})")
# "什么皮", "啥绒", "是什么棉的": the kind of a material, named by its head character
_KIND = re.compile(r"(?:什么|啥|哪种|哪一种)(?:样的?)?([皮绒棉毛丝麻革木银金钢胶纶])")
# the part of the product asked: the lining ("里面", "内里") or the outside ("外面", "面料")
_INNER = re.compile(r"里面|内里|里子|里层|内层|内衬|内胆|夹层")
_OUTER = re.compile(r"外面|外层|外边|表面|面子|面料|鞋面|外壳")
_INNER_LABEL = re.compile(r"里|内|衬|胆")
_OUTER_LABEL = re.compile(r"面|外|壳")


def _shares(value: str) -> list[str]:
    return [w for m in _SHARE_WORD.finditer(value) for w in m.groups() if w]


def contained(text: str, attributes: Sequence[tuple[str, str]]) -> int | None:
    """"含棉量多少" ↔ 面料成分: 棉98%、氨纶2%: the one attribute whose value gives the asked material a share."""
    if "含" not in text and not re.search(r"占|比例|百分之|多少%|几成", text):
        return None
    found = set()
    for i, (_, value) in enumerate(attributes):
        for word in _shares(value.lower()):
            for w in {word, word[-2:], word[-1:]}:
                if len(w) >= 1 and re.search(rf"含{re.escape(w)}量|{re.escape(w)}(的)?(含量|占比|比例|占多少|成分)|"
                                             rf"含(多少|几成)?{re.escape(w)}", text):
                    found.add(i)
    return next(iter(found)) if len(found) == 1 else None


def material_part(text: str, attributes: Sequence[tuple[str, str]]) -> int | None:
    """"里面是什么绒" ↔ 里料: 德绒, "切尔西什么皮" ↔ 鞋面材质: 头层牛皮, "外面面料是啥" ↔ 面料成分: the one material
    attribute of the part asked (lining or outside) whose value holds the kind asked; None when not one."""
    kind = _KIND.search(text)
    inner, outer = _INNER.search(text) is not None, _OUTER.search(text) is not None
    if kind is None and not (inner or outer):
        return None
    pool = [i for i, (label, _) in enumerate(attributes) if label_matches(MATERIAL, compact(label))]
    if inner and not outer:
        pool = [i for i in pool if _INNER_LABEL.search(attributes[i][0])]
    elif outer and not inner:
        pool = [i for i in pool if not _INNER_LABEL.search(attributes[i][0])]
        pool = [i for i in pool if _OUTER_LABEL.search(attributes[i][0])] or pool
    if kind is not None:
        head = kind.group(1)
        pool = [i for i in pool if re.search(re.escape(head) + r"(?![\u4e00-\u9fff])", attributes[i][1])]
    elif not MATERIAL.ask.search(text) and not re.search(r"什么|啥", text):
        return None  # "里面加绒吗": a part named, no material asked
    return pool[0] if len(pool) == 1 else None
