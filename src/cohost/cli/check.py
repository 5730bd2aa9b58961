"""``cohost check``: compliance findings for a text, a file or a batch (formats.md §3).

    cohost check "全网最低价，错过再等一年！"            # human-readable: the text with findings highlighted
    cohost check --file script.txt --sku MZ-001 --json  # {"findings": [...]}
    cohost check --batch texts.jsonl --json             # one {"id", "findings"} per input line, same order

Batch input is one JSON object per line: ``{"id": …, "text": …, "sku"?: …, "mode"?: …}``. Blank lines
are skipped. A line that cannot be checked (not JSON, not an object, no ``text``, unknown ``sku``,
bad ``mode``) still gets its output line, in order, as ``{"id": <id or null>, "line": N, "error": "…"}``
with no ``findings`` key, so it is never mistaken for a clean text; after the whole batch the command
exits 1 with ``Error: …`` naming those line numbers. Batch output is always JSON Lines.
"""

from __future__ import annotations

import codecs
import json
import sys
from contextlib import ExitStack
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from cohost.cli.context import AppState, HomeOption, JsonOption, app_state, console, open_store
from cohost.domain import Finding, Product
from cohost.domain.catalog import CHINA_TZ
from cohost.errors import CohostError, InputError, NotFoundError
from cohost.store import Store

MAX_TEXT = 1_000_000
"""Longest text (characters) one check accepts from the command line or a file."""

_STYLE = {"critical": "bold white on red", "high": "bold red", "medium": "bold yellow", "low": "cyan"}
_LABEL = {"critical": "严重 critical", "high": "高 high", "medium": "中 medium", "low": "低 low"}


class Mode(StrEnum):
    text = "text"
    live = "live"
    comment = "comment"


