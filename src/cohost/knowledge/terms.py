"""The terms of a question: the content words it asks about, and what it asks (``Asked``).

A content word is what is left of a question without stop and question words, fillers and degree words
(``_FUNCTION_WORDS``), numbers and quantities ("500ml", "30斤": the viewer's, not a subject), link words
("6号链接") and the words that only name the product asked about; a word glued to a question character
keeps its core ("能放吗" → 放). Latin words and spec words ("4k", "oled", "24v") stay whole. ``asked_of``
adds the concepts asked, the pieces a fact may hold of each word and the dimensions measured. The viewer's
own circumstances told beside a question ("我家有两只胖橘") are found by ``circumstances``: words there say
why they ask, not what. Used by ``retrieval.FactIndex``, which knows each product's naming words.
"""

from __future__ import annotations

import re

from cohost.knowledge import segmenter
from cohost.knowledge.coverage import Asked, Term, content_chars, dimensions, strip_question_chars
from cohost.knowledge.lexicon import concepts_asked
from cohost.knowledge.text import Question, normalize_question

_VARIANT_SUFFIX = re.compile(r"(码|号|色|款|装|版|的)$")
# words of a question that carry no subject of their own: question words, modal verbs, fillers, degree
# words and generic heads ("保温效果怎么样" asks about 保温)
_FUNCTION_TEXT = """
    多少 多少钱 什么 啥 怎么 怎样 怎么样 咋样 如何 哪 哪个 哪些 哪里 哪儿 哪种 几 几个 几种 多久 多长时间 多大 多高 多长
    多宽 多厚 多重 多远 为什么 为啥 是不是 是否 有没有 能不能 会不会 可不可以 要不要 用不用 需不需要 吗 呢 吧 啊 呀 哦 哈
    嘛 么 了 的 地 得 着 过 和 跟 与 还是 或者 就是 还有 然后 所以 但是 因为 如果 可以 能 能够 会 应该 需要 要 想 支持
    适合 适用 一般 大概 大约 左右 具体 到底 究竟 真的 实际 平时 一共 总共 目前 现在 今天 直播间 链接 东西 产品 商品 宝贝
    麻烦 想问 问问 知道 告诉 确认 一下 一次 请问 效果 质量 情况 问题 方面 性能 表现 含量 衣服 衣物 裤子 鞋子 杯子 瓶子 袋子 盒子
    好 好用 怎么办 谁 出 买 拍 用 带 放 时候 的时候 卖 有卖 单卖 清楚 清晰 号链接 里面 里边 买回 买回来 回来 到手
    有 是 不 没 没有 很 太 挺 比较 更 最 还 也 都 就 才 又 再 下 个 款 件 次 吧 呗 哇 嗯 亲 宝 宝子 家人 姐妹 大家 主播
    is are do does can will the a an it this that of to for with in on my your what how which much many any content whats
    """
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_LATIN_RUN = re.compile(r"[a-z][a-z0-9]{2,}")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[a-z][a-z0-9]+")
# a number with a unit ("500ml", "30斤" is cut apart) is a quantity of the viewer's, not a subject; "4k", "3c",
# "1080p" are spec words a fact may hold
_MEASURE = re.compile(r"[\d.]+(?:g|kg|ml|l|cm|mm|m|w|v|h|mah|wh|kw|mb|gb|tb|hz|km|s|min|x|t|cc|mg)?")
_SPEC = re.compile(r"[a-z0-9][a-z0-9.+-]*")
_LINK_WORD = re.compile(r"\d*号?链接\d*|\d+号")  # "6号链接" points at the product, it asks nothing


# the viewer's own circumstances told beside a question ("承重多少 我家有两只胖橘", "晚上遛狗有反光吗"): words
# there say why they ask, not what; a fact whose label the question names need not hold them
_CIRCUMSTANCE = re.compile(
    r"(我家|我们家|俺家|家里|我的|我这|我)(的)?(有|养|是|那|这)?[^?？。!！,，]{0,12}|"
    r"(晚上|夜里|白天|早上|平时|出门|周末)?(遛狗|遛猫|遛弯|散步|出门|外出|上班|睡觉|开车|跑步|出差|旅行|旅游|露营|爬山)(的时候|时|用)?")


def circumstances(text: str) -> list[tuple[int, int]]:
    """Spans of normalised ``text`` that tell the viewer's situation rather than ask."""
    return [(m.start(), m.end()) for m in _CIRCUMSTANCE.finditer(text) if m.end() > m.start()]


def _names(word: str, naming: str) -> bool:
    """Does ``word`` only name the product: a piece of one of its names ("|"-joined ``naming``). One hanzi
    names it only as the kind a name ends in ("杯" of 保温杯), not from inside a name ("铁" of 高铁米粉: "有铁吗"
    asks about iron)."""
    if len(word) > 1 or not CJK_CHAR.match(word):
        return word in naming
    return f"{word}|" in naming + "|"


