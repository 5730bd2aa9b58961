"""What a fact covers of a question: the records retrieval works on (``Doc`` for an indexed fact,
``Term`` for a content word of a question, ``Asked`` for what a question asks) and the tests of whether a
fact addresses a word ("毛刷头" ↔ 毛刷吸头), a concept ("敏感肌" ↔ 适用肤质) or the dimension a question
measures ("多宽" needs a width, not a material: ``dimension_covered``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from cohost.knowledge import segmenter
from cohost.knowledge.lexicon import Concept, label_matches
from cohost.knowledge.text import compact, normalize

CJK = re.compile(r"[\u4e00-\u9fff]")
FUNCTION_CHARS = frozenset("最多少什么啥怎样哪几吗呢吧啊呀哦嘛么了的地得着过和跟与或是否有没不能会可以要想很太挺还也都就才又再下个款件次一这那我你他她它们子儿去来到久用卖")

# label words too general to say a question is about this label
_GENERIC_LABEL_WORDS = frozenset(["时间", "方式", "类型", "范围", "建议", "方法", "规格", "主要", "信息", "说明", "数量", "标准",
                                  "执行", "适用", "产品", "商品", "程度", "等级", "情况"])


@dataclass(slots=True)
class Doc:
    fact_id: str
    sku: str | None
    field: str
    label: str  # compact label (for an FAQ: its question)
    values: tuple[str, ...]  # compact value parts worth matching in a question
    words: tuple[str, ...]  # words of the label ("耐热温度" → 耐热, 温度) minus generic ones
    length: int
    value_key: str  # the whole value, compact: where a question's own word may be found
    concept_text: str  # what concept cues are matched on (label; for evidence also the claim)
    value_text: str  # the value in lower case, units and symbols kept ("90℃")
    residue: str  # an FAQ question without its question words: "钢笔写会不会透" → 钢笔写透
    short: re.Pattern[str] | None  # how a terse label is asked in full ("跟高" ← "跟多高"), see ``shorthand``


@dataclass(frozen=True, slots=True)
class Term:
    """A content word of a question: ``text`` without question characters at its edges ("能放" → 放),
    ``whole`` when jieba gave it so, ``at`` where it starts in the normalised question."""

    text: str
    whole: bool
    at: int


@dataclass(frozen=True, slots=True)
class Asked:
    """What a question asks about, once per search: its content words and the concepts it asks for (with
    the spans of the question that asked them)."""

    terms: tuple[Term, ...]
    residue: str
    concepts: tuple[Concept, ...]
    spans: tuple[tuple[Concept, int, int], ...]
    check_latin: bool
    pieces: tuple[str, ...] = ()  # words a fact's value may hold for it: the specific words and their parts
    dims: tuple[tuple[str, int, int], ...] = ()  # dimensions the question measures ("多宽" → 宽) and where

    def specific(self) -> list[Term]:
        """Words a fact must address: two or more characters (English words only in a Chinese question)."""
        return [t for t in self.terms if len(t.text) >= 2 and (self.check_latin or not t.text.isascii())]


def content_chars(term: str) -> set[str]:
    return {c for c in term if CJK.match(c) and c not in FUNCTION_CHARS}


def strip_question_chars(word: str) -> str:
    """A word without question characters at its edges: "能放" → 放, "留多久" → 留, "线有" → 线."""
    start, end = 0, len(word)
    while start < end and word[start] in FUNCTION_CHARS:
        start += 1
    while end > start and word[end - 1] in FUNCTION_CHARS:
        end -= 1
    return word[start:end]


# what may stand between the two characters of a terse label in a question: question words, "子"/"服"
# ("袖子多长" ↔ 袖长, "带子多长" ↔ 带长) and the verbs that spec sheets drop (输入/读取/输出 → 入/取/出)
_GAP = "[" + "".join(sorted(FUNCTION_CHARS | set("服入取出"))) + "]"


def shorthand(label: str) -> re.Pattern[str] | None:
    """How a terse label is asked in full: a one-character label with a question word at its side ("重" ←
    "有多重", "重吗"), a two-character one with up to two question characters inside ("袖长" ← "袖子多长",
    "取速" ← "读取速度"), a count label by its noun ("格数" ← "几个格子", "有多少格")."""
    if not label or not all(CJK.match(c) for c in label):
        return None
    if len(label) == 1:
        return re.compile(rf"(多|几|有多){label}|{label}(吗|么|不|量)")
    if len(label) in (2, 3) and label.endswith("数"):
        noun = label[:-1]
        return re.compile(rf"(几|多少)个?{noun}|{noun}(有)?(几|多少)")
    if len(label) == 2:
        return re.compile(rf"{label[0]}{_GAP}{{1,2}}{label[1]}")
    return None


def spec_word(text: str) -> bool:
    """A Latin word worth matching in a fact's value: a real word (3+ letters: wifi, suv, psi) or a spec code
    with a digit (4k, 3c, 1080p)."""
    return len(text) >= 3 or (any(c.isdigit() for c in text) and any(c.isalpha() for c in text))


def firmly_covered(term: Term, doc: Doc, asked: Asked) -> bool:
    """The fact holds the word itself, or (a word of three or more characters) a two-character piece of it,
    or the word is part of a concept the fact is about. Stricter than ``_covered``: scattered characters
    do not count."""
    text = term.text
    where = doc.label + "|" + doc.value_text  # punctuation kept: "一年质保，质保期" holds no "保质"
    if text in where:
        return True
    end = term.at + len(text)
    if any(s < end and term.at < e and about(c, doc) for c, s, e in asked.spans):
        return True
    if text.isascii() or len(text) < 3:
        return False
    # two-character pieces found in the fact must leave at most one character of the word out: "毛刷头" ↔
    # 毛刷吸头, but not "人脸识别" ↔ 指纹识别
    held: set[int] = set()
    for i in range(len(text) - 1):
        piece = text[i:i + 2]
        if piece in where and all(CJK.match(c) and c not in FUNCTION_CHARS for c in piece):
            held.update((i, i + 1))
    return len(held) >= len(text) - 1


def about(concept: Concept, doc: Doc) -> bool:
    """Is the fact about the concept: its label says so, or (an attribute) its value has the concept's
    unit ("冲泡方式: 90℃以上热水…" is about 水温)."""
    if concept.words is not None:  # a synonym: the merchant's word anywhere in the fact (or an FAQ's question)
        return concept.words.search(doc.value_text) is not None or concept.words.search(doc.label) is not None
    if label_matches(concept, doc.concept_text):
        return True
    return concept.units is not None and doc.field.startswith("attr:") and concept.units.search(doc.value_text) is not None


def bigram_dice(a: str, b: str) -> float:
    """Character-bigram Dice similarity of two compact strings."""
    if len(a) < 2 or len(b) < 2:
        return 1.0 if a and a == b else 0.0
    x = Counter(a[i : i + 2] for i in range(len(a) - 1))
    y = Counter(b[i : i + 2] for i in range(len(b) - 1))
    overlap = sum((x & y).values())
    return 2.0 * overlap / (sum(x.values()) + sum(y.values()))


# a question that measures a dimension: "表带多宽", "跟有多高", "厚度是多少" (not "多长时间": that is a duration)
_DIMENSION = re.compile(r"(?:多|几)(宽|长(?!时间)|高|厚|深|粗)|(宽|长|高|厚|深|粗)度?(?:是|有)?多少")
_DIGIT = re.compile(r"\d")


def dimensions(text: str) -> tuple[tuple[str, int, int], ...]:
    """The dimensions a question measures, each with the span that asks it."""
    return tuple(((m.group(1) or m.group(2)), m.start(), m.end()) for m in _DIMENSION.finditer(text))


def dimension_covered(dim: tuple[str, int, int], doc: Doc, asked: Asked) -> bool:
    """Does the fact give the dimension the question measures? Its label names it (宽 in 宽度, 高 in 适用身高),
    a concept asked at that place is what the fact is about, or its value states a measure with that word
    ("宽2cm"). "表带多宽" is not answered by 表带: 真皮表带，可换 — that is a different question."""
    char, start, end = dim
    if char in doc.label:
        return True
    if any(s < end and start < e and about(c, doc) for c, s, e in asked.spans):
        return True
    if char == "长" and _DURATION.search(doc.value_text):
        return True  # "保质期多长" ↔ 12个月: how long, of a fact that is a length of time
    return char in doc.value_text and _DIGIT.search(doc.value_text) is not None


_DURATION = re.compile(r"\d\s*(?:个月|月|天|年|周|小时|分钟|h\b|min)")
# a word asking for an identifier ("编号", "许可证号发一下") that a code of letters and digits gives
_CODE_WORD = re.compile(r"^[编号码发给看查下]+$")
_CODE = re.compile(r"[a-z]{0,4}\d{6,}")


def code_given(word: str, doc: Doc) -> bool:
    """"有SC编号吗" ↔ 生产许可证: SC1155…: the number asked for is the fact's code."""
    return ("号" in word or "码" in word) and _CODE_WORD.match(word) is not None and _CODE.search(doc.value_key) is not None