def _clean(text: str) -> str:
    """Lone surrogates (from broken JSON or bytes) become U+FFFD, one character each, so spans still hold."""
    if text.isascii() or not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"无法识别文件编码 / cannot decode {name}: save it as UTF-8")


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_TEXT * 4:
            raise InputError(f"文件过大 / {path} is too large (more than {MAX_TEXT} characters)")
        return _decode(path.read_bytes(), str(path))
    except FileNotFoundError:
        raise InputError(f"找不到文件 / file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"这是一个文件夹 / not a file: {path}") from None
    except OSError as exc:
        raise InputError(f"无法读取 / cannot read {path}: {exc.strerror or exc}") from None


def _when(now: str | None) -> datetime | None:
    if now is None:
        return None
    try:
        when = datetime.fromisoformat(now)
    except ValueError:
        raise InputError(f"--now 不是合法的时间 / --now is not an ISO datetime: {now!r}",
                         hint="e.g. --now 2026-11-20T21:00:00+08:00") from None
    return when if when.tzinfo else when.replace(tzinfo=CHINA_TZ)


class _Products:
    """Products by sku from the store in ``--home``, opened on first use and cached for the batch."""

    def __init__(self, state: AppState, home: Path | None, stack: ExitStack) -> None:
        self._state, self._home, self._stack = state, home, stack
        self._store: Store | None = None
        self._cache: dict[str, Product] = {}

    def get(self, sku: str) -> Product:
        if sku not in self._cache:
            if self._store is None:
                self._store = self._stack.enter_context(open_store(self._state.settings(self._home)))
            self._cache[sku] = self._store.catalog.get(sku).product
        return self._cache[sku]


def _findings_json(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.model_dump(mode="json") for f in findings]


def _show(text: str, findings: list[Finding], title: str | None) -> None:
    from cohost.compliance import Checker

    if title:
        console.print(f"[bold]{title}[/]", highlight=False)
    marked = Text(text)
    for f in findings:
        marked.stylize(_STYLE[f.severity], f.span[0], f.span[1])
    console.print(marked, highlight=False)
    if not findings:
        console.print("[green]未发现问题 / no findings[/]", highlight=False)
        return
    checker = Checker.default()
    console.print(f"\n发现 {len(findings)} 处问题 / {len(findings)} findings", style="bold", highlight=False)
    for i, f in enumerate(findings, 1):
        head = Text(f"{i}. ")
        head.append(f"[{_LABEL[f.severity]}]", style=_STYLE[f.severity])
        head.append(f" {f.rule}  “{f.text}”  ({f.span[0]}–{f.span[1]})")
        console.print(head, highlight=False)
        console.print(Text(f"   {f.message}"), highlight=False)
        if f.suggestion:
            console.print(Text(f"   建议 / suggestion: {f.suggestion}", style="green"), highlight=False)
        console.print(Text(f"   依据 / law: {checker.rule(f.rule).law}", style="dim"), highlight=False)


def _batch(path: Path, products: _Products, mode: Mode, now: datetime | None) -> list[int]:
    from cohost.compliance import Checker

    checker = Checker.default()
    bad: list[int] = []
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"无法读取 / cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                line = None
            if line is not None and not line.strip():
                continue
            try:
                if line is None:
                    raise InputError("不是 UTF-8 文本 / not UTF-8 text")
                item_id, findings = _batch_line(line, products, mode, now, checker)
                out: dict[str, Any] = {"id": item_id, "findings": _findings_json(findings)}
            except (InputError, NotFoundError) as exc:
                bad.append(number)
                out = {"id": getattr(exc, "item_id", None), "line": number, "error": f"第{number}行 / line {number}: {exc}"}
            print(json.dumps(out, ensure_ascii=False), flush=False)
    sys.stdout.flush()
    return bad


def _batch_line(line: str, products: _Products, mode: Mode, now: datetime | None, checker: Any) -> tuple[Any, list[Finding]]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"不是合法的 JSON / invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(item, dict):
        raise InputError("每行须是一个 JSON 对象 / each line must be a JSON object")
    item_id = item.get("id")
    if isinstance(item_id, (dict, list)):
        item_id = None
    try:
        text, sku, line_mode = item.get("text"), item.get("sku"), item.get("mode", mode.value)
        if not isinstance(text, str):
            raise InputError("缺少字符串字段 text / missing string field 'text'")
        if len(text) > MAX_TEXT:
            raise InputError(f"text 超过 {MAX_TEXT} 个字符 / text longer than {MAX_TEXT} characters")
        if sku is not None and (not isinstance(sku, str) or not sku.strip()):
            raise InputError("sku 须是非空字符串 / 'sku' must be a non-empty string")
        if line_mode not in Mode.__members__:
            raise InputError(f"mode 须是 text、live 或 comment / bad mode {line_mode!r}")
        product = products.get(sku.strip()) if sku else None
        return item_id, checker.check(_clean(text), product=product, now=now, mode=line_mode)
    except CohostError as exc:
        exc.item_id = item_id  # type: ignore[attr-defined]
        raise


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check(
        ctx: typer.Context,
        text: Annotated[str | None, typer.Argument(help="要检查的文本；“-” 读标准输入 / text to check, - for stdin")] = None,
        file: Annotated[Path | None, typer.Option("--file", "-f", help="从文件读取文本 / read the text from a file")] = None,
        batch: Annotated[Path | None, typer.Option("--batch", help="JSON Lines: {id, text, sku?, mode?} per line")] = None,
        sku: Annotated[str | None, typer.Option("--sku", help="对照该商品的事实、库存和活动 / check against this product")] = None,
        mode: Annotated[Mode, typer.Option("--mode", help="text（脚本文案）| live（直播回答）| comment（观众评论）")] = Mode.text,
        now: Annotated[str | None, typer.Option("--now", help="检查时刻（ISO 8601），默认现在 / the time to check promotions at")] = None,
        home: HomeOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """合规检查 / check text against the advertising and live-commerce rules (and a product's facts)."""
        from cohost.compliance import Checker

        sources = [s for s in (text, file, batch) if s is not None]
        if len(sources) != 1:
            raise InputError("请给出且只给出一个输入：TEXT、--file 或 --batch / give exactly one of TEXT, --file, --batch",
                             hint='cohost check "全网最低价" --json')
        when = _when(now)
        state = app_state(ctx)
        with ExitStack() as stack:
            products = _Products(state, home, stack)
            if batch is not None:
                if sku is not None:
                    raise InputError("--batch 的每行自带 sku / with --batch, give sku per line, not --sku")
                bad = _batch(batch, products, mode, when)
                if bad:
                    shown = ", ".join(map(str, bad[:20])) + (" …" if len(bad) > 20 else "")
                    raise InputError(f"{len(bad)} 行无法检查 / {len(bad)} line(s) could not be checked: {shown}",
                                     hint="each such line has an error entry in the output")
                return
            body = sys.stdin.read() if text == "-" else text if text is not None else _read(file)  # type: ignore[arg-type]
            if len(body) > MAX_TEXT:
                raise InputError(f"文本过长 / text longer than {MAX_TEXT} characters")
            body = _clean(body)
            product = products.get(sku) if sku else None
            findings = Checker.default().check(body, product=product, now=when, mode=mode.value)
        if as_json:
            print(json.dumps({"findings": _findings_json(findings)}, ensure_ascii=False))
            return
        _show(body, findings, f"{product.title}（{product.sku}）" if product else None)
