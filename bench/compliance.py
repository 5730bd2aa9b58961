"""Compliance checker: precision and recall per rule family, false positives on clean text, speed.

Run: ``.venv/bin/python bench/compliance.py [--no-write] [--record-first]``.

Two case sets, scored the same way:

- **tuned** (``bench/data/compliance_cases.jsonl``): the development set the rules were written and
  tuned against: violating lines, clean lines and false-positive traps per family, some checked
  against products in ``compliance_products.json`` at a given time;
- **held-out** (``bench/data/compliance_holdout.jsonl``): written afterwards, from real-sounding
  catalog, script and live-answer text across 8 categories (美妆, 食品, 服饰, 数码, 家居, 母婴, 宠物, 茶),
  and scored once on the unchanged engine before any fix (``compliance_first_run.json``, written by
  ``--record-first`` only if absent). Its products are the SKUs of ``examples/catalog/shop.json`` and
  ``compliance_holdout_products.json``. Fixes after that first run target general causes; the cases
  themselves are never edited to fit the engine, so later figures on it are no longer strictly blind;
- **fresh** (``bench/data/compliance_fresh.jsonl``): 60 more cases written after the held-out fixes and
  scored once on that engine (its first run is in the same record), for a blind figure after the fixes;
- **fresh2**, **fresh3**, **fresh4** (``compliance_fresh{2,3,4}.jsonl``, products in
  ``compliance_fresh{3,4}_products.json``): each written and frozen before the engine changes it prompted,
  scored once (``--record-set NAME`` stores that first run with per-family recall and the file's sha256,
  and refuses to overwrite it); fresh4 was written after the general mechanisms fresh3 prompted, so its
  first run is the blind figure for them.
- **blind1** (``bench/data/blind/compliance_blind1.jsonl``, products in ``compliance_blind1_products.json``):
  written by an engineer who never read the checker's code or rules, scored once (its first run is in the
  record); its misses and false alarms then prompted general mechanisms (never edits of its cases), each with
  a differently worded found/near-miss test in ``tests/unit/test_compliance_blind_causes.py``, so its figure
  now is a **tuned** one, not a blind one.
- **blind2** (``bench/data/blind2/compliance_blind2.jsonl``): a second engineer's set, written without the code,
  rules, tests or blind1 and scored once after the blind1 fixes (first run in the record); its misses and false
  alarms then prompted general mechanisms, each with a differently worded found/near-miss pair in
  ``tests/unit/test_compliance_blind2_causes.py``, so its *now* figure is **tuned** as well. Where compliance.md
  names a second law for the same words (PI-25 beside AD-09-6, AD-04 beside LSE-34 on sales figures, LSE-34 beside
  PR-LSE34), both are reported and the older own sets' expectations name both.
- **blind3** (``bench/data/blind3/compliance_blind3.jsonl``): a third engineer's set, written without the code, rules,
  tests or the other blind sets and scored once after the blind2 fixes (first run in the record); its misses and false
  alarms then prompted general mechanisms (positions and settings said with 最, past batches, report numbers, advice
  sizes, compound nouns; composed first-person use, AI denials, discrimination, drinking pressure, guarantees, cures,
  hidden reviews, minors, clock deadlines; viewer PII in comments through the live room's own detector,
  ``cohost.live.pii``), each with a differently worded found/near-miss pair in
  ``tests/unit/test_compliance_blind3_causes.py``, so its *now* figure is **tuned** too. The second laws compliance.md
  names for the same words (HOST-26 beside AD-09-3 when spoken live, T39's labelling laws beside ANTH-1, T45's beside
  AD-38, LSE-36 beside AD-13, ECL-17 beside a reported result, LSE-32 beside PRICE-16, LSE-34 beside LSM-18, AD-08
  beside a guarantee, AD-04 beside AD-09-2, ANTH-6 beside AD-40 live) are reported as well.
- **blind6** (``bench/data/blind6/compliance_blind6.jsonl``): a fourth engineer's set (358 cases; 母婴, 保健食品,
  家居清洁, 宠物食品, 图书文具, 珠宝, 户外, 小家电, 化妆品, 农产品), written without the code, rules, tests or the
  other sets' cases and scored once on 09cc28d (first run in the record). It is **held out**: nobody changing the
  checker reads its cases or failures, so its *now* figure stays the honest estimate on unseen wording.

A learned second opinion (character n-gram logistic regression trained only on the four older sets) is
measured against the sets it never saw and reported; it is not part of the checker.

plus the examples of compliance.md §17, read in place from ``../shared/specs/compliance.md``.
Scoring:

- recall(family) = violating cases of the family whose expected rule ids were all reported;
- precision(family) = reported (case, rule id) pairs that were expected, over all reported pairs of
  the family's rule ids (a rule id counts for the family of its first rule file entry);
- false-positive rate = clean and trap cases with any finding at all, whatever its severity.

It also runs the checker over every merchant-written text field of ``examples/catalog/shop.json``
(title, selling points, usage, cautions, FAQ answers, attribute values) with its own product, where
lawful text should produce no findings, times ``check`` on a typical 200-character live line with and
without a product (the live guard runs on every answer) and reports how often real, unlabelled text
is flagged (streamer replies, shop-assistant replies and product titles from ``../shared/eval-data``, read in
place when present; unlabelled, so every flagged line is listed for a reviewer to judge). Figures go to docs/benchmarks.md, section
"Compliance checker (bench/compliance.py)".
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cohost.compliance import Checker
from cohost.domain import Finding, Product
from report import write_section

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
SHARED = ROOT.parent / "shared"
CATALOG = ROOT / "examples" / "catalog" / "shop.json"
SETS = {"tuned": DATA / "compliance_cases.jsonl", "held-out": DATA / "compliance_holdout.jsonl",
        "fresh": DATA / "compliance_fresh.jsonl", "fresh2": DATA / "compliance_fresh2.jsonl",
        "fresh3": DATA / "compliance_fresh3.jsonl", "fresh4": DATA / "compliance_fresh4.jsonl",
        "blind1": DATA / "blind" / "compliance_blind1.jsonl", "blind2": DATA / "blind2" / "compliance_blind2.jsonl",
        "blind3": DATA / "blind3" / "compliance_blind3.jsonl", "blind6": DATA / "blind6" / "compliance_blind6.jsonl",
        "blind10": DATA / "blind10" / "compliance_blind10.jsonl",
        "blind13": DATA / "blind13" / "compliance_blind13.jsonl",
        "blind15": DATA / "blind15" / "compliance_blind15.jsonl", "blind16": DATA / "blind16" / "compliance_blind16.jsonl",
        "blind19": DATA / "blind19" / "compliance_blind19.jsonl",
        "blind21": DATA / "blind21" / "compliance_blind21.jsonl",
        "blind22": DATA / "blind22" / "compliance_blind22.jsonl",
        "blind26": DATA / "blind26" / "compliance_blind26.jsonl",
        "blind27": DATA / "blind27" / "compliance_blind27.jsonl",
        "blind29": DATA / "blind29" / "compliance_blind29.jsonl"}
# blind1, blind2, blind3 and blind6 were written by engineers who never read the checker's code, rules or tests.
BLIND = ("held-out", "fresh", "fresh2", "fresh3", "fresh4", "blind1", "blind2", "blind3", "blind6", "blind10", "blind13", "blind15", "blind16", "blind19", "blind21", "blind22", "blind26", "blind27", "blind29")
# Held-out sets: scored, never listed case by case (the record keeps only their case ids).
HELD_OUT = ("blind6", "blind15", "blind19", "blind29")
FIRST_RUN = DATA / "compliance_first_run.json"
TITLE = "Compliance checker (bench/compliance.py)"
_CHECKS = {"text": "TEXT", "live": "LIVE", "comment": "CMT"}
LINE_200 = ("家人们晚上好，欢迎刚进来的朋友！这款玻尿酸保湿精华液30ml现在直播间只要89元，质地清爽不黏腻，上脸吸收很快，洁面后取两到三滴轻拍至吸收就可以了，"
            "早晚都能用。敏感肌的宝宝请先在耳后试用一下哦。今天下单还送同款5ml小样一支，每单限赠一支，赠完即止，喜欢的宝宝可以直接拍三号链接。"
            "有问题可以打在公屏上，我一个一个回答。没抢到的宝宝也别着急，我们马上补库存，大家耐心等一下。")


def load_cases(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def spec_cases(path: Path) -> list[dict[str, Any]]:
    """The §17 example table of compliance.md: id, text, who, expected ids or CLEAN, conditional."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    section = text.split("## 17.", 1)[-1].split("\n## ", 1)[0]
    out = []
    for row in section.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) < 4 or not re.fullmatch(r"T\d+", cells[0]):
            continue
        raw, expected = cells[1], cells[2]
        who = "AI"
        if "→ AI:" in raw:
            raw = raw.split("→ AI:", 1)[1].strip()
        m = re.match(r"^(AI|V|OP)(?: \([^)]*\))?:\s*(.*)$", raw)
        if m:
            who, raw = m.group(1), m.group(2)
        m = re.search(r"\s*\((AI|V|OP)[^)]*\)\s*$", raw)
        stats: dict[str, float] = {}
        if m:
            who = m.group(1)
            online = re.search(r"platform reports (\d+) online", m.group(0))
            if online:
                stats["online"] = float(online.group(1))
            raw = raw[:m.start()]
        clean = expected.startswith("CLEAN")
        ids = [] if clean else re.findall(r"[A-Z]+(?:-[A-Z0-9.]+)+(?:\([0-9]+\))?", expected)
        out.append({"id": cells[0], "text": raw.strip(), "who": who, "clean": clean,
                    "conditional": "conditional" in expected, "expect": [i.split("(")[0] for i in ids],
                    "mode": {"V": "comment", "AI": "live", "OP": "text"}[who], "stats": stats})
    return out


