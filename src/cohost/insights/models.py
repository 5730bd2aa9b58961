"""CTR/CVR models with one interface: ``fit(data, rows)``, ``predict(data, rows)``, ``state()``/``load``.

* ``popularity`` — the baseline: the item's smoothed click rate in the training rows.
* ``logreg`` — logistic regression (scikit-learn) on one-hot categories and scaled numbers, its L2
  strength chosen on the same validation tenth of the training rows.
* ``lightgbm`` — gradient-boosted trees with native categorical splits and a linear model in each leaf
  (``linear_tree``: the click logit is close to additive, which piecewise-constant leaves approximate in
  steps), early-stopped on the last 10 % of the training rows (never on the test rows), then refitted on
  all training rows.
* ``ensemble`` — the average of the logistic regression's and LightGBM's log-odds, both fitted on the
  same training rows (no weights tuned, so nothing to overfit).
* ``din`` — the attention model over the recent item sequence, in ``cohost.insights.din`` (torch extra).

States are plain JSON (LightGBM's own text format inside), never pickles: a model file in the home
folder cannot run code when it is loaded.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
from scipy import sparse

from cohost.insights.ctrdata import CtrData

EPS = 1e-6


class CtrModel(Protocol):
    name: str

    def fit(self, data: CtrData, rows: np.ndarray) -> None: ...

    def predict(self, data: CtrData, rows: np.ndarray) -> np.ndarray: ...

    def state(self) -> dict[str, Any]: ...


class Popularity:
    name = "popularity"

    def __init__(self, strength: float = 20.0) -> None:
        self.strength = strength
        self.rates: dict[int, float] = {}
        self.prior = 0.5

    def fit(self, data: CtrData, rows: np.ndarray) -> None:
        y = data.y[rows].astype(np.float64)
        self.prior = float(y.mean())
        if data.item_col is None:
            return
        items = data.cat[rows, data.item_col]
        clicks = np.bincount(items, weights=y)
        shown = np.bincount(items).astype(np.float64)
        rates = (clicks + self.strength * self.prior) / (shown + self.strength)
        self.rates = {int(i): float(rates[i]) for i in np.nonzero(shown)[0]}

    def predict(self, data: CtrData, rows: np.ndarray) -> np.ndarray:
        if data.item_col is None:
            return np.full(len(rows), self.prior)
        return np.array([self.rates.get(int(i), self.prior) for i in data.cat[rows, data.item_col]])

    def state(self) -> dict[str, Any]:
        return {"strength": self.strength, "prior": self.prior, "rates": {str(k): v for k, v in self.rates.items()}}

    @classmethod
    def load(cls, state: dict[str, Any]) -> Popularity:
        model = cls(float(state["strength"]))
        model.prior = float(state["prior"])
        model.rates = {int(k): float(v) for k, v in state["rates"].items()}
        return model


def _squash(x: np.ndarray) -> np.ndarray:
    """sign(x)·log1p(|x|): heavy-tailed counts (views, prices) become usable for a linear model."""
    out: np.ndarray = np.sign(x) * np.log1p(np.abs(x))
    return out


def validation_cut(data: CtrData, rows: np.ndarray, share: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The training rows split into (fit, validation). Tuning looks at the validation rows only, never at
    the test rows. With times: the latest ``share`` (like the test split, the future). Without: a seeded
    random ``share`` — the tail of a file sorted by user would hold users the fit never saw."""
    if data.order is not None:
        ranked = rows[np.argsort(data.order[rows], kind="stable")]
        cut = int(len(rows) * (1 - share))
        return np.sort(ranked[:cut]), np.sort(ranked[cut:])
    chosen = np.random.default_rng(seed).random(len(rows)) < share
    return rows[~chosen], rows[chosen]


