"""Product linking: which product (and which variants) a question is about.

Evidence, strongest first: a link number ("3号链接", "链接3", "第3个链接" → ``display_order``), the sku,
the full title, an alias, the brand, title words, attribute values and variant names. Every surface form
is weighted by how many products share it (a form shared by two products counts half for each), so a
shared alias or brand never picks one product on its own. The product on screen (``context_sku``) wins
unless the question names another product clearly. Ties are reported as ambiguous, never guessed.
Built once per catalog version; ``link`` is pure and takes microseconds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from cohost.domain import Product
from cohost.knowledge import segmenter
from cohost.knowledge.lexicon import english_colours, english_nouns
from cohost.knowledge.spellings import loose as _loose
from cohost.knowledge.spellings import present as _present
from cohost.knowledge.spellings import short_forms, variant_tokens
from cohost.knowledge.text import Question, compact, normalize, title_parts

STRONG = 2.0  # a mention this strong moves the answer away from the product on screen
WEAK = 1.0  # without a product on screen, the least evidence that links a product
NAMING = 2.5  # a title, title head word or alias: a form this strong names a product even when shared
_TIE = 0.75  # within this of the best score, two products are a tie
_GENERIC_WORDS = (
    """新款 款 款式 直播 直播间 专享 专属 官方 正品 旗舰 旗舰店 同款 限定 限量 爆款 热卖 包邮 特价 福利 男女 通用 新品 经典 升级
    升级版 加厚 大容量 便携 家用 礼盒 套装 组合 装 件 个 只 支 瓶 盒 包 袋 系列 款型 原装 进口 国产 现货 推荐 优选 精选"""
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
_LINK_NUMBER = [  # 连结: 連結, the Taiwan word for a link, after traditional → simplified
    re.compile(r"(?:链接|连结|link|no\.?)\s*#?\s*(\d{1,3})"),
    re.compile(r"第\s*(\d{1,3})\s*(?:个|款|号)?\s*(?:链接|连结|宝贝|商品|产品|款|个)"),
    re.compile(r"#\s*(\d{1,3})(?!\d)"),
    re.compile(r"(?<![\d.a-z])(\d{1,3})\s*号?\s*(?:链接|连结|宝贝|商品|产品|车)"),
]
# a bare "3号" is a link only when such a link exists and it is not a date ("5号发货") or a size ("38号")
_BARE_NUMBER = re.compile(
    r"(?<![\d.a-z月#])([1-9]\d{0,2})\s*号(?!发|到|前|之前|以前|左右|晚上|早上|上午|中午|下午|那天|当天|能到|开始|结束|截止|以后|后|码|鞋|色)"
)
_VALUE_PARTS = re.compile(r"[、,，;；/|]+")
# a quantity in a title ("全8册", "24支装", "2人", "400g") is no word of the product's name
_QUANTITY = re.compile(r"[全共约]?\d+(?:\.\d+)?(?:[-~]\d+)?\s*(?:[a-z]{1,3}|[册支条包袋片只个件瓶盒双套本枚粒人寸罐斤张页抽卷斤])?装?")
_TITLE_PARTS = re.compile(r"[\s【】\[\]（）()、,，/|+·]+")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]")
_ALONE = re.compile(r"(^|[^\u4e00-\u9fff]|的)\x00($|[^\u4e00-\u9fff]|[的还有呢吗嘛么没])")  # a character said as a word
_KIND_THEN = frozenset("有还呢没")  # "膜有…", "线还有吗": a kind opening the question as its subject
_SPACED = re.compile(r"[^a-z0-9.\u4e00-\u9fff]+")


def _head_of(part: str) -> str | None:
    """The head noun of one title part: its last word, glued to the word before it when it is a lone
    character written right after it (行李 + 箱 → 行李箱, 遮阳 + 帽 → 遮阳帽), never a generic word."""
    raw = [w for w in segmenter.cut(part) if _CJK_WORD.search(w) and not w[0].isdigit() and w not in segmenter.STOPWORDS]
    if not raw:
        return None
    last = raw[-1]
    if len(last) == 1 and len(raw) >= 2 and raw[-2] + last in part and raw[-2] not in _GENERIC:
        return raw[-2] + last
    words = [w for w in raw if w not in _GENERIC]
    return words[-1] if words else None


def title_heads(title: str, brand: str | None = None) -> list[str]:
    """The title's head noun: the head of its first part that is not the brand or a model code, never a
    quantity ("恐龙百科立体书 全8册" → 立体书, "理发器 K7" → 理发器, "AERO 超静音加湿器 4L" → 加湿器).
    Parts are the merchant's own, separated by spaces or brackets; later parts are selling phrases
    ("可放A4", "显瘦百搭"), not names."""
    brand_key = compact(brand or "")
    heads = []
    for part in title_parts(title):
        if compact(part) == brand_key:
            continue
        head = _head_of(_QUANTITY.sub(" ", part).strip())
        if head:
            heads.append(head)
    return heads[:1]


@dataclass(frozen=True, slots=True)
class Link:
    """``sku`` is the product answered about; ``named`` every product the question names clearly (for a
    comparison); ``candidates`` the tie when ``via == "ambiguous"``."""

    sku: str | None
    via: str  # link_number | mention | context | attribute | ambiguous | unknown_link | none
    score: float = 0.0
    named: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    link_number: int | None = None
    context: str | None = None
    context_variant: str | None = None
    separate: bool = False  # ambiguous only as one product: each candidate is named by its own words


@dataclass(slots=True)
class _VariantKey:
    """``tokens`` must all appear for the whole name; ``extra`` (words in brackets, e.g. "NB（0-5kg）")
    only add evidence."""

    sku: str
    tokens: list[str]
    extra: list[str]


@dataclass(slots=True)
class _Forms:
    weights: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, form: str, sku: str, weight: float) -> None:
        if len(form) < 2 and not form.isascii():
            return
        if len(form) < 2:
            return
        slot = self.weights[form]
        slot[sku] = max(slot.get(sku, 0.0), weight)


def _names_product(form: str, names: str) -> bool:
    """A Chinese word of two or more characters that the product's title or aliases also hold: saying it
    names the product, not one of its variants."""
    return len(form) >= 2 and not form.isascii() and form in names


_PACKAGING = frozenset("盒袋瓶罐箱包桶盆筒")
_COLOUR_ASKED = re.compile(r"([黑白灰蓝红绿粉紫黄橙棕咖银金青杏米驼])(色|的)")
_FUZZY_FORM = re.compile(r"[\u4e00-\u9fff]{2,8}")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
# accents that typing by pinyin confuses: zh/z, ch/c, sh/s, -ng/-n, l/n
_MEMO_SIZE = 100_000  # bound of the per-index memos of pure look-ups
_PINYIN_LOOSE = [(re.compile(r"^([zcs])h"), r"\1"), (re.compile(r"ng$"), "n"), (re.compile(r"^l"), "n")]


@lru_cache(maxsize=8192)
def _exact_sound(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.NORMAL)[0]


@lru_cache(maxsize=4096)
def _sound(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(char, style=Style.NORMAL)[0]
    for pattern, repl in _PINYIN_LOOSE:
        out = pattern.sub(repl, out)
    return out


class _FuzzyNames:
    """Product names (title head nouns, aliases: CJK, 3-8 characters) found in a question at edit distance
    one: a character typed wrong ("加湿气", "行李厢"), left out or added. Typing Chinese by pinyin makes a
    wrong character a homophone, so in a three-character name a substituted character must sound like the
    right one ("电水壶" is not a typo of 电水杯). Only a name not written correctly anywhere in the question,
    and only when all fuzzy matches point at one product: a near-miss never picks between products."""

    def __init__(self, forms: dict[str, dict[str, float]], raw: dict[str, dict[str, float]]) -> None:
        self.forms = forms
        self.named = {f: {sku for sku, w in raw[f].items() if w >= NAMING} for f in forms}  # whose name it is
        self.lengths = sorted({len(f) for f in forms})
        if forms:
            _sound("的")  # loads the pinyin tables while the index is built, not on a viewer's question
        self.by_deletion: dict[str, list[tuple[str, int]]] = defaultdict(list)  # form minus one char → (form, at)
        for form in forms:
            for i in range(len(form)):
                self.by_deletion[form[:i] + form[i + 1:]].append((form, i))
        # a piece at edit distance one from a form has at most one character no form has: pieces with two
        # such characters are skipped without a look-up (most pieces of a question)
        self.chars = frozenset(c for form in forms for c in form)
        self.sizes = sorted({m for n in self.lengths for m in (n - 1, n, n + 1) if m >= 3 or (m == 2 and n == 2)})
        self._near_memo: dict[str, tuple[str, ...]] = {}  # piece → near forms (pure per index)

    def _near(self, text: str) -> list[str]:
        out = []
        n = len(text)
        if text in self.by_deletion and n >= 3:  # a character left out
            out += [f for f, _ in self.by_deletion[text]]
        for i in range(n):
            shorter = text[:i] + text[i + 1:]
            if shorter in self.forms and n >= 4:  # a character added
                out.append(shorter)
            for form, at in self.by_deletion.get(shorter, ()):  # a character typed wrong
                if at == i and form != text and (len(form) >= 4 or (
                        _sound(form[i]) == _sound(text[i]) if len(form) == 3 else _exact_sound(form[i]) == _exact_sound(text[i]))):
                    out.append(form)  # a two-character name only by the very same sound: "帐蓬" ↔ 帐篷
        return out

    def find(self, key: str, exact: list[str]) -> list[tuple[str, dict[str, float]]]:
        if not self.forms:
            return []
        near: set[str] = set()
        chars, memo = self.chars, self._near_memo
        for run in _CJK_RUN.findall(key):
            outside = [0]  # outside[i]: characters of run[:i] that no form has
            for c in run:
                outside.append(outside[-1] + (c not in chars))
            for size in self.sizes:
                for start in range(len(run) - size + 1):
                    if outside[start + size] - outside[start] >= 2:
                        continue  # no form within one edit
                    piece = run[start:start + size]
                    if piece in self.forms or any(piece in e for e in exact):
                        continue
                    hits = memo.get(piece)
                    if hits is None:
                        if len(memo) >= _MEMO_SIZE:
                            memo.clear()
                        hits = memo[piece] = tuple(self._near(piece))
                    near.update(f for f in hits if f not in key)
        owners = {sku for f in near for sku in self.named[f]}
        if len(owners) != 1:
            return []
        return [(f, self.forms[f]) for f in sorted(near)]


def _spans(form: str, key: str) -> list[tuple[int, int]]:
    out, start = [], key.find(form)
    while start >= 0:
        out.append((start, start + len(form)))
        start = key.find(form, start + 1)
    return out


def _maximal(found: list[tuple[str, dict[str, float]]], key: str) -> list[tuple[str, dict[str, float]]]:
    """Longest match wins: a form found only inside a longer form found in the question is not a mention of
    its own ("茶几垫" names the mat, not also the tea table; "护手霜" is not also every "护手…")."""
    spans = {f: _spans(f, key) for f, _ in found if not f.startswith("en:")}
    longer = [(f, s) for f, ss in spans.items() for s in ss]
    out = []
    for form, by_sku in found:
        own = spans.get(form)
        if own and all(any(len(g) > len(form) and s[0] <= a and b <= s[1] for g, s in longer) for a, b in own):
            continue
        out.append((form, by_sku))
    return out


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
        self._raw: dict[str, dict[str, float]] = {}
        self._names = {p.sku: "|".join(compact(x) for x in [p.title, *p.aliases]) for p in products}
        # the last character of the title and of every alias: the kind of thing ("手机壳", "透明壳" → 壳)
        self._kinds = {p.sku: {n[-1] for n in (compact(x) for x in [p.title, *p.aliases]) if n and _CJK_WORD.match(n[-1])}
                       for p in products}
        self._kind_chars = frozenset(c for kinds in self._kinds.values() for c in kinds)
        self._en: dict[str, dict[str, float]] = {}
        self._forms = self._build(products)
        # every form found in one pass over a question (forms are letters and digits, never "en:…")
        self._automaton = ahocorasick.Automaton()
        for index, (form, _) in enumerate(self._forms):
            self._automaton.add_word(form, index)
        if self._forms:
            self._automaton.make_automaton()
        self._fuzzy = _FuzzyNames({f: w for f, w in self._forms if _FUZZY_FORM.fullmatch(f)
                                   and max(self._raw[f].values()) >= NAMING}, self._raw)
        # everything a product's own facts say: a word found here is about the product on screen
        self._vocab = {p.sku: "|".join(compact(x) for x in [
            p.title, *p.aliases, *p.attributes, *p.attributes.values(), *(v.name for v in p.variants),
            *(f.q for f in p.faq), p.usage or "", p.cautions or "", *p.selling_points]) for p in products}

    # index ----------------------------------------------------------------------------------------------
    def _build(self, products: Sequence[Product]) -> list[tuple[str, dict[str, float]]]:
        words: set[str] = set()
        for p in products:
            words.update(compact(x) for x in [p.brand or "", *p.aliases, *p.attributes, *p.attributes.values()])
            words.update(compact(v.name) for v in p.variants)
        segmenter.add_words(w for w in words if w)
        raw = _Forms()
        generic_forms: list[tuple[str, str]] = []
        tail_forms: list[tuple[str, str]] = []
        for p in products:
            title = compact(p.title)
            core = compact(re.sub(r"【[^】]*】|\[[^\]]*\]|（[^）]*）|\([^)]*\)", " ", p.title))
            raw.add(p.sku.lower(), p.sku, 6.0)
            raw.add(title, p.sku, 6.0)
            raw.add(core, p.sku, 6.0)
            for alias in p.aliases:
                raw.add(compact(alias), p.sku, 4.0)
            if p.brand:
                raw.add(compact(p.brand), p.sku, 2.0)
            tokens = [t for t in segmenter.cut(normalize(p.title))
                      if t not in _GENERIC and t not in segmenter.STOPWORDS and not t.isdigit()]
            heads = set(self._heads(p.title, p.brand))
            for token in tokens:
                raw.add(compact(token), p.sku, 2.5 if token in heads else 1.2)
            for head in heads - set(tokens):
                raw.add(compact(head), p.sku, 2.5)
            for head in heads:  # "座椅" names a 安全座椅, "沙发" a 懒人沙发: the head's last word, where it is one
                if len(head) >= 3 and _CJK_WORD.match(head[-2]) and segmenter.is_word(head[-2:]):
                    tail_forms.append((head[-2:], p.sku))
            # "鞋子" names a 帆布鞋, "椅子" a 折叠椅: the head's last character as a word; so do the category's
            # parts ("女鞋/短靴": a boot is a 鞋子 too, so "鞋子多少钱" may be either shoe)
            kinds = [*heads, *(compact(part) for part in re.split(r"[/>|､、]", p.category or "") if part)]
            for head in kinds:  # (not a packaging word: "盒子里有几片" asks about the product on screen)
                generic = head[-1] + "子"
                if len(head) >= 2 and head[-1] not in _PACKAGING and _CJK_WORD.match(head[-1]) and segmenter.is_word(generic) \
                        and (generic, p.sku) not in generic_forms:
                    generic_forms.append((generic, p.sku))
            for label in p.attributes:  # a label only one product has ("适用车型", "纸张克重") hints at it, weakly
                key = compact(label)
                if 2 <= len(key) <= 6:
                    raw.add(key, p.sku, WEAK)
            for value in p.attributes.values():
                for part in {value, *_VALUE_PARTS.split(value)}:
                    key = compact(part)
                    if len(key) <= 12 and not re.fullmatch(r"[#\d.]+[a-z%]*", key):
                        raw.add(key, p.sku, 1.5)
            for variant in p.variants:
                raw.add(compact(variant.name), p.sku, 1.0)
                main, extra = variant_tokens(variant.name)
                for token in (*main, *extra):
                    if len(token) >= 2 and not re.fullmatch(r"[\d.]+[a-z]{0,2}", token):
                        raw.add(token, p.sku, 1.0)
            raw.add(compact(p.category), p.sku, 0.5)
        taken = set(raw.weights)
        tails: dict[str, set[str]] = defaultdict(set)
        for form, sku in tail_forms:
            tails[form].add(sku)
        for form, owners in tails.items():  # unless a title word or alias already, or the tail of several heads
            if form not in taken and len(owners) == 1:
                raw.add(form, next(iter(owners)), 2.0)
        taken = set(raw.weights)
        for form, sku in generic_forms:  # unless a merchant uses the word as an alias or title word already
            if form not in taken:
                raw.add(form, sku, NAMING)
        self._raw = {form: dict(by_sku) for form, by_sku in raw.weights.items()}
        forms: list[tuple[str, dict[str, float]]] = []
        for form, by_sku in raw.weights.items():
            share = len(by_sku)
            forms.append((form, {sku: w / share for sku, w in by_sku.items()}))
        forms.sort(key=lambda item: -len(item[0]))
        return forms

    @staticmethod
    def _heads(title: str, brand: str | None) -> list[str]:
        return title_heads(title, brand)

    # queries --------------------------------------------------------------------------------------------
    def link_numbers(self, q: Question, context_sku: str | None = None) -> list[int]:
        sizes = {t for v in self.variants.get(context_sku or "", []) for t in (*v.tokens, *v.extra)}
        found: list[tuple[int, int]] = []
        for pattern in _LINK_NUMBER:
            for m in pattern.finditer(q.text):
                number = int(m.group(1))
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
        for form, by_sku in _maximal(found, key):
            own = bool(vocab) and form in vocab
            for sku, weight in by_sku.items():
                if own and sku != context:
                    continue
                scores[sku] += weight
                matched[sku].add(form)
        return dict(scores), dict(matched)

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
            return Link(kind, "mention", WEAK) if kind is not None else Link(None, "none")
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
        # is s and m, not "sm") and the Chinese colour words of English ones ("black" → 黑色)
        keys = [q.key, _SPACED.sub(" ", q.text)]
        if re.search(r"[a-z]{3}", q.text):
            keys.append(" ".join(english_colours(q.text)))
        names = self._names.get(sku, "")
        for variant in variants:
            score, whole, telling = 0.0, True, False
            for token in variant.tokens:
                if any(_present(token, k) for k in keys):
                    score += 1.0
                    telling = telling or not _names_product(token, names)
                elif found := next((short for short in short_forms(token) if any(_loose(short, k, token) for k in keys)), None):
                    score += 0.9
                    telling = telling or not _names_product(found, names)
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
        if not best:  # "有紫色的吗" of a product in 雾紫 and 米白: the colour family names its shades
            asked = {m.group(1) for k in keys for m in _COLOUR_ASKED.finditer(k)}
            best = [v.sku for v in variants if any(c in t for c in asked for t in v.tokens if not t.isascii())]
        return best
