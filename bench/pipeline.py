"""The live pipeline at scale: 1,000,000 simulated events through the full non-LLM path.

Run: ``.venv/bin/python bench/pipeline.py [--events 1000000] [--rate 5000] [--latency-seconds 20]``.

1. Throughput: a seeded show (example catalog, 48 products) is simulated and serialised first (not
   timed); then every line goes through ``LiveRoom.accept`` exactly as ``cohost live run --speed 0``
   does it — evidence log append, parse, normalize, PII, moderation, understand (classify + link), aggregate, answer
   (the offline Q&A core), guard (the compliance engine), route, metrics, suggestions, and the JSON
   Lines output. One process, one thread. Memory (RSS) is sampled every 100,000 events. The session end
   (the show folder for the review, a re-read of the whole log) is timed apart: it runs once, after the show.
2. Latency: the same path driven by ``RoomRunner`` (the server's bounded queue and worker) with
   comments offered at a steady rate on the real clock; latency is the moment a comment was due → its
   output record (so a stall that delays the sender is counted too). Garbage-collector passes are recorded.
3. Optionally (``--shards N``), N processes at once, one room each: rooms shard across processes.

Prints the figures and rewrites the "Live pipeline (bench/pipeline.py)" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cohost.domain import Catalog
from cohost.events import End
from cohost.live.room import LiveConfig, LiveRoom
from cohost.live.runner import RoomRunner
from cohost.live.simulator import AudienceSimulator, SimOptions
from cohost.live.understanding import UnderstandStage
from cohost.live.wiring import default_collaborators
from cohost.store import Store
from report import machine, write_section

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "examples" / "catalog" / "shop.json"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def simulate(n: int, seed: int, rate: float = 200.0, viewers: int = 5000) -> list[bytes]:
    catalog = Catalog.model_validate(json.loads(CATALOG.read_text(encoding="utf-8")))
    options = SimOptions(rate=rate, viewers=viewers, minutes=10_000, seed=seed, room="bench")
    lines: list[bytes] = []
    for event in AudienceSimulator(catalog.products, options).events():
        lines.append(json.dumps(event, ensure_ascii=False).encode("utf-8"))
        if len(lines) >= n:
            break
    return lines


def open_store(home: Path) -> Store:
    store = Store.open(f"sqlite:///{home / 'cohost.db'}")
    store.catalog.import_catalog(Catalog.model_validate(json.loads(CATALOG.read_text(encoding="utf-8"))))
    return store


def breakdown(lines: list[bytes], home: Path, first_tier: bool = True) -> dict[str, Any]:
    """CPU microseconds per input event spent in each stage (timers add ~1 µs per stage call), plus the
    understand stage's counts: comments its first tier decided, texts the Q&A core was asked about."""
    store = open_store(home)
    collaborators = default_collaborators(store)
    room = LiveRoom(home, "bench", collaborators, source="bench", json_out=home / "out.jsonl", keep_journal=False)
    room.start()
    assert room.pipeline is not None
    understand = room.pipeline.stage("understand")
    assert isinstance(understand, UnderstandStage)
    understand.use_first_tier = first_tier
    spent: dict[str, float] = {}
    for stage in room.pipeline.stages:
        def timed(event: object, run=stage.process, name=stage.name) -> object:  # type: ignore[no-untyped-def]
            t = time.process_time()
            out = run(event)
            spent[name] = spent.get(name, 0.0) + time.process_time() - t
            return out
        stage.process = timed  # type: ignore[method-assign,assignment]
    t0 = time.process_time()
    for ref, raw in enumerate(lines, start=1):
        room.accept(raw, ref)
    total = time.process_time() - t0
    room.close(ended=True)
    store.close()
    result = {name: v / len(lines) * 1e6 for name, v in spent.items()}
    result["rest (log, parse, output)"] = (total - sum(spent.values())) / len(lines) * 1e6
    result["total"] = total / len(lines) * 1e6
    reader = collaborators.reader
    return {"stages": result, "comments": sum(b'"type": "chat"' in line for line in lines),
            "first_tier": understand.first_tier, "core_reads": getattr(reader, "misses", 0)}


