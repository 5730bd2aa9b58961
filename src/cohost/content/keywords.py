"""Keywords for titles: from a merchant's list or from what viewers said, licensed by the product's facts.

A keyword in a title is a claim about the product, so only keywords the product's own facts contain
(title, aliases, category, attributes, selling points) are used; the others are reported as skipped
("not in the product's facts"), so the merchant can add the fact rather than have Cohost invent it.
Viewer comments only *rank* those grounded words: the words viewers actually use come first (e.g. an
alias such as 小蓝瓶). Comments come from a live-events JSON Lines file (formats.md §2, ``type: chat``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cohost.domain import Product
from cohost.errors import InputError

MAX_KEYWORDS = 20
MAX_KEYWORD = 20
MAX_COMMENT_BYTES = 50_000_000
MAX_COMMENTS = 200_000
_STOP = frozenset(("多少", "怎么", "什么", "可以", "链接", "主播", "宝宝", "家人", "谢谢", "一下", "一个", "这个",
                   "那个", "现在", "今天", "还有", "没有", "是不是", "有没有"))


@dataclass
class KeywordPick:
    used: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    facts: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def vocabulary(product: Product) -> dict[str, str]:
    """Text the product's facts license, each with the fact id it comes from."""
    out: dict[str, str] = {}
    sku = product.sku
    out[_norm(product.title)] = f"{sku}.title"
    out[_norm(product.category)] = f"{sku}.category"
    if product.brand:
        out[_norm(product.brand)] = f"{sku}.brand"
    if product.aliases:
        out[_norm("、".join(product.aliases))] = f"{sku}.aliases"
    for name, value in product.attributes.items():
        out[_norm(f"{name}{value}")] = f"{sku}.attr:{name}"
    for i, point in enumerate(product.selling_points, 1):
        out[_norm(point)] = f"{sku}.selling_point:{i}"
    return out


def grounded(word: str, vocab: dict[str, str]) -> str | None:
    """The fact id whose text contains ``word``, or None."""
    key = _norm(word)
    if not key:
        return None
    for text, fact in vocab.items():
        if key in text:
            return fact
    return None


def clean_keywords(raw: Sequence[str] | str | None) -> list[str]:
    """A comma list (or list) of keywords: trimmed, de-duplicated, bounded; errors name the problem."""
    if raw is None:
        return []
    items = re.split(r"[,，、;；\s]+", raw) if isinstance(raw, str) else list(raw)
    out: list[str] = []
    for item in items:
        word = re.sub(r"[\x00-\x1f\[\]{}<>]", "", unicodedata.normalize("NFKC", item)).strip()
        if not word:
            continue
        if len(word) > MAX_KEYWORD:
            raise InputError(f"keyword {word[:30]!r}… is longer than {MAX_KEYWORD} characters")
        if word not in out:
            out.append(word)
    if len(out) > MAX_KEYWORDS:
        raise InputError(f"{len(out)} keywords given; at most {MAX_KEYWORDS}")
    return out


def pick(product: Product, keywords: Iterable[str]) -> KeywordPick:
    vocab = vocabulary(product)
    result = KeywordPick()
    for word in keywords:
        fact = grounded(word, vocab)
        if fact is None:
            result.skipped[word] = "不在商品事实中 not in the product's facts"
        else:
            result.used.append(word)
            if fact not in result.facts:
                result.facts.append(fact)
    return result


def read_comments(path: Path) -> list[str]:
    """Chat texts from a live-events JSON Lines file. Malformed lines are counted, not fatal."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    if size > MAX_COMMENT_BYTES:
        raise InputError(f"{path}: {size} bytes; comment files are limited to {MAX_COMMENT_BYTES}")
    texts: list[str] = []
    bad = 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(event, dict) and event.get("type") == "chat" and isinstance(event.get("text"), str):
                texts.append(event["text"][:500])
                if len(texts) >= MAX_COMMENTS:
                    break
    if not texts and bad:
        raise InputError(f"{path}: no readable chat events ({bad} malformed lines)")
    return texts


def from_comments(product: Product, comments: Sequence[str], *, limit: int = 5) -> KeywordPick:
    """The product's grounded words, ranked by how often viewers used them."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    vocab = vocabulary(product)
    counts: Counter[str] = Counter()
    for text in comments:
        for token in set(jieba.lcut(_norm(text))):
            if len(token) >= 2 and token not in _STOP and not token.isdigit() and grounded(token, vocab):
                counts[token] += 1
    ranked = [w for w, n in counts.most_common() if n >= 2]
    chosen: list[str] = []
    for word in ranked:
        if not any(word in c or c in word for c in chosen):
            chosen.append(word)
        if len(chosen) >= limit:
            break
    return pick(product, chosen)