def content_terms(text: str, naming: str, variants: set[str], words: list[str] | None = None) -> list[Term]:
    """Content words of normalised ``text`` (segmented as ``words`` when given): no stop or question
    words, numbers, or words that only name the product: found in ``naming`` (its title's head nouns,
    aliases, brand, category, variant names, "|"-joined) or among its ``variants``' words."""
    out: list[Term] = []
    at = 0
    for word in words if words is not None else segmenter.cut(text):
        start = text.find(word, at)
        at = start + len(word) if start >= 0 else at
        if len(word) > 1 and word[0] in "号#" and start > 0 and text[start - 1].isdigit():
            word, start = word[1:], start + 1  # "8号座椅" cut as 8 / 号座椅: the link number's 号 is not the word's
        if word in segmenter.STOPWORDS or word in _FUNCTION_WORDS or not any(c.isalpha() for c in word):
            continue
        if _MEASURE.fullmatch(word) or (naming and _names(word, naming)) or _LINK_WORD.fullmatch(word):
            continue
        if variants and (word in variants or _VARIANT_SUFFIX.sub("", word) in variants):
            continue
        if _LATIN_WORD.fullmatch(word) or (_SPEC.fullmatch(word) and any(c.isalpha() for c in word)):
            out.append(Term(word, True, start))
            continue
        core = strip_question_chars(word)
        if not content_chars(core) or core in _FUNCTION_WORDS or (naming and _names(core, naming)):
            continue
        out.append(Term(core, core == word, start + word.find(core)))
    return out


def asked_of(q: Question, terms: tuple[Term, ...]) -> Asked:
    """What ``q`` asks: its content words ``terms`` (``content_terms``), the concepts it asks for and where,
    the pieces of its words a fact may hold ("寸笔记本" → 笔记本) and the dimensions it measures."""
    concepts = concepts_asked(q.text)
    spans = tuple((c, m.start(), m.end()) for c in concepts for m in c.ask.finditer(q.text))
    asked = Asked(terms, "".join(t.text for t in terms), tuple(concepts), spans, q.lang != "en")
    pieces: list[str] = []
    for t in asked.specific():
        if not t.text.isascii() or len(t.text) >= 3:
            pieces.append(t.text)
        # a word the segmenter glued ("寸笔记本", "oled屏") still holds its dictionary words and Latin runs
        pieces += [w for w in segmenter.subwords(t.text) if len(w) >= 2 and w != t.text and not w.isascii()]
        pieces += [w for w in _LATIN_RUN.findall(t.text) if w != t.text]
    # a number with its unit is the viewer's quantity, but a spec value may hold it as is ("24v能用吗")
    pieces += [w for w in _SPEC.findall(q.text) if _MEASURE.fullmatch(w) and any(c.isalpha() for c in w) and len(w) >= 3]
    return Asked(terms, asked.residue, asked.concepts, spans, asked.check_latin, tuple(dict.fromkeys(pieces)),
                 dimensions(q.text))



# punctuation, or a space between two hanzi ("透气吗 爬山会不会闷"; not "ipad air5": Latin words are spaced anyway)
_CLAUSE_BREAK = re.compile(r"\s*[?？!！,，。;；~～]+\s*|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def clause_spans(q: Question) -> list[tuple[int, int]]:
    """Where the clauses of ``q.text`` are: the runs the viewer typed between spaces and punctuation ("透气吗
    爬山会不会闷" → two clauses; normalising joins hanzi across spaces, so the pieces of ``q.raw`` are found
    again in order). A viewer adds a clause to say why they ask ("能塞背包吗", "怕吵醒宝宝")."""
    out: list[tuple[int, int]] = []
    at = 0
    for piece in _CLAUSE_BREAK.split(q.raw):
        text = normalize_question(piece).text if piece else ""
        if not text:
            continue
        start = q.text.find(text, at)
        if start < 0:
            return [(0, len(q.text))]
        out.append((start, start + len(text)))
        at = start + len(text)
    return out or [(0, len(q.text))]


# "多少抽", "几两", "几节": a count or amount asked in a measure word; "个/种/款/次/号/天…" say nothing of which fact
_MEASURE_ASKED = re.compile(r"(?:多少|几)([\u4e00-\u9fff])")
_NO_MEASURE = frozenset("个种款次号天岁月年点分样位件块钱元码色下遍回度多")


def measures_asked(text: str) -> frozenset[str]:
    """The measure words a question counts in ("湿巾一包多少抽" → 抽): a fact whose value gives a number in
    that measure ("每包80抽") answers it."""
    return frozenset(m.group(1) for m in _MEASURE_ASKED.finditer(text) if m.group(1) not in _NO_MEASURE)
