"""The stage page's side of the show: one ``StageHub`` per room fans the runner's events and audio out to
every open stage page (OBS browser sources) over WebSocket.

Wire format (``/stage/{room}/ws``):

- text frames: JSON ``{"type": "state", …}`` on connect (label, notice, mode, caption, product card),
  then ``caption``, ``caption_end``, ``product``, ``mode``, ``kill``, ``shift``, ``show`` as they happen;
- binary frames: one per clause: 4-byte little-endian header length, the UTF-8 JSON header
  ``{"text", "caption", "kind", "index", "final", "duration"}``, then a complete WAV file (PCM16 mono).

The AI label and the opening notice are constants of the page, not state: nothing here can turn them off
(LSE-37, LBL-10, DS-18). Product cards are read from the facts at the moment the product is switched to
(title, price, the offers active then). Slow pages lose their oldest frames, never stall the show.
"""

from __future__ import annotations

import asyncio
import json
import struct
from collections.abc import Callable
from datetime import datetime
from typing import Any

from cohost.anchor.lines import Line
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from cohost.speech.audio import Audio
from cohost.speech.tts import SpeechChunk

AI_LABEL = "AI生成 · 数字人主播"
OPENING_NOTICE = "本直播间主播为AI生成的数字人，声音由人工智能合成，讲解内容以商品详情页为准"
Frame = str | bytes
CardSource = Callable[[str], dict[str, Any] | None]


def product_card(product: Product, when: datetime) -> dict[str, Any]:
    offers = [(i, p.description) for i, p in enumerate(product.promotions, start=1) if p.active_at(when)]
    facts = [f"{product.sku}.title", f"{product.sku}.price", *(f"{product.sku}.promotion:{i}" for i, _ in offers)]
    return {"sku": product.sku, "title": product.title, "price": float(product.price),
            "currency": product.currency, "offer": offers[0][1] if offers else None, "facts": facts}


def card_source(find: Callable[[str], Product | None], now: Callable[[], float]) -> CardSource:
    def card(sku: str) -> dict[str, Any] | None:
        product = find(sku)
        return None if product is None else product_card(product, datetime.fromtimestamp(now(), CHINA_TZ))
    return card


def audio_frame(chunk: SpeechChunk, line: Line) -> bytes:
    header = json.dumps({"text": chunk.text, "caption": line.text, "kind": line.kind, "index": chunk.index,
                         "final": chunk.final, "duration": round(chunk.duration, 3)}, ensure_ascii=False).encode()
    wav = Audio(chunk.pcm, chunk.sample_rate).to_wav()
    return struct.pack("<I", len(header)) + header + wav


class StageClient:
    def __init__(self, maxsize: int = 400) -> None:
        self.queue: asyncio.Queue[Frame] = asyncio.Queue(maxsize)
        self.dropped = 0

    def offer(self, frame: Frame) -> None:
        while self.queue.full():
            self.queue.get_nowait()
            self.dropped += 1
        self.queue.put_nowait(frame)


class StageHub:
    """The stage state of one room and its open pages. Touched only from the server's event loop."""

    def __init__(self, room: str, card: CardSource | None = None) -> None:
        self.room = room
        self.card = card
        self.clients: set[StageClient] = set()
        self.state: dict[str, Any] = {"mode": "ai", "caption": "", "product": None, "show": "waiting",
                                      "on_duty": None}
        self.frames = 0
        self.loop: asyncio.AbstractEventLoop | None = None  # the server's loop, once a page connected

    def snapshot(self) -> dict[str, Any]:
        return {"type": "state", "room": self.room, "label": AI_LABEL, "notice": OPENING_NOTICE, **self.state}

    def connect(self) -> StageClient:
        self.loop = asyncio.get_running_loop()
        client = StageClient()
        client.offer(json.dumps(self.snapshot(), ensure_ascii=False))
        self.clients.add(client)
        return client

    def disconnect(self, client: StageClient) -> None:
        self.clients.discard(client)

    def _send(self, frame: Frame) -> None:
        self.frames += 1
        for client in list(self.clients):
            client.offer(frame)

    # Listener ---------------------------------------------------------------------------------------------
    def event(self, record: dict[str, Any]) -> None:
        kind = record.get("kind")
        out: dict[str, Any] = {"type": kind}
        if kind == "caption":
            self.state["caption"] = out["text"] = record.get("text", "")
            out["source"] = record.get("source")
        elif kind == "product_switch":
            sku = str(record.get("sku") or "")
            self.state["product"] = self.card(sku) if self.card is not None and sku else None
            out = {"type": "product", "product": self.state["product"]}
        elif kind == "mode":
            self.state["mode"] = record.get("mode")
            out = {"type": "kill" if record.get("mode") == "killed" else "mode", "mode": record.get("mode")}
        elif kind == "shift":
            self.state["on_duty"] = record.get("on_duty")
            out["on_duty"] = record.get("on_duty")
        elif kind == "show":
            self.state["show"] = record.get("state")
            self.state["on_duty"] = record.get("on_duty", self.state["on_duty"])
            out["state"] = record.get("state")
        elif kind != "caption_end":
            return
        self._send(json.dumps(out, ensure_ascii=False))

    def audio(self, chunk: SpeechChunk, line: Line) -> None:
        if self.clients:
            self._send(audio_frame(chunk, line))


class ThreadedStage:
    """A listener for a show running on another thread or loop: hands every call to the hub's loop."""

    def __init__(self, hub: StageHub, loop: asyncio.AbstractEventLoop) -> None:
        self.hub, self.loop = hub, loop

    def event(self, record: dict[str, Any]) -> None:
        self.loop.call_soon_threadsafe(self.hub.event, dict(record))

    def audio(self, chunk: SpeechChunk, line: Line) -> None:
        self.loop.call_soon_threadsafe(self.hub.audio, chunk, line)


class StageHubs:
    """The hubs of one server process (``app.state.stage_hubs``)."""

    def __init__(self) -> None:
        self.hubs: dict[str, StageHub] = {}

    def get(self, room: str, card: CardSource | None = None) -> StageHub:
        hub = self.hubs.get(room)
        if hub is None:
            hub = self.hubs[room] = StageHub(room, card)
        elif card is not None:
            hub.card = card
        return hub