def _logloss(y: np.ndarray, p: np.ndarray) -> float:
    q = np.clip(p, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


class Logistic:
    """L2-regularised; the strength ``c`` is chosen from ``GRID`` by log loss on the validation cut of the
    training rows (``validation_cut``), then the model is refitted on all training rows with it."""

    name = "logreg"
    GRID = (0.03, 0.1, 0.3, 1.0)

    def __init__(self, c: float | None = None) -> None:
        self.c = c
        self.center = np.zeros(0)
        self.scale = np.ones(0)
        self.sizes: list[int] = []
        self.coef = np.zeros(0)
        self.intercept = 0.0

    def _design(self, data: CtrData, rows: np.ndarray) -> sparse.csr_matrix:
        num = _squash(data.num[rows])
        missing = np.isnan(num)
        num = np.where(missing, 0.0, (num - self.center) / self.scale)
        blocks: list[Any] = [sparse.csr_matrix(np.column_stack([num, missing.astype(np.float64)]))]
        for col, size in enumerate(self.sizes):
            codes = np.minimum(data.cat[rows, col], size - 1)
            blocks.append(sparse.csr_matrix((np.ones(len(rows)), (np.arange(len(rows)), codes)),
                                            shape=(len(rows), size)))
        out: sparse.csr_matrix = sparse.hstack(blocks, format="csr")
        return out

    def fit(self, data: CtrData, rows: np.ndarray) -> None:
        if self.c is None:
            fit_rows, val_rows = validation_cut(data, rows)
            losses = []
            if len(np.unique(data.y[fit_rows])) == 2 and len(val_rows):
                for c in self.GRID:
                    self._fit(data, fit_rows, c)
                    losses.append(_logloss(data.y[val_rows].astype(np.float64), self.predict(data, val_rows)))
            self.c = self.GRID[int(np.argmin(losses))] if losses else 0.5
        self._fit(data, rows, self.c)

    def _fit(self, data: CtrData, rows: np.ndarray, c: float) -> None:
        from sklearn.linear_model import LogisticRegression

        num = _squash(data.num[rows])
        self.center = np.nan_to_num(np.nanmean(num, axis=0)) if num.shape[1] else np.zeros(0)
        spread = np.nan_to_num(np.nanstd(num, axis=0)) if num.shape[1] else np.ones(0)
        self.scale = np.where(spread > EPS, spread, 1.0)
        self.sizes = list(data.cat_sizes)
        clf = LogisticRegression(C=c, max_iter=300, solver="lbfgs")
        design = self._design(data, rows)
        clf.fit(design, data.y[rows])
        self.coef, self.intercept = clf.coef_[0].copy(), float(clf.intercept_[0])
        self._unseen_levels(np.asarray(design.sum(axis=0)).ravel(), 2 * data.num.shape[1])

    def _unseen_levels(self, counts: np.ndarray, start: int) -> None:
        """A category level the training rows never had (a product new to the live room, a show hour not
        seen before) gets the training-weighted mean effect of its column, not 0. Every training row has
        exactly one level of each column, so how the fit split the common part between the intercept and
        the levels is arbitrary (set by the L2 penalty), and 0 would inherit that arbitrary split."""
        for size in self.sizes:
            block = slice(start, start + size)
            seen = counts[block]
            if seen.sum() > 0:
                mean = float(np.dot(self.coef[block], seen) / seen.sum())
                self.coef[block] = np.where(seen > 0, self.coef[block], mean)
            start += size

    def predict(self, data: CtrData, rows: np.ndarray) -> np.ndarray:
        z = self._design(data, rows) @ self.coef + self.intercept
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return out

    def state(self) -> dict[str, Any]:
        return {"c": self.c, "center": self.center.tolist(), "scale": self.scale.tolist(), "sizes": self.sizes,
                "coef": self.coef.tolist(), "intercept": self.intercept}

    @classmethod
    def load(cls, state: dict[str, Any]) -> Logistic:
        model = cls(None if state["c"] is None else float(state["c"]))
        model.center, model.scale = np.array(state["center"]), np.array(state["scale"])
        model.sizes, model.coef = [int(s) for s in state["sizes"]], np.array(state["coef"])
        model.intercept = float(state["intercept"])
        return model


class LightGBM:
    name = "lightgbm"

    def __init__(self, rounds: int = 2000, seed: int = 0) -> None:
        self.rounds, self.seed = rounds, seed
        self.booster: Any = None

    @staticmethod
    def _matrix(data: CtrData, rows: np.ndarray) -> np.ndarray:
        return np.column_stack([data.num[rows], data.cat[rows].astype(np.float64)])

    def fit(self, data: CtrData, rows: np.ndarray) -> None:
        import lightgbm as lgb

        n_num = data.num.shape[1]
        # native categorical splits only for small vocabularies (hour, category): on ids with hundreds of
        # levels they overfit (measured: −0.02 AUC on the simulator); ids stay ordinal codes
        cats = [n_num + i for i, size in enumerate(data.cat_sizes) if size <= 32]
        fit_rows, val_rows = validation_cut(data, rows, seed=self.seed)
        # one thread: OpenMP spin-waits make 2 threads 10–20× slower when the 2 cores are shared.
        # Linear leaves, few and large (a hundredth of the rows, 20–1,000), at a slower rate: on the simulator's
        # established shop +0.0006 to +0.0020 AUC over 15 constant leaves of ≥ 200 rows at 0.05, on all 5 seeds
        params = {"objective": "binary", "learning_rate": 0.02, "num_leaves": 7,
                  "min_data_in_leaf": int(min(1000, max(20, len(fit_rows) // 100))), "linear_tree": True,
                  "linear_lambda": 1.0, "feature_fraction": 0.9, "lambda_l2": 1.0, "verbose": -1,
                  "num_threads": 1, "seed": self.seed, "deterministic": True}
        train = lgb.Dataset(self._matrix(data, fit_rows), data.y[fit_rows], categorical_feature=cats,
                            free_raw_data=True)
        valid = lgb.Dataset(self._matrix(data, val_rows), data.y[val_rows], reference=train,
                            categorical_feature=cats)
        stopped = lgb.train(params, train, self.rounds, valid_sets=[valid],
                            callbacks=[lgb.early_stopping(50, verbose=False)])
        # then refit on all training rows — the validation tenth is the latest data, the most like the test —
        # with the number of rounds early stopping chose, scaled up for the extra rows
        rounds = max(round((stopped.best_iteration or stopped.current_iteration()) * len(rows) / len(fit_rows)), 1)
        everything = lgb.Dataset(self._matrix(data, rows), data.y[rows], categorical_feature=cats, free_raw_data=True)
        self.booster = lgb.train(params, everything, rounds)

    def predict(self, data: CtrData, rows: np.ndarray) -> np.ndarray:
        out: np.ndarray = self.booster.predict(self._matrix(data, rows))
        return out

    def state(self) -> dict[str, Any]:
        return {"rounds": self.rounds, "seed": self.seed, "model": self.booster.model_to_string()}

    @classmethod
    def load(cls, state: dict[str, Any]) -> LightGBM:
        import lightgbm as lgb

        model = cls(int(state["rounds"]), int(state["seed"]))
        model.booster = lgb.Booster(model_str=str(state["model"]))
        return model


class Ensemble:
    """The logistic regression and LightGBM, each fitted (and tuned on its own validation cut) on the same
    training rows; the prediction is the sigmoid of the mean of their log-odds."""

    name = "ensemble"

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.members: list[Logistic | LightGBM] = [Logistic(), LightGBM(seed=seed)]

    def fit(self, data: CtrData, rows: np.ndarray) -> None:
        for member in self.members:
            member.fit(data, rows)

    def predict(self, data: CtrData, rows: np.ndarray) -> np.ndarray:
        logits = [np.log(q / (1 - q)) for q in (np.clip(m.predict(data, rows), EPS, 1 - EPS) for m in self.members)]
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.mean(logits, axis=0)))
        return out

    def state(self) -> dict[str, Any]:
        return {"seed": self.seed, "logreg": self.members[0].state(), "lightgbm": self.members[1].state()}

    @classmethod
    def load(cls, state: dict[str, Any]) -> Ensemble:
        model = cls(int(state["seed"]))
        model.members = [Logistic.load(state["logreg"]), LightGBM.load(state["lightgbm"])]
        return model


BUILTIN = ("popularity", "logreg", "lightgbm", "ensemble")


def make(name: str, seed: int = 0) -> CtrModel:
    if name == "popularity":
        return Popularity()
    if name == "logreg":
        return Logistic()
    if name == "lightgbm":
        return LightGBM(seed=seed)
    if name == "ensemble":
        return Ensemble(seed=seed)
    if name == "din":
        from cohost.insights.din import DIN

        return DIN(seed=seed)
    raise ValueError(f"unknown model {name!r}")


def load_state(name: str, state: dict[str, Any]) -> CtrModel:
    if name == "popularity":
        return Popularity.load(state)
    if name == "logreg":
        return Logistic.load(state)
    if name == "lightgbm":
        return LightGBM.load(state)
    if name == "ensemble":
        return Ensemble.load(state)
    raise ValueError(f"unknown model {name!r}")
