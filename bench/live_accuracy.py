"""How right the live room is, on labelled replays: intent, product link, same-question groups, moderation
and PII; plus moderation on the public Smart-Bullet danmaku sample (weak labels).

Run: ``.venv/bin/python bench/live_accuracy.py [--replay FILE] [--no-write] [--failures]`` (default: our
replay and the two independent ones side by side).

The replay (formats.md §2 with a ``label`` object on chat lines: ``intent``, ``sku``, ``group`` — lines
with the same non-null group ask the same thing —, ``moderation``, ``pii``) runs through the real
pipeline (example catalog, offline Q&A core, compliance engine) exactly as ``cohost live run`` does.
Smart-Bullet (../shared/eval-data/danmaku_smartbullet, read in place, never copied) has *weak* labels:
"negative" = the comment contains a word of that project's abusive-word list, "positive" = a
high-upvote comment without one; its text is jieba-segmented, so spaces are removed before judging.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cohost.domain import Catalog
from cohost.events import End
from cohost.live.moderation import Moderator
from cohost.live.room import LiveRoom
from cohost.live.screening import clean_display, match_form
from cohost.live.sources import replay_lines
from cohost.live.wiring import default_collaborators
from cohost.store import Store
from report import write_section

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "examples" / "catalog" / "shop.json"
SMART_BULLET = ROOT.parent / "shared" / "eval-data" / "danmaku_smartbullet"


def run_replay(path: Path) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
    labels = {ref: json.loads(raw)["label"] for ref, raw in replay_lines(path) if b'"label"' in raw}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        store = Store.open(f"sqlite:///{home / 'cohost.db'}")
        store.catalog.import_catalog(Catalog.model_validate(json.loads(CATALOG.read_text(encoding="utf-8"))))
        holder: list[LiveRoom] = []
        first = json.loads(next(raw for _, raw in replay_lines(path)))
        room = LiveRoom(home, first.get("room", "lab"), default_collaborators(store, lambda: holder[0].stream_time if holder else 0.0),
                        source="eval", json_out=home / "out.jsonl")
        holder.append(room)
        room.start()
        for ref, raw in replay_lines(path):
            room.accept(raw, ref)
        room.control(End(ts=room.stream_time))
        room.close(ended=True)
        store.close()
        records = [json.loads(line) for line in (home / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    return records, labels


def prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def score(records: list[dict[str, Any]], labels: dict[int, dict[str, Any]]) -> dict[str, Any]:
    comments = {r["ref"]: r for r in records if r["kind"] == "comment"}
    refs = [ref for ref in labels if ref in comments]
    ok = [ref for ref in refs if labels[ref]["moderation"] == "ok"]
    intent_hits = sum(comments[r]["intent"] == labels[r]["intent"] for r in ok)
    confusion = Counter((labels[r]["intent"], comments[r]["intent"]) for r in ok if comments[r]["intent"] != labels[r]["intent"])
    asked = [r for r in ok if labels[r]["group"] is not None]
    link_hits = sum(comments[r]["sku"] == labels[r]["sku"] for r in asked)
    product_lines = [r for r in asked if labels[r]["sku"] is not None]
    tp = fp = fn = 0
    for a, b in itertools.combinations(asked, 2):
        gold = labels[a]["group"] == labels[b]["group"]
        got = comments[a]["group"] is not None and comments[a]["group"] == comments[b]["group"]
        tp += gold and got
        fp += got and not gold
        fn += gold and not got
    group_p, group_r = prf(tp, fp, fn)
    moderation: dict[str, tuple[float, float, int]] = {}
    for label in ("spam", "abuse", "diversion", "hidden"):
        def is_(value: str, label: str = label) -> bool:
            return value != "ok" if label == "hidden" else value == label
        mtp = sum(is_(comments[r]["moderation"]) and is_(labels[r]["moderation"]) for r in refs)
        mfp = sum(is_(comments[r]["moderation"]) and not is_(labels[r]["moderation"]) for r in refs)
        mfn = sum(not is_(comments[r]["moderation"]) and is_(labels[r]["moderation"]) for r in refs)
        moderation[label] = (*prf(mtp, mfp, mfn), sum(is_(labels[r]["moderation"]) for r in refs))
    ptp = pfp = pfn = 0
    per_kind: Counter[str] = Counter()
    for r in refs:
        gold, got = set(labels[r]["pii"]), set(comments[r]["pii"])
        ptp, pfp, pfn = ptp + len(gold & got), pfp + len(got - gold), pfn + len(gold - got)
        per_kind.update(gold)
    negative_hidden = sum(1 for r in refs if labels[r]["intent"] == "complaint" and labels[r]["moderation"] == "ok"
                          and comments[r]["moderation"] != "ok")
    complaints_escalated = {r["ref"] for r in records if r["kind"] == "escalation"}
    groups_escalated = {r["group"] for r in records if r["kind"] == "escalation" and r["group"]}
    complaint_refs = [r for r in refs if labels[r]["intent"] == "complaint"]
    reached = [r for r in complaint_refs if r in complaints_escalated or comments[r]["group"] in groups_escalated]
    return {
        "lines": len(refs), "intent_acc": intent_hits / len(ok), "intent_n": len(ok),
        "link_acc": link_hits / len(asked), "link_n": len(asked), "link_product_n": len(product_lines),
        "group_p": group_p, "group_r": group_r, "group_pairs": tp + fn,
        "moderation": moderation, "pii": (*prf(ptp, pfp, pfn), sum(per_kind.values())), "pii_kinds": dict(per_kind),
        "negative_hidden": negative_hidden,
        "complaints_to_human": len(reached), "complaints": len(complaint_refs),
        "confusion": confusion.most_common(8),
    }


def smart_bullet() -> dict[str, float] | None:
    if not SMART_BULLET.is_dir():
        return None
    results = {}
    for name in ("negative", "positive"):
        moderator = Moderator()
        lines = (SMART_BULLET / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        flagged = hidden = 0
        for i, line in enumerate(lines):
            text = clean_display(line.replace(" ", ""))
            if not text:
                continue
            verdict = moderator.judge(text, match_form(text), user_id=f"sb{i}", ts=float(i))
            flagged += verdict.label == "abuse"
            hidden += verdict.label != "ok"
        results[name] = flagged / max(1, len(lines))
        results[f"{name}_hidden"] = hidden / max(1, len(lines))
        results[f"{name}_n"] = len(lines)
    return results


HELD_OUT = ("blind7", "blind20")  # held-out replays: aggregate figures only, never their lines
_KEYS: dict[str, Any] = {}  # group id → grouping key, recorded only with --failures
_ITEMS: dict[int, Any] = {}  # ref → the understanding result the aggregate stage saw


def _record_keys() -> None:
    from cohost.live.grouping import AggregateStage

    process = AggregateStage.process

    def recording(self: AggregateStage, event: Any) -> Any:
        out = list(process(self, event))
        if hasattr(event, "comment"):
            _ITEMS[event.comment.ref] = event
        for group in self._open.values():
            _KEYS.setdefault(group.id, group.key)
        return out

    AggregateStage.process = recording  # type: ignore[method-assign]


def failures(records: list[dict[str, Any]], labels: dict[int, dict[str, Any]]) -> str:
    """Per-line failures (moderation, PII, groups) of a replay we may read, for finding causes."""
    comments = {r["ref"]: r for r in records if r["kind"] == "comment"}
    topics = _KEYS
    lines = ["## moderation (gold → got)"]
    for ref, label in labels.items():
        got = comments.get(ref)
        if got and got["moderation"] != label["moderation"]:
            lines.append(f"{ref}: {label['moderation']} → {got['moderation']}  {got['text']}")
    lines.append("## pii (missed / extra)")
    for ref, label in labels.items():
        got = comments.get(ref)
        if got and set(got["pii"]) != set(label["pii"]):
            lines.append(f"{ref}: -{sorted(set(label['pii']) - set(got['pii']))} +{sorted(set(got['pii']) - set(label['pii']))}"
                         f"  {got['text']}")
    lines.append("## groups: gold group → our groups (intent, sku, topic) per line")
    gold: dict[str, list[int]] = {}
    for ref, label in labels.items():
        if label["group"] is not None and label["moderation"] == "ok" and ref in comments:
            gold.setdefault(label["group"], []).append(ref)
    ours: dict[str, list[int]] = {}
    for ref in (r for refs in gold.values() for r in refs):
        if comments[ref]["group"]:
            ours.setdefault(comments[ref]["group"], []).append(ref)
    for name, refs in gold.items():
        got_ids = {comments[r]["group"] for r in refs}
        mixed = {g for g in got_ids if g and any(labels[r]["group"] != name for r in ours.get(g, ()))}
        if len(got_ids) > 1 or None in got_ids or mixed:
            lines.append(f"[{name}] split={len(got_ids)} mixed={sorted(mixed)}")
            for r in refs:
                g = comments[r]["group"]
                lines.append(f"   {r} {g} {topics.get(g)} gold={labels[r]['intent']}/{labels[r]['sku']} "
                             f"got={comments[r]['intent']}/{comments[r]['sku']}  {comments[r]['text']}")
            for g in sorted(mixed):
                for r in ours[g]:
                    if labels[r]["group"] != name:
                        lines.append(f"   !! {r} {g} also holds gold [{labels[r]['group']}]  {comments[r]['text']}")
    return "\n".join(lines)


DATA = Path(__file__).parent / "data"
# (key, file, what it is): the default run scores them all side by side
REPLAYS = [
    ("own", DATA / "live_labelled.jsonl", "ours: written by the engineers who build the pipeline (tuned)"),
    ("blind1", DATA / "blind" / "live_blind.jsonl",
     "independent 1: written without the code; its failures were read and tuned on after its first run"),
    ("blind7", DATA / "blind7" / "live_blind7.jsonl",
     "independent 2: written without the code; **held out** (only these aggregates are ever printed)"),
    ("blind20", DATA / "blind20" / "live_blind20.jsonl",
     "independent 3: written without the code, six other products; **held out** from the start"),
    ("blind28", DATA / "blind28" / "live_blind28.jsonl",
     "independent 4: written without the code, seven other products (Kuaishou chat); tuned on after its first run"),
]
FIRST_RUNS = DATA / "live_first_runs.json"


def _column(s: dict[str, Any]) -> dict[str, str]:
    cells = {
        "chat lines": str(s["lines"]),
        "intent accuracy (lines with moderation ok)": f"{s['intent_acc']:.1%} (n={s['intent_n']})",
        "product-link accuracy (question lines; \"no product\" counts)": f"{s['link_acc']:.1%} (n={s['link_n']})",
        "same-question groups, pairwise precision / recall":
            f"{s['group_p']:.1%} / {s['group_r']:.1%} ({s['group_pairs']} pairs)",
    }
    for k, (p, r, n) in s["moderation"].items():
        cells[f"moderation {k}: precision / recall"] = f"{p:.1%} / {r:.1%} (n={n})"
    cells["PII kinds masked: precision / recall"] = f"{s['pii'][0]:.1%} / {s['pii'][1]:.1%} (n={s['pii'][2]})"
    cells["complaints hidden by moderation (must be 0)"] = str(s["negative_hidden"])
    cells["complaints sent to the human queue"] = f"{s['complaints_to_human']} of {s['complaints']}"
    return cells


def _first_run_lines() -> list[str]:
    if not FIRST_RUNS.exists():
        return []
    runs = json.loads(FIRST_RUNS.read_text(encoding="utf-8"))
    out = []
    for key, run in runs.items():
        out.append(f"- {key}, first run ({run.get('engine', '')}): intent {run['intent']}%, link {run['link']}%, "
                   f"groups P/R {run['group_precision']}/{run['group_recall']}, spam recall {run['spam_recall']}%, "
                   f"PII P/R {run['pii_precision']}/{run['pii_recall']}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replay", type=Path, help="one replay only (default: the three replays side by side)")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--failures", action="store_true", help="print per-line failures (not for held-out replays)")
    args = parser.parse_args()
    if args.failures and (args.replay is None or any(part in HELD_OUT for part in args.replay.resolve().parts)):
        parser.error("--failures needs --replay of a replay that is not held out")
    if args.failures:
        _record_keys()
        records, labels = run_replay(args.replay)
        print(failures(records, labels))
        return
    chosen = [(args.replay.stem, args.replay, "as given")] if args.replay else [r for r in REPLAYS if r[1].exists()]
    scored = [(key, what, score(*run_replay(path))) for key, path, what in chosen]
    columns = [_column(s) for _, _, s in scored]
    header = "| figure | " + " | ".join(key for key, _, _ in scored) + " |"
    rows = [header, "|---|" + "---|" * len(scored)]
    for name in columns[0]:
        rows.append(f"| {name} | " + " | ".join(c.get(name, "—") for c in columns) + " |")
    sb = smart_bullet()
    sb_text = "" if sb is None else (
        f"Smart-Bullet danmaku (weak labels): flagged as abuse {sb['negative']:.1%} of {sb['negative_n']:,} "
        f"\"negative\" lines (recall proxy) and {sb['positive']:.1%} of {sb['positive_n']:,} \"positive\" lines "
        f"(false-positive proxy); hidden for any reason (abuse, spam incl. floods, diversion) "
        f"{sb['negative_hidden']:.1%} of \"negative\" and {sb['positive_hidden']:.1%} of \"positive\" lines. "
        "The labels are a word-list heuristic on Tencent Video danmaku, not judgements of abuse (many \"negative\" "
        "lines are banter such as 喷 or 王八, which a live-commerce room should not hide): read them as rough proxies.")
    confusions = "\n".join(
        f"- {key}: " + (", ".join(f"{g}→{p} ×{n}" for (g, p), n in s["confusion"]) or "none")
        for key, _, s in scored)
    body = "\n".join([
        "`bench/live_accuracy.py` runs labelled replays of the example shop (formats.md §2 with a `label` per chat "
        "line: intent, product, same-question group, moderation, PII) through the real pipeline (offline Q&A core + "
        "compliance engine), exactly as `cohost live run` does.", "",
        *[f"- **{key}**: {what}" for key, what, _ in scored], "",
        *rows, "",
        "First runs (each replay scored once before anyone read it; `bench/data/live_first_runs.json`):", "",
        *_first_run_lines(), "",
        "Most frequent intent confusions (gold → got):", "", confusions, "",
        sb_text, ""])
    print(body)
    if not args.no_write and args.replay is None:
        write_section("Live accuracy (bench/live_accuracy.py)", body)


if __name__ == "__main__":
    main()
