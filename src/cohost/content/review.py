"""Human edits to a script: read the edited file safely, diff it, re-check every line.

Only the lines a person wrote or changed are checked again (the generated ones passed the proofreader
with the facts they quote); findings on lines left as they were stay open until those lines change.

An edited file is a Script JSON (what ``cohost script show ID --format json`` prints) with changed
``segments``. Only segments and lines are taken from it: ``status``, reviewer fields, ``fixes`` and
``findings`` in the file are ignored, so an edit can never approve itself. Lines a person wrote are not
silently rewritten; every line is re-checked against the current facts and rules and what fails is
recorded as an open finding that blocks approval until someone fixes it.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cohost.content.pacing import Pacing, strip_cues
from cohost.content.proofreader import Proofreader
from cohost.domain import Product
from cohost.domain.script import LineFinding, Script, Segment
from cohost.errors import InputError

MAX_EDIT_BYTES = 5_000_000
MAX_SEGMENTS = 2000
MAX_LINES = 400
MAX_LINE = 500


def read_edit(path: Path) -> dict[str, Any]:
    """The edited Script JSON as a dict; errors name the file and what is wrong."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    if size > MAX_EDIT_BYTES:
        raise InputError(f"{path}: {size} bytes is too large for a script (limit {MAX_EDIT_BYTES})")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    return parse_edit(text, source=str(path))


def parse_edit(text: str, *, source: str = "edit") -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(doc, dict):
        raise InputError(f"{source}: expected a Script JSON object with \"segments\"")
    return doc


def edited_segments(current: Script, doc: Mapping[str, Any], pacing: Pacing, *, source: str = "edit") -> list[Segment]:
    """Validate the edited segments. Seconds are recomputed from the lines, never taken from the file."""
    if "id" in doc and doc["id"] != current.id:
        raise InputError(f"{source}: is script {doc['id']!r}, not {current.id!r}")
    raw = doc.get("segments")
    if not isinstance(raw, list) or not raw:
        raise InputError(f"{source}: \"segments\" must be a non-empty list")
    if len(raw) > MAX_SEGMENTS:
        raise InputError(f"{source}: {len(raw)} segments; at most {MAX_SEGMENTS}")
    allowed = set(current.skus) | {s.sku for s in current.segments if s.sku}
    out: list[Segment] = []
    for i, item in enumerate(raw):
        where = f"{source}: segments[{i}]"
        if not isinstance(item, dict):
            raise InputError(f"{where}: must be an object")
        lines = item.get("lines")
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise InputError(f"{where}.lines: must be a list of strings")
        if len(lines) > MAX_LINES:
            raise InputError(f"{where}.lines: {len(lines)} lines; at most {MAX_LINES}")
        for j, line in enumerate(lines):
            if len(line) > MAX_LINE:
                raise InputError(f"{where}.lines[{j}]: {len(line)} characters; at most {MAX_LINE}")
            if "\n" in line or "\r" in line:
                raise InputError(f"{where}.lines[{j}]: one line may not contain a line break")
        lines = [x.strip() for x in lines if x.strip()]
        sku = item.get("sku")
        if sku is not None and sku not in allowed:
            raise InputError(f"{where}.sku: {sku!r} is not a product of this script")
        try:
            seg = Segment(kind=str(item.get("kind") or "")[:32] or "product", sku=sku, lines=lines,
                          seconds=pacing.seconds(lines), pause_seconds=pacing.pause_seconds(lines),
                          title=item.get("title") if isinstance(item.get("title"), str) else None,
                          round=item.get("round") if isinstance(item.get("round"), int) else None,
                          facts=[f for f in item.get("facts") or [] if isinstance(f, str)][:200])
        except ValidationError as exc:
            raise InputError(f"{where}: {exc.errors()[0]['msg']}") from exc
        out.append(seg)
    return out


def script_text(script: Script) -> list[str]:
    """The script as numbered lines for a diff: segment, kind, product, then the line."""
    return [f"[{i}] {s.kind} {s.sku or '-'} | {line}" for i, s in enumerate(script.segments) for line in s.lines]


def diff(before: Script, after: Script, *, by: str) -> str:
    return "\n".join(difflib.unified_diff(
        script_text(before), script_text(after), fromfile=f"{before.id} v{before.version}",
        tofile=f"{after.id} v{before.version + 1} ({by})", lineterm="", n=1))


def recheck(script: Script, proofreader: Proofreader, products: Mapping[str, Product],
            facts: Mapping[str, str] | None = None, *, only: Callable[[str], bool] | None = None,
            ) -> list[LineFinding]:
    """Problems in the script's lines (those ``only`` selects: a person's new or changed lines), against
    the current facts and rules, as open findings.

    ``facts`` maps fact ids to their current text; a claim that quotes one of the facts its segment cites
    stands on that fact (the proofreader's rule for generated lines, applied to the current catalog)."""
    found: list[LineFinding] = []
    for i, seg in enumerate(script.segments):
        product = products.get(seg.sku) if seg.sku else None
        when = script.start + timedelta(seconds=seg.starts_at or 0) if script.start else None
        trusted = [v for f in seg.facts if (v := (facts or {}).get(f))]
        for j, line in enumerate(seg.lines):
            if only is not None and not only(line):
                continue
            spoken, _ = strip_cues(line)
            for p in proofreader.problems(spoken, product, when, trusted):
                start, end = max(0, p.span[0]), min(len(spoken), p.span[1])
                found.append(LineFinding(
                    rule=p.reason, severity="high" if p.reason in ("contradicted", "unsupported", "needs_evidence")
                    else p.severity, span=(start, end), text=spoken[start:end], message=p.message,
                    suggestion=p.replacement, segment=i, line=j))
    return found


def edit_change(doc: Mapping[str, Any], proofreader: Proofreader, products: Mapping[str, Product], *, by: str,
                source: str = "edit", facts: Mapping[str, str] | None = None,
                ) -> Callable[[Script], tuple[Script, str]]:
    """The change ``ScriptRepository.save_edit`` applies: new segments, re-timed, re-checked, diffed."""

    def change(current: Script) -> tuple[Script, str]:
        pacing = Pacing(current.rate or 4.5)
        segments = edited_segments(current, doc, pacing, source=source)
        clock = 0.0
        for seg in segments:
            seg.starts_at = round(clock, 1)
            clock += seg.seconds
        edited = current.model_copy(update={"segments": segments})
        text = diff(current, edited, by=by)
        if not text:
            raise InputError(f"{source}: changes no line of script {current.id}")
        before = {line for seg in current.segments for line in seg.lines}
        kept = [f for f in current.findings if f.segment < len(segments) and f.line < len(segments[f.segment].lines)
                and segments[f.segment].lines[f.line] == current.segments[f.segment].lines[f.line]]
        findings = kept + recheck(edited, proofreader, products, facts, only=lambda line: line not in before)
        notes = [n for n in current.notes if not n.startswith("时长")]
        target = current.minutes * 60
        if abs(clock - target) > 0.05 * target:
            notes.append(f"时长：编辑后约{clock / 60:.1f}分钟，计划{current.minutes:g}分钟")
        return edited.model_copy(update={"findings": findings, "notes": notes}), text

    return change
