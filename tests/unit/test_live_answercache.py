"""The group-level answer cache: a reopened question group reuses its predecessor's answer, and never
across a catalog change or a promotion boundary (Cohost must never speak a stale price)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cohost.domain import Catalog, Product
from cohost.events import End
from cohost.live.answercache import AnswerCache, Window
from cohost.live.room import LiveRoom
from cohost.live.wiring import default_collaborators
from cohost.store import Store
from cohost.testing.live_fakes import T0, ScriptedSource, products


def at(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=UTC)


class Counting:
    def __init__(self) -> None:
        self.version = "v1"
        self.windows: list[Window] = []
        self.calls = 0

    def compute(self) -> dict[str, Any]:
        self.calls += 1
        return {"answer": f"reply {self.calls}"}


def test_same_key_same_state_is_answered_once() -> None:
    state = Counting()
    cache = AnswerCache(lambda: state.version, lambda: state.windows)
    key = ("price", "MZ-001", None, (), "MZ-001")
    first = cache.get_or_compute(key, T0, state.compute)
    again = cache.get_or_compute(key, T0 + 500, state.compute)
    other = cache.get_or_compute(("price", "FS-001", None, (), "MZ-001"), T0, state.compute)
    assert first is again and other is not first
    assert state.calls == 2 and (cache.hits, cache.misses) == (1, 2)


def test_a_catalog_version_change_empties_the_cache() -> None:
    state = Counting()
    cache = AnswerCache(lambda: state.version, lambda: state.windows)
    key = ("price", "MZ-001", None, (), None)
    cache.get_or_compute(key, T0, state.compute)
    state.version = "v2"
    assert cache.get_or_compute(key, T0, state.compute)["answer"] == "reply 2"
    assert cache.invalidations == 1 and len(cache) == 1


def test_a_promotion_window_boundary_is_a_new_fact_state_on_both_inclusive_edges() -> None:
    state = Counting()
    state.windows = [(at(T0 + 100), at(T0 + 200))]
    cache = AnswerCache(lambda: state.version, lambda: state.windows)
    key = ("promotion", "MZ-001", None, (), None)
    answers = [cache.get_or_compute(key, ts, state.compute)["answer"]
               for ts in (T0, T0 + 99.9, T0 + 100, T0 + 200, T0 + 200.1, T0 + 900)]
    # before | valid from the start instant through the end instant | after
    assert answers == ["reply 1", "reply 1", "reply 2", "reply 2", "reply 3", "reply 3"]


def test_the_cache_is_bounded() -> None:
    state = Counting()
    cache = AnswerCache(lambda: state.version, lambda: state.windows, size=3)
    for sku in ("A", "B", "C", "D"):
        cache.get_or_compute(("price", sku, None, (), None), T0, state.compute)
    assert len(cache) == 3
    cache.get_or_compute(("price", "A", None, (), None), T0, state.compute)
    assert state.calls == 5  # the oldest entry went out first


def _store(tmp_path: Path, catalog: list[Product]) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / 'cohost.db'}")
    store.catalog.import_catalog(Catalog(products=catalog))
    return store


def _answers(tmp_path: Path, store: Store, source: ScriptedSource, *,
             between: dict[int, Any] | None = None) -> list[dict[str, Any]]:
    holder: list[LiveRoom] = []
    collaborators = default_collaborators(store, lambda: holder[0].stream_time if holder else 0.0)
    out = tmp_path / "out.jsonl"
    room = LiveRoom(tmp_path / "home", "r1", collaborators, source="test", json_out=out)
    holder.append(room)
    room.start()
    for ref, raw in source.lines():
        if between and ref in between:
            between[ref]()
        room.accept(raw, ref)
    room.control(End(ts=room.stream_time))
    room.close(ended=True)
    assert collaborators.answer_cache is not None
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if r["kind"] == "answer"]


def test_a_reopened_group_reuses_the_answer_until_the_price_changes(tmp_path: Path) -> None:
    catalog = products()
    store = _store(tmp_path, catalog)
    # the same question three times, each after the 120 s group window closed: three groups
    src = (ScriptedSource().stats(0, 100, "MZ-001").chat("小蓝瓶多少钱", 1, "u1")
           .chat("小蓝瓶多少钱", 300, "u2").chat("小蓝瓶多少钱", 600, "u3"))
    repriced = catalog[0].model_copy(update={"price": 79})

    def reprice() -> None:
        store.catalog.import_catalog(Catalog(products=[repriced, *catalog[1:]]))

    answers = _answers(tmp_path, store, src, between={4: reprice})
    assert len(answers) == 3
    assert "89" in answers[0]["text"] and answers[1]["text"] == answers[0]["text"]
    assert "79" in answers[2]["text"] and "89" not in answers[2]["text"]
    store.close()


def test_a_promotion_that_ends_is_not_spoken_from_the_cache(tmp_path: Path) -> None:
    promo = {"kind": "discount", "description": "直播间下单立减10元",
             "starts_at": at(T0 - 3600).isoformat(), "ends_at": at(T0 + 200).isoformat()}
    catalog = [Product.model_validate({**p.model_dump(), "promotions": [promo]}) if p.sku == "MZ-001" else p
               for p in products()]
    store = _store(tmp_path, catalog)
    src = (ScriptedSource().stats(0, 100, "MZ-001").chat("小蓝瓶有什么优惠", 1, "u1")
           .chat("小蓝瓶有什么优惠", 150, "u2").chat("小蓝瓶有什么优惠", 400, "u3"))
    answers = _answers(tmp_path, store, src)
    texts = [a["text"] for a in answers]
    assert len(texts) == 3
    assert "立减10元" in texts[0] and texts[1] == texts[0]
    assert "立减10元" not in texts[2]  # asked after the promotion ended: answered afresh
    store.close()


def test_catalog_version_is_the_fact_source_version_and_moves_with_any_change(tmp_path: Path) -> None:
    from cohost.knowledge import StoreFactSource
    from cohost.live.factcache import CatalogVersion

    store = _store(tmp_path, products())
    cheap, reference = CatalogVersion(store), StoreFactSource(store, version_ttl=0.0)
    before = cheap()
    assert before == reference.version()
    store.catalog.set_stock("MZ-001", 7)
    assert cheap() != before and cheap() == reference.version()
    store.close()


def test_pinned_facts_are_read_once_per_catalog_version_and_never_outside_an_answer(tmp_path: Path) -> None:
    from cohost.live.factcache import PinnedFacts

    store = _store(tmp_path, products())
    facts = PinnedFacts(store)

    def price() -> str:
        return next(str(f.value) for f in facts.facts("MZ-001") if f.field == "price")

    with facts.pinned():
        first = price()
        price()
    with facts.pinned():
        price()
    assert facts.reads == 1 and first.startswith("89")
    store.catalog.import_catalog(Catalog(products=[products()[0].model_copy(update={"price": 79})]))
    with facts.pinned():
        assert price().startswith("79")  # the new version is read at the start of the answer
    assert facts.reads == 2
    price()
    price()
    assert facts.reads == 4  # outside an answer every read goes to the store
    store.close()


def test_only_the_same_question_with_the_same_product_on_screen_is_reused(tmp_path: Path) -> None:
    from cohost.testing.live_fakes import ScriptedAnswerer, fake_collaborators

    answerer = ScriptedAnswerer()
    collaborators = fake_collaborators(answerer=answerer)
    collaborators.answer_cache = AnswerCache(lambda: "v1", list)
    src = (ScriptedSource().stats(0, 100, "MZ-001").chat("卫衣多少钱", 1, "u1")
           .chat("卫衣多少钱", 200, "u2")       # reopened, same screen: reused
           .chat("卫衣啥价", 400, "u3")          # the same group key, other words: asked
           .stats(500, 100, "JJ-001").chat("卫衣多少钱", 600, "u4"))  # other screen: asked
    room = LiveRoom(tmp_path / "home", "r1", collaborators, source="test", json_out=tmp_path / "out.jsonl")
    room.start()
    for ref, raw in src.lines():
        room.accept(raw, ref)
    room.control(End(ts=room.stream_time))
    room.close(ended=True)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    opened = [(r["intent"], r["sku"]) for r in records if r["kind"] == "group" and r["count"] == 1]
    assert opened == [("price", "FS-001")] * 4
    assert answerer.calls == [("卫衣多少钱", "MZ-001"), ("卫衣啥价", "MZ-001"), ("卫衣多少钱", "JJ-001")]
    assert len([r for r in records if r["kind"] == "answer"]) == 4
