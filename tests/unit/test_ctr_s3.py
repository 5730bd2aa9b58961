"""CTR models, third pass: unseen category levels in the logistic regression, linear-leaf LightGBM, the ensemble."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cohost.insights.ctrdata import CtrData, from_impressions
from cohost.insights.evaluation import ModelStore, evaluate, train
from cohost.insights.models import BUILTIN, Ensemble, LightGBM, Logistic, load_state, make
from cohost.insights.room import impressions_for_ctr
from cohost.insights.simulator import Market, MarketConfig


@pytest.fixture(scope="module")
def sim() -> CtrData:
    market = Market(MarketConfig(seed=3, n_products=12, days=60))
    log = impressions_for_ctr(market, shows=3, warmup=4, minutes=30, peak_online=250, audience_size=1500, seed=4)
    return from_impressions(log)


def _toy(n: int = 4000, seed: int = 0) -> CtrData:
    """One number and one category of 4 levels; level 3 appears only in the last rows (the future)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    level = rng.integers(1, 3, size=n)  # levels 1 and 2 in the past
    level[-n // 5:] = 3  # a level the training rows never had
    effect = np.array([0.0, -0.5, 0.5, 0.0])[level]
    y = (rng.random(n) < 1 / (1 + np.exp(-(-1.0 + x + effect)))).astype(np.int8)
    return CtrData("toy", x[:, None], ["x"], level[:, None], ["level"], [4], y, order=np.arange(n, dtype=float))


def test_a_level_unseen_in_training_gets_the_mean_effect_of_its_column() -> None:
    data = _toy()
    rows = np.arange(len(data) * 4 // 5)
    model = Logistic(c=1.0)
    model.fit(data, rows)
    block = model.coef[2:6]  # after the scaled number and its missing flag: levels 0 … 3
    counts = np.bincount(data.cat[rows, 0], minlength=4).astype(float)
    mean = float(np.dot(block, counts) / counts.sum())
    assert block[3] == pytest.approx(mean) and block[0] == pytest.approx(mean)  # never seen: 0 (unknown) and 3
    assert block[1] < mean < block[2]  # the seen levels keep their fitted effects
    # the prediction for the new level sits between the two known ones
    probe = CtrData("probe", np.zeros((3, 1)), ["x"], np.array([[1], [2], [3]]), ["level"], [4],
                    np.array([0, 1, 0], dtype=np.int8))
    p = model.predict(probe, np.arange(3))
    assert p[0] < p[2] < p[1]


def test_lightgbm_grows_linear_leaves_and_scales_its_leaf_size_to_the_data(sim: CtrData) -> None:
    train_rows, test_rows = sim.split(seed=1)
    model = LightGBM(seed=1)
    model.fit(sim, train_rows)
    text = model.state()["model"]
    assert "is_linear=1" in text
    reloaded = load_state("lightgbm", model.state())
    assert np.allclose(model.predict(sim, test_rows), reloaded.predict(sim, test_rows))


def test_the_ensemble_averages_the_log_odds_of_its_members(sim: CtrData) -> None:
    train_rows, test_rows = sim.split(seed=1)
    model = Ensemble(seed=1)
    model.fit(sim, train_rows)
    logits = [np.log(p / (1 - p)) for p in (m.predict(sim, test_rows) for m in model.members)]
    expected = 1 / (1 + np.exp(-(logits[0] + logits[1]) / 2))
    assert np.allclose(model.predict(sim, test_rows), expected, atol=1e-9)
    assert [m.name for m in model.members] == ["logreg", "lightgbm"]


def test_the_ensemble_is_a_builtin_scored_on_the_same_split_and_saved_as_json(sim: CtrData, tmp_path: Path) -> None:
    assert "ensemble" in BUILTIN and isinstance(make("ensemble", seed=2), Ensemble)
    result = evaluate(sim, ["popularity", "ensemble"], seed=1)
    assert [m["name"] for m in result.to_json()["models"]] == ["popularity", "ensemble"]
    scores = {m.name: m.auc for m in result.models}
    assert scores["ensemble"] > scores["popularity"] + 0.03
    assert result.bayes_auc is not None and scores["ensemble"] <= result.bayes_auc + 0.01
    fitted, _, test_rows = train(sim, ["ensemble"], seed=1)
    store = ModelStore(tmp_path, sim.name)
    store.save(sim.fingerprint(), fitted)
    assert (store.path / "ensemble.json").read_text(encoding="utf-8").startswith("{")
    loaded = store.load(sim.fingerprint(), ["ensemble"])["ensemble"]
    assert np.allclose(fitted[0].predict(sim, test_rows), loaded.predict(sim, test_rows))