def run_case(checker: Checker, case: dict[str, Any], products: dict[str, Product]) -> list[Finding]:
    product = products[case["product"]] if case.get("product") else None
    now = datetime.fromisoformat(case["now"]) if case.get("now") else None
    return checker.check(case["text"], product=product, now=now, mode=case.get("mode", "text"),
                         stats=case.get("stats") or None)


def load_products() -> dict[str, Product]:
    """Fixture products by key, the held-out products and every SKU of the example catalog."""
    products: dict[str, Product] = {}
    for path in sorted([*DATA.glob("compliance_*products.json"), *DATA.glob("blind*/compliance_*products.json")]):
        if path.exists():
            fixtures = json.loads(path.read_text(encoding="utf-8"))
            products.update({k: Product.model_validate(v) for k, v in fixtures.items() if not k.startswith("_")})
    for raw in json.loads(CATALOG.read_text(encoding="utf-8"))["products"]:
        products[raw["sku"]] = Product.model_validate(raw)
    return products


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of one scored set (what the first-run record keeps)."""
    hit = sum(v[0] for v in result["recall"].values())
    total = sum(v[1] for v in result["recall"].values())
    true = sum(v[0] for v in result["pairs"].values())
    reported = sum(v[1] for v in result["pairs"].values())
    return {"violating": total, "recalled": hit, "recall": hit / total if total else None,
            "reported": reported, "precision": true / reported if reported else None,
            "flagged_any": result["flagged"] / total if total else None,
            "clean": result["clean_total"], "clean_flagged": result["clean_flagged"],
            "fp_rate": result["clean_flagged"] / result["clean_total"] if result["clean_total"] else None,
            "misses": [m[0] for m in result["misses"]], "false_alarms": [f[0] for f in result["false_alarms"]]}


def catalog_fields(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, text) for every merchant-written text of one catalog product."""
    out = [("title", raw["title"])]
    out += [(f"selling_point:{i}", t) for i, t in enumerate(raw.get("selling_points") or [], 1)]
    out += [(name, raw[name]) for name in ("usage", "cautions") if raw.get(name)]
    out += [(f"faq:{i}", f["a"]) for i, f in enumerate(raw.get("faq") or [], 1)]
    out += [(f"attr:{k}", v) for k, v in (raw.get("attributes") or {}).items()]
    return out


