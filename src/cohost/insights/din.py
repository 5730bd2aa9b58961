"""A DIN-style attention model (Zhou et al., KDD 2018) over the viewer's recent interaction sequence.

Optional: it needs torch, installed from the ``din`` extra. Install torch first and exactly as
``pip install torch==2.13.0`` (a CPU build; a plain ``pip install torch`` may pull a multi-GB CUDA
build), then ``pip install -e '.[din]'``. Without torch, asking for this model fails with that hint.

Architecture: an item embedding shared by the candidate and the sequence; an attention unit scores
each recent item against the candidate from [q, k, q−k, q·k] (no softmax, as in DIN, so the pooled
vector keeps the strength of interest); the pooled interest, the candidate, the other categorical
embeddings and the scaled numbers go through an MLP. Early stopping on the last 10 % of the training
rows. Saved as a state dict loaded with ``weights_only=True``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import numpy as np

from cohost.errors import ProviderError
from cohost.insights.ctrdata import CtrData

INSTALL = "pip install torch==2.13.0 && pip install -e '.[din]'"


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def _torch() -> Any:
    if not torch_available():
        raise ProviderError("din", "missing", "the DIN model needs torch, which is not installed",
                            hint=f"install the CPU build: {INSTALL} (never plain `pip install torch`)")
    import torch

    return torch


def _numbers(data: CtrData, rows: np.ndarray) -> np.ndarray:
    x = data.num[rows]
    squashed = np.sign(x) * np.log1p(np.abs(x))
    return np.column_stack([np.nan_to_num(squashed), np.isnan(x).astype(np.float64)])


def _build(torch: Any, sizes: list[int], item_col: int | None, n_num: int, dim: int) -> Any:
    nn = torch.nn

    class Net(nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.item_col = item_col
            item_size = sizes[item_col] if item_col is not None else 1
            self.item = nn.Embedding(item_size, dim, padding_idx=0)
            self.others = nn.ModuleList([nn.Embedding(s, 8) for i, s in enumerate(sizes) if i != item_col])
            self.attention = nn.Sequential(nn.Linear(4 * dim, 32), nn.PReLU(), nn.Linear(32, 1))
            width = 2 * dim + 8 * len(self.others) + n_num
            self.mlp = nn.Sequential(nn.Linear(width, 128), nn.PReLU(), nn.Dropout(0.1),
                                     nn.Linear(128, 64), nn.PReLU(), nn.Linear(64, 1))

        def forward(self, cat: Any, seq: Any, num: Any) -> Any:
            if self.item_col is not None:
                q = self.item(cat[:, self.item_col])
            else:
                q = torch.zeros(cat.shape[0], self.item.embedding_dim)
            keys = self.item(seq)  # (B, L, d)
            qk = q.unsqueeze(1).expand_as(keys)
            weights = self.attention(torch.cat([qk, keys, qk - keys, qk * keys], dim=-1)).squeeze(-1)
            weights = weights * (seq > 0).float()  # padding contributes nothing
            interest = (weights.unsqueeze(-1) * keys).sum(dim=1)
            others = [emb(cat[:, i]) for i, emb in zip(
                [i for i in range(cat.shape[1]) if i != self.item_col], self.others, strict=True)]
            return self.mlp(torch.cat([q, interest, *others, num], dim=-1)).squeeze(-1)

    return Net()


class DIN:
    name = "din"

    def __init__(self, seed: int = 0, epochs: int = 4, batch: int = 1024, dim: int = 16, lr: float = 2e-3) -> None:
        self.seed, self.epochs, self.batch, self.dim, self.lr = seed, epochs, batch, dim, lr
        self.net: Any = None
        self.center = np.zeros(0)
        self.scale = np.ones(0)
        self.sizes: list[int] = []
        self.item_col: int | None = None

    def _tensors(self, data: CtrData, rows: np.ndarray) -> tuple[Any, Any, Any]:
        torch = _torch()
        cat = np.minimum(data.cat[rows], np.array(self.sizes) - 1) if self.sizes else data.cat[rows]
        seq = data.seq[rows] if data.seq is not None else np.zeros((len(rows), 1), dtype=np.int64)
        if self.item_col is not None:
            seq = np.minimum(seq, self.sizes[self.item_col] - 1)
        else:
            seq = np.zeros((len(rows), 1), dtype=np.int64)
        num = (_numbers(data, rows) - self.center) / self.scale
        return (torch.as_tensor(cat, dtype=torch.long), torch.as_tensor(seq, dtype=torch.long),
                torch.as_tensor(num, dtype=torch.float32))

    def fit(self, data: CtrData, rows: np.ndarray) -> None:
        torch = _torch()
        torch.manual_seed(self.seed)
        torch.set_num_threads(1)  # shared 2-core machines: one thread is faster than two fighting
        rng = np.random.default_rng(self.seed)
        self.sizes, self.item_col = list(data.cat_sizes), data.item_col
        num = _numbers(data, rows)
        self.center, spread = num.mean(axis=0), num.std(axis=0)
        self.scale = np.where(spread > 1e-6, spread, 1.0)
        cut = int(len(rows) * 0.9)
        fit_rows, val_rows = rows[:cut], rows[cut:]
        self.net = _build(torch, self.sizes, self.item_col, num.shape[1], self.dim)
        optimiser = torch.optim.Adam(self.net.parameters(), lr=self.lr)
        loss_fn = torch.nn.BCEWithLogitsLoss()
        cat, seq, x = self._tensors(data, fit_rows)
        y = torch.as_tensor(data.y[fit_rows], dtype=torch.float32)
        best, best_state = float("inf"), None
        for _ in range(self.epochs):
            self.net.train()
            order = torch.as_tensor(rng.permutation(len(fit_rows)))
            for start in range(0, len(fit_rows), self.batch):
                pick = order[start:start + self.batch]
                optimiser.zero_grad()
                loss = loss_fn(self.net(cat[pick], seq[pick], x[pick]), y[pick])
                loss.backward()
                optimiser.step()
            p = self.predict(data, val_rows) if len(val_rows) else None
            val = float(-np.mean(data.y[val_rows] * np.log(np.clip(p, 1e-7, 1)) + (1 - data.y[val_rows])
                                 * np.log(np.clip(1 - p, 1e-7, 1)))) if p is not None else 0.0
            if val < best:
                best = val
                best_state = {k: v.clone() for k, v in self.net.state_dict().items()}
        if best_state is not None:
            self.net.load_state_dict(best_state)

    def predict(self, data: CtrData, rows: np.ndarray) -> np.ndarray:
        torch = _torch()
        self.net.eval()
        cat, seq, x = self._tensors(data, rows)
        out = []
        with torch.no_grad():
            for start in range(0, len(rows), 8192):
                part = slice(start, start + 8192)
                out.append(torch.sigmoid(self.net(cat[part], seq[part], x[part])).numpy())
        return np.concatenate(out).astype(np.float64) if out else np.zeros(0)

    def state(self) -> dict[str, Any]:
        return {"seed": self.seed, "epochs": self.epochs, "batch": self.batch, "dim": self.dim, "lr": self.lr,
                "sizes": self.sizes, "item_col": self.item_col, "center": self.center.tolist(),
                "scale": self.scale.tolist()}

    def save(self, path: Path) -> None:
        torch = _torch()
        torch.save({"config": self.state(), "weights": self.net.state_dict()}, path)

    @classmethod
    def load(cls, path: Path) -> DIN:
        torch = _torch()
        blob = torch.load(path, weights_only=True)  # tensors and plain values only: no code runs
        cfg = blob["config"]
        model = cls(int(cfg["seed"]), int(cfg["epochs"]), int(cfg["batch"]), int(cfg["dim"]), float(cfg["lr"]))
        model.sizes, model.item_col = [int(s) for s in cfg["sizes"]], cfg["item_col"]
        model.center, model.scale = np.array(cfg["center"]), np.array(cfg["scale"])
        model.net = _build(torch, model.sizes, model.item_col, len(model.center), model.dim)
        model.net.load_state_dict(blob["weights"])
        return model