# measuring units a viewer writes out ("几公斤") where a spec writes a number with a symbol ("8kg")
_UNIT_WORDS = re.compile(r"^(公斤|千克|克|斤|吨|厘米|公分|毫米|米|公里|升|毫升|小时|分钟|秒|毫安|瓦|伏|寸|英寸|度|平米|平方)$")


def unit_given(word: str, doc: Doc) -> bool:
    """A unit word the fact answers with a number: "最大卸力几公斤" ↔ 最大卸力: 8kg."""
    return _UNIT_WORDS.match(word) is not None and _DIGIT.search(doc.value_text) is not None


def longer_labels(labels: dict[str, str], scores: dict[str, float], key: str, least: float) -> dict[str, float]:
    """Caps for facts whose label shares a word with a label the question names whole, and is not named itself:
    "风速多少m/s" names 风速, not 风速档位; "进口商是谁" not 进口方式 — the label named (and answering: ``least``)
    ranks first (attribute labels by fact id → the cap)."""
    named = {fid: label for fid, label in labels.items() if len(label) >= 2 and label in key and scores.get(fid, 0) >= least}
    caps: dict[str, float] = {}
    for fid, label in labels.items():
        if fid in scores and label not in key:
            over = [scores[n] for n, short in named.items() if any(short[i:i + 2] in label for i in range(len(short) - 1))]
            if over and scores[fid] >= max(over):
                caps[fid] = max(over) - 0.1
    return caps


