"""Compliance checker: precision and recall per rule family, false positives on clean text, speed.

Run: ``.venv/bin python bench/compliance.py [--cases bench/data/compliance_cases.jsonl] [--no-write]``.

Cases are this project's own (``bench/data/compliance_cases.jsonl``: violating lines, clean lines and
false-positive traps per family, some checked against products in ``compliance_products.json`` at a
given time) plus the examples of compliance.md §17, read in place from ``../shared/specs/compliance.md``.
Scoring:

- recall(family) = violating cases of the family whose expected rule ids were all reported;
- precision(family) = reported (case, rule id) pairs that were expected, over all reported pairs of
  the family's rule ids (a rule id counts for the family of its first rule file entry);
- false-positive rate = clean and trap cases with any finding at all, whatever its severity.

It also times ``check`` on a typical 200-character live line (the live guard runs on every answer)
and reports how often real, unlabelled text is flagged (streamer replies and product titles from
``../shared/eval-data``, when present). Figures go to docs/benchmarks.md, section
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
TITLE = "Compliance checker (bench/compliance.py)"
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


def score(checker: Checker, cases: list[dict[str, Any]], products: dict[str, Product]) -> dict[str, Any]:
    family_of: dict[str, str] = {}
    for rule in checker.rules:
        family_of.setdefault(rule.id, rule.family)
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pairs: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # family -> [true, reported]
    clean_total = clean_flagged = 0
    misses, false_alarms = [], []
    for case in cases:
        found = run_case(checker, case, products)
        got = {f.rule for f in found}
        expected = set(case["expect"])
        if case["kind"] == "violation":
            bucket = recall[case["family"]]
            bucket[1] += 1
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
            "misses": misses, "false_alarms": false_alarms}


def speed(checker: Checker) -> dict[str, float]:
    import os

    out: dict[str, float] = {"chars": len(LINE_200), "load": os.getloadavg()[0]}
    for mode in ("live", "text"):
        checker.check(LINE_200, mode=mode)
        samples = []
        for _ in range(30):
            t0 = time.perf_counter()
            for _ in range(50):
                checker.check(LINE_200, mode=mode)
            samples.append((time.perf_counter() - t0) / 50)
        out[f"{mode}_median_us"] = statistics.median(samples) * 1e6
        out[f"{mode}_per_s"] = 1 / statistics.median(samples)
    big = (LINE_200 + "全网最低价，仅剩3件！") * (20_000 // (len(LINE_200) + 11))
    t0 = time.perf_counter()
    n = len(checker.check(big))
    out["big_chars"], out["big_ms"], out["big_findings"] = len(big), (time.perf_counter() - t0) * 1e3, n
    t0 = time.perf_counter()
    Checker.from_directory(Path(str(Path(sys.modules["cohost.compliance"].__file__ or "").parent / "rules")))
    out["load_ms"] = (time.perf_counter() - t0) * 1e3
    return out


def real_text(checker: Checker) -> list[str]:
    """Flag rates on unlabelled real text from ../shared/eval-data (read at run time, never copied)."""
    lines = []
    chat = SHARED / "eval-data" / "livechat_douyin_subset" / "subset.json"
    if chat.exists():
        replies = [pair[1] for pairs in json.loads(chat.read_text(encoding="utf-8")).values() for pair in pairs]
        rules = Counter(f.rule for r in replies for f in checker.check(r, mode="live"))
        flagged = sum(1 for r in replies if checker.check(r, mode="live"))
        lines.append(f"| Douyin streamer replies (LiveChat subset), live mode | {len(replies)} | {flagged} "
                     f"({flagged / len(replies):.1%}) | {', '.join(f'{k} ×{v}' for k, v in rules.most_common(4)) or '—'} |")
    titles_file = SHARED / "eval-data" / "taobao_title_ner" / "test.txt"
    if titles_file.exists():
        titles, current = [], []
        for row in titles_file.read_text(encoding="utf-8").splitlines():
            if row.strip():
                current.append(row.split(" ")[0])
            elif current:
                titles.append("".join(current))
                current = []
        rules = Counter(f.rule for t in titles for f in checker.check(t))
        flagged = sum(1 for t in titles if checker.check(t))
        lines.append(f"| Taobao product titles (NER test set), text mode | {len(titles)} | {flagged} "
                     f"({flagged / len(titles):.1%}) | {', '.join(f'{k} ×{v}' for k, v in rules.most_common(4)) or '—'} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DATA / "compliance_cases.jsonl")
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch docs/benchmarks.md")
    args = parser.parse_args()
    checker = Checker.default()
    fixtures = json.loads((DATA / "compliance_products.json").read_text(encoding="utf-8"))
    products = {k: Product.model_validate(v) for k, v in fixtures.items() if not k.startswith("_")}
    cases = load_cases(args.cases)
    result = score(checker, cases, products)

    rows = ["| family | violating cases | recall | reported findings | precision |", "|---|---|---|---|---|"]
    families = sorted(set(result["recall"]) | set(result["pairs"]))
    for family in families:
        hit, total = result["recall"].get(family, [0, 0])
        true, reported = result["pairs"].get(family, [0, 0])
        rows.append(f"| {family} | {total} | {hit / total:.1%} |" if total else f"| {family} | 0 | — |")
        rows[-1] += f" {reported} | {true / reported:.1%} |" if reported else " 0 | — |"
    all_hit = sum(v[0] for v in result["recall"].values())
    all_total = sum(v[1] for v in result["recall"].values())
    all_true = sum(v[0] for v in result["pairs"].values())
    all_rep = sum(v[1] for v in result["pairs"].values())
    rows.append(f"| **all** | {all_total} | **{all_hit / all_total:.1%}** | {all_rep} | **{all_true / all_rep:.1%}** |")
    fp = result["clean_flagged"] / result["clean_total"]

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
        elif not case["expect"] or not ({r.id for r in checker.rules} & set(case["expect"])):
            verdict = "out of scope (PII masking is cohost.live.pii)" if case["mode"] == "comment" else "out of scope"
        else:
            spec_scored += 1
            ok = bool(set(got) & set(case["expect"]))
            spec_pass += ok
            verdict = "pass" if ok else "MISS"
        spec_rows.append(f"| {case['id']} | {case['mode']} | {', '.join(case['expect']) or 'CLEAN'} | "
                         f"{', '.join(got) or '—'} | {verdict} |")

    s = speed(checker)
    real = real_text(checker)
    body = [
        f"{len(checker.rules)} rules in {len({r.source.split(':')[0] for r in checker.rules})} files; "
        f"{len(cases)} own cases ({all_total} violating, {result['clean_total']} clean or false-positive traps)"
        + (f" plus {len(spec)} examples of compliance.md §17." if spec else "."),
        "", "### Own cases: recall and precision per rule family", "", *rows, "",
        f"**False-positive rate on clean text and traps: {fp:.1%}** ({result['clean_flagged']} of {result['clean_total']} "
        "clean cases got any finding). Targets on the independent held-out set: recall ≥ 95%, false positives ≤ 3%.",
        "",
    ]
    if result["misses"] or result["false_alarms"]:
        body += ["Misses and false alarms on own cases:", ""]
        body += [f"- miss {i}: {t} — missing {m}, got {g}" for i, t, m, g in result["misses"]]
        body += [f"- false alarm {i}: {t} — {g}" for i, t, g in result["false_alarms"]]
        body.append("")
    if spec:
        body += [f"### compliance.md §17 examples: {spec_pass}/{spec_scored} scored cases pass", "", *spec_rows, ""]
    body += [
        "### Speed", "",
        f"- typical {int(s['chars'])}-character live line: **{s['live_median_us']:.0f} µs** per check "
        f"(**{s['live_per_s']:,.0f} checks/s**, one core); text mode {s['text_median_us']:.0f} µs ({s['text_per_s']:,.0f}/s); "
        f"machine load average {s['load']:.1f} while measuring (2 cores shared with other work)",
        f"- a {int(s['big_chars']):,}-character script: {s['big_ms']:.0f} ms ({int(s['big_findings'])} findings)",
        f"- loading and compiling the rule files: {s['load_ms']:.0f} ms (once per process)", "",
    ]
    if real:
        body += ["### Real, unlabelled text (how often the checker speaks up)", "",
                 "| text | lines | flagged | most frequent rules |", "|---|---|---|---|", *real, ""]
    report = "\n".join(body)
    print(report)
    if not args.no_write:
        write_section(TITLE, report)


if __name__ == "__main__":
    main()