def throughput(lines: list[bytes], home: Path) -> dict[str, Any]:
    store = open_store(home)
    holder: list[LiveRoom] = []
    collaborators = default_collaborators(store, lambda: holder[0].stream_time if holder else 0.0)
    room = LiveRoom(home, "bench", collaborators, source="bench", json_out=home / "out.jsonl", keep_journal=False)
    holder.append(room)
    room.start()
    comments = sum(b'"type": "chat"' in line for line in lines)
    samples: list[tuple[int, float]] = [(0, rss_mb())]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for ref, raw in enumerate(lines, start=1):
        room.accept(raw, ref)
        if ref % 100_000 == 0:
            samples.append((ref, rss_mb()))
    room.control(End(ts=room.stream_time))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    room.close(ended=True)  # session end: the show folder for the review re-reads the whole log
    end_cpu = time.process_time() - cpu0 - cpu
    store.close()
    totals = room.metrics.totals
    cache = collaborators.answer_cache
    return {"events": len(lines), "comments": comments, "cpu_s": cpu, "wall_s": wall, "end_cpu_s": end_cpu,
            "events_per_s": len(lines) / cpu, "comments_per_s": comments / cpu,
            "comments_per_s_with_end": comments / (cpu + end_cpu),
            "groups": totals["groups"], "answers": totals["answers"], "escalations": totals["escalations"],
            "answer_cache_hits": cache.hits if cache else 0, "answer_cache_misses": cache.misses if cache else 0,
            "rss_first": samples[1][1] if len(samples) > 1 else samples[0][1], "rss_last": samples[-1][1],
            "rss_samples": samples, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "distinct_texts": len({line.split(b'"text": ', 1)[1] for line in lines if b'"text": ' in line})}


async def steady(lines: list[bytes], home: Path, rate: float, seconds: float) -> dict[str, float]:
    store = open_store(home)
    holder: list[LiveRoom] = []
    collaborators = default_collaborators(store, lambda: holder[0].stream_time if holder else 0.0)
    room = LiveRoom(home, "bench", collaborators, source="ingest", config=LiveConfig(queue_size=100_000))
    holder.append(room)
    runner = RoomRunner(room)
    admitted: dict[int, float] = {}
    latencies: list[float] = []

    def on_record(record: dict[str, object]) -> None:
        if record["kind"] == "comment":
            ref = record["ref"]
            assert isinstance(ref, int)
            latencies.append(time.perf_counter() - admitted.pop(ref))

    runner.start()
    chats = [line for line in lines if b'"type": "chat"' in line]
    warm, chats = chats[:2000], chats[2000: 2000 + int(rate * seconds)]
    runner.admit(warm)  # a server is warm: lazy loads (the segmenter's dictionary, first answers) happen here
    for _ in range(100_000):
        if runner.inbox.empty():
            break
        await asyncio.sleep(0.01)
    room.on_record = on_record
    pauses: list[float] = []
    gc_start = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_start[0] = time.perf_counter()
        else:
            pauses.append(time.perf_counter() - gc_start[0])

    gc.callbacks.append(on_gc)
    tick = 0.002
    start = time.perf_counter()
    index = 0
    while index < len(chats):
        due = int((time.perf_counter() - start) * rate) + 1
        batch = chats[index: min(due, len(chats))]
        if batch:
            # latency counts from when a comment was due to arrive, not from when this loop got round to
            # it: a stalled process delays the sender too, and that delay is the viewer's
            for offset, ref in enumerate(runner.admit(batch)):
                admitted[ref] = start + (index + offset) / rate
            index += len(batch)
        await asyncio.sleep(tick)
    for _ in range(100_000):  # wait for the backlog, bounded
        if not admitted:
            break
        await asyncio.sleep(0.01)
    elapsed = time.perf_counter() - start
    gc.callbacks.remove(on_gc)
    await runner.stop()
    store.close()
    latencies.sort()
    return {"comments": len(latencies), "seconds": elapsed, "achieved_rate": len(latencies) / elapsed,
            "p50_ms": statistics.median(latencies) * 1e3, "p99_ms": latencies[int(len(latencies) * 0.99)] * 1e3,
            "max_ms": latencies[-1] * 1e3, "gc_passes": len(pauses), "gc_max_ms": max(pauses, default=0.0) * 1e3}


