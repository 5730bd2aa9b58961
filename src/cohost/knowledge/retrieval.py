"""Retrieval over fact *ids*: which facts of a product (or of the shop) answer a question.

Hybrid scoring, all of it explainable: BM25 over jieba terms (+ CJK bigrams), the embedder's cosine
between the question and an FAQ question or a fact text, and rule signals: the question names the
fact's label ("保质期多久" ↔ 保质期), part of it ("焙火重吗" ↔ 焙火程度, "线多长" ↔ 线长), or asks for
its concept ("能放多久" ↔ 保质期 via ``lexicon``); it names one of the fact's values ("有白色吗" ↔ 颜色:
白色/黑色) or a word the value contains ("能水洗吗" ↔ 防水等级: IPX7（可全身水洗）).

Coverage: a fact that holds every content word of the question (by the word itself, a two-character piece
leaving at most one character out, or a concept it is about) answers it even without a label match ("有没有毛刷
头" ↔ 配件: …毛刷吸头…); an FAQ is matched on its answer as well as its question (not a comparing FAQ, whose
answer speaks of two products). Spec words (4k, wifi, 24v) are matched in values; shop policies named in
English (installation, invoice) are indexed by their Chinese word.

Relevance gate: a fact matched only by a weak signal (part of its label, a concept) may not answer when
the question asks about something the fact does not address — "支持无线充电吗" is not answered by
充电接口: USB-C, "起球吗" not by 洗涤方式, "是正品吗" not by a sales ranking. Such a hit keeps a score
below ``ANSWER_AT`` (``why`` says which words were left uncovered). The index holds words and vectors,
never values to speak: answers read the facts again from the source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cohost.domain import ProductFact
from cohost.knowledge import segmenter
from cohost.knowledge.lexicon import Concept, concepts_asked, label_matches
from cohost.knowledge.linking import title_heads
from cohost.knowledge.text import Question, compact, normalize
from cohost.providers.base import Embedder

ANSWER_AT = 3.0  # least retrieval score that lets a fact answer an open question (set on the dev sets)
_GATED = ANSWER_AT - 0.1  # the score of a hit the relevance gate held back
# fact fields that can answer an open question (prices, stock and titles are answered by intent)
_SEARCHABLE = re.compile(r"^(attr:|selling_point:|faq:|evidence:|promotion:|usage$|cautions$|brand$|category$|"
                         r"policy:)")
_NAMING = re.compile(r"^(aliases|brand|category)$|^variant:.+\.name$")
_VARIANT_PARTS = re.compile(r"[\s/\-·,，+、|#（）()]+")
_VARIANT_SUFFIX = re.compile(r"(码|号|色|款|装|版|的)$")
_TITLE_PARTS = re.compile(r"[\s【】\[\]（）()、,，/|+·]+")
_VALUE_SPLIT = re.compile(r"[/、,，;；|+\s]+|和|及|或")
_K1, _B = 1.2, 0.75
# label words too general to say a question is about this label
_GENERIC_LABEL_WORDS = frozenset(["时间", "方式", "类型", "范围", "建议", "方法", "规格", "主要", "信息", "说明", "数量", "标准",
                                  "执行", "适用", "产品", "商品", "程度", "等级", "情况"])
# words of a question that carry no subject of their own: question words, modal verbs, fillers, degree
# words and generic heads ("保温效果怎么样" asks about 保温)
_FUNCTION_TEXT = """
    多少 多少钱 什么 啥 怎么 怎样 怎么样 咋样 如何 哪 哪个 哪些 哪里 哪儿 哪种 几 几个 几种 多久 多长时间 多大 多高 多长
    多宽 多厚 多重 多远 为什么 为啥 是不是 是否 有没有 能不能 会不会 可不可以 要不要 用不用 需不需要 吗 呢 吧 啊 呀 哦 哈
    嘛 么 了 的 地 得 着 过 和 跟 与 还是 或者 就是 还有 然后 所以 但是 因为 如果 可以 能 能够 会 应该 需要 要 想 支持
    适合 适用 一般 大概 大约 左右 具体 到底 究竟 真的 实际 平时 一共 总共 目前 现在 今天 直播间 链接 东西 产品 商品 宝贝
    麻烦 想问 问问 知道 告诉 确认 一下 一次 请问 效果 质量 情况 问题 方面 性能 表现 含量 衣服 衣物 裤子 鞋子 杯子 瓶子 袋子 盒子
    好 好用 怎么办 谁 出 买 拍 用 带 放 时候 的时候 卖 有卖 单卖 清楚 清晰 号链接
    有 是 不 没 没有 很 太 挺 比较 更 最 还 也 都 就 才 又 再 下 个 款 件 次 吧 呗 哇 嗯 亲 宝 宝子 家人 姐妹 大家 主播
    is are do does can will the a an it this that of to for with in on my your what how which much many any
    """
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_FUNCTION_CHARS = frozenset("多少什么啥怎样哪几吗呢吧啊呀哦嘛么了的地得着过和跟与或是否有没不能会可以要想很太挺还也都就才又再下个款件次一这那我你他她它们子儿去来到久用卖")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LATIN_RUN = re.compile(r"[a-z][a-z0-9]{2,}")
_LATIN_WORD = re.compile(r"[a-z][a-z0-9]+")
# a number with a unit ("500ml", "30斤" is cut apart) is a quantity of the viewer's, not a subject; "4k", "3c",
# "1080p" are spec words a fact may hold
_MEASURE = re.compile(r"[\d.]+(?:g|kg|ml|l|cm|mm|m|w|v|h|mah|wh|kw|mb|gb|tb|hz|km|s|min|x|t|cc|mg)?")
_SPEC = re.compile(r"[a-z0-9][a-z0-9.+-]*")
_LINK_WORD = re.compile(r"\d*号?链接\d*|\d+号")  # "6号链接" points at the product, it asks nothing
# shop policy kinds by the word a viewer uses for them (formats: any kind name a merchant chose)
_POLICY_NAMES = {"installation": "安装", "install": "安装", "invoice": "发票", "customer_service": "客服", "service": "客服",
                 "exchange": "换货", "price_protection": "保价", "gift_wrap": "包装", "packaging": "包装",
                 "membership": "会员", "member": "会员", "delivery": "配送", "after_sales": "售后"}
# an FAQ that compares two products: the words of its answer are about either of them
_COMPARING = re.compile(r"区别|不同|差别|哪个|比较|对比|还是|vs|difference")


@dataclass(frozen=True, slots=True)
class Hit:
    fact_id: str
    score: float
    why: str


@dataclass(slots=True)
class _Doc:
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
    short: re.Pattern[str] | None  # how a terse label is asked in full ("跟高" ← "跟多高"), see ``_shorthand``


@dataclass(frozen=True, slots=True)
class _Term:
    """A content word of a question: ``text`` without question characters at its edges ("能放" → 放),
    ``whole`` when jieba gave it so, ``at`` where it starts in the normalised question."""

    text: str
    whole: bool
    at: int


@dataclass(frozen=True, slots=True)
class _Asked:
    """What a question asks about, once per search: its content words and the concepts it asks for (with
    the spans of the question that asked them)."""

    terms: tuple[_Term, ...]
    residue: str
    concepts: tuple[Concept, ...]
    spans: tuple[tuple[Concept, int, int], ...]
    check_latin: bool
    pieces: tuple[str, ...] = ()  # words a fact's value may hold for it: the specific words and their parts


    def specific(self) -> list[_Term]:
        """Words a fact must address: two or more characters (English words only in a Chinese question)."""
        return [t for t in self.terms if len(t.text) >= 2 and (self.check_latin or not t.text.isascii())]


def _label_words(label: str) -> tuple[str, ...]:
    """Dictionary words of a label plus, for a short CJK label, its two halves ("焙火程度" → 焙火, 程度)."""
    norm = normalize(label)
    words = [w for w in segmenter.subwords(norm) if len(w) >= 2]
    key = compact(label)
    if 3 <= len(key) <= 6 and all(_CJK.match(c) for c in key):
        words += [key[:2], key[-2:]]
    return tuple(dict.fromkeys(w for w in words if w not in _GENERIC_LABEL_WORDS))


def _head_words(title: str) -> list[str]:
    """The nouns that name a product in its title ("星河 S5 无线头戴式耳机" → 耳机). Modifiers (无线, 加绒,
    保湿) stay question words: "支持无线充电吗" asks about 无线."""
    return title_heads(title)


def content_chars(term: str) -> set[str]:
    return {c for c in term if _CJK.match(c) and c not in _FUNCTION_CHARS}


def _strip(word: str) -> str:
    """A word without question characters at its edges: "能放" → 放, "留多久" → 留, "线有" → 线."""
    start, end = 0, len(word)
    while start < end and word[start] in _FUNCTION_CHARS:
        start += 1
    while end > start and word[end - 1] in _FUNCTION_CHARS:
        end -= 1
    return word[start:end]


class FactIndex:
    """Built from every searchable fact of a catalog version; ``search`` ranks one product's facts."""

    def __init__(self, facts: Iterable[ProductFact], embedder: Embedder | None = None) -> None:
        self._docs: list[_Doc] = []
        self._by_sku: dict[str | None, list[int]] = defaultdict(list)
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._naming: dict[str | None, str] = defaultdict(str)
        self._variant_words: dict[str | None, set[str]] = defaultdict(set)
        texts: list[str] = []
        for fact in facts:
            if _NAMING.match(fact.field):
                self._naming[fact.sku] += "|" + "|".join(compact(x) for x in re.split(r"[、,，]", str(fact.value)))
                if fact.field.startswith("variant:"):  # "M", "NB（0-5kg）" → m, nb, 0, 5kg: "m码" names a variant
                    self._variant_words[fact.sku].update(
                        w for w in (compact(x) for x in _VARIANT_PARTS.split(str(fact.value).lower())) if w)
            elif fact.field == "title":
                self._naming[fact.sku] += "|" + "|".join(_head_words(str(fact.value)))
            if not _SEARCHABLE.match(fact.field):
                continue
            faq = fact.field.startswith("faq:")
            label = fact.context if faq and fact.context else fact.label
            if fact.field.startswith("policy:"):  # a policy kind named in English ("installation") is asked in Chinese
                label = _POLICY_NAMES.get(fact.field[7:], label)
            value = str(fact.value)
            text = normalize(f"{label} {value}")
            terms = Counter(segmenter.terms(text))
            i = len(self._docs)
            parts = tuple(p for p in (compact(x) for x in _VALUE_SPLIT.split(normalize(value))) if 2 <= len(p) <= 12)
            words = () if faq else _label_words(label)
            value_key = compact(value)
            # an evidence's label ("证明材料") says nothing: its claim is what it is about
            concept_text = "证明|" + value_key if fact.field.startswith("evidence:") else compact(label)
            residue = "".join(t.text for t in self._terms(normalize(label), None)) if faq else ""
            short = _shorthand(compact(label)) if fact.field.startswith("attr:") else None
            self._docs.append(_Doc(fact.id, fact.sku, fact.field, compact(label), parts, words, sum(terms.values()),
                                   value_key, concept_text, value.lower(), residue, short))
            self._by_sku[fact.sku].append(i)
            for term, tf in terms.items():
                self._postings[term].append((i, tf))
            texts.append(normalize(label) if faq else text)
        n = max(len(self._docs), 1)
        self._avg = sum(d.length for d in self._docs) / n if self._docs else 1.0
        self._idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()}
        self._owners: dict[str, frozenset[str]] = {}
        self._embedder = embedder
        self._vectors = embedder.embed(texts, kind="passage") if embedder is not None and texts else None

    def __len__(self) -> int:
        return len(self._docs)

    def concept_owners(self, concepts: Sequence[Concept]) -> set[str]:
        """The products with an attribute labelled as one of these concepts ("留香时间" for lasting): when
        only one product has it, a question about it names that product."""
        out: set[str] = set()
        for concept in concepts:
            if concept.words is not None:
                continue  # a synonym is no attribute of its own
            owners = self._owners.get(concept.name)
            if owners is None:  # once per concept and catalog version
                owners = self._owners[concept.name] = frozenset(
                    doc.sku for doc in self._docs
                    if doc.sku is not None and doc.field.startswith("attr:") and label_matches(concept, doc.concept_text))
            out |= owners
        return out

    def _terms(self, text: str, sku: str | None, words: list[str] | None = None) -> list[_Term]:
        """Content words of normalised ``text`` (segmented as ``words`` when given): no stop or question
        words, numbers, or words that only name the product ``sku`` (its title's head nouns, aliases,
        brand, category, variant names)."""
        naming = self._naming.get(sku, "") if sku else ""
        variants = self._variant_words.get(sku, set()) if sku else set()
        out: list[_Term] = []
        at = 0
        for word in words if words is not None else segmenter.cut(text):
            start = text.find(word, at)
            at = start + len(word) if start >= 0 else at
            if word in segmenter.STOPWORDS or word in _FUNCTION_WORDS or not any(c.isalpha() for c in word):
                continue
            if _MEASURE.fullmatch(word) or (naming and word in naming) or _LINK_WORD.fullmatch(word):
                continue
            if variants and (word in variants or _VARIANT_SUFFIX.sub("", word) in variants):
                continue
            if _LATIN_WORD.fullmatch(word) or (_SPEC.fullmatch(word) and any(c.isalpha() for c in word)):
                out.append(_Term(word, True, start))
                continue
            core = _strip(word)
            if not content_chars(core) or core in _FUNCTION_WORDS or (naming and core in naming):
                continue
            out.append(_Term(core, core == word, start + word.find(core)))
        return out

    def asked(self, q: Question, sku: str | None, words: list[str] | None = None) -> _Asked:
        terms = tuple(self._terms(q.text, sku, words))
        concepts = concepts_asked(q.text)
        spans = tuple((c, m.start(), m.end()) for c in concepts for m in c.ask.finditer(q.text))
        asked = _Asked(terms, "".join(t.text for t in terms), tuple(concepts), spans, q.lang != "en")
        pieces: list[str] = []
        for t in asked.specific():
            if not t.text.isascii() or len(t.text) >= 3:
                pieces.append(t.text)
            # a word the segmenter glued ("寸笔记本", "oled屏") still holds its dictionary words and Latin runs
            pieces += [w for w in segmenter.subwords(t.text) if len(w) >= 2 and w != t.text and not w.isascii()]
            pieces += [w for w in _LATIN_RUN.findall(t.text) if w != t.text]
        # a number with its unit is the viewer's quantity, but a spec value may hold it as is ("24v能用吗")
        pieces += [w for w in _SPEC.findall(q.text) if _MEASURE.fullmatch(w) and any(c.isalpha() for c in w) and len(w) >= 3]
        return _Asked(terms, asked.residue, asked.concepts, spans, asked.check_latin, tuple(dict.fromkeys(pieces)))

    def _bm25(self, terms: Sequence[str], allowed: set[int]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for term in set(terms):
            idf = self._idf.get(term)
            if idf is None:
                continue
            for i, tf in self._postings[term]:
                if i in allowed:
                    norm = tf + _K1 * (1 - _B + _B * self._docs[i].length / self._avg)
                    scores[i] += idf * tf * (_K1 + 1) / norm
        return scores

    @staticmethod
    def _covered(term: _Term, doc: _Doc, asked: _Asked) -> bool:
        """Does the fact address this word of the question? Its label or value holds the word (or most of
        its characters), or the word is part of a concept the question asks for and the label is that
        concept ("敏感肌能用吗" ↔ 适用肤质)."""
        text = term.text
        if text in doc.label or text in doc.value_key or (len(doc.label) >= 2 and doc.label in text):
            return True
        end = term.at + len(text)
        if any(s < end and term.at < e and _about(c, doc) for c, s, e in asked.spans):
            return True
        chars = content_chars(text)
        latin = _LATIN_RUN.findall(text)
        if latin and len(chars) <= 1 and all(w in doc.value_key or w in doc.label for w in latin):
            return True  # "oled屏" ↔ AMOLED…: the Latin word is the subject, the hanzi names the product
        shared = chars & (set(doc.label) | set(doc.value_key))
        return bool(chars) and len(shared) >= min(2, len(chars))

    def search(self, q: Question, sku: str | None, *, shop: bool = False, limit: int = 5) -> list[Hit]:
        """Rank the facts of ``sku`` (and the shop's policies when ``shop``) for the question."""
        allowed = set(self._by_sku.get(sku, [])) if sku else set()
        if shop:
            allowed |= set(self._by_sku.get(None, []))
        if not allowed:
            return []
        words = segmenter.cut(q.text)
        bm25 = self._bm25(segmenter.terms_of(words), allowed)
        asked = self.asked(q, sku, words)
        concepts = asked.concepts
        specific = asked.specific()
        cosine: dict[int, float] = {}
        if self._embedder is not None and self._vectors is not None:
            try:
                qv = self._embedder.embed([q.text], kind="query")[0]
            except Exception:  # an embedder failure only removes this signal; BM25 and rules remain
                qv = None
            if qv is not None:
                idx = sorted(allowed)
                sims = self._vectors[idx] @ qv
                cosine = {i: float(s) for i, s in zip(idx, sims, strict=True)}
        hits: list[Hit] = []
        for i in allowed:
            doc = self._docs[i]
            score, why, strong = 0.0, [], False
            attr, faq = doc.field.startswith("attr:"), doc.field.startswith("faq:")
            if faq:
                sim = cosine.get(i, 0.0)
                dice = _dice(q.key, doc.label)
                same = _dice(asked.residue, doc.residue) if min(len(asked.residue), len(doc.residue)) >= 2 else 0.0
                if asked.residue and asked.residue == doc.residue and _NUMBER.findall(q.key) == _NUMBER.findall(doc.label):
                    same = 1.0  # "会闷吗" ↔ "会不会闷": the same question once the question words are gone (and
                    # the same numbers: "几岁能骑" is not "2岁宝宝能骑吗")
                match = max(sim if sim >= 0.45 else 0.0, dice if dice >= 0.5 else 0.0, same if same >= 0.6 else 0.0)
                if match:
                    score += 6.0 * match
                    why.append(f"faq~{match:.2f}")
                    strong = True
                elif any(not t.text.isascii() and t.text in doc.label for t in specific):
                    score += 3.0  # "划痕怎么算" ↔ "有没有划痕保障": the question's own word is the FAQ's subject
                    why.append("faq-word")
            elif len(doc.label) >= 2 and doc.label in q.key:
                score += 4.0
                why.append("label")
                strong = True  # the question names the attribute itself
            elif attr and doc.short is not None and doc.short.search(q.key):
                score += 4.0
                why.append("label-short")
                strong = True  # a terse label asked in full: "袖子多长" ↔ 袖长, "几个格子" ↔ 格数
            elif any(w in q.key for w in doc.words):
                score += 3.0
                why.append("label-word")
            elif attr:  # the question's own word is (mostly) in the label: "线多长" ↔ 线长, "多少页" ↔ 页数
                label_chars = set(doc.label)
                if any((chars := content_chars(t.text)) and chars <= label_chars and (len(chars) >= 2 or t.whole)
                       for t in asked.terms):
                    score += 3.0
                    why.append("label-char")
                elif any(content_chars(t.text) & label_chars for t in asked.terms):
                    score += 1.0
                    why.append("label-char~")
            if any(_about(c, doc) for c in concepts):
                score += 3.0
                why.append("concept")
            if faq or doc.field in ("category", "brand"):
                pass  # an FAQ is about its question; a category or brand value only names the product
            elif attr and any(piece in doc.value_key for piece in asked.pieces):
                score += 3.0  # "是oled屏吗" ↔ 屏幕: AMOLED…, "能水洗吗" ↔ 可全身水洗
                why.append("value-word")
            elif any(part in q.key for part in doc.values):
                score += 2.0
                why.append("value")
            elif any(t.text in doc.value_key for t in specific if not t.text.isascii() or _spec_word(t.text)):
                # a word of the question inside the value: an attribute's short value (or a shop policy)
                # answers it ("能水洗吗" ↔ 可全身水洗); a long text (usage, cautions, claims) only mentions it
                score += 3.0 if attr else 1.5
                why.append("value-word")
            if i in bm25:
                score += min(bm25[i], 6.0) * 0.4
                why.append(f"bm25={bm25[i]:.1f}")
            if score < ANSWER_AT and specific and doc.sku is not None and doc.field != "category" and not (
                    faq and _COMPARING.search(doc.label)) and all(
                    _firmly_covered(t, doc, asked) for t in specific):
                # every word the question asks about is in this fact (label, value, or an FAQ's question and
                # answer), each by a word or a two-character piece of it: "有没有毛刷头" ↔ 配件: …毛刷吸头…
                score = ANSWER_AT + (1.0 if faq or attr else 0.0)
                why.append("cover")
            if score >= ANSWER_AT and not strong and doc.sku is not None:  # a shop policy is the shop's rule
                uncovered = [t.text for t in specific if not self._covered(t, doc, asked)]
                if uncovered:
                    score = _GATED
                    why.append("gate:" + "/".join(uncovered))
            elif score >= ANSWER_AT and doc.sku is None and specific and all(
                    _firmly_covered(t, doc, asked) for t in specific):
                why.append("firm")  # a shop policy is kept either way; "firm" when it holds every word asked
            if score > 0:
                hits.append(Hit(doc.fact_id, round(score, 3), ",".join(why)))
        hits.sort(key=lambda h: (-h.score, h.fact_id))
        return hits[:limit]


# what may stand between the two characters of a terse label in a question: question words, "子"/"服"
# ("袖子多长" ↔ 袖长, "带子多长" ↔ 带长) and the verbs that spec sheets drop (输入/读取/输出 → 入/取/出)
_GAP = "[" + "".join(sorted(_FUNCTION_CHARS | set("服入取出"))) + "]"


def _shorthand(label: str) -> re.Pattern[str] | None:
    """How a terse label is asked in full: a one-character label with a question word at its side ("重" ←
    "有多重", "重吗"), a two-character one with up to two question characters inside ("袖长" ← "袖子多长",
    "取速" ← "读取速度"), a count label by its noun ("格数" ← "几个格子", "有多少格")."""
    if not label or not all(_CJK.match(c) for c in label):
        return None
    if len(label) == 1:
        return re.compile(rf"(多|几|有多){label}|{label}(吗|么|不|量)")
    if len(label) in (2, 3) and label.endswith("数"):
        noun = label[:-1]
        return re.compile(rf"(几|多少)个?{noun}|{noun}(有)?(几|多少)")
    if len(label) == 2:
        return re.compile(rf"{label[0]}{_GAP}{{1,2}}{label[1]}")
    return None


def _spec_word(text: str) -> bool:
    """A Latin word worth matching in a fact's value: a real word (3+ letters: wifi, suv, psi) or a spec code
    with a digit (4k, 3c, 1080p)."""
    return len(text) >= 3 or (any(c.isdigit() for c in text) and any(c.isalpha() for c in text))


def _firmly_covered(term: _Term, doc: _Doc, asked: _Asked) -> bool:
    """The fact holds the word itself, or (a word of three or more characters) a two-character piece of it,
    or the word is part of a concept the fact is about. Stricter than ``_covered``: scattered characters
    do not count."""
    text = term.text
    where = doc.label + "|" + doc.value_text  # punctuation kept: "一年质保，质保期" holds no "保质"
    if text in where:
        return True
    end = term.at + len(text)
    if any(s < end and term.at < e and _about(c, doc) for c, s, e in asked.spans):
        return True
    if text.isascii() or len(text) < 3:
        return False
    # two-character pieces found in the fact must leave at most one character of the word out: "毛刷头" ↔
    # 毛刷吸头, but not "人脸识别" ↔ 指纹识别
    held: set[int] = set()
    for i in range(len(text) - 1):
        piece = text[i:i + 2]
        if piece in where and all(_CJK.match(c) and c not in _FUNCTION_CHARS for c in piece):
            held.update((i, i + 1))
    return len(held) >= len(text) - 1


def _about(concept: Concept, doc: _Doc) -> bool:
    """Is the fact about the concept: its label says so, or (an attribute) its value has the concept's
    unit ("冲泡方式: 90℃以上热水…" is about 水温)."""
    if concept.words is not None:  # a synonym: the merchant's word anywhere in the fact (or an FAQ's question)
        return concept.words.search(doc.value_text) is not None or concept.words.search(doc.label) is not None
    if label_matches(concept, doc.concept_text):
        return True
    return concept.units is not None and doc.field.startswith("attr:") and concept.units.search(doc.value_text) is not None


def _dice(a: str, b: str) -> float:
    """Character-bigram Dice similarity of two compact strings."""
    if len(a) < 2 or len(b) < 2:
        return 1.0 if a and a == b else 0.0
    x = Counter(a[i : i + 2] for i in range(len(a) - 1))
    y = Counter(b[i : i + 2] for i in range(len(b) - 1))
    overlap = sum((x & y).values())
    return 2.0 * overlap / (sum(x.values()) + sum(y.values()))