def catalog_scan(checker: Checker, products: dict[str, Product]) -> tuple[int, list[str], Counter[str], list[str]]:
    """Check every text field of the example catalog with its own product: lawful text → no finding,
    and every claim in it supported by the product's facts (the content studio rejects the others)."""
    now = datetime.fromisoformat("2026-11-20T21:00:00+08:00")
    total, left, verdicts, unsupported = 0, [], Counter[str](), []
    for raw in json.loads(CATALOG.read_text(encoding="utf-8"))["products"]:
        product = products[raw["sku"]]
        for name, text in catalog_fields(raw):
            total += 1
            for f in checker.check(text, product=product, now=now, mode="text"):
                left.append(f"{raw['sku']}.{name} 「{text}」 → {f.rule} 「{f.text}」 ({f.message.split(' / ')[0]})")
            for c in checker.claims(text, product, now):
                verdicts[c.verdict] += 1
                if c.verdict != "supported":
                    unsupported.append(f"{raw['sku']}.{name} 「{text}」 → {c.kind} claim 「{c.text}」 {c.verdict}"
                                       f"{' (' + c.note + ')' if c.note else ''}")
    return total, left, verdicts, unsupported


def score(checker: Checker, cases: list[dict[str, Any]], products: dict[str, Product]) -> dict[str, Any]:
    family_of: dict[str, str] = {}
    for rule in checker.rules:
        family_of.setdefault(rule.id, rule.family)
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pairs: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # family -> [true, reported]
    clean_total = clean_flagged = flagged = 0
    misses, false_alarms = [], []
    for case in cases:
        found = run_case(checker, case, products)
        got = {f.rule for f in found}
        expected = set(case["expect"])
        if case["kind"] == "violation":
            bucket = recall[case["family"]]
            bucket[1] += 1
            flagged += bool(got)
            if expected <= got:
                bucket[0] += 1
            else:
                misses.append((case["id"], case["text"], sorted(expected - got), sorted(got)))
        else:
            clean_total += 1
            if found:
                clean_flagged += 1
                false_alarms.append((case["id"], case["text"], sorted(got)))
        for rule_id in got:
            family = family_of.get(rule_id, "other")
            pairs[family][1] += 1
            pairs[family][0] += rule_id in expected
    return {"recall": dict(recall), "pairs": dict(pairs), "clean_total": clean_total, "clean_flagged": clean_flagged,
            "flagged": flagged, "misses": misses, "false_alarms": false_alarms}


