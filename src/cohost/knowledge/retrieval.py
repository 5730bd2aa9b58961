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
below ``ANSWER_AT`` (``why`` says which words were left uncovered). The words of a question scored here
(content words, concepts asked, the viewer's circumstances told aside) come from ``terms``. The index holds
words and vectors, never values to speak: answers read the facts again from the source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cohost.domain import ProductFact
from cohost.knowledge import segmenter
from cohost.knowledge.clauses import alternatives_left, other_clause_left, sounds_like_label, subject_missing
from cohost.knowledge.coverage import (
    Asked,
    Doc,
    Term,
    about,
    bigram_dice,
    code_given,
    content_chars,
    dimension_covered,
    firmly_covered,
    label_words,
    longer_labels,
    named_only,
    shorthand,
    spec_word,
    unit_given,
    unnamed,
)
from cohost.knowledge.lexicon import Concept, label_matches
from cohost.knowledge.linking import title_heads
from cohost.knowledge.passages import forbidden, measure_units, measured
from cohost.knowledge.spellings import pinyin_spellings
from cohost.knowledge.terms import asked_of, content_terms, measures_asked
from cohost.knowledge.terms import circumstances as circumstances  # re-exported (quantities, tests)
from cohost.knowledge.text import Question, compact, normalize
from cohost.knowledge.typos import near_name, short_name
from cohost.providers.base import Embedder

ANSWER_AT = 3.0  # least retrieval score that lets a fact answer an open question (set on the dev sets)
_GATED = ANSWER_AT - 0.1  # the score of a hit the relevance gate held back
# fact fields that can answer an open question (prices, stock and titles are answered by intent)
_SEARCHABLE = re.compile(r"^(attr:|selling_point:|faq:|evidence:|promotion:|usage$|cautions$|brand$|category$|"
                         r"policy:)")
_NAMING = re.compile(r"^(aliases|brand|category)$|^variant:.+\.name$")
_VARIANT_PARTS = re.compile(r"[\s/\-·,，+、|#（）()]+")
_TITLE_PARTS = re.compile(r"[\s【】\[\]（）()、,，/|+·]+")
_VALUE_SPLIT = re.compile(r"[/、,，;；|+\s]+|和|及|或")
_K1, _B = 1.2, 0.75
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LATIN_RUN = re.compile(r"[a-z][a-z0-9]{2,}")
# shop policy kinds by the word a viewer uses for them (formats: any kind name a merchant chose)
_POLICY_NAMES = {"installation": "安装", "install": "安装", "invoice": "发票", "customer_service": "客服", "service": "客服",
                 "exchange": "换货", "price_protection": "保价", "gift_wrap": "包装", "packaging": "包装",
                 "membership": "会员", "member": "会员", "delivery": "配送", "after_sales": "售后",
                 "trade_in": "以旧换新", "tradein": "以旧换新", "gold_price": "金价"}
# an FAQ that compares two products: the words of its answer are about either of them
_COMPARING = re.compile(r"区别|不同|差别|哪个|比较|对比|还是|vs|difference")
_WHERE_FROM = frozenset(["origin"])  # concepts no other kind of fact answers, whatever words it shares


@dataclass(frozen=True, slots=True)
class Hit:
    fact_id: str
    score: float
    why: str


class FactIndex:
    """Built from every searchable fact of a catalog version; ``search`` ranks one product's facts."""

    def __init__(self, facts: Iterable[ProductFact], embedder: Embedder | None = None) -> None:
        self._docs: list[Doc] = []
        self._by_sku: dict[str | None, list[int]] = defaultdict(list)
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._naming: dict[str | None, str] = defaultdict(str)
        self._titles: dict[str | None, str] = defaultdict(str)  # compact titles: a word of one names the product
        self._variant_words: dict[str | None, set[str]] = defaultdict(set)
        texts: list[str] = []
        for fact in facts:
            if _NAMING.match(fact.field):
                names = [compact(x) for x in re.split(r"[、,，]", str(fact.value))]
                if fact.field == "aliases":
                    names += [s for n in names for s in pinyin_spellings(n)]
                self._naming[fact.sku] += "|" + "|".join(names)
                if fact.field.startswith("variant:"):  # "M", "NB（0-5kg）" → m, nb, 0, 5kg: "m码" names a variant
                    self._variant_words[fact.sku].update(
                        w for w in (compact(x) for x in _VARIANT_PARTS.split(str(fact.value).lower())) if w)
            elif fact.field == "title":
                heads = title_heads(str(fact.value))  # "无线头戴式耳机" → 耳机: modifiers stay question words
                # a head typed in pinyin ("xnq几档") names the product as the head does
                spelled = [s for h in heads for s in pinyin_spellings(compact(h))]
                self._naming[fact.sku] += "|" + "|".join([*heads, *spelled])
                self._titles[fact.sku] = compact(str(fact.value)).lower()
            if not _SEARCHABLE.match(fact.field):
                continue
            faq = fact.field.startswith("faq:")
            label = fact.context if faq and fact.context else fact.label
            if fact.field.startswith("policy:"):  # a policy kind named in English ("installation") is asked in Chinese
                kind = fact.field[7:].lower()  # "large_item_delivery": a compound kind is named by its last word
                label = _POLICY_NAMES.get(kind) or _POLICY_NAMES.get(kind.rsplit("_", 1)[-1], label)
            value = str(fact.value)
            text = normalize(f"{label} {value}")
            terms = Counter(segmenter.terms(text))
            i = len(self._docs)
            parts = tuple(p for p in (compact(x) for x in _VALUE_SPLIT.split(normalize(value))) if 2 <= len(p) <= 12)
            words = () if faq else label_words(label)
            value_key = compact(value)
            # an evidence's label ("证明材料") says nothing: its claim is what it is about
            concept_text = "证明|" + value_key if fact.field.startswith("evidence:") else compact(label)
            residue = "".join(t.text for t in self._terms(normalize(label), None)) if faq else ""
            short = shorthand(compact(label)) if fact.field.startswith("attr:") else None
            self._docs.append(Doc(fact.id, fact.sku, fact.field, compact(label), parts, words, sum(terms.values()),
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

    def covers(self, q: Question, sku: str | None, fact_id: str) -> bool:
        """Does this fact hold the head of the question: every word it asks about (by the word, most of
        its characters, or a concept the fact is about) and every dimension it measures? What a fact
        proposed by similarity alone must pass before it may answer."""
        doc = next((self._docs[i] for i in [*self._by_sku.get(sku, []), *self._by_sku.get(None, [])]
                    if self._docs[i].fact_id == fact_id), None)
        if doc is None:
            return False
        asked = self.asked(q, sku)
        if subject_missing(q, doc, asked):
            return False
        return all(self._covered(t, doc, asked) for t in asked.specific()) and all(
            dimension_covered(d, doc, asked) for d in asked.dims)

    def title(self, sku: str | None) -> str:
        """The product's title, compact and in lower case ("" when unknown)."""
        return self._titles.get(sku, "")

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

    def _terms(self, text: str, sku: str | None, words: list[str] | None = None) -> list[Term]:
        """Content words of normalised ``text`` (``terms.content_terms``) but the words that only name the
        product ``sku`` (its title's head nouns, aliases, brand, category, variant names)."""
        naming = self._naming.get(sku, "") if sku else ""
        variants = self._variant_words.get(sku, set()) if sku else set()
        terms = content_terms(text, naming, variants, words)
        # a name typed with a homophone ("米份几个月可以吃") or the short way ("枕头" of 乳胶枕; not "刷头", a part
        # an attribute names) names the product as the name does
        return [t for t in terms if not near_name(t.text, naming) and not (short_name(t.text, naming) and not any(
            t.text in d.label + d.value_key for d in self._attrs(sku)))] if naming else terms

    def _attrs(self, sku: str | None) -> list[Doc]:
        return [self._docs[i] for i in self._by_sku.get(sku, []) if self._docs[i].field.startswith("attr:")]

    def asked(self, q: Question, sku: str | None, words: list[str] | None = None) -> Asked:
        return asked_of(q, tuple(self._terms(q.text, sku, words)))

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
    def _covered(term: Term, doc: Doc, asked: Asked) -> bool:
        """Does the fact address this word of the question? Its label or value holds the word (or most of
        its characters), or the word is part of a concept the question asks for and the label is that
        concept ("敏感肌能用吗" ↔ 适用肤质)."""
        text = term.text
        if text in doc.label or text in doc.value_key or (len(doc.label) >= 2 and doc.label in text):
            return True
        end = term.at + len(text)
        if any(s < end and term.at < e and about(c, doc) for c, s, e in asked.spans):
            return True
        chars = content_chars(text)
        latin = _LATIN_RUN.findall(text)
        if latin and len(chars) <= 1 and all(w in doc.value_key or w in doc.label for w in latin):
            return True  # "oled屏" ↔ AMOLED…: the Latin word is the subject, the hanzi names the product
        shared = chars & (set(doc.label) | set(doc.value_key))
        return bool(chars) and len(shared) >= min(2, len(chars))

    @staticmethod
    def _label_spans(q: Question, doc: Doc) -> list[tuple[int, int]]:
        """Where the question names the fact's label, itself or in full ("写入速度" ↔ 写速)."""
        text = q.text
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(doc.label), text)] if doc.label else []
        if doc.short is not None:
            spans += [(m.start(), m.end()) for m in doc.short.finditer(text)]
        return spans

    def search(self, q: Question, sku: str | None, *, shop: bool = False, limit: int = 5) -> list[Hit]:
        """Rank the facts of ``sku`` (and the shop's policies when ``shop``) for the question."""
        allowed = set(self._by_sku.get(sku, [])) if sku else set()
        if shop:
            allowed |= set(self._by_sku.get(None, []))
        if not allowed:
            return []
        words = segmenter.cut(q.text)
        blanked = unnamed(q.key, self._naming.get(sku, ""), "|".join(d.label + "|" + d.value_key for d in self._attrs(
            sku))) if sku else q.key  # the product's names ask nothing
        bm25 = self._bm25([t for t in segmenter.terms_of(words) if not named_only(t, q.key, blanked)], allowed)
        asked = self.asked(q, sku, words)
        concepts = asked.concepts
        specific = asked.specific()
        measures = measures_asked(q.text)
        said = [t.text for t in asked.terms]
        units, passage, unmeasured = measure_units(q.text), False, set[str]()
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
                dice = bigram_dice(q.key, doc.label)
                same = bigram_dice(asked.residue, doc.residue) if min(len(asked.residue), len(doc.residue)) >= 2 else 0.0
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
            elif attr and 3 <= len(doc.label) <= 6 and sounds_like_label(q.key, doc.label):
                score += 4.0  # "震动频率" ↔ 振动频率: the label typed with a homophone
                why.append("label-sound")
                strong = True
            elif any(w in blanked for w in doc.words):
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
            if any(about(c, doc) for c in concepts):
                score += 3.0
                why.append("concept")
            elif attr and measures and any(re.search(rf"\d\s*{m}", doc.value_text) for m in measures):
                score += 3.0  # "湿巾一包多少抽" ↔ 规格: 每包80抽
                why.append("measure")
            if faq or doc.field in ("category", "brand"):
                pass  # an FAQ is about its question; a category or brand value only names the product
            elif attr and any(piece in doc.value_key for piece in asked.pieces):
                score += 3.0  # "是oled屏吗" ↔ 屏幕: AMOLED…, "能水洗吗" ↔ 可全身水洗
                why.append("value-word")
            elif any(part in q.key for part in doc.values):
                score += 2.0
                why.append("value")
            elif any(t.text in doc.value_key for t in specific if not t.text.isascii() or spec_word(t.text)):
                # a word of the question inside the value: an attribute's short value (or a shop policy)
                # answers it ("能水洗吗" ↔ 可全身水洗); a long text (usage, cautions, claims) only mentions it
                score += 3.0 if attr else 1.5
                why.append("value-word")
            if i in bm25:
                score += min(bm25[i], 6.0) * 0.4
                why.append(f"bm25={bm25[i]:.1f}")
            if score < ANSWER_AT and specific and doc.sku is not None and doc.field != "category" and not (
                    faq and _COMPARING.search(doc.label)) and all(
                    firmly_covered(t, doc, asked) for t in specific):
                # every word the question asks about is in this fact (label, value, or an FAQ's question and
                # answer), each by a word or a two-character piece of it: "有没有毛刷头" ↔ 配件: …毛刷吸头…
                score = ANSWER_AT + (1.0 if faq or attr else 0.0)
                why.append("cover")
            if score >= ANSWER_AT and doc.sku is not None and (not strong or not faq):  # a shop policy is the shop's rule
                # the head of the question must be in the fact, whatever matched: every word asked about and
                # the dimension measured ("表带多宽" names 表带 but asks its width; "墨镜能配近视镜片吗" names
                # 镜片 but asks about 近视)
                aside = circumstances(q.text)
                told = [t for t in specific if any(s <= t.at < e for s, e in aside)]
                if told and not any(t not in told and self._covered(t, doc, asked) for t in specific) and not any(
                        about(c, doc) for c in concepts):
                    told = []  # nothing else of the question is in the fact: the told words may be its subject
                uncovered = [t.text for t in specific if t not in told and not self._covered(t, doc, asked)]
                uncovered += subject_missing(q, doc, asked, asking=True)  # "推车轮子多大": 轮 is the head, 展开尺寸 is not about it
                if strong:  # the label was named: a word sharing a character with the fact ("换边" ↔ 可互换), a unit
                    # its value gives a number in ("几公斤" ↔ 8kg), words inside that name, of the title, asking a
                    # kind of fact about it ("镜框什么材质" ↔ 镜框: TR90), or stray Latin words are covered by it
                    named = self._label_spans(q, doc)
                    title = self._titles.get(sku, "")
                    uncovered = [t.text for t in specific if t.text in uncovered and not t.text.isascii()
                                 and not unit_given(t.text, doc) and not code_given(t.text, doc)
                                 and not content_chars(t.text) & set(doc.label + doc.value_key)
                                 and t.text not in title and not any(
                        s <= t.at and t.at + len(t.text) <= e for s, e in named) and not any(
                        s <= t.at < e for _, s, e in asked.spans)]
                if uncovered and "还是" in q.text:
                    uncovered = alternatives_left(q.text, specific, uncovered)
                if uncovered:
                    uncovered = other_clause_left(q, doc, asked, specific, uncovered, self._label_spans(q, doc))
                uncovered += [d[0] for d in asked.dims if not faq and not dimension_covered(d, doc, asked)]
                # "磨牙棒是哪里的牛皮" asks where it is from: 材质: 牛皮 holds the word, not the origin asked of it
                uncovered += [c.name for c, s, e in asked.spans if c.name in _WHERE_FROM and not faq and not about(c, doc)
                              and not any(t.at < e and s < t.at + len(t.text) and self._covered(t, doc, asked)
                                          for t in asked.terms)][:1]
                if uncovered:
                    score = _GATED
                    why.append("gate:" + "/".join(uncovered))
            elif score >= ANSWER_AT and doc.sku is None and specific and all(
                    firmly_covered(t, doc, asked) for t in specific):
                why.append("firm")  # a shop policy is kept either way; "firm" when it holds every word asked
            if doc.field in ("usage", "cautions") and score < ANSWER_AT + 1 and (
                    measured(q.text, said, doc.value_text) or forbidden(q.text, said, doc.value_text)):
                score = ANSWER_AT + 1.5  # one sentence of the text holds what is asked ("要醒多久" ↔ 醒酒约30分钟)
                why.append("passage")
                passage = True
            elif attr and not strong and units is not None and not any(
                    w.startswith(("concept", "value", "measure", "cover")) for w in why):
                unmeasured.add(doc.fact_id)  # "奶嘴多久换一次" ↔ 奶嘴规格: a word of its label, not the measure asked
            if score > 0:
                hits.append(Hit(doc.fact_id, round(score, 3), ",".join(why)))
        caps = longer_labels({self._docs[i].fact_id: self._docs[i].label for i in allowed if self._docs[i].field.startswith(
            "attr:")}, {h.fact_id: h.score for h in hits}, q.key, ANSWER_AT)
        if passage:  # a sentence giving the measure asked outranks a label naming the word only
            caps.update(dict.fromkeys(unmeasured, _GATED))
        hits = [Hit(h.fact_id, min(h.score, caps[h.fact_id]), h.why + ",capped") if h.fact_id in caps else h for h in hits]
        hits.sort(key=lambda h: (-h.score, h.fact_id))
        return hits[:limit]


