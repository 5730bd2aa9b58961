"""Bytes in, bytes out: reading a catalog file's text whatever its encoding, and atomic writes.

Text files are decoded the way Chinese merchants save them: a UTF-32/UTF-16 byte-order mark wins; then
strict UTF-8 (with or without BOM); then GB18030 (a superset of GBK/GB2312, what Chinese Excel and WPS
write as "CSV"); then charset-normalizer's best guess. A file where more than one byte in twenty is zero
is taken as UTF-16 without a BOM; a stray NUL in UTF-8 text is just removed later (see ``cells``). A
workbook renamed to ``.csv`` is recognised and named as such instead of being read as garbage.

Writes go to a temporary file beside the target and are renamed into place, so a failed export never
leaves half a file behind.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from cohost.errors import CatalogError, InputError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a ``CatalogError`` that names it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(f"找不到文件 / file not found: {path}") from None
    except IsADirectoryError:
        raise CatalogError(f"这是一个文件夹 / not a file but a directory: {path}") from None
    except OSError as exc:
        raise CatalogError(f"无法读取文件 / cannot read {path}: {exc.strerror or exc}") from None


def decode(data: bytes, name: str) -> str:
    """The text of a CSV or JSON file; ``CatalogError`` if it is a workbook or cannot be decoded."""
    if data.startswith(ZIP_MAGIC):
        raise CatalogError(f"{name} 是 Excel 工作簿，不是文本文件；请把扩展名改为 .xlsx / {name} is an "
                           "Excel workbook (xlsx), not a text file: rename it to .xlsx")
    if data.startswith(OLE_MAGIC):
        raise CatalogError(f"{name} 是旧版 Excel（.xls）文件；请另存为 .xlsx 或 CSV UTF-8 / {name} is an old "
                           "Excel .xls file: save it as .xlsx or CSV UTF-8")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    encodings = ["utf-8-sig", "gb18030"]
    if data.count(0) > len(data) // 20:  # UTF-16 without a BOM: every ASCII character has a zero byte
        encodings.insert(0, "utf-16-le" if data[1::2].count(0) >= data[0::2].count(0) else "utf-16-be")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or "\x00" in str(best):
        raise CatalogError(f"无法识别 {name} 的编码（是二进制文件吗？）；请另存为 CSV UTF-8 / cannot tell the text "
                           f"encoding of {name} (is it a binary file?): save it as CSV UTF-8")
    return str(best)


@contextlib.contextmanager
def replacing(targets: list[Path]) -> Iterator[list[Path]]:
    """Temporary paths to write ``targets`` to; all are moved into place only if the block succeeds."""
    for target in targets:
        if not target.parent.is_dir():
            raise InputError(f"文件夹不存在 / no such folder: {target.parent}")
    temps: list[Path] = []
    try:
        for target in targets:  # created by the writer, so the file gets the usual permissions
            temps.append(target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"))
        yield temps
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