def _shard(args: tuple[int, int]) -> dict[str, Any]:
    events, seed = args
    lines = simulate(events, seed)
    with tempfile.TemporaryDirectory() as tmp:
        return throughput(lines, Path(tmp))


def sharded(processes: int, events: int, seed: int) -> dict[str, float]:
    """Rooms sharded across processes (one room each, as ``RoomHub``s behind a router by room would be):
    the aggregate rate by wall time, with every process started together."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        wall0 = time.perf_counter()
        results = pool.map(_shard, [(events, seed + i) for i in range(processes)])
        wall = time.perf_counter() - wall0
    comments = sum(r["comments"] for r in results)
    slowest = max(r["wall_s"] for r in results)
    return {"processes": processes, "comments": comments, "wall_s": wall, "aggregate_comments_per_s": comments / slowest,
            "per_process_cpu_comments_per_s": min(r["comments_per_s"] for r in results)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rate", type=float, default=5000.0, help="steady comments/s for the latency run")
    parser.add_argument("--low-rate", type=float, default=1000.0, help="a second, lighter steady rate")
    parser.add_argument("--latency-seconds", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    parser.add_argument("--shards", type=int, default=0,
                        help="also run this many processes at once, one room each (0: skip)")
    parser.add_argument("--shard-events", type=int, default=200_000, help="events per room in the sharded run")
    parser.add_argument("--skip-latency", action="store_true", help="throughput and breakdown only")
    args = parser.parse_args()

    load_before = os.getloadavg()
    t0 = time.perf_counter()
    lines = simulate(args.events, args.seed)
    print(f"simulated {len(lines):,} events in {time.perf_counter() - t0:.1f}s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tp = throughput(lines, Path(tmp))
    print(json.dumps({k: v for k, v in tp.items() if k != "rss_samples"}, indent=1), flush=True)
    lat = low = {"achieved_rate": 0.0, "seconds": 0.0, "p50_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0, "gc_passes": 0,
                 "gc_max_ms": 0.0}
    if not args.skip_latency:
        with tempfile.TemporaryDirectory() as tmp:
            lat = asyncio.run(steady(lines, Path(tmp), args.rate, args.latency_seconds))
        print(json.dumps(lat, indent=1), flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            low = asyncio.run(steady(lines, Path(tmp), args.low_rate, args.latency_seconds))
        print(json.dumps(low, indent=1), flush=True)
    shards = sharded(args.shards, args.shard_events, args.seed) if args.shards > 1 else None
    if shards is not None:
        print(json.dumps(shards, indent=1), flush=True)
    first = lines[: min(len(lines), 100_000)]
    with tempfile.TemporaryDirectory() as tmp:
        split = breakdown(first, Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        no_tier = breakdown(first, Path(tmp), first_tier=False)  # what the first tier saves
    parts: dict[str, float] = split["stages"]
    print(json.dumps(split, indent=1), json.dumps(no_tier, indent=1), flush=True)
    part_rows = "\n".join(f"| {name} | {us:.1f} |" for name, us in sorted(parts.items(), key=lambda kv: -kv[1]))
    tier_share = split["first_tier"] / max(1, split["comments"])
    tier_text = (
        f"The understand stage's first tier (`cohost.live.smalltalk`: greetings, 666, emoji… decided by one "
        f"regular expression) took {split['first_tier']:,} of {split['comments']:,} comments ({tier_share:.1%}); "
        f"the Q&A core was asked about {split['core_reads']:,} texts (canonical text × product on screen), "
        f"{no_tier['core_reads']:,} without the tier. Understand stage with / without the tier: "
        f"{parts['understand']:.1f} / {no_tier['stages']['understand']:.1f} µs per event.\n")
    load = os.getloadavg()
    samples = ", ".join(f"{n // 1000}k: {mb:.0f} MB" for n, mb in tp["rss_samples"])
    asked = tp["answer_cache_hits"] + tp["answer_cache_misses"]
    latency_rows = "| steady-rate latency | not run (--skip-latency) | p99 ≤ 10 ms at 5,000/s |\n" if args.skip_latency else (
        f"| steady rate offered → achieved | {args.rate:,.0f} → {lat['achieved_rate']:,.0f} comments/s for "
        f"{lat['seconds']:.0f} s | 5,000 |\n"
        f"| per-comment latency p50 / p99 / max | {lat['p50_ms']:.2f} / {lat['p99_ms']:.2f} / {lat['max_ms']:.1f} ms "
        "| p99 ≤ 10 ms |\n"
        f"| garbage-collector passes during it (longest) | {lat['gc_passes']:,} ({lat['gc_max_ms']:.1f} ms) | — |\n"
        f"| at {args.low_rate:,.0f}/s offered → achieved | {low['achieved_rate']:,.0f}/s; p50 / p99 / max "
        f"{low['p50_ms']:.2f} / {low['p99_ms']:.2f} / {low['max_ms']:.1f} ms; GC longest {low['gc_max_ms']:.1f} ms | — |\n")
    shard_text = "" if shards is None else (
        f"Sharded by room: {shards['processes']} processes at once, one room of {args.shard_events:,} events each: "
        f"{shards['aggregate_comments_per_s']:,.0f} comments/s together (wall time of the slowest), "
        f"{shards['per_process_cpu_comments_per_s']:,.0f} comments/s per process (CPU, the slowest).\n")
    body = f"""Full non-LLM live path (`LiveRoom.accept`, as `cohost live run --speed 0`): sealed evidence log,
