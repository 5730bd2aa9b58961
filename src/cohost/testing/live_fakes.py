"""Fakes for the live room (public, so connectors and plug-ins test the same way): a scripted comment
source, a scripted answerer with failure knobs, a word-list checker and a small catalog.

The reader is not faked: the Q&A core's ``understand`` is pure, in-process and fast, so tests use the
real one (over an in-memory fact source of the same catalog) through ``fake_collaborators``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cohost.domain import Catalog, Finding, Product
from cohost.errors import ProviderError
from cohost.knowledge import QAEngine
from cohost.live.room import Collaborators
from cohost.live.understanding import EngineReader
from cohost.testing.sources import InMemoryFactSource

T0 = 1_763_640_000.0


def products() -> list[Product]:
    """Four products with link numbers, shared aliases, a sold-out one and clothing sizes."""
    raw: list[dict[str, Any]] = [
        {"sku": "MZ-001", "title": "玻尿酸保湿精华液 30ml", "category": "美妆护肤", "price": 89, "stock": 500,
         "aliases": ["小蓝瓶", "精华"], "attributes": {"容量": "30ml", "适用肤质": "所有肤质"}, "display_order": 1},
        {"sku": "FS-001", "title": "加绒连帽卫衣", "category": "服饰", "price": 129, "stock": 40, "aliases": ["卫衣"],
         "attributes": {"面料成分": "棉80%"}, "display_order": 2,
         "variants": [{"sku": "FS-001-M", "name": "M", "stock": 20}, {"sku": "FS-001-L", "name": "L", "stock": 20},
                      {"sku": "FS-001-XL", "name": "XL", "stock": 0}]},
        {"sku": "SP-004", "title": "丽水高山绿茶 100g", "category": "食品", "price": 68, "stock": 0,
         "aliases": ["绿茶", "茶叶"], "display_order": 3},
        {"sku": "JJ-001", "title": "316不锈钢保温杯 500ml", "category": "家居", "price": 79, "stock": 300,
         "aliases": ["保温杯"], "display_order": 4},
    ]
    return [Product.model_validate(p) for p in raw]


@dataclass
class ScriptedAnswerer:
    """Answers from ``replies`` (question text → reply mapping), else a grounded-looking default reply.
    ``fail_on`` texts raise a ``ProviderError``; every call is recorded in ``calls``."""

    replies: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: set[str] = field(default_factory=set)
    calls: list[tuple[str, str | None]] = field(default_factory=list)

    def answer(self, question: str, *, context_sku: str | None = None) -> dict[str, Any]:
        self.calls.append((question, context_sku))
        if question in self.fail_on:
            raise ProviderError("scripted", "server", f"scripted failure on {question!r}", retryable=True)
        if question in self.replies:
            return {"question": question, **self.replies[question]}
        sku = context_sku
        return {"question": question, "intent": "price", "sku": sku, "answer": f"这款现在是89元。（{sku}）",
                "facts": [f"{sku}.price"] if sku else [], "confidence": 0.9, "escalate": False, "reason": None}


@dataclass
class WordChecker:
    """A compliance checker that flags listed words: ``{"全网最低": "high"}`` → a finding per hit."""

    words: Mapping[str, str] = field(default_factory=lambda: {"全网最低": "high", "最好": "medium"})
    calls: list[tuple[str, str | None, datetime | None]] = field(default_factory=list)

    def check(self, text: str, product: Product | None = None, now: datetime | None = None,
              mode: str = "live", stats: Mapping[str, float] | None = None) -> list[Finding]:
        self.calls.append((text, product.sku if product else None, now))
        found = []
        for word, severity in self.words.items():
            start = text.find(word)
            if start >= 0:
                found.append(Finding(rule="AD-09", severity=severity, span=(start, start + len(word)),
                                     text=word, message="绝对化用语", suggestion="直播间专享价"))
        return found


def fake_collaborators(catalog: list[Product] | None = None, *, answerer: Any = None,
                       checker: Any = None) -> Collaborators:
    items = catalog if catalog is not None else products()
    reader = EngineReader(QAEngine(InMemoryFactSource(Catalog(products=items))))
    return Collaborators(reader=reader,
                         answerer=answerer if answerer is not None else ScriptedAnswerer(),
                         checker=checker if checker is not None else WordChecker(), products=items)


@dataclass
class ScriptedSource:
    """Builds formats.md §2 lines: ``src.chat("多少钱", at=1.5)``, ``src.stats(online=800, sku="MZ-001")``.
    ``lines()`` yields (ref, bytes) as the replay source does; ``text()`` is the replay file content."""

    room: str = "r1"
    start: float = T0
    events: list[bytes] = field(default_factory=list)
    _user: int = 0

    def raw(self, line: bytes | str) -> ScriptedSource:
        self.events.append(line.encode("utf-8") if isinstance(line, str) else line)
        return self

    def add(self, kind: str, at: float, **fields: Any) -> ScriptedSource:
        doc = {"ts": round(self.start + at, 3), "room": self.room, "platform": "douyin", "type": kind, **fields}
        return self.raw(json.dumps(doc, ensure_ascii=False))

    def chat(self, text: str, at: float = 0.0, user: str | None = None) -> ScriptedSource:
        if user is None:
            self._user += 1
            user = f"u{self._user}"
        return self.add("chat", at, user_id=user, nickname="观众", text=text)

    def chats(self, texts: Iterable[str], at: float = 0.0, step: float = 0.1) -> ScriptedSource:
        for i, text in enumerate(texts):
            self.chat(text, at + i * step)
        return self

    def stats(self, at: float, online: int, sku: str | None = None) -> ScriptedSource:
        meta: dict[str, Any] = {"online": online, "likes": 0}
        if sku:
            meta["current_sku"] = sku
        return self.add("stats", at, meta=meta)

    def order(self, at: float, sku: str, qty: int = 1, amount: float = 89.0, user: str = "buyer") -> ScriptedSource:
        return self.add("order", at, user_id=user, meta={"sku": sku, "qty": qty, "amount": amount})

    def lines(self) -> Iterator[tuple[int, bytes]]:
        yield from enumerate(self.events, start=1)

    def text(self) -> bytes:
        return b"\n".join(self.events) + b"\n"
