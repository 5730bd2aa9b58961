"""Product linking: which product (and which variants) a question is about.

Evidence, strongest first: a link number ("3号链接", "链接3", "第3个链接" → ``display_order``), the sku,
the full title, an alias, the brand, title words, attribute values and variant names (the forms and their
weights: ``mentions``; a name typed wrong: ``typos``). Every surface form is weighted by how many products
share it, so a shared alias or brand never picks one product on its own. The product on screen
(``context_sku``) wins unless the question names another product clearly. Ties are reported as ambiguous,
never guessed. Built once per catalog version; ``link`` is pure and takes microseconds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick

from cohost.domain import Product
from cohost.knowledge.kinds import not_inside, unsold_word
from cohost.knowledge.lexicon import english_colours, english_nouns
from cohost.knowledge.mentions import NAMING as NAMING  # the weights links are judged by, re-exported
from cohost.knowledge.mentions import WEAK as WEAK
from cohost.knowledge.mentions import build_forms, maximal, used_with, variant_pieces
from cohost.knowledge.mentions import title_heads as title_heads  # re-exported (drafting, tests)
from cohost.knowledge.spellings import loose as _loose
from cohost.knowledge.spellings import present as _present
from cohost.knowledge.spellings import short_forms, variant_tokens
from cohost.knowledge.text import Question, compact
from cohost.knowledge.typos import FuzzyNames

STRONG = 2.0  # a mention this strong moves the answer away from the product on screen
_TIE = 0.75  # within this of the best score, two products are a tie
_LINK_NUMBER = [  # 连结: 連結, the Taiwan word for a link, after traditional → simplified
    re.compile(r"(?:链接|连结|link|no\.?)\s*#?\s*(\d{1,3})"),
    re.compile(r"第\s*(\d{1,3})\s*(?:个|款|号)?\s*(?:链接|连结|宝贝|商品|产品|款|个)"),
    re.compile(r"#\s*(\d{1,3})(?!\d)"),
    re.compile(r"(?<![\d.a-z#])(\d{1,3})\s*#"),  # "5#多少", "2#nb码": the number then the mark
    re.compile(r"(?<![\d.a-z])(\d{1,3})\s*号?\s*(?:链接|连结|宝贝|商品|产品|车)"),
]
# a bare "3号" is a link only when such a link exists and it is not a date ("5号发货") or a size ("38号")
_BARE_NUMBER = re.compile(
    r"(?<![\d.a-z月#])([1-9]\d{0,2})\s*号(?!发|到|前|之前|以前|左右|晚上|早上|上午|中午|下午|那天|当天|能到|开始|结束|截止|以后|后|码|鞋|色)"
)
_TITLE_PARTS = re.compile(r"[\s【】\[\]（）()、,，/|+·]+")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]")
_ALONE = re.compile(r"(^|[^\u4e00-\u9fff]|的)\x00($|[^\u4e00-\u9fff]|[的还有呢吗嘛么没])")  # a character said as a word
_KIND_THEN = frozenset("有还呢没")
_HASH_NUMBER = frozenset({2, 3})  # the _LINK_NUMBER patterns that are only a "#" and a number: a shade code too
# a Latin model name and its suffix ("x200pro" of x200): the longer name names another model
_MODEL_SUFFIX = re.compile(r"(.*[a-z0-9])(pro|max|plus|mini|ultra|lite)")  # "膜有…", "线还有吗": a kind opening the question as its subject
_SPACED = re.compile(r"[^a-z0-9.\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class Link:
    """``sku``: the product answered about; ``named``: all it names clearly; ``candidates``: an ambiguous tie."""
    sku: str | None
    via: str  # link_number | mention | context | attribute | ambiguous | unknown_link | none
    score: float = 0.0
    named: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    link_number: int | None = None
    unsold: str | None = None  # a kind of product the question names that no product is ("防晒霜" in a sports shop)
    context: str | None = None
    context_variant: str | None = None
    separate: bool = False  # ambiguous only as one product: each candidate is named by its own words


@dataclass(slots=True)
class _VariantKey:
    """``tokens`` must all appear for the whole name; ``extra`` ("NB（0-5kg）": in brackets) adds evidence."""
    sku: str
    tokens: list[str]
    extra: list[str]


def _names_product(form: str, names: str) -> bool:
    """A Chinese word of two or more characters that the product's title or aliases also hold: saying it
    names the product, not one of its variants."""
    return len(form) >= 2 and not form.isascii() and form in names


def _before_name(short: str, key: str, names: str) -> bool:
    """"2人帐篷" of 2人款: a shortened variant word right before a word naming the product (two characters
    of its title or aliases)."""
    i = key.find(short)
    if len(short) < 2 or i < 0:
        return False
    after = key[i + len(short):i + len(short) + 2]
    return len(after) == 2 and not after.isascii() and after in names


_COLOUR_ASKED = re.compile(r"([黑白灰蓝红绿粉紫黄橙棕咖银金青杏米驼])(色|的)")
_FUZZY_FORM = re.compile(r"[\u4e00-\u9fff]{2,8}")
_FLAVOUR_ASKED = re.compile(r"([\u4e00-\u9fff]{1,3}?)子?味")
_NOT_FLAVOUR = re.compile(r"[什啥哪几么种有的]|原")


class ProductLinker:
    def __init__(self, products: Sequence[Product]) -> None:
        self.skus = {p.sku for p in products}
        self.by_order = {p.display_order: p.sku for p in products if p.display_order is not None}
        self.parent = {v.sku: p.sku for p in products for v in p.variants}
        self.variants: dict[str, list[_VariantKey]] = {
            p.sku: [_VariantKey(v.sku, *variant_tokens(v.name)) for v in p.variants] for p in products
        }
        self._names = {p.sku: "|".join(compact(x) for x in [p.title, *p.aliases]) for p in products}
        self._pieces = {v.sku: variant_pieces(v.tokens, telling=True) for keys in self.variants.values() for v in keys}
        # the last character of the title and of every alias: the kind of thing ("手机壳", "透明壳" → 壳)
        self._kinds = {p.sku: {n[-1] for n in (compact(x) for x in [p.title, *p.aliases]) if n and _CJK_WORD.match(n[-1])}
                       for p in products}
        self._kind_chars = frozenset(c for kinds in self._kinds.values() for c in kinds)
        self._en: dict[str, dict[str, float]] = {}
        self._forms, self._raw = build_forms(products)  # forms shared out; weights before sharing
        # every form found in one pass over a question (forms are letters and digits, never "en:…")
        self._automaton = ahocorasick.Automaton()
        for index, (form, _) in enumerate(self._forms):
            self._automaton.add_word(form, index)
        if self._forms:
            self._automaton.make_automaton()
        self._fuzzy = FuzzyNames({f: w for f, w in self._forms if _FUZZY_FORM.fullmatch(f)
                                  and max(self._raw[f].values()) >= NAMING}, self._raw)
        # everything a product's own facts say: a word found here is about the product on screen
        self._vocab = vocab = {p.sku: "|".join(compact(x) for x in [
            p.title, *p.aliases, *p.attributes, *p.attributes.values(), *(v.name for v in p.variants),
            *(f.q for f in p.faq), p.usage or "", p.cautions or "", *p.selling_points]) for p in products}
        self._all_vocab = "|".join([*vocab.values(), *(compact(p.category or "") for p in products)])
        self._labels = frozenset(compact(k) for p in products for k in p.attributes)  # "配料表" asks of 配料: no goods

    # queries --------------------------------------------------------------------------------------------
    def link_numbers(self, q: Question, context_sku: str | None = None) -> list[int]:
        sizes = {t for v in self.variants.get(context_sku or "", []) for t in (*v.tokens, *v.extra)}
        found: list[tuple[int, int]] = []
        for at, pattern in enumerate(_LINK_NUMBER):
            for m in pattern.finditer(q.text):
                number = int(m.group(1))
                # "#03还有吗" with a lipstick in #01…#04 on screen: its shade, not link 3
                if at in _HASH_NUMBER and any(re.fullmatch(rf"#?0*{number}", t) for t in sizes):
                    continue
                if number > 0 and all(m.start(1) != s for s, _ in found):
                    found.append((m.start(1), number))
        for m in _BARE_NUMBER.finditer(q.text):
            number = int(m.group(1))
            if number not in self.by_order or any(re.fullmatch(rf"0*{number}(号|码)?", t) for t in sizes):
                continue
            if all(m.start(1) != s for s, _ in found):
                found.append((m.start(1), number))
        return [n for _, n in sorted(found)]

    def mentions(self, key: str, context: str | None = None, text: str | None = None) -> tuple[dict[str, float], dict[str, set[str]]]:
        """Scores and matched forms per product. With a product on screen, a form its own facts contain
        ("内胆" when it has 内胆材质) is taken as about that product and does not count for others.
        ``text`` (the normalised question) lets Latin words be told apart ("the sofa" is not
        "thesofa") and English product nouns name products ("scarf" → a title holding its Chinese noun)."""
        scores: dict[str, float] = defaultdict(float)
        matched: dict[str, set[str]] = defaultdict(set)
        vocab = self._vocab.get(context, "") if context else ""
        spaced = _SPACED.sub(" ", text) if text and re.search(r"[a-z]", text) else ""
        candidates = self._occurring(key, spaced)
        for form, by_sku in ((f, w) for f, w in self._english(text) if f not in key) if spaced else ():
            candidates.append((form, by_sku))
        found = [(f, w) for f, w in candidates
                 if _present(f, key) or (spaced and (f.startswith("en:") or (f.isascii() and _present(f, spaced))))]
        found += self._fuzzy.find(key, [f for f, _ in found])
        found = not_inside(found, text, self._raw, self._kinds, self._all_vocab)
        kept = maximal(found, key)  # a word the product on screen lacks names another product: its own words
        if context:  # "能泡茶叶吗", "送数据线吗": what the product on screen is used on or comes with
            kept = [(f, w) for f, w in kept if context in w or not used_with(f, key)]
        # count for it too ("座椅isofix的吗" with a pram on screen that has a 座椅 of its own)
        longer = self._longer_models(kept, key, context) if context else set()
        told = {sku for form, by_sku in kept if not (vocab and form in vocab) or form in longer
                for sku in by_sku if sku != context}
        for form, by_sku in kept:
            own = bool(vocab) and form in vocab and form not in longer
            for sku, weight in by_sku.items():
                if own and sku != context and (sku not in told or self._raw.get(form, {}).get(sku, 0.0) < STRONG):
                    continue
                scores[sku] += weight
                matched[sku].add(form)
        return dict(scores), dict(matched)

    def _longer_models(self, kept: list[tuple[str, dict[str, float]]], key: str, context: str) -> set[str]:
        """Forms that are a model name of the product on screen plus a Latin suffix ("x200pro" while the X200
        is shown): they name the longer model even when the shown product's facts mention it, unless the
        shorter name is said on its own as well ("x200和x200pro", a comparison)."""
        names = set(self._names.get(context, "").split("|"))
        out = set()
        for form, _ in kept:
            m = _MODEL_SUFFIX.fullmatch(form)
            if m and m.group(1) in names and form not in names and m.group(1) not in key.replace(form, "|"):
                out.add(form)
        return out

    def _unsold(self, q: Question) -> str | None:
        """The product kind a question names that the catalog lacks, told by a catalog word inside it ("防晒霜" ⊃ 防晒)."""
        spaced = _SPACED.sub(" ", q.text) if re.search(r"[a-z]", q.text) else ""
        return next((w for f, _ in self._occurring(q.key, spaced) if not f.isascii() and f not in self._labels
                     and (w := unsold_word(q.text, f, self._all_vocab))), None)

    def _occurring(self, key: str, spaced: str) -> list[tuple[str, dict[str, float]]]:
        """The forms that occur in ``key`` (or in ``spaced``) and start with a character of ``key``, ordered
        by that character (in ``set(key)`` order) and then longest first: the forms the predicates of
        ``mentions`` are tried on. Every other form fails them (each needs a substring match)."""
        if not self._forms:
            return []
        automaton = self._automaton
        hits = {index for _, index in automaton.iter(key)}
        if spaced:
            hits.update(index for _, index in automaton.iter(spaced))
        if not hits:
            return []
        order = {char: at for at, char in enumerate(set(key))}
        forms = self._forms
        ranked = sorted((order[forms[i][0][0]], i) for i in hits if forms[i][0][0] in order)
        return [forms[i] for _, i in ranked]

    def _english(self, text: str | None) -> list[tuple[str, dict[str, float]]]:
        """Forms ``en:<noun>`` for the English product nouns in ``text``: a product whose title or alias
        holds the Chinese noun is named by it (shared, it counts for each as any shared form does)."""
        out = []
        for noun in english_nouns(text or ""):
            form = f"en:{noun}"
            holders = self._en.get(form)
            if holders is None:  # a few dozen nouns at most per catalog version: remembered
                holders = self._en[form] = {sku: NAMING for sku, names in self._names.items() if noun in names}
            if holders:
                out.append((form, {sku: w / len(holders) for sku, w in holders.items()}))
        return out

    def _named_elsewhere(self, matched: dict[str, set[str]], ctx: str) -> set[str]:
        """Products named by a naming form (title, head word, alias) that the product on screen lacks. A
        generic form the product on screen could be called too ("杯子" while a 保温杯 is shown: every
        character of it is in its name) does not move the question away."""
        forms = {f for sku, fs in matched.items() if sku != ctx for f in fs}
        own = matched.get(ctx, set())
        named: set[str] = set()
        for form in forms - own:
            by_sku = self._raw.get(form) or self._en.get(form, {})
            if ctx in by_sku or self._fits(form, ctx):
                continue
            named.update(s for s, w in by_sku.items() if w >= NAMING)
        return named

    def _fits(self, form: str, ctx: str) -> bool:
        """Could the product on screen be called ``form`` too: every character of it (but 子/儿) is in
        its title or aliases ("杯子" fits a 保温杯, not a hoodie)."""
        core = {c for c in form.removeprefix("en:") if _CJK_WORD.match(c)} - set("子儿的个")
        return bool(core) and core <= set(self._names.get(ctx, ""))

    @staticmethod
    def _separate(tie: tuple[str, ...], matched: dict[str, set[str]]) -> bool:
        """Each product of the tie is named by words of its own ("龙井和茉莉花茶" names two products; "精华"
        one of two)."""
        sets = [matched.get(s, set()) for s in tie]
        return len(tie) > 1 and all(a and not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:])

    def _ambiguous(self, q: Question, top: float, named: tuple[str, ...], tie: tuple[str, ...],
                   matched: dict[str, set[str]], ctx: str | None) -> Link:
        """A tie. When each product is named by its own words, they are listed in the question's order
        (a comparison answers about them in that order)."""
        separate = self._separate(tie, matched)
        if not separate:
            # "M码胸背还有吗", "桃子味猫砂有没": of the products the words fit, only one has the variant named
            having = [s for s in tie if self.variants_in(s, q)]
            if len(having) == 1:
                return Link(having[0], "mention", top, named=named, context=ctx)
        if separate:
            def first(sku: str) -> int:
                spots = [q.key.find(f) for f in matched[sku] if not f.startswith("en:")]
                return min([p for p in spots if p >= 0], default=len(q.key))

            tie = tuple(sorted(tie, key=first))
        return Link(None, "ambiguous", top, named=named, candidates=tie, context=ctx, separate=separate)

    def _tie(self, ranked: list[tuple[str, float]], matched: dict[str, set[str]], exclude: str | None) -> tuple[str, ...]:
        """Products within ``_TIE`` of the best; one whose matched forms include all of the others' wins, and
        so does the only one named by a naming form (title head, alias, full title)."""
        raw = self._raw
        top = ranked[0][1]
        tie = [s for s, v in ranked if v >= top - _TIE and s != exclude]
        if len(tie) > 1 and all(matched[tie[0]] > matched[other] for other in tie[1:]):
            return (tie[0],)
        if len(tie) > 1:  # "音箱" is the head noun of one title and only a modifier in "音箱支架"
            naming = [s for s in tie if any(raw.get(f, {}).get(s, 0.0) >= NAMING for f in matched[s])]
            if len(naming) == 1:
                return (naming[0],)
        return tuple(tie)

    def _by_kind(self, key: str) -> str | None:
        """The one product whose kind character (``_kinds``) the question says as a word of its own — not inside
        another word ("外壳") — and no other product's kind is."""
        found = {s for c in set(key) & self._kind_chars if _ALONE.search(key.replace(c, "\x00"))
                 for s, kinds in self._kinds.items() if c in kinds}
        return next(iter(found)) if len(found) == 1 else None

    def resolve_context(self, context_sku: str | None) -> tuple[str | None, str | None]:
        """(product sku, variant sku) of the product on screen; an unknown sku is no context."""
        if not context_sku:
            return None, None
        if context_sku in self.skus:
            return context_sku, None
        if context_sku in self.parent:
            return self.parent[context_sku], context_sku
        return None, None

    def link(self, q: Question, context_sku: str | None = None) -> Link:
        ctx, ctx_variant = self.resolve_context(context_sku)
        numbers = self.link_numbers(q, ctx)
        if numbers:
            skus = [self.by_order.get(n) for n in numbers]
            first = skus[0]
            if first is None:
                return Link(None, "unknown_link", link_number=numbers[0], context=ctx)
            named = tuple(dict.fromkeys(s for s in skus if s is not None))
            return Link(first, "link_number", 10.0, named=named, link_number=numbers[0], context=ctx)
        scores, matched = self.mentions(q.key, ctx, q.text)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        named = tuple(s for s, v in ranked if v >= STRONG)
        if ctx is not None:
            ctx_score = scores.get(ctx, 0.0)
            # "保温杯多少钱" while a hoodie is on screen names other products, even if several share the name
            others = self._named_elsewhere(matched, ctx)
            if others:
                ranked_others = [(s, v) for s, v in ranked if s in others]
                tie = self._tie(ranked_others, matched, ctx)
                if len(tie) > 1:
                    return self._ambiguous(q, ranked_others[0][1], named, tie, matched, ctx)
                return Link(tie[0], "mention", ranked_others[0][1], named=named, context=ctx)
            if (ranked and ranked[0][0] != ctx and ranked[0][1] >= STRONG and ranked[0][1] > ctx_score + 1.0
                    and not all(self._fits(f, ctx) for f in matched[ranked[0][0]])):
                top = ranked[0][1]
                tie = self._tie(ranked, matched, ctx)
                if len(tie) > 1:
                    return self._ambiguous(q, top, named, tie, matched, ctx)
                return Link(tie[0], "mention", top, named=named, context=ctx)
            if (ctx_score < WEAK and q.key[:1] in self._kind_chars and q.key[1:2] in _KIND_THEN
                    and q.key[:1] not in self._kinds.get(ctx, ())):
                # "膜有16pro的吗" with a phone case on screen: the question opens with another product's kind
                kind = self._by_kind(q.key)
                if kind is not None and kind != ctx:
                    return Link(kind, "mention", WEAK, named=named, context=ctx)
            return Link(ctx, "context", max(ctx_score, 1.0), named=named, context=ctx, context_variant=ctx_variant)
        if not ranked or ranked[0][1] < WEAK:
            kind = self._by_kind(q.key)  # "16pro的膜还有没": the one product whose kind of thing is said alone
            return Link(kind, "mention", WEAK) if kind is not None else Link(None, "none", unsold=self._unsold(q))
        top = ranked[0][1]
        tie = self._tie(ranked, matched, None)
        if len(tie) > 1:
            return self._ambiguous(q, top, named, tie, matched, None)
        return Link(tie[0], "mention", top, named=named)

    def variants_in(self, sku: str, q: Question) -> list[str]:
        """Variant skus of ``sku`` the question names: all tokens present beats some tokens present."""
        best: list[str] = []
        best_score = 0.0
        variants = self.variants.get(sku, [])
        # where a token may be found: the compact question, the question with its separators kept ("s/m"
        # is s and m, not "sm"; "150x200" is 150 and 200) and the Chinese colour words of English ones ("black" → 黑色)
        keys = [q.key, _SPACED.sub(" ", re.sub(r"(?<=\d)\s*[x*×]\s*(?=\d)", " ", q.text))]
        if re.search(r"[a-z]{3}", q.text):
            keys.append(" ".join(english_colours(q.text)))
        names = self._names.get(sku, "")
        def own(form: str) -> bool:  # a title naming its variants ("帐篷 2人/4人"): a word only one variant holds tells it
            return sum(1 for v in variants if any(form in t for t in v.tokens)) == 1

        for variant in variants:
            score, whole, telling = 0.0, True, False
            for token in variant.tokens:
                if any(_present(token, k) for k in keys):
                    score += 1.0
                    telling = telling or not _names_product(token, names) or own(token)
                elif found := next((short for short in short_forms(token) if any(
                        _loose(short, k, token) or _before_name(short, k, names) for k in keys)), None):
                    score += 0.9
                    telling = telling or not _names_product(found, names) or own(found)
                else:
                    whole = False
                    score -= 0.05  # of two variants named as well, the one with less left unsaid ("16pro": not Pro Max)
            if not telling:  # "头枕" of 头枕腰靠 (variants 头枕单只, 头枕+腰靠套装): the word names the product
                continue
            score += 0.3 * sum(1 for t in variant.extra if len(t) > 1 and not t.isdigit() and _present(t, q.key))
            if variant.tokens and whole:
                score += 0.5  # the whole name
            if score > best_score + 1e-9:
                best, best_score = [variant.sku], score
            elif score > 0 and abs(score - best_score) < 1e-9:
                best.append(variant.sku)
        if not best:  # "桃子味的" of a product in 水蜜桃味 and 原味: the fruit names its flavour
            tastes = {m.group(1) for m in _FLAVOUR_ASKED.finditer(q.key) if not _NOT_FLAVOUR.search(m.group(1))}
            best = [v.sku for v in variants if any(x in t for x in tastes for t in v.tokens if t.endswith("味"))]
        if not best:  # "汝窑的还有吗" of 汝窑天青款, "梅多克" of 梅多克AOC 2019: a shorter piece only one variant has
            best = [v.sku for v in variants if any(_present(pc, q.key) and not _names_product(pc, names)
                                                   for pc in self._pieces.get(v.sku, ()))][:2]
            best = best[:1] if len(best) == 1 else []
        if not best:  # "有紫色的吗" of a product in 雾紫 and 米白: the colour family names its shades
            asked = {m.group(1) for k in keys for m in _COLOUR_ASKED.finditer(k)}
            best = [v.sku for v in variants if any(c in t for c in asked for t in v.tokens if not t.isascii())]
        return best
