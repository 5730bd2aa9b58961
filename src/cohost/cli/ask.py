"""``cohost ask``: answer viewer questions from the catalog in ``--home`` (formats.md §3).

    cohost ask "3号链接多少钱" [--context-sku SKU] [--json]
    cohost ask --file QUESTIONS.jsonl --json

Batch mode reads one ``{"id": …, "question": …, "context_sku"?: …}`` per line and prints one answer per
line in the same order. A malformed line does not stop the batch: its output line is
``{"id": <id or null>, "line": N, "error": "…"}`` so the output stays aligned with the input, and after
the last line the command prints ``Error: …`` naming the bad line numbers and exits 1. Blank lines are
skipped (they produce no output line).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from cohost.cli.context import HomeOption, JsonOption, app_state, console, open_store
from cohost.errors import InputError
from cohost.knowledge import AnswerRecord, QAEngine

MAX_QUESTION = 500


def _parse_line(number: int, line: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(item, dict):
        return None, f"line {number}: expected a JSON object, got {type(item).__name__}"
    question = item.get("question")
    if not isinstance(question, str) or not question.strip():
        return item, f"line {number}: field 'question' must be a non-empty string"
    if len(question) > MAX_QUESTION:
        return item, f"line {number}: field 'question' is longer than {MAX_QUESTION} characters"
    sku = item.get("context_sku")
    if sku is not None and not isinstance(sku, str):
        return item, f"line {number}: field 'context_sku' must be a string or null"
    if not isinstance(item.get("id"), (str, int, type(None))) or isinstance(item.get("id"), bool):
        return item, f"line {number}: field 'id' must be a string, a number or null"
    return item, None


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8-sig") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    yield number, line
    except FileNotFoundError as exc:
        raise InputError(f"{path}: file not found") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc


def _show(record: AnswerRecord) -> None:
    console.print(record.answer, highlight=False, markup=False)
    flag = f" · 转人工 escalate: {record.reason}" if record.escalate else ""
    facts = ", ".join(record.facts) or "—"
    console.print(f"[dim]intent={record.intent} sku={record.sku or '—'} facts={facts} "
                  f"confidence={record.confidence}{flag}[/]", highlight=False)


def _batch(engine: QAEngine, path: Path, as_json: bool) -> None:
    bad: list[int] = []
    for number, line in _lines(path):
        item, problem = _parse_line(number, line)
        if problem is not None:
            bad.append(number)
            ident = item.get("id") if item is not None and isinstance(item.get("id"), (str, int)) else None
            print(json.dumps({"id": ident, "line": number, "error": problem}, ensure_ascii=False), flush=True)
            continue
        assert item is not None
        record = engine.answer(item["question"], context_sku=item.get("context_sku"), id=item.get("id"))
        if as_json:
            print(json.dumps(record.to_json_dict(), ensure_ascii=False), flush=True)
        else:
            console.print(f"[bold]{record.id}[/] {record.question}", highlight=False, markup=False)
            _show(record)
    if bad:
        shown = ", ".join(map(str, bad[:20])) + (" …" if len(bad) > 20 else "")
        raise InputError(f"{path}: {len(bad)} malformed line(s): {shown}",
                         hint='each line must be {"id": …, "question": "…", "context_sku"?: "…"}')


def register(app: typer.Typer) -> None:
    @app.command("ask")
    def ask(
        ctx: typer.Context,
        question: Annotated[str | None, typer.Argument(help="观众问题 / the viewer's question")] = None,
        context_sku: Annotated[str | None, typer.Option("--context-sku", help="正在讲解的商品 / product on screen")] = None,
        file: Annotated[Path | None, typer.Option("--file", "-f", help="JSONL: one {id, question, context_sku?} per line")] = None,
        home: HomeOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """回答观众问题（只依据商品事实，否则转人工）/ answer viewer questions from the catalog's facts.

        With --file, a malformed line prints {"id", "line", "error"} in its place (output stays aligned) and the
        command ends with Error: naming the bad lines (exit 1).
        """
        if (question is None) == (file is None):
            raise InputError("give either a QUESTION or --file, not both and not neither",
                             hint='cohost ask "这个多少钱" --context-sku MZ-001')
        if question is not None and not question.strip():
            raise InputError("the question is empty")
        if question is not None and len(question) > MAX_QUESTION:
            raise InputError(f"the question is longer than {MAX_QUESTION} characters")
        settings = app_state(ctx).settings(home)
        with open_store(settings) as store:
            if store.catalog.count() == 0:
                raise InputError(f"no catalog in {settings.home}", hint="cohost catalog import examples/catalog/shop.json")
            engine = QAEngine.from_settings(store, settings)
            if file is not None:
                _batch(engine, file, as_json)
                return
            assert question is not None
            record = engine.answer(question, context_sku=context_sku)
        if as_json:
            print(json.dumps(record.to_json_dict(), ensure_ascii=False))
        else:
            _show(record)
        sys.stdout.flush()
