"""CTR/CVR data sets in one shape, so every model is trained and scored on exactly the same split.

``CtrData`` holds numeric features (NaN = missing), categorical codes (0 = unknown), an optional
recent-item sequence for the attention model, labels, and — on the simulator only — the true
probabilities. ``split`` holds out the last ``test_fraction`` of rows in time when rows have times
(no peeking into the future), else a seeded random share.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cohost.errors import InputError
from cohost.insights.audience import FEATURES, ImpressionLog
from cohost.insights.sheets import read_rows

LABELS = ("label", "click", "clicked", "is_click", "y", "target", "点击", "是否点击")
ITEMS = ("item", "item_id", "sku", "product", "商品编码")
TIMES = ("ts", "time", "timestamp", "时间")
SEQUENCES = ("history", "seq", "recent", "行为序列")
MAX_LEVELS = 100_000  # categorical levels kept per column; rarer ones share the "unknown" code
MIN_ROWS = 20


@dataclass
class CtrData:
    name: str
    num: np.ndarray  # (n, dn) float64, NaN = missing
    num_names: list[str]
    cat: np.ndarray  # (n, dc) int64 codes, 0 = unknown
    cat_names: list[str]
    cat_sizes: list[int]  # codes run 0 … size-1
    y: np.ndarray  # (n,) int8
    item_col: int | None = None  # which categorical column is the item (popularity, attention)
    seq: np.ndarray | None = None  # (n, L) item codes, 0 = padding
    order: np.ndarray | None = None  # (n,) time, for the split
    p_true: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.y)

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for part in (self.num, self.cat, self.y):
            digest.update(np.ascontiguousarray(part).tobytes())
        digest.update(json.dumps([self.num_names, self.cat_names]).encode())
        return digest.hexdigest()[:16]

    def split(self, test_fraction: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        n = len(self)
        cut = round(n * (1 - test_fraction))
        if self.order is not None:
            idx = np.argsort(self.order, kind="stable")
        else:
            idx = np.random.default_rng(seed).permutation(n)
        train, test = np.sort(idx[:cut]), np.sort(idx[cut:])
        for part, what in ((train, "training"), (test, "test")):
            if len(np.unique(self.y[part])) < 2:
                raise InputError(f"{self.name}: the {what} split has only one class; AUC is undefined",
                                 hint="use more rows, with both clicks and non-clicks spread over time")
        return train, test


def from_impressions(log: ImpressionLog, target: str = "click", name: str = "simulator") -> CtrData:
    """The simulator's impression log. ``target``: ``click`` (CTR) or ``order`` (CVR, among clicks)."""
    if len(log) == 0:
        raise InputError("the impression log is empty")
    if target not in ("click", "order"):
        raise InputError(f"unknown target {target!r}: use click or order")
    x = log.column("x")
    sku, cat = log.column("sku").astype(np.int64), log.column("category").astype(np.int64)
    hour = x[:, FEATURES.index("hour")].astype(np.int64) + 1
    y, p = log.column(target), log.column(f"p_{target}")
    keep = np.ones(len(y), dtype=bool) if target == "click" else log.column("click").astype(bool)
    return CtrData(
        name=name if target == "click" else f"{name}-cvr",
        num=x[keep].astype(np.float64), num_names=list(FEATURES),
        cat=np.column_stack([sku, cat, hour])[keep], cat_names=["sku", "category", "hour"],
        cat_sizes=[int(sku.max()) + 1, int(cat.max()) + 1, 25], y=y[keep].astype(np.int8), item_col=0,
        seq=log.column("seq").astype(np.int64)[keep], order=log.column("ts")[keep], p_true=p[keep],
    )


def _encode(values: list[str]) -> tuple[np.ndarray, int]:
    uniq, inverse, counts = np.unique(np.array(values, dtype=object).astype(str), return_inverse=True,
                                      return_counts=True)
    rank = np.argsort(-counts, kind="stable")
    code_of = np.zeros(len(uniq), dtype=np.int64)
    kept = rank[:MAX_LEVELS]
    code_of[kept] = np.arange(1, len(kept) + 1)
    code_of[uniq == ""] = 0  # an empty cell is "unknown"
    return code_of[inverse], len(kept) + 1


