"""``POST /api/catalog/import``: upload a catalog (XLSX, CSV or JSON) from the console.

Multipart form: one or more ``file`` parts. The first is the catalog; CSV side files named
``<stem>.variants.csv``, ``<stem>.promotions.csv``, ``<stem>.faq.csv``, ``<stem>.evidence.csv`` may follow
(formats.md §1). Answers 200 with the counts (added / updated / unchanged), or 422 problem JSON whose
``problems`` list every bad row as ``file:row:column: reason`` — and then nothing was imported.

Constraints: the whole body is at most ``MAX_UPLOAD`` bytes (413 past it, counted while it streams, so a
lying Content-Length does not help); at most ``MAX_FILES`` parts; file names are reduced to a safe base
name (no paths) and written to a fresh temporary folder that is removed afterwards; the import itself is
one transaction (``store.catalog.import_catalog``).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import anyio
from fastapi import APIRouter, HTTPException, Request
from starlette.datastructures import UploadFile

from cohost.errors import InputError
from cohost.server.auth import PrincipalDep
from cohost.server.bodies import read_limited
from cohost.server.deps import StoreDep

router = APIRouter(prefix="/api/catalog", tags=["catalog"])
MAX_UPLOAD = 20 << 20
MAX_FILES = 5
SUFFIXES = (".json", ".csv", ".xlsx")


def safe_name(name: str, index: int) -> str:
    """A base name safe on every filesystem, keeping Chinese letters and the extension."""
    base = unicodedata.normalize("NFKC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._")
    stem, suffix = Path(base).stem[:100], Path(base).suffix[:10]
    return f"{stem}{suffix}" if stem and suffix else f"upload-{index}{suffix or '.bin'}"


@router.post("/import", operation_id="importCatalog",
             responses={413: {"description": "upload too large"}, 422: {"description": "bad rows (problems)"}})
async def import_catalog(request: Request, store: StoreDep, principal: PrincipalDep) -> dict[str, Any]:
    """导入商品目录 / import a catalog file; all-or-nothing, every bad row listed."""
    from cohost.catalog import read_catalog

    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise InputError("请以 multipart/form-data 上传文件 / upload the file as multipart/form-data (field 'file')")
    body = await read_limited(request, MAX_UPLOAD)
    request._body = body  # Starlette parses the form from the cached body
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=10)
    except HTTPException:
        raise
    except Exception as exc:  # a malformed multipart body
        raise InputError(f"上传内容无法解析 / the upload is not valid multipart data: {str(exc)[:200]}") from exc
    uploads = [v for k, v in form.multi_items() if k == "file" and isinstance(v, UploadFile)]
    if not uploads:
        raise InputError("没有收到文件 / no file in the upload (use the form field 'file')")
    folder = Path(tempfile.mkdtemp(prefix="cohost-import-"))
    try:
        paths: list[Path] = []
        for index, upload in enumerate(uploads):
            target = folder / safe_name(upload.filename or "", index)
            if target.exists():
                raise InputError(f"重复的文件名 / two files named {target.name}")
            with target.open("wb") as fh:
                shutil.copyfileobj(upload.file, fh)
            paths.append(target)
        main = paths[0]
        if main.suffix.lower() not in SUFFIXES:
            raise InputError(f"不支持的文件类型 {main.suffix or '(none)'} / unsupported file type: use .xlsx, .csv or "
                             ".json")
        catalog = await anyio.to_thread.run_sync(read_catalog, main)
        counts = await anyio.to_thread.run_sync(
            lambda: store.catalog.import_catalog(catalog, source=f"upload:{main.name} by {principal.name}"))
    finally:
        await form.close()
        shutil.rmtree(folder, ignore_errors=True)
    store.audit.record(principal.name, "catalog.import", f"catalog:{main.name}",
                       {"added": counts.added, "updated": counts.updated, "unchanged": counts.unchanged})
    return {"file": main.name, "added": counts.added, "updated": counts.updated, "unchanged": counts.unchanged,
            "total": counts.total}
