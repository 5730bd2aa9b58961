"""Human review of a generated script: edits are diffed and re-checked, problems block approval, an edit
cannot approve itself, and hostile edit files are refused with a reason."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from cohost.content import ContentStudio, ShowRequest
from cohost.content.review import parse_edit, read_edit
from cohost.domain import Catalog
from cohost.domain.script import Script
from cohost.errors import ConflictError, InputError
from cohost.store import Store

SHOP = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"
EVENING = datetime.fromisoformat("2026-11-20T20:00:00+08:00")


@pytest.fixture
def studio(sqlite_store: Store) -> Iterator[ContentStudio]:
    sqlite_store.catalog.import_catalog(Catalog.model_validate(json.loads(SHOP.read_text(encoding="utf-8"))))
    yield ContentStudio(sqlite_store)


@pytest.fixture
def draft(studio: ContentStudio) -> Script:
    return studio.new_script(ShowRequest.build(["MZ-001", "SP-001"], 15, seed=4, start=EVENING), actor="运营小李")


def edited(script: Script, segment: int, line: int, text: str) -> dict[str, Any]:
    doc = script.model_dump(mode="json")
    doc["segments"][segment]["lines"][line] = text
    return doc


def product_segment(script: Script, sku: str) -> int:
    return next(i for i, s in enumerate(script.segments) if s.sku == sku and s.kind == "product")


def test_a_clean_edit_is_diffed_retimed_and_can_be_approved(studio: ContentStudio, draft: Script) -> None:
    i = product_segment(draft, "MZ-001")
    after = studio.edit(draft.id, edited(draft, i, 1, "这款精华是水研家的，质地清透水感。"), by="主播阿雅",
                        comment="口语化一点")
    assert after.status == "draft" and after.version == 2 and after.findings == []
    assert after.segments[i].seconds != draft.segments[i].seconds
    trail = studio.store.scripts.history(draft.id)
    assert trail[-1].actor == "主播阿雅" and trail[-1].comment == "口语化一点"
    assert f"+[{i}] product MZ-001 | 这款精华是水研家的，质地清透水感。" in (trail[-1].diff or "")
    studio.store.scripts.submit(draft.id, by="主播阿雅")
    assert studio.store.scripts.approve(draft.id, by="合规王姐").status == "approved"


def test_a_human_line_with_a_wrong_price_or_superlative_blocks_approval(studio: ContentStudio, draft: Script) -> None:
    i = product_segment(draft, "MZ-001")
    after = studio.edit(draft.id, edited(draft, i, 1, "全网最低价，今天只要59元！"), by="主播阿雅")
    rules = {f.rule for f in after.findings}
    assert "contradicted" in rules or "PRICE-20" in rules
    assert any(f.rule.startswith(("AD-09", "PRICE-19")) for f in after.findings)  # 全网最低价
    assert all(f.segment == i and f.line == 1 for f in after.findings)
    assert "全网最低价" in after.segments[i].lines[1]  # a person's words are flagged, never silently rewritten
    studio.store.scripts.submit(draft.id, by="主播阿雅")
    with pytest.raises(ConflictError, match="open finding"):
        studio.store.scripts.approve(draft.id, by="合规王姐")
    fixed = studio.edit(draft.id, edited(after, i, 1, "今天直播间价格是89元。"), by="合规王姐")
    assert fixed.findings == [] and fixed.status == "in_review"
    assert studio.store.scripts.approve(draft.id, by="合规王姐").status == "approved"


def test_an_edit_cannot_approve_itself(studio: ContentStudio, draft: Script) -> None:
    doc = edited(draft, 0, 0, "大家好，欢迎来到直播间。")
    doc |= {"status": "approved", "reviewer": "我自己", "findings": [], "version": 99}
    with pytest.raises(ConflictError, match="version"):
        studio.edit(draft.id, doc, by="运营小李")
    doc.pop("version")
    after = studio.edit(draft.id, doc, by="运营小李")
    assert after.status == "draft" and after.reviewer is None
    with pytest.raises(ConflictError):
        studio.store.scripts.approved(draft.id)


def test_editing_an_approved_script_sends_it_back_to_review(studio: ContentStudio, draft: Script) -> None:
    studio.store.scripts.submit(draft.id, by="a")
    studio.store.scripts.approve(draft.id, by="b")
    after = studio.edit(draft.id, edited(draft, 0, 0, "各位晚上好，欢迎来到直播间。"), by="c")
    assert after.status == "in_review"
    with pytest.raises(ConflictError, match="not approved"):
        studio.store.scripts.approved(draft.id)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(id="S-OTHER"), "not 'S"),
    (lambda d: d.update(segments=[]), "non-empty"),
    (lambda d: d.update(segments="oops"), "non-empty"),
    (lambda d: d["segments"][1].update(lines=[1, 2]), "strings"),
    (lambda d: d["segments"][1].update(sku="EVIL-1"), "not a product"),
    (lambda d: d["segments"][1]["lines"].append("长" * 501), "at most 500"),
    (lambda d: d["segments"][1]["lines"].append("两行\n合一"), "line break"),
    (lambda d: d["segments"][1].update(lines=["x"] * 401), "at most 400"),
    (lambda d: d.update(segments=[{"kind": "product", "lines": ["x"]}] * 2001), "at most 2000"),
    (lambda d: None, "changes no line"),
])
def test_bad_edits_are_refused_and_change_nothing(studio: ContentStudio, draft: Script, change: Any,
                                                   message: str) -> None:
    doc = draft.model_dump(mode="json")
    change(doc)
    with pytest.raises(InputError, match=message):
        studio.edit(draft.id, doc, by="x")
    assert studio.store.scripts.get(draft.id).version == 1


def test_edit_files_that_are_broken_huge_or_not_json(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"segments": [', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.json:1:\d+: not valid JSON"):
        read_edit(broken)
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * 5_000_001)
    with pytest.raises(InputError, match="too large"):
        read_edit(huge)
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError, match="UTF-8"):
        read_edit(binary)
    with pytest.raises(InputError, match="cannot read"):
        read_edit(tmp_path / "missing.json")
    with pytest.raises(InputError, match="object"):
        parse_edit("[1, 2]")


def test_the_audit_log_tells_the_whole_story(studio: ContentStudio, draft: Script) -> None:
    studio.edit(draft.id, edited(draft, 0, 0, "大家好。"), by="主播阿雅")
    studio.store.scripts.submit(draft.id, by="主播阿雅")
    studio.store.scripts.reject(draft.id, by="合规王姐", comment="开场太短")
    entries = studio.store.audit.entries(subject=f"script:{draft.id}")
    assert [(e.actor, e.action) for e in entries] == [
        ("运营小李", "script.create"), ("主播阿雅", "script.edit"), ("主播阿雅", "script.submit"),
        ("合规王姐", "script.reject")]
    assert entries[0].detail["generator"]["provider"] == "offline-templates"
    assert entries[-1].detail["comment"] == "开场太短"