def _per_call(call: Any, rounds: int = 15, n: int = 40) -> tuple[float, float]:
    """Median wall and CPU microseconds per ``call(i)``; every call gets a new ``i`` (a new line, so no
    memo is ever hit: this is the cost of a line the checker has not seen)."""
    call(0)
    walls, cpus = [], []
    i = 1
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(n):
            call(i)
            i += 1
        walls.append((time.perf_counter() - w0) / n)
        cpus.append((time.process_time() - c0) / n)
    return statistics.median(walls) * 1e6, statistics.median(cpus) * 1e6


def speed(checker: Checker, product: Product | None = None) -> dict[str, float]:
    import os

    out: dict[str, float] = {"chars": len(LINE_200), "load": os.getloadavg()[0]}

    def line(i: int) -> str:
        return LINE_200.replace("三号链接", f"{i}号链接")

    for mode in ("live", "text"):
        out[f"{mode}_median_us"], out[f"{mode}_cpu_us"] = _per_call(
            lambda i, m=mode: checker.check(line(i), mode=m))
        out[f"{mode}_per_s"] = 1e6 / out[f"{mode}_median_us"]
    if product is not None:
        now = datetime.fromisoformat("2026-11-20T21:00:00+08:00")
        out["product_median_us"], out["product_cpu_us"] = _per_call(
            lambda i: checker.check(line(10_000 + i), product=product, now=now, mode="live"))
        out["pair_median_us"], out["pair_cpu_us"] = _per_call(
            lambda i: (checker.claims(line(20_000 + i), product, now),
                       checker.check(line(20_000 + i), product=product, now=now, mode="text")))
    big = (LINE_200 + "全网最低价，仅剩3件！") * (20_000 // (len(LINE_200) + 11))
    t0 = time.perf_counter()
    n = len(checker.check(big))
    out["big_chars"], out["big_ms"], out["big_findings"] = len(big), (time.perf_counter() - t0) * 1e3, n
    t0 = time.perf_counter()
    Checker.from_directory(Path(str(Path(sys.modules["cohost.compliance"].__file__ or "").parent / "rules")))
    out["load_ms"] = (time.perf_counter() - t0) * 1e3
    return out


def _ecd_agent_turns(folder: Path) -> list[str]:
    """The shop assistant's turns of the E-commerce Dialogue Corpus sample (word-segmented; spaces between
    Chinese words removed): every second context turn counted from the last one, plus each context's true
    reply (label 1). Deduplicated, in file order."""
    seen: dict[str, None] = {}
    for name in ("ecd_sample_test.tsv", "ecd_sample_valid.tsv"):
        path = folder / name
        if not path.exists():
            continue
        for row in path.read_text(encoding="utf-8").splitlines():
            cells = row.split("\t")
            if len(cells) < 3:
                continue
            label, context, reply = cells[0], cells[1:-1], cells[-1]
            turns = context[-2::-2] + ([reply] if label == "1" else [])
            for turn in turns:
                text = re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", turn.strip())
                if text:
                    seen.setdefault(text, None)
    return list(seen)


def real_text(checker: Checker) -> tuple[list[str], list[str]]:
    """How often the checker speaks up on real, unlabelled text from ../shared/eval-data (read at run time,
    never copied): streamer replies, shop-assistant replies and product titles. These lines carry no
    labels, so a flag is not known to be a false positive (real titles do say 减肥 and 祛湿); the rate is
    what a reviewer would be asked to look at, and every flagged line is listed for that reviewer's judgement.
    Returns the table rows and the flagged lines."""
    corpora: list[tuple[str, list[str], str]] = []
    chat = SHARED / "eval-data" / "livechat_douyin_subset" / "subset.json"
    if chat.exists():
        replies = [pair[1] for pairs in json.loads(chat.read_text(encoding="utf-8")).values() for pair in pairs]
        corpora.append(("Douyin streamer replies (LiveChat subset), live mode", replies, "live"))
    ecd = _ecd_agent_turns(SHARED / "eval-data" / "ecd_taobao_customer_service")
    if ecd:
        corpora.append(("Taobao shop-assistant replies (ECD sample, test + valid), live mode", ecd, "live"))
    titles_file = SHARED / "eval-data" / "taobao_title_ner" / "test.txt"
    if titles_file.exists():
        titles, current = [], []
        for row in titles_file.read_text(encoding="utf-8").splitlines():
            if row.strip():
                current.append(row.split(" ")[0])
            elif current:
                titles.append("".join(current))
                current = []
        corpora.append(("Taobao product titles (NER test set), text mode", titles, "text"))
    rows, flagged_lines = [], []
    for label, lines, mode in corpora:
        rules: Counter[str] = Counter()
        flagged = 0
        for line in lines:
            found = checker.check(line, mode=mode)
            if found:
                flagged += 1
                rules.update(f.rule for f in found)
                flagged_lines.append(f"{label.split(' (')[0]}: 「{line}」 → "
                                     + ", ".join(f"{f.rule} 「{f.text}」" for f in found))
        rows.append(f"| {label} | {len(lines)} | {flagged} ({flagged / len(lines):.1%}) | "
                    f"{', '.join(f'{k} ×{v}' for k, v in rules.most_common(4)) or '—'} |")
    return rows, flagged_lines


def family_table(result: dict[str, Any]) -> list[str]:
    rows = ["| family | violating cases | recall | reported findings | precision |", "|---|---|---|---|---|"]
    for family in sorted(set(result["recall"]) | set(result["pairs"])):
        hit, total = result["recall"].get(family, [0, 0])
        true, reported = result["pairs"].get(family, [0, 0])
        rows.append(f"| {family} | {total} | {hit / total:.1%} |" if total else f"| {family} | 0 | — |")
        rows[-1] += f" {reported} | {true / reported:.1%} |" if reported else " 0 | — |"
    s = summary(result)
    rows.append(f"| **all** | {s['violating']} | **{_pct(s['recall'])}** | {s['reported']} | **{_pct(s['precision'])}** |")
    return rows


def category_table(checker: Checker, cases: list[dict[str, Any]], products: dict[str, Product]) -> list[str]:
    rows = ["| category | violating | recalled | clean | flagged |", "|---|---|---|---|---|"]
    for category in sorted({c.get("category", "—") for c in cases}):
        part = [c for c in cases if c.get("category", "—") == category]
        s = summary(score(checker, part, products))
        rows.append(f"| {category} | {s['violating']} | {s['recalled']} | {s['clean']} | {s['clean_flagged']} |")
    return rows


def record_set(name: str, figures: dict[str, Any], sets: dict[str, list[dict[str, Any]]], checker: Checker,
               products: dict[str, Product]) -> None:
    """Record the first run of one new blind set (with its per-family recall and the case file's digest)."""
    import hashlib

    record = json.loads(FIRST_RUN.read_text(encoding="utf-8"))
    if name in record["sets"]:
        raise SystemExit(f"{FIRST_RUN.name} already holds the first run of {name!r}; it is never replaced")
    if name not in figures:
        raise SystemExit(f"no case set named {name!r} (known: {', '.join(figures)})")
    result = score(checker, sets[name], products)
    entry = dict(figures[name])
    entry["recall_by_family"] = {f: f"{h}/{t}" for f, (h, t) in sorted(result["recall"].items())}
    clean_by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flagged = {f[0] for f in result["false_alarms"]}
    for case in sets[name]:
        if case["kind"] != "violation":
            clean_by_family[case["family"]][1] += 1
            clean_by_family[case["family"]][0] += case["id"] in flagged
    entry["clean_flagged_by_family"] = {f: f"{h}/{t}" for f, (h, t) in sorted(clean_by_family.items())}
    entry["sha256"] = hashlib.sha256(SETS[name].read_bytes()).hexdigest()
    entry["recorded"] = datetime.now().isoformat(timespec="minutes")
    record["sets"][name] = entry
    FIRST_RUN.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def second_opinion(checker: Checker, sets: dict[str, list[dict[str, Any]]], products: dict[str, Product]) -> list[str]:
    """A learned second opinion, measured and not wired in: character 1–3-gram TF-IDF + logistic regression
    (violation or not) trained only on the older sets (tuned, held-out, fresh, fresh2), its threshold the
    lowest with ≤ 2% false positives in 5-fold cross-validation on those sets; then, on each later set it
    never saw, how many of the engine's misses it would catch and how many clean lines it would add."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    train = [c for name in ("tuned", "held-out", "fresh", "fresh2") for c in sets.get(name, [])]
    later = [name for name in ("fresh3", "fresh4") if name in sets]
    if not train or not later:
        return []
    y = np.array([c["kind"] == "violation" for c in train])
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    matrix = vec.fit_transform([c["text"] for c in train])
    model = LogisticRegression(C=4, max_iter=2000, class_weight="balanced")
    cv = cross_val_predict(model, matrix, y, cv=5, method="predict_proba")[:, 1]
    threshold = next(t for t in np.arange(0.5, 1.0, 0.05) if (cv[~y] > t).mean() <= 0.02)
    model.fit(matrix, y)
    rows = [f"Trained on {len(train)} cases of the older sets; threshold {threshold:.2f} (5-fold CV on them: recall "
            f"{(cv[y] > threshold).mean():.1%}, false positives {(cv[~y] > threshold).mean():.1%}).", "",
            "| set (never trained on) | engine misses | caught by the model | clean lines flagged by the engine | "
            "added by the model | false-positive rate engine → engine + model |", "|---|---|---|---|---|---|"]
    first = json.loads(FIRST_RUN.read_text(encoding="utf-8"))["sets"] if FIRST_RUN.exists() else {}
    for name in later:
        result = score(checker, sets[name], products)
        prob = model.predict_proba(vec.transform([c["text"] for c in sets[name]]))[:, 1]
        runs = [(f"{name}, engine now", {m[0] for m in result["misses"]}, {f[0] for f in result["false_alarms"]})]
        if name in first:  # the engine as it was when the set was first scored (its blind run)
            runs.insert(0, (f"{name}, engine at its first run", set(first[name]["misses"]),
                            set(first[name]["false_alarms"])))
        for label, missed, flagged in runs:
            caught = sum(1 for c, q in zip(sets[name], prob, strict=True) if c["id"] in missed and q > threshold)
            clean = [(c, q) for c, q in zip(sets[name], prob, strict=True) if c["kind"] != "violation"]
            added = sum(1 for c, q in clean if q > threshold and c["id"] not in flagged)
            rows.append(f"| {label} | {len(missed)} | {caught} | {len(flagged)} | {added} | "
                        f"{len(flagged) / len(clean):.1%} → {(len(flagged) + added) / len(clean):.1%} |")
    return rows


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch docs/benchmarks.md")
    parser.add_argument("--record-first", action="store_true",
                        help=f"store this run as the first, untuned score ({FIRST_RUN.name}) if none is stored yet")
    parser.add_argument("--record-set", metavar="NAME",
                        help=f"store this run of one new blind set as its first run in {FIRST_RUN.name}; "
                             "refused if that set already has one (a first run is recorded once, never replaced)")
    args = parser.parse_args()
    checker = Checker.default()
    products = load_products()
    sets = {name: load_cases(path) for name, path in SETS.items() if path.exists()}
    results = {name: score(checker, cases, products) for name, cases in sets.items()}
    now_figures = {name: summary(r) for name, r in results.items()}
    if args.record_first and not FIRST_RUN.exists():
        FIRST_RUN.write_text(json.dumps({"note": "first run of both sets on the engine as committed, before any fix "
                                         "prompted by the held-out set", "recorded": datetime.now().isoformat(timespec="minutes"),
                                         "sets": now_figures}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.record_set:
        record_set(args.record_set, now_figures, sets, checker, products)
    first = json.loads(FIRST_RUN.read_text(encoding="utf-8"))["sets"] if FIRST_RUN.exists() else {}

    overview = ["| set | tuned on? | cases (violating / clean) | recall first run → now | precision first run → now | "
                "false-positive rate first run → now | violations stopped by any rule, now |", "|---|---|---|---|---|---|---|"]
    for name, s in now_figures.items():
        b = first.get(name, {})
        tuned = {"tuned": "**yes** (rules written against it)",
                 "held-out": "no when first scored (engine as committed); the fixes since were prompted by its failures",
                 "fresh": "no when first scored (after the held-out fixes); its 4 misses then got general fixes",
                 "fresh2": "no when first scored (live 口播 and viewer-reply wordings, frozen before any change); "
                           "its misses then got general fixes (**tuned** since)",
                 "fresh3": "no when first scored (257 cases, 7+ categories, frozen before any change); its misses "
                           "then prompted general mechanisms (**tuned** since)",
                 "fresh4": "no when first scored (240 cases, other products and writers' styles, frozen after the "
                           "fresh3 mechanisms); only real bugs it showed were fixed since (false alarms, parser slips)",
                 "blind1": "no when first scored (299 cases by an engineer who never read the code); its misses and "
                           "false alarms then prompted general mechanisms (**tuned** since: the *now* figure is not blind)",
                 "blind2": "no when first scored (335 cases by a second engineer who never read the code, rules, "
                           "tests or blind1; scored after the blind1 fixes); its misses and false alarms then prompted "
                           "general mechanisms (**tuned** since: the *now* figure is not blind)",
                 "blind3": "no when first scored (298 cases by a third engineer who never read the code, rules, tests "
                           "or the other blind sets; scored after the blind1 and blind2 fixes); its misses and false "
                           "alarms then prompted general mechanisms (**tuned** since: the *now* figure is not blind)",
                 "blind6": "no (358 cases by a fourth engineer who never read the code, rules, tests or the other "
                           "sets' cases; first scored on 09cc28d; held out: nobody tuning reads its cases)",
                 "blind10": "no when first scored (392 cases by a fifth engineer who never read the code, rules or "
                            "tests; first scored on 9eaa45f); a tuning set after that first run",
                 "blind13": "no when first scored (480 cases by a sixth engineer who never read the code, rules or "
                            "tests; first scored on 61c5cac); a tuning set after that first run",
                 "blind15": "no (484 cases by a seventh engineer who never read the code, rules or tests; held out from "
                            "the start, first scored on b664977)",
                 "blind16": "no when first scored (558 cases, 82% clean text, by an eighth engineer who never read the "
                            "code; first scored on 334bf3e); a tuning set after that first run",
                 "blind19": "no (588 cases, 76% clean, long spoken host talk, by a ninth engineer who never read the "
                            "code; held out from the start, first scored on a6fa9ad)",
                 "blind21": "no when first scored (524 cases, 76% clean, long spoken host talk, by a tenth engineer who "
                            "never read the code; first scored on 3302085); a tuning set after that first run",
                 "blind22": "no when first scored (507 cases, 66% violations, by an eleventh engineer who never read "
                            "the code; first scored on 127ca73); a tuning set after that first run",
                 "blind26": "no when first scored (444 cases, 80% clean, long spoken host talk, by a twelfth engineer "
                            "who never read the code; first scored on cddff3b); a tuning set after that first run",
                 "blind27": "no when first scored (494 cases, 57% violations, live talk and copy, by a thirteenth "
                            "engineer who never read the code; first scored on cddff3b); a tuning set after that first run",
                 "blind29": "no (301 cases, 83% clean long spoken host talk in ten other categories, by a fourteenth "
                            "engineer who never read the code; held out from the start, first scored on 9cbda89)",
                 }.get(name, "—")
        overview.append(
            f"| {name} | {tuned} | {s['violating']} / {s['clean']} | {_pct(b.get('recall'))} → **{_pct(s['recall'])}** | "
            f"{_pct(b.get('precision'))} → {_pct(s['precision'])} | {_pct(b.get('fp_rate'))} → **{_pct(s['fp_rate'])}** "
            f"({s['clean_flagged']}/{s['clean']}) | {_pct(s.get('flagged_any'))} |")

    spec = spec_cases(SHARED / "specs" / "compliance.md")
    spec_rows = ["| # | mode | expected (§17) | reported | verdict |", "|---|---|---|---|---|"]
    spec_pass = spec_scored = 0
    for case in spec:
        found = checker.check(case["text"], mode=case["mode"], stats=case["stats"] or None)
        got = sorted({f.rule for f in found})
        if case["conditional"]:
            verdict = "conditional (not scored)"
        elif case["clean"]:
            spec_scored += 1
            verdict = "pass" if not got else "FALSE POSITIVE"
            spec_pass += not got
        elif not case["expect"] or not ({r.id for r in checker.rules if _CHECKS[case["mode"]] in r.checks}
                                        & set(case["expect"])):  # no rule of that id checks this kind of text
            verdict = "out of scope (PII masking is cohost.live.pii)" if case["mode"] == "comment" else "out of scope"
        else:
            spec_scored += 1
            ok = bool(set(got) & set(case["expect"]))
            spec_pass += ok
            verdict = "pass" if ok else "MISS"
        spec_rows.append(f"| {case['id']} | {case['mode']} | {', '.join(case['expect']) or 'CLEAN'} | "
                         f"{', '.join(got) or '—'} | {verdict} |")

    learned = second_opinion(checker, sets, products)
    fields, leftover, verdicts, unsupported = catalog_scan(checker, products)
    s = speed(checker, products.get("MZ-001"))
    real, real_flagged = real_text(checker)
    body = [
        f"{len(checker.rules)} rules in {len({r.source.split(':')[0] for r in checker.rules})} files. "
        + ", ".join(f"{name}: {len(cases)} cases" for name, cases in sets.items())
        + (f"; plus {len(spec)} examples of compliance.md §17." if spec else "."),
        "", "### Each set's first run → now", "", *overview, "",
        "Recall counts a violating case only when every rule id it expects is reported; *stopped by any rule* counts "
        "the violating cases the checker flags at all (the line is blocked or sent for review, whatever the rule id). "
        "Targets on an independent held-out set: recall ≥ 95%, false positives ≤ 3%. Each set's *first run* "
        "is its honest blind score: the held-out set (187 cases, 9 categories) was written and scored before "
        "any change to the engine as committed; the fresh set (60 cases) was written after the held-out fixes "
        "and scored once on that engine; the fresh2 set (83 cases, live-stream 口播 and viewer-reply wordings) was "
        "written and frozen before any change and scored once (3 mislabelled scarcity ids corrected from EU-UCP-A7 to "
        "PRICE-ZJ on the same unchanged engine; the as-frozen score is kept in compliance_first_run.json). The failures of all three then prompted fixes of general causes (never "
        "edits of the cases), so their *now* figures are no longer blind. fresh3 (257 cases) was frozen and scored "
        "before any change and then prompted general mechanisms (composed patterns, obfuscation, specification "
        "claims); fresh4 (240 cases, other products and styles) was frozen and scored after them: its first run "
        "is the honest estimate of the engine on unseen wording. The tuned set is the development set "
        "and says little about generalisation.",
        "",
    ]
    for name, result in results.items():
        body += [f"### {name} set: recall and precision per rule family", "", *family_table(result), ""]
        if name in BLIND:
            body += [f"{name} set by product category:", "", *category_table(checker, sets[name], products), ""]
        if name in HELD_OUT:
            body += [f"The {name} set is held out: its {len(result['misses'])} misses and "
                     f"{len(result['false_alarms'])} false alarms are not listed, so nobody tuning reads them.", ""]
        elif result["misses"] or result["false_alarms"]:
            body += [f"Misses and false alarms still left on the {name} set:", ""]
            body += [f"- miss {i}: {t} — missing {m}, got {g}" for i, t, m, g in result["misses"]]
            body += [f"- false alarm {i}: {t} — {g}" for i, t, g in result["false_alarms"]]
            body.append("")
    log = DATA / "compliance_vocabulary_log.md"
    if log.exists():
        body += ["### Vocabulary sweep: what each family added (recorded log)", "",
                 *log.read_text(encoding="utf-8").strip().splitlines(), ""]
    if learned:
        body += ["### A learned second opinion (measured, not used by the checker)", "", *learned, "",
                 "A model flag carries no rule id, law or rewrite, so it could only route a line to a human; it is "
                 "kept out of the checker unless it catches engine misses on a set it never saw without pushing "
                 "false positives past 3%.", ""]
    body += ["### Example catalog, every merchant-written field checked with its own product", "",
             f"{fields} texts (titles, selling points, usage, cautions, FAQ answers, attribute values) of "
             f"examples/catalog/shop.json: **{len(leftover)} findings**.", ""]
    body += [f"- {line}" for line in leftover]
    if leftover:
        body.append("")
    body += [f"Claims in the same texts, judged against their own product: "
             f"{', '.join(f'{v} {n}' for v, n in verdicts.most_common())}"
             + (":" if unsupported else " (every claim the merchant's text makes is backed by its facts)."), ""]
    body += [f"- {line}" for line in unsupported]
    if unsupported:
        body.append("")
    if spec:
        body += [f"### compliance.md §17 examples: {spec_pass}/{spec_scored} scored cases pass", "", *spec_rows, ""]
    body += [
        "### Speed", "",
        "Every call below checks a line the checker has not seen before (the line's link number changes), so "
        "no memo is hit. CPU time is what the check itself costs; wall time is inflated whenever other work "
        "shares the 2 cores (at load average L a process gets roughly 2/L of a core).", "",
        f"- typical {int(s['chars'])}-character live line, no product: **{s['live_cpu_us']:.0f} µs CPU** "
        f"({s['live_median_us']:.0f} µs wall); text mode {s['text_cpu_us']:.0f} µs CPU ({s['text_median_us']:.0f} µs "
        f"wall); machine load average {s['load']:.1f} while measuring",
    ]
    if "product_median_us" in s:
        body.append(f"- the same line checked against its product (MZ-001: price, variants, stock, promotions, "
                    f"evidence; product facts cached by content hash): **{s['product_cpu_us']:.0f} µs CPU** "
                    f"({s['product_median_us']:.0f} µs wall)")
        body.append(f"- `claims()` then `check()` on the same line (the content proofreader's pattern; the second "
                    f"call reuses the first's verdicts): {s['pair_cpu_us']:.0f} µs CPU for both "
                    f"({s['pair_median_us']:.0f} µs wall)")
    body += [
        f"- a {int(s['big_chars']):,}-character script: {s['big_ms']:.0f} ms ({int(s['big_findings'])} findings)",
        f"- loading and compiling the rule files: {s['load_ms']:.0f} ms (once per process)", "",
    ]
    if real:
        body += ["### Real, unlabelled text (how often the checker speaks up)", "",
                 "| text | lines | flagged | most frequent rules |", "|---|---|---|---|", *real, "",
                 "The lines carry no labels: a flag here is a line a reviewer would be shown, not a known false "
                 "positive (many real titles do make health or slimming claims). Every flagged line, for that "
                 "judgement:", "", *[f"- {line}" for line in real_flagged], ""]
    report = "\n".join(body)
    print(report)
    if not args.no_write:
        write_section(TITLE, report)


if __name__ == "__main__":
    main()
