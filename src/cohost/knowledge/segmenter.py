"""Word segmentation with jieba and a user dictionary built from the catalog.

One private ``jieba.Tokenizer`` per process (never the global ``jieba.dt`` other modules may tune); it
loads its prefix dictionary once (about 0.7 s, done when an index is built, not on the answer path) and
learns catalog words (brands, aliases, attribute names and values, variant names) as they appear. Words
of an older catalog version stay known, which is harmless: they only keep a term in one piece.
"""

from __future__ import annotations

import gc
import logging
import threading
import unicodedata
from collections.abc import Iterable

import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_known: set[str] = set()

# words that carry no meaning for retrieval (question words, particles, chat fillers, pronouns)
_STOPWORDS = (
    """的 了 吗 呢 啊 呀 吧 哦 喔 么 嘛 啦 哈 哇 嗯 噢 这 那 这个 那个 这款 那款 这种 那种 这件 是 有 和 与 或 及 我 你
    他 她 它 我们 你们 宝子 宝子们 宝宝 亲 亲亲 家人们 姐妹 姐妹们 集美 主播 请问 一下 可以 能 会 不 没 没有 多少 什么 怎么 怎么样 怎样
    如何 哪个 哪些 吗 么 还 还有 就 都 也 很 太 挺 要 想 在 给 对 吧 呗 嘞 咯 滴滴 蹲 求 问 问下 问一下 下 一个 个 款 件 些
    么样 多 大概 几 啥 咋 为什么 a the is it this that of to do does you your my i me and or what how can"""
)
STOPWORDS = frozenset(_STOPWORDS.split())


def _get() -> jieba.Tokenizer:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                # The prefix dictionary is ~350k long-lived objects; left in the collector's young
                # generations every full collection walks them (10-20 ms pauses on the answer path).
                gc.freeze()
                _tokenizer = tokenizer
    return _tokenizer


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter catalog words (already normalised). Short or numeric words are skipped."""
    tokenizer = _get()
    with _lock:
        for word in words:
            word = word.strip()
            if len(word) < 2 or word in _known or word.isdigit() or " " in word:
                continue
            _known.add(word)
            tokenizer.add_word(word, freq=2000)


def is_word(word: str) -> bool:
    """Is ``word`` in the segmenter's dictionary (a common word, not a guess)?"""
    return bool(_get().FREQ.get(word))


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


# "有wifi吗" is wifi + 吗, "suv用哪个" suv + 用: a Latin run is glued only onto a hanzi that is no particle or verb
_PARTICLES = frozenset("吗么嘛呢吧啊呀哦哈了的用能是有在和跟与或要会可不没还也都就")


def _merge(words: list[str]) -> list[str]:
    """Glue pieces jieba leaves behind: a lone hanzi onto a short next word (玻+尿酸, 钛+杯), a latin letter
    run onto a lone hanzi (t+恤 → t恤)."""
    out: list[str] = []
    for word in words:
        if out:
            prev = out[-1]
            lone_prev = len(prev) == 1 and _is_cjk(prev)
            if (lone_prev and _is_cjk(word[0]) and prev not in STOPWORDS and len(word) <= 2
                    and word not in STOPWORDS) or (
                prev.isascii() and prev.isalpha() and len(word) == 1 and _is_cjk(word) and word not in _PARTICLES
            ):
                out[-1] = prev + word
                continue
        out.append(word)
    return out


def cut(text: str) -> list[str]:
    """Segment normalised text into words, dropping whitespace and punctuation."""
    return _merge([w for w in _get().lcut(text, HMM=True) if any(unicodedata.category(c)[0] in "LN" for c in w)])


def subwords(text: str) -> list[str]:
    """Every dictionary word inside ``text`` ("蓝牙版本" → 蓝牙, 版本, 蓝牙版本): how a label is matched
    against a question that names only part of it."""
    return [w for w in _get().lcut_for_search(text) if any(unicodedata.category(c)[0] in "LN" for c in w)]


def terms(text: str) -> list[str]:
    """Retrieval terms: segmented words minus stopwords, plus CJK character bigrams (robust to typos and
    to segmentations that differ between a question and a fact)."""
    return terms_of(cut(text))


def terms_of(segmented: list[str]) -> list[str]:
    """``terms`` of words already segmented by ``cut``."""
    words = [w for w in segmented if w not in STOPWORDS]
    out = list(words)
    for word in words:
        cjk = [c for c in word if "\u4e00" <= c <= "\u9fff"]
        if len(cjk) > 2:
            out.extend("".join(cjk[i : i + 2]) for i in range(len(cjk) - 1))
    return out
