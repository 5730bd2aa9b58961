"""Product names typed wrong: a name found in a question at edit distance one ("加湿气", "行李厢").

Only names (title head nouns, aliases: CJK, 2-8 characters) are looked for, only where the name is not
written correctly anywhere in the question, and only when every near-miss points at one product: a typo
never picks between products. Typing Chinese by pinyin makes a wrong character a homophone, so a
substituted character must sound like the right one (``FuzzyNames``). Look-ups are memoised per index.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from cohost.knowledge.mentions import NAMING

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


class FuzzyNames:
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



def near_name(word: str, naming: str) -> bool:
    """Is ``word`` (two to four hanzi) a product name typed with one wrong character that sounds the same
    ("米份" ↔ 米粉, "保文杯" ↔ 保温杯, "坐椅" ↔ 安全座椅): a piece of one of the "|"-joined ``naming`` words."""
    n = len(word)
    if not 2 <= n <= 4 or not _CJK_RUN.fullmatch(word):
        return False
    for name in naming.split("|"):
        for start in range(len(name) - n + 1):
            piece = name[start:start + n]
            diff = [i for i in range(n) if piece[i] != word[i]]
            if len(diff) == 1 and _CJK_RUN.fullmatch(piece) and _sound(piece[diff[0]]) == _sound(word[diff[0]]):
                return True
    return False


_NOUN_SUFFIX = "子头儿"  # "枕头" for a 枕, "被子" for a 被, "垫子" for a 垫: the kind said with its noun suffix


def short_name(word: str, naming: str) -> bool:
    """Is ``word`` one of the "|"-joined ``naming`` words said the short way: the one-character kind a name
    ends in with a noun suffix ("枕头" ↔ 乳胶枕), or a name of three or more characters with one inner
    character left out ("椰棕垫" ↔ 椰棕床垫, "银链" ↔ 银项链; first and last characters kept)."""
    if not _CJK_RUN.fullmatch(word):
        return False
    names = [n for n in naming.split("|") if _CJK_RUN.fullmatch(n)]
    if len(word) == 2 and word[1] in _NOUN_SUFFIX:
        return any(n[-1] == word[0] for n in names)
    return len(word) >= 2 and any(
        len(n) == len(word) + 1 and n[0] == word[0] and n[-1] == word[-1]
        and any(n[:i] + n[i + 1:] == word for i in range(1, len(n) - 1)) for n in names)
