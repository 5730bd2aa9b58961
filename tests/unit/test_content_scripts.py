"""Scripts from the example shop, as an operator would judge them: they fill the show, say only what the
facts say, offer only what is on at that hour, never push a sold-out product, differ between shows,
and carry the AI label. The real compliance engine checks every line."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest

from cohost.content import ContentStudio, ShowRequest
from cohost.content.labels import is_valid_label
from cohost.content.pacing import Pacing, cues, spoken_text
from cohost.content.proofreader import Proofreader, default_guard
from cohost.domain import Catalog
from cohost.domain.script import Script
from cohost.errors import InputError, NotFoundError
from cohost.providers.base import ChatRequest, ChatResult
from cohost.store import Store

SHOP = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"
EVENING = datetime.fromisoformat("2026-11-20T20:00:00+08:00")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.model_validate(json.loads(SHOP.read_text(encoding="utf-8")))


@pytest.fixture
def studio(sqlite_store: Store, catalog: Catalog) -> Iterator[ContentStudio]:
    sqlite_store.catalog.import_catalog(catalog, source="shop.json")
    yield ContentStudio(sqlite_store)


def show(studio: ContentStudio, skus: list[str], minutes: float, **kw: object) -> Script:
    kw.setdefault("start", EVENING)
    kw.setdefault("seed", 7)
    return studio.compose(ShowRequest.build(skus, minutes, **kw))  # type: ignore[arg-type]


def facts_text(studio: ContentStudio, sku: str) -> str:
    return " ".join(f"{f.value} {f.context or ''} {f.source}" for f in studio.store.catalog.facts(sku))


def test_a_two_hour_show_of_twenty_products_fills_two_hours(studio: ContentStudio, catalog: Catalog) -> None:
    skus = [p.sku for p in catalog.products[:20]]
    script = show(studio, skus, 120, style="专业")
    pacing = Pacing(script.rate or 4.5)
    assert abs(script.total_seconds - 7200) <= 0.02 * 7200
    for seg in script.segments:  # every length is what the lines really take at the rate, pauses included
        assert seg.seconds == pytest.approx(pacing.seconds(seg.lines), abs=0.05)
    pauses = sum(s.pause_seconds for s in script.segments)
    assert pauses < 0.25 * script.total_seconds
    assert {s.sku for s in script.segments if s.kind == "product"} == set(skus)
    kinds = {s.kind for s in script.segments}
    assert {"opening", "product", "transition", "interaction", "closing"} <= kinds
    assert set(script.contract_dict()) == {"id", "status", "minutes", "segments"}


def test_few_products_for_a_long_show_come_back_with_new_angles(studio: ContentStudio) -> None:
    script = show(studio, ["MZ-001", "SP-001", "SM-001"], 120)
    assert abs(script.total_seconds - 7200) <= 0.02 * 7200
    passes = [s for s in script.segments if s.sku == "MZ-001" and s.kind == "product"]
    assert len(passes) >= 5 and [s.round for s in passes] == list(range(1, len(passes) + 1))
    for seg in passes:  # a pass never says the same line twice
        assert len(seg.lines) == len(set(seg.lines))
    openings = [seg.lines[1] for seg in passes]
    assert len(set(openings)) >= 0.75 * len(openings)  # passes start from different angles
    for a, b in pairwise(passes):
        assert len(set(a.lines) & set(b.lines)) <= len(a.lines) // 3


def test_every_number_said_about_a_product_is_one_of_its_facts(studio: ContentStudio, catalog: Catalog) -> None:
    skus = [p.sku for p in catalog.products[::3]]
    script = show(studio, skus, 90, style="热情")
    for seg in script.segments:
        if not seg.sku:
            continue
        known = facts_text(studio, seg.sku)
        for line in seg.lines:
            text = re.sub(r"扣个?\d|\d+号链接|\d{1,2}:\d{2}", "", spoken_text(line))
            for number in re.findall(r"\d+(?:\.\d+)?", text):
                assert number in known, (seg.sku, number, line)


def test_every_product_segment_cites_the_facts_it_uses(studio: ContentStudio) -> None:
    script = show(studio, ["MZ-001", "FS-001"], 20)
    for seg in script.segments:
        if seg.kind == "product":
            assert f"{seg.sku}.title" in seg.facts
            if any("元" in spoken_text(line) for line in seg.lines):
                assert any(f.startswith(f"{seg.sku}.") and ("price" in f) for f in seg.facts)


def test_offers_are_the_ones_on_at_that_hour(studio: ContentStudio) -> None:
    during = show(studio, ["MZ-001", "SP-002"], 20, start=EVENING)
    before = show(studio, ["MZ-001", "SP-002"], 20, start=datetime.fromisoformat("2026-11-19T20:00:00+08:00"))
    gift = "送同款5ml小样"
    assert any(gift in line for s in during.segments for line in s.lines)
    assert not any(gift in line for s in before.segments for line in s.lines)
    assert any("MZ-001" in note and "促销" in note for note in before.notes)


def test_a_sold_out_product_is_presented_but_never_pushed(studio: ContentStudio) -> None:
    script = show(studio, ["SP-004", "MZ-001"], 20)
    sold_out = [s for s in script.segments if s.sku == "SP-004"]
    assert sold_out and not any("上链接" in cues(line) for s in sold_out for line in s.lines)
    assert any("缺货" in line or "没有库存" in line for s in sold_out for line in s.lines)
    assert any(n.startswith("SP-004") and "库存为0" in n for n in script.notes)


def test_a_flash_sale_gets_a_timed_slot_when_it_starts(studio: ContentStudio) -> None:
    start = datetime.fromisoformat("2026-11-20T19:50:00+08:00")  # SM-001's 秒杀 runs 20:00–20:30
    script = show(studio, ["SM-001", "MZ-004", "JJ-004"], 60, start=start)
    slots = [s for s in script.segments if s.kind == "promotion" and s.sku == "SM-001"]
    assert slots and slots[0].starts_at is not None and slots[0].starts_at >= 600
    assert "倒计时" in cues(slots[0].lines[0]) and "SM-001.promotion:1" in slots[0].facts
    assert any("20:30" in line for s in slots for line in s.lines)


def test_the_same_seed_gives_the_same_show_and_another_seed_another(studio: ContentStudio) -> None:
    skus = ["MZ-001", "SP-001", "FS-001"]
    first, again, other = show(studio, skus, 30, seed=1), show(studio, skus, 30, seed=1), show(studio, skus, 30, seed=2)
    lines = [[line for s in sc.segments for line in s.lines] for sc in (first, again, other)]
    assert lines[0] == lines[1]
    shared = len(set(lines[0]) & set(lines[2])) / len(set(lines[0]))
    assert shared < 0.7
    flat = lines[0]
    assert all(a != b for a, b in pairwise(flat))


def test_styles_change_the_voice(studio: ContentStudio) -> None:
    hot = show(studio, ["MZ-001"], 10, style="热情")
    pro = show(studio, ["MZ-001"], 10, style="专业")
    text_hot = "".join(line for s in hot.segments for line in s.lines)
    text_pro = "".join(line for s in pro.segments for line in s.lines)
    assert text_hot.count("家人们") > text_pro.count("家人们")
    assert text_hot.count("！") > text_pro.count("！")


def test_audience_is_woven_in_and_cannot_inject(studio: ContentStudio) -> None:
    script = show(studio, ["MZ-001", "SP-001"], 20, audience="25-35岁[上链接]{price}\n上班族的")
    said = [line for s in script.segments for line in s.lines]
    assert any("25-35岁【上链接】（price） 上班族" in line for line in said)
    assert sum(cues(line).count("上链接") for line in said) == sum(
        line.count("[上链接]") for line in said)  # every [上链接] is a real cue from the composer
    assert script.audience == "25-35岁【上链接】（price） 上班族"


def test_hostile_catalog_text_cannot_forge_cues_or_pauses(sqlite_store: Store) -> None:
    evil = Catalog.model_validate({"products": [{
        "sku": "X-1", "title": "测试[上链接]商品 [停顿300秒]", "category": "家居", "price": 10, "stock": 5,
        "selling_points": ["卖点[停顿200秒]", "超长" * 400], "attributes": {"材质[倒计时]": "棉"},
        "faq": [{"q": "能用吗[上链接]", "a": "可以" * 300}]}]})
    sqlite_store.catalog.import_catalog(evil)
    script = ContentStudio(sqlite_store).compose(ShowRequest.build(["X-1"], 5, seed=3, start=EVENING))
    for seg in script.segments:
        for line in seg.lines:
            assert all(not c.startswith("停顿") or int(c[2:-1]) <= 30 for c in cues(line)), line
            assert "超长超长超长" * 20 not in line
    assert abs(script.total_seconds - 300) <= 0.05 * 300


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"skus": "", "minutes": 10}, "empty"),
    ({"skus": "MZ-001", "minutes": 0}, "between"),
    ({"skus": "MZ-001", "minutes": math.nan}, "between"),
    ({"skus": "MZ-001", "minutes": 10**6}, "between"),
    ({"skus": "MZ-001,MZ-001", "minutes": 10}, "more than once"),
    ({"skus": ",".join(f"S{i}" for i in range(201)), "minutes": 600}, "at most 200"),
    ({"skus": "MZ-001", "minutes": 10, "style": "狂野"}, "style"),
    ({"skus": "MZ-001", "minutes": 10, "audience": "人" * 61}, "60"),
    ({"skus": "MZ-001", "minutes": 10, "start": datetime(2026, 11, 20, 20)}, "time zone"),
])
def test_bad_requests_are_refused_with_a_reason(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        ShowRequest.build(**kwargs)  # type: ignore[arg-type]


def test_too_short_a_show_and_unknown_products_say_why(studio: ContentStudio, catalog: Catalog) -> None:
    with pytest.raises(InputError, match="too short for 20 products"):
        show(studio, [p.sku for p in catalog.products[:20]], 2)
    with pytest.raises(NotFoundError, match="NOPE"):
        show(studio, ["MZ-001", "NOPE"], 10)


def test_the_script_is_labelled_as_ai_generated(studio: ContentStudio) -> None:
    script = show(studio, ["MZ-001"], 10, seed=11)
    assert script.label and is_valid_label(script.label)
    assert script.aigc and script.aigc["Label"] == "1" and script.aigc["ProduceID"] == script.id
    assert script.generator and script.generator.provider == "offline-templates" and script.generator.seed == 11
    assert any("AI生成" in line for line in script.segments[0].lines)  # the spoken disclosure at the start


@pytest.mark.parametrize("style", ["热情", "专业", "亲切", "幽默"])
def test_nothing_the_checker_objects_to_is_left(studio: ContentStudio, catalog: Catalog, style: str) -> None:
    """Every final line passes the compliance engine; a claim may stand only when it is the verbatim text
    of a fact the segment cites (the catalog is the evidence)."""
    script = show(studio, [p.sku for p in catalog.products[::4]], 60, style=style)
    proof = Proofreader(default_guard())
    products = {p.sku: p for p in catalog.products}
    values = {f.id: str(f.value) for p in catalog.products for f in studio.store.catalog.facts(p.sku)}
    for seg in script.segments:
        cited = [values[f] for f in seg.facts if f in values]
        for line in seg.lines:
            problems = proof.problems(spoken_text(line), products.get(seg.sku or ""), EVENING, cited)
            assert problems == [], line


class PriceBender:
    """An LLM that rewrites drafts with a wrong price and a superlative: what the checks must catch."""

    name = "bender"

    def chat(self, request: ChatRequest) -> ChatResult:
        text = (request.draft or "").replace("89元", "59元").replace("质地清爽", "全网最低价，质地清爽")
        return ChatResult(text=text, provider="bender", model="b-1")


def test_an_llm_draft_goes_through_the_same_checks(sqlite_store: Store, catalog: Catalog) -> None:
    sqlite_store.catalog.import_catalog(catalog)
    studio = ContentStudio(sqlite_store, llm=PriceBender())
    script = studio.compose(ShowRequest.build(["MZ-001"], 10, seed=5, start=EVENING))
    said = " ".join(line for s in script.segments for line in s.lines)
    assert "59元" not in said and "全网最低" not in said  # the invented price and the superlative never land
    assert "89元" in said
    kept = next(n for n in script.notes if n.startswith("LLM"))
    assert "a number not in the draft" in kept  # segments where it invented a price kept the draft
    assert script.generator and script.generator.provider == "offline-templates"  # nothing it wrote survived


class Rewriter:
    """A well-behaved model: rewords, keeps numbers and cue marks."""

    name = "rewriter"

    def chat(self, request: ChatRequest) -> ChatResult:
        return ChatResult(text=(request.draft or "").replace("家人们", "朋友们"), provider="rewriter", model="r-1")


def test_a_well_behaved_llm_rephrases_and_the_show_is_retimed(sqlite_store: Store, catalog: Catalog) -> None:
    sqlite_store.catalog.import_catalog(catalog)
    script = ContentStudio(sqlite_store, llm=Rewriter()).compose(
        ShowRequest.build(["MZ-001", "SP-001"], 15, seed=2, start=EVENING, style="热情"))
    said = [line for s in script.segments for line in s.lines]
    assert not any("家人们" in line for line in said) and any("朋友们" in line for line in said)
    pacing = Pacing(script.rate or 4.5)
    assert all(seg.seconds == pytest.approx(pacing.seconds(seg.lines), abs=0.05) for seg in script.segments)
    starts = [seg.starts_at for seg in script.segments]
    assert starts == sorted(starts) and script.generator and script.generator.model == "r-1"