def _as_float(cell: str) -> float | None:
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def from_file(path: Path) -> CtrData:
    """A CSV/TSV (or XLSX) with a 0/1 label column; numeric columns become numbers, the rest categories.

    Recognised columns: label (label, click, …), item (item, sku, …) for the popularity model, time
    (ts, timestamp, …) for a time split, and history (``|``-separated recent items) for the attention
    model. Atomic like every import: any bad label is listed as ``file:row:column: reason``.
    """
    header, rows = read_rows(path)
    lower = [h.strip().lower() for h in header]
    if len(set(lower)) != len(lower):
        raise InputError(f"{path.name}:1: duplicate column names")
    label_at = next((lower.index(n) for n in LABELS if n in lower), None)
    if label_at is None:
        raise InputError(f"{path.name}:1: no label column (one of {', '.join(LABELS)})")
    if len(rows) < MIN_ROWS:
        raise InputError(f"{path.name}: {len(rows)} data rows; at least {MIN_ROWS} are needed")
    width = len(header)
    cells = [[str(c).strip() if c is not None else "" for c in (r + [""] * width)[:width]] for _, r in rows]
    labels, problems = [], []
    for (number, _), row in zip(rows, cells, strict=True):
        text = row[label_at].lower()
        if text in ("1", "1.0", "true"):
            labels.append(1)
        elif text in ("0", "0.0", "false"):
            labels.append(0)
        else:
            labels.append(0)
            problems.append(f"{path.name}:{number}:{header[label_at]}: label must be 0 or 1 (got {text[:20]!r})")
    if problems:
        shown = problems[:200] + ([f"… and {len(problems) - 200} more"] if len(problems) > 200 else [])
        raise InputError(f"{path.name}: {len(problems)} bad labels\n" + "\n".join(shown))
    time_at = next((lower.index(n) for n in TIMES if n in lower), None)
    seq_at = next((lower.index(n) for n in SEQUENCES if n in lower), None)
    num_cols: list[int] = []
    cat_cols: list[int] = []
    for c in range(width):
        if c in (label_at, time_at, seq_at) or not header[c]:
            continue
        column = [row[c] for row in cells]
        parsed = [_as_float(v) for v in column if v != ""]
        (num_cols if parsed and all(v is not None for v in parsed) else cat_cols).append(c)
    num = np.array([[float(row[c]) if row[c] != "" else np.nan for c in num_cols] for row in cells],
                   dtype=np.float64).reshape(len(cells), len(num_cols))
    codes, sizes = [], []
    for c in cat_cols:
        code, size = _encode([row[c] for row in cells])
        codes.append(code)
        sizes.append(size)
    cat = np.column_stack(codes) if codes else np.zeros((len(cells), 0), dtype=np.int64)
    item_names = [lower[c] for c in cat_cols]
    item_col = next((item_names.index(n) for n in ITEMS if n in item_names), 0 if cat_cols else None)
    order = None
    if time_at is not None:
        times = [_as_float(row[time_at]) for row in cells]
        if all(t is not None for t in times):
            order = np.array(times, dtype=np.float64)
    seq = None
    if seq_at is not None and item_col is not None:
        seq = _sequences([row[seq_at] for row in cells], [row[cat_cols[item_col]] for row in cells],
                         cat[:, item_col])
    return CtrData(path.name, num, [header[c] for c in num_cols], cat, [header[c] for c in cat_cols], sizes,
                   np.array(labels, dtype=np.int8), item_col, seq, order)


def _sequences(histories: list[str], items: list[str], codes: np.ndarray, length: int = 10) -> np.ndarray:
    code_of = {item: int(code) for item, code in zip(items, codes, strict=True) if item}
    out = np.zeros((len(histories), length), dtype=np.int64)
    for i, text in enumerate(histories):
        recent = [code_of.get(t.strip(), 0) for t in text.split("|") if t.strip()][:length]
        out[i, : len(recent)] = recent
    return out
