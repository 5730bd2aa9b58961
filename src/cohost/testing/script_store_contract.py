"""Conformance suite for scripts, their review trail and the audit log: every backend passes the same class.

Subclass it and provide a ``store`` fixture yielding a freshly migrated, empty ``Store``::

    class TestMyScripts(ScriptStoreContract):
        @pytest.fixture
        def store(self): ...
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from cohost.domain.script import LineFinding, Script, Segment
from cohost.errors import ConflictError, InputError, NotFoundError
from cohost.store import Store


def make_script(script_id: str = "S20261120-000001", *, lines: int = 3, findings: int = 0) -> Script:
    """A small draft script as the generator would store it (no generation needed to test storage)."""
    segments = [
        Segment(kind="opening", sku=None, seconds=12.0, lines=["欢迎来到直播间。", "本场讲解内容由AI生成。"]),
        Segment(kind="product", sku="T-001", seconds=30.0, round=1, facts=["T-001.price"],
                lines=[f"第{i}句：测试商品价格是19.99元。[上链接]" for i in range(lines)]),
        Segment(kind="closing", sku=None, seconds=6.0, lines=["谢谢大家，下次见。"]),
    ]
    found = [LineFinding(rule="AD-09-3", severity="high", span=(0, 2), text="最好", message="绝对化用语",
                         suggestion=None, segment=1, line=0)] * findings
    return Script(id=script_id, minutes=1, segments=segments, title="测试脚本", style="亲切", skus=["T-001"],
                  rate=4.5, label="本脚本由AI生成", findings=found, created_at=datetime(2026, 11, 20, tzinfo=UTC))


def _edit(script: Script) -> tuple[Script, str]:
    segments = [s.model_copy(deep=True) for s in script.segments]
    segments[1].lines[0] = "改过的一句：测试商品价格是19.99元。"
    return script.model_copy(update={"segments": segments}), "-old\n+new\n"


class ScriptStoreContract:
    """What every store must do with scripts, reviews and audit records."""

    def test_draft_reads_back_exactly(self, store: Store) -> None:
        original = make_script()
        store.scripts.add(original, actor="tester")
        got = store.scripts.get(original.id)
        assert got.segments == original.segments and got.status == "draft" and got.skus == ["T-001"]
        assert got.title == "测试脚本" and got.label == "本脚本由AI生成"

    def test_full_review_path_is_recorded_and_audited(self, store: Store) -> None:
        store.scripts.add(make_script(), actor="generator")
        store.scripts.submit("S20261120-000001", by="小王")
        approved = store.scripts.approve("S20261120-000001", by="李审核", comment="可以上线")
        assert approved.status == "approved" and approved.reviewer == "李审核"
        assert approved.review_comment == "可以上线" and approved.reviewed_at is not None
        assert store.scripts.approved("S20261120-000001").status == "approved"
        trail = store.scripts.history("S20261120-000001")
        assert [(e.action, e.actor, e.from_status, e.to_status) for e in trail] == [
            ("create", "generator", None, "draft"), ("submit", "小王", "draft", "in_review"),
            ("approve", "李审核", "in_review", "approved")]
        audit = store.audit.entries(subject="script:S20261120-000001")
        assert [a.action for a in audit] == ["script.create", "script.submit", "script.approve"]
        assert audit[-1].actor == "李审核" and audit[-1].detail["comment"] == "可以上线"

    def test_nothing_unapproved_can_go_live(self, store: Store) -> None:
        store.scripts.add(make_script(), actor="g")
        for step in (lambda: None, lambda: store.scripts.submit("S20261120-000001", by="a")):
            step()
            with pytest.raises(ConflictError, match="not approved"):
                store.scripts.approved("S20261120-000001")
        store.scripts.reject("S20261120-000001", by="审核员", comment="价格要再核对")
        with pytest.raises(ConflictError, match="rejected"):
            store.scripts.approved("S20261120-000001")

    def test_workflow_refuses_skipped_steps(self, store: Store) -> None:
        store.scripts.add(make_script(), actor="g")
        with pytest.raises(ConflictError, match="draft"):
            store.scripts.approve("S20261120-000001", by="a")
        store.scripts.submit("S20261120-000001", by="a")
        with pytest.raises(ConflictError):
            store.scripts.submit("S20261120-000001", by="a")
        with pytest.raises(InputError, match="comment"):
            store.scripts.reject("S20261120-000001", by="b", comment="  ")
        with pytest.raises(InputError, match="name"):
            store.scripts.approve("S20261120-000001", by="")
        with pytest.raises(InputError):
            store.scripts.approve("S20261120-000001", by="x" * 101)
        assert store.scripts.get("S20261120-000001").status == "in_review"

    def test_open_findings_block_approval(self, store: Store) -> None:
        store.scripts.add(make_script(findings=1), actor="g")
        store.scripts.submit("S20261120-000001", by="a")
        with pytest.raises(ConflictError, match="AD-09-3"):
            store.scripts.approve("S20261120-000001", by="b")
        assert store.scripts.get("S20261120-000001").status == "in_review"

    def test_edit_after_approval_revokes_it(self, store: Store) -> None:
        store.scripts.add(make_script(), actor="g")
        store.scripts.submit("S20261120-000001", by="a")
        store.scripts.approve("S20261120-000001", by="b")
        edited = store.scripts.save_edit("S20261120-000001", _edit, by="c", comment="改一句")
        assert edited.status == "in_review" and edited.version == 2 and edited.reviewer is None
        with pytest.raises(ConflictError):
            store.scripts.approved("S20261120-000001")
        trail = store.scripts.history("S20261120-000001")
        assert trail[-1].action == "edit" and trail[-1].diff == "-old\n+new\n" and trail[-1].comment == "改一句"
        assert store.audit.entries(action="script.edit")[-1].detail["approval_revoked"] is True

    def test_edit_of_stale_version_is_refused(self, store: Store) -> None:
        store.scripts.add(make_script(), actor="g")
        store.scripts.save_edit("S20261120-000001", _edit, by="c")
        with pytest.raises(ConflictError, match="version"):
            store.scripts.save_edit("S20261120-000001", _edit, by="d", base_version=1)

    def test_failed_edit_writes_nothing(self, store: Store) -> None:
        store.scripts.add(make_script(), actor="g")

        def broken(_: Script) -> tuple[Script, str]:
            raise InputError("bad edit")

        with pytest.raises(InputError):
            store.scripts.save_edit("S20261120-000001", broken, by="c")
        assert store.scripts.get("S20261120-000001").version == 1
        assert [e.action for e in store.scripts.history("S20261120-000001")] == ["create"]
        assert store.audit.entries(action="script.edit") == []

    def test_list_count_and_missing(self, store: Store) -> None:
        for i in range(3):
            store.scripts.add(make_script(f"S20261120-00000{i}"), actor="g")
        store.scripts.submit("S20261120-000001", by="a")
        assert store.scripts.count() == 3 and store.scripts.count(status="in_review") == 1
        assert [s.id for s in store.scripts.list(status="draft")] == ["S20261120-000002", "S20261120-000000"]
        with pytest.raises(NotFoundError):
            store.scripts.get("NOPE")
        with pytest.raises(NotFoundError):
            store.scripts.submit("NOPE", by="a")
        with pytest.raises(ConflictError):
            store.scripts.add(make_script("S20261120-000000"), actor="g")

    def test_concurrent_approvals_approve_once(self, store: Store) -> None:
        store.scripts.add(make_script(), actor="g")
        store.scripts.submit("S20261120-000001", by="a")
        outcomes: list[str] = []

        def approve(name: str) -> None:
            try:
                store.scripts.approve("S20261120-000001", by=name)
                outcomes.append("ok")
            except ConflictError:
                outcomes.append("conflict")

        threads = [threading.Thread(target=approve, args=(f"审核{i}",)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert outcomes.count("ok") == 1
        assert [e.action for e in store.scripts.history("S20261120-000001")].count("approve") == 1

    def test_unicode_and_long_lines_survive(self, store: Store) -> None:
        script = make_script()
        script.segments[1].lines.append("😀繁體「引號」\u200b" + "长" * 450)
        store.scripts.add(script, actor="g")
        assert store.scripts.get(script.id).segments[1].lines[-1] == script.segments[1].lines[-1]

    def test_audit_log_is_generic_and_filterable(self, store: Store) -> None:
        store.audit.record("operator", "copy.create", "product:T-001", {"title": "标题"})
        store.audit.record("system", "script.create", "script:X", {})
        assert [e.action for e in store.audit.entries(action="copy.")] == ["copy.create"]
        assert store.audit.entries(actor="operator")[0].detail == {"title": "标题"}
        with pytest.raises(ValueError):
            store.audit.record("", "x", "y")


__all__ = ["ScriptStoreContract", "make_script"]
