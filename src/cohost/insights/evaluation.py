"""Train and score every CTR model on the same held-out split; AUC and log loss side by side.

On the simulator the true click probabilities are known, so the Bayes-optimal AUC — the AUC of the
truth itself on the same test rows — is the ceiling no model can beat; ``ratio`` = model AUC / Bayes AUC.

``train`` saves the fitted models under ``<home>/insights/models/<dataset>/`` (JSON, LightGBM text and
a torch state dict: nothing that runs code on load); ``evaluate`` reuses them when their fingerprint
matches the data, else trains afresh.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cohost.errors import InputError
from cohost.insights.ctrdata import CtrData
from cohost.insights.models import BUILTIN, CtrModel, load_state, make

CLIP = 1e-7


def auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def logloss(y: np.ndarray, p: np.ndarray) -> float:
    q = np.clip(p, CLIP, 1 - CLIP)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    auc: float
    logloss: float
    seconds: float  # train (or load) + predict; for the benchmark, never part of the JSON contract


@dataclass
class EvalResult:
    dataset: str
    rows: int
    train_rows: int
    test_rows: int
    models: list[Score] = field(default_factory=list)
    bayes_auc: float | None = None
    bayes_logloss: float | None = None

    def to_json(self) -> dict[str, Any]:
        """Exactly the contract of formats.md §3 (`cohost insights ctr eval --json`)."""
        return {"dataset": self.dataset, "rows": self.rows,
                "models": [{"name": m.name, "auc": round(m.auc, 6), "logloss": round(m.logloss, 6)}
                           for m in self.models],
                "bayes_auc": None if self.bayes_auc is None else round(self.bayes_auc, 6)}


def available_models(include_din: bool | None = None) -> list[str]:
    """The built-in models, plus ``din`` when torch is importable (or when asked for explicitly)."""
    if include_din is None:
        from cohost.insights.din import torch_available

        include_din = torch_available()
    return [*BUILTIN, "din"] if include_din else list(BUILTIN)


class ModelStore:
    def __init__(self, home: Path, dataset: str) -> None:
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in dataset)[:64] or "data"
        self.path = home / "insights" / "models" / safe

    def save(self, fingerprint: str, models: list[CtrModel]) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        files: dict[str, str] = {}
        for model in models:
            if model.name == "din":
                from cohost.insights.din import DIN

                assert isinstance(model, DIN)
                target = self.path / "din.pt"
                model.save(target)
            else:
                target = self.path / f"{model.name}.json"
                target.write_text(json.dumps(model.state()), encoding="utf-8")
            files[model.name] = _digest(target)
        index = {"fingerprint": fingerprint, "models": files}
        (self.path / "index.json").write_text(json.dumps(index), encoding="utf-8")

    def load(self, fingerprint: str, names: list[str]) -> dict[str, CtrModel]:
        """Saved models for this exact data, by name; missing, stale or altered ones are not returned."""
        try:
            index = json.loads((self.path / "index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(index, dict) or index.get("fingerprint") != fingerprint:
            return {}
        listed = index.get("models")
        files: dict[str, Any] = listed if isinstance(listed, dict) else {}
        out: dict[str, CtrModel] = {}
        for name in names:
            path = self.path / ("din.pt" if name == "din" else f"{name}.json")
            try:
                if files.get(name) != _digest(path):
                    continue  # changed since it was trained: train again
                if name == "din":
                    from cohost.insights.din import DIN

                    out[name] = DIN.load(path)
                else:
                    out[name] = load_state(name, json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError, RuntimeError):
                continue  # a damaged file means: train again
        return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(data: CtrData, names: list[str], *, seed: int = 0) -> tuple[list[CtrModel], np.ndarray, np.ndarray]:
    train_rows, test_rows = data.split(seed=seed)
    models = []
    for name in names:
        model = make(name, seed=seed)
        model.fit(data, train_rows)
        models.append(model)
    return models, train_rows, test_rows


def evaluate(data: CtrData, names: list[str], *, seed: int = 0, store: ModelStore | None = None) -> EvalResult:
    """Every model in ``names`` scored on the same test rows (trained on the same training rows)."""
    unknown = [n for n in names if n not in (*BUILTIN, "din")]
    if unknown:
        raise InputError(f"unknown model(s): {', '.join(unknown)}; choose from {', '.join((*BUILTIN, 'din'))}")
    train_rows, test_rows = data.split(seed=seed)
    saved = store.load(data.fingerprint(), names) if store else {}
    y = data.y[test_rows]
    result = EvalResult(data.name, len(data), len(train_rows), len(test_rows))
    for name in names:
        start = time.perf_counter()
        model = saved.get(name)
        if model is None:
            model = make(name, seed=seed)
            model.fit(data, train_rows)
        p = np.asarray(model.predict(data, test_rows), dtype=np.float64)
        if not np.isfinite(p).all():
            raise InputError(f"model {name} produced non-finite predictions on {data.name}")
        result.models.append(Score(name, auc(y, p), logloss(y, p), time.perf_counter() - start))
    if data.p_true is not None:
        truth = data.p_true[test_rows]
        result.bayes_auc, result.bayes_logloss = auc(y, truth), logloss(y, truth)
    return result


def ratio(score: Score, result: EvalResult) -> float:
    return score.auc / result.bayes_auc if result.bayes_auc else math.nan