parse, normalize, PII, moderation, understand (classify + link: a first tier for small talk, then
`QAEngine.understand`, the Q&A core's own reading), aggregate, answer
(offline `QAEngine` behind the group-level `AnswerCache`), guard (`Checker.default()`), route, metrics and
suggestions, JSON Lines out. Seeded simulated show on the example catalog (48 products, 5,000 viewers,
~200 comments/s of show time). One process, one thread; CPU time (`time.process_time`), so other load on
the machine inflates it less. Load average (1/5/15 min) before: {load_before[0]:.1f} / {load_before[1]:.1f} /
{load_before[2]:.1f}, after: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {machine()}.

| figure | value | target |
|---|---|---|
| events through the path | {tp['events']:,} ({tp['comments']:,} comments, {tp['distinct_texts']:,} distinct texts) | 1,000,000 |
| events/s per process (CPU) | {tp['events_per_s']:,.0f} | — |
| comments/s per process (CPU, live path) | {tp['comments_per_s']:,.0f} | ≥ 20,000 (aim 50,000) |
| session end (show folder for the review) | {tp['end_cpu_s']:.1f} s CPU once; with it {tp['comments_per_s_with_end']:,.0f} comments/s | — |
| wall time | {tp['wall_s']:.0f} s (CPU {tp['cpu_s']:.0f} s) | — |
| question groups / answers / escalations | {tp['groups']:,} / {tp['answers']:,} / {tp['escalations']:,} | — |
| answers served by the answer cache | {tp['answer_cache_hits']:,} of {asked:,} ({tp['answer_cache_hits'] / max(1, asked):.0%}) | — |
| RSS by events processed | {samples} | flat |
| peak RSS | {tp['maxrss_mb']:.0f} MB (includes the serialised input lines held for the run) | — |
{latency_rows}
{shard_text}
Where the CPU goes (µs per input event, first {min(len(lines), 100_000):,} events, stage timers on):

| stage | µs/event |
|---|---|
{part_rows}

{tier_text}
Latency is measured through `RoomRunner` (the server's bounded queue and worker task), after 2,000 warm-up
comments: from the moment a comment was *due* to arrive at the steady rate (not when the sending loop got
round to it, which a stalled process would delay too) to the moment its output record is emitted. When the
offered rate is above what the path sustains, the queue grows and latency is queueing time.
"""
    print(body)
    if not args.no_write:
        write_section("Live pipeline (bench/pipeline.py)", body)


if __name__ == "__main__":
    main()