def unnamed(key: str, naming: str, held: str) -> str:
    """``key`` with every name of the product (two characters or more, "|"-joined ``naming``) blanked out:
    a word inside "乳胶枕多大" names the pillow, it does not ask for the label 乳胶含量. A name an attribute
    holds too (``held``: its labels and values; "绿茶" of 茶类: 绿茶) still tells about that attribute."""
    for name in sorted({n for n in naming.split("|") if len(n) >= 2 and n in key and n not in held},
                       key=len, reverse=True):
        key = key.replace(name, "|")
    return key


def named_only(term: str, key: str, blanked: str) -> bool:
    """Is a retrieval ``term`` of the question found only inside the product's names (``blanked`` is
    ``unnamed(key, …)``)?"""
    return term in key and term not in blanked


def label_words(label: str) -> tuple[str, ...]:
    """Dictionary words of a label plus, for a short CJK label, its two halves ("焙火程度" → 焙火, 程度)."""
    norm = normalize(label)
    words = [w for w in segmenter.subwords(norm) if len(w) >= 2]
    key = compact(label)
    if 3 <= len(key) <= 6 and all(CJK.match(c) for c in key):
        words += [key[:2], key[-2:]]
    return tuple(dict.fromkeys(w for w in words if w not in _GENERIC_LABEL_WORDS))
