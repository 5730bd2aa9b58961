"""The offline script writer: a composition engine, not one fixed template.

Segment grammar (one show)::

    show      = opening { product [timed-slot] [interaction] [roundup] transition } product closing
    opening   = greet disclose agenda [audience] [rules] [follow]
    product   = head { beat } tail
    head      = hook [intro-brand] [intro-alias]          (first pass)
              | hook-return [recap]                       (返场, later passes)
    beat      = point | demo | attribute | usage | faq | variants | caution | evidence | poll | question
    tail      = price { offer [offer-window] } (cta [cta-link] | soldout)
    closing   = thanks recap-names [policy] follow disclose bye

Beats come from a per-product queue of facets that persists across passes, so a product that returns
is presented from angles not yet used (facets, FAQ, variants, interaction rounds) instead of repeating
lines; phrasings come from the style's phrase bank through ``Variety``. Each segment is composed to a
time target from the plan and measured with ``Pacing``; planned pauses ([停顿N秒]) absorb what speech
cannot fill exactly, so segment ``seconds`` add up to the show's length and really are that long.
Every segment passes the ``Proofreader`` (``draft.proofread``) before it closes; removals are refilled."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cohost.content.banks import demo_actions, phrases
from cohost.content.draft import Draft, LineMeta, needs, phrasing_words, proofread, tidy
from cohost.content.facets import Facet, ProductSheet, speakable
from cohost.content.pacing import Pacing, pause
from cohost.content.proofreader import FACT_TEXT, Proofreader
from cohost.content.showplan import Knobs, Plan, ShowRequest, TimedSlot
from cohost.content.variety import Variety
from cohost.domain import Product, ProductFact
from cohost.domain.script import Fix, Segment

_MAX_PAUSE_FILL = 30
_LEAD_SLOTS = frozenset({"point", "attr", "usage", "caution", "faq", "variants", "evidence", "price"})


@dataclass
class ShopContext:
    name: str
    name_fact: str | None  # the shop name's fact id
    policies: list[ProductFact]

class ScriptWriter:
    """Writes one show. Not thread-safe; make one per show (it holds the show's variety state)."""

    def __init__(self, request: ShowRequest, plan: Plan, sheets: list[ProductSheet], products: list[Product],
                 shop: ShopContext, proofreader: Proofreader, *, seed: int, knobs: Knobs | None = None) -> None:
        self.request, self.plan, self.sheets, self.shop = request, plan, sheets, shop
        self.products = {p.sku: p for p in products}
        self.proof = proofreader
        self.knobs = knobs or Knobs()
        self.pacing = Pacing(request.rate)
        self.variety = Variety(seed)
        self.style = request.style
        self.segments: list[Segment] = []
        self.fixes: list[Fix] = []
        self.clock = 0.0
        self._queues: dict[str, deque[Facet]] = {s.sku: deque(_facet_order(s, self.variety)) for s in sheets}
        self._policy_turn = 0
        self._interactions = 0
        self._recent: dict[str, set[str]] = {}
        self.blocked: dict[str, list[str]] = {}
        self._roundups = 0

    # lines ----------------------------------------------------------------------------------------
    def say(self, draft: Draft, slot: str, values: Mapping[str, str],
            cite: Mapping[str, Sequence[str]] | None = None, *, facet: str | None = None) -> bool:
        """Add one line for ``slot`` if a phrasing fits the values (the proofreader sees the segment before
        it is closed). ``cite`` maps a placeholder to the fact ids behind its value; the line cites exactly
        the facts whose placeholders the chosen phrasing uses, and quotes those values verbatim."""
        options = [t for t in phrases(slot, self.style) if needs(t) <= values.keys()]
        if not options:
            return False
        recent = self._recent.get(draft.sku or "", ())
        template = self.variety.pick(slot, options, render=lambda t: tidy(t.format_map(values)), avoid=recent)
        if slot in _LEAD_SLOTS and template.startswith("{") and self.variety.chance(0.4):
            template = self.variety.pick("lead", phrases("lead", self.style)) + template
        self.variety.said(template)
        used = needs(template)
        cited = cite or {}
        draft.lines.append(tidy(template.format_map(values)))
        draft.meta.append(LineMeta(
            sku=draft.sku, trusted=tuple(values[n] for n in used if cited.get(n)), neutral=phrasing_words(template),
            facts=tuple(dict.fromkeys(f for n in used for f in cited.get(n, ()))), facet=facet))
        return True

    def merge(self, draft: Draft, part: Draft) -> None:
        """Append a separately composed part (its lines keep their own product for checking)."""
        draft.lines.extend(part.lines)
        draft.meta.extend(part.meta)

    def proofread(self, draft: Draft) -> None:
        """Check the draft's unchecked lines (see ``cohost.content.draft.proofread``); block facets whose
        own catalog text failed."""
        for meta, fixes in proofread(draft, self.proof, self.products, segment=len(self.segments), into=self.fixes):
            self._block(meta.facet, meta.sku, fixes)

    def seconds(self, draft: Draft) -> float:
        return self.pacing.seconds(draft.lines)

    def _pause(self) -> str:
        low, high = self.knobs.pause_range
        return pause(self.variety.rng.randint(low, high))

    def close(self, draft: Draft) -> Segment:
        self.proofread(draft)
        seconds = self.seconds(draft)
        segment = Segment(kind=draft.kind, sku=draft.sku, seconds=seconds, lines=draft.lines, title=draft.title,
                          round=draft.round, starts_at=round(self.clock, 1),
                          pause_seconds=self.pacing.pause_seconds(draft.lines), facts=draft.facts)
        self.segments.append(segment)
        self.clock += seconds
        return segment

    def when(self, offset: float | None = None) -> datetime | None:
        if self.request.start is None:
            return None
        return self.request.start + timedelta(seconds=self.clock if offset is None else offset)

    def fill(self, draft: Draft, target: float, values: dict[str, str]) -> None:
        """Top a segment up to its target with a planned pause (bounded), as a real anchor would wait."""
        gap = target - self.seconds(draft)
        if gap < 5:
            return
        values = values | {"pause": pause(min(_MAX_PAUSE_FILL, int(gap)))}
        slot = "interact_question" if draft.sku else "interaction_follow"
        self.say(draft, slot, values)

    # the show ------------------------------------------------------------------------------------
    def write(self) -> list[Segment]:
        self.opening()
        order = self.plan.order
        slots: deque[TimedSlot] = deque(self.plan.timed)
        next_interaction = self.knobs.interaction_every if self.plan.interactions else float("inf")
        next_roundup = self.knobs.roundup_every if self.plan.roundups else float("inf")
        for k, (index, rnd) in enumerate(order):
            sheet = self.sheets[index]
            self.product(sheet, rnd, self._target(k))
            while slots and slots[0].at <= self.clock:
                self.timed(slots.popleft())
            if k == len(order) - 1:
                break
            if self.clock >= next_interaction:
                self.interaction()
                next_interaction += self.knobs.interaction_every
            if self.clock >= next_roundup:
                self.roundup()
                next_roundup += self.knobs.roundup_every
            if order[k + 1][0] != index:
                self.transition(sheet, self.sheets[order[k + 1][0]])
        self.closing()
        return self.segments

    def _target(self, k: int) -> float:
        """This product segment's share of the time left, in proportion to the products' natural lengths."""
        k_, plan = self.knobs, self.plan
        left_time = plan.total - self.clock
        reserved = plan.closing + (len(plan.order) - k - 1) * k_.transition_seconds
        if plan.interactions:
            reserved += max(0, int(plan.total // k_.interaction_every) - self._interactions) * k_.interaction_seconds
        if plan.roundups:
            reserved += max(0, int(plan.total // k_.roundup_every) - self._roundups) * 30
        weights = [plan.weights[i] if plan.weights else 1.0 for i, _ in plan.order[k:]]
        share = weights[0] / sum(weights)
        return max(k_.min_product_seconds, (left_time - reserved) * share)

    def opening(self) -> None:
        names = [s.short for s in self.sheets]
        cats = "、".join(dict.fromkeys(s.category for s in self.sheets))
        values = {"shop": self.shop.name, "n": str(len(names)), "categories": cats}
        if self.request.audience:
            values["audience"] = self.request.audience
        draft = Draft("opening", None, None, "开场", self.when())
        cite = {"shop": [self.shop.name_fact] if self.shop.name_fact else [],
                "categories": [s.base_facts["category"] for s in self.sheets]}
        self.say(draft, "opening_greet", values, cite)
        self.say(draft, "opening_disclose", values)
        self.say(draft, "opening_agenda", values, cite)
        if "audience" in values:
            self.say(draft, "opening_audience", values)
        for slot in ("opening_rules", "opening_follow"):
            if self.seconds(draft) < self.plan.opening - 4:
                self.say(draft, slot, values)
        self.fill(draft, self.plan.opening, values)
        self.close(draft)

    def product(self, sheet: ProductSheet, rnd: int, target: float) -> None:
        draft = Draft("product", sheet.sku, rnd, sheet.title, self.when())
        base = self._values(sheet)
        cite = sheet.cite()
        if rnd == 1:
            slot = "hook_audience" if self.request.audience and self.variety.chance(0.35) else "hook"
            point = next(iter(sheet.facets_of("point")), None)
            values = base | (point.values if point else {})
            self.say(draft, slot, values, cite | (point.cite() if point else {}))
            for facet in sheet.facets_of("brand", "alias"):
                name = facet.values.get("brand") or facet.values.get("alias") or ""
                if name in sheet.title:
                    continue  # 启电 P10 … already says 启电; an alias inside the title adds nothing
                self.say(draft, "intro_brand" if facet.kind == "brand" else "intro_alias", base | facet.values,
                         cite | facet.cite())
        else:
            self.say(draft, "hook_return", base, cite)
        tail = self._tail(sheet, base, draft.when)
        tail_seconds = self.pacing.seconds(tail.lines)
        since_poll = 0.0
        queue = self._queues[sheet.sku]
        fresh = len(queue)  # each facet at most once per pass; the queue carries on into the next pass
        extras = 1  # interaction beats allowed once the facets are used up
        recycled = False  # a thin product may go over its facets a second time (phrased anew) in one pass
        while self.seconds(draft) + tail_seconds < target - 6:
            if since_poll >= self.knobs.poll_every or (fresh == 0 and extras > 0):
                slot = "interact_poll" if self.variety.chance(0.5) else "interact_question"
                self.say(draft, slot, base | {"pause": self._pause()}, cite)
                since_poll = 0.0
                extras -= 1 if fresh == 0 else 0
                continue
            if fresh == 0:
                gap = target - 6 - self.seconds(draft) - tail_seconds
                if recycled or gap < 20 or not queue:
                    break
                recycled, fresh = True, len(queue)
                self.say(draft, "recap", base, cite)
                continue
            fresh -= 1
            before = self.seconds(draft)
            facet = queue[0]
            queue.rotate(-1)
            if facet.kind == "evidence" and not sheet.valid_at(facet, draft.when):
                continue
            said = self.say(draft, self._slot_for(facet), base | facet.values | {"demo": self._demo(sheet)},
                            cite | facet.cite(), facet=facet.key)
            over = self.seconds(draft) + tail_seconds - target
            if said and over > 0.4 * (self.seconds(draft) - before):
                draft.lines.pop()  # this beat would run well past the segment's time: keep it for later
                draft.meta.pop()
                queue.rotate(1)
                break
            since_poll += self.seconds(draft) - before
        self.merge(draft, tail)
        self.proofread(draft)
        self.fill(draft, target, base)
        self._recent[sheet.sku] = set(draft.lines)  # the next pass of this product says things differently
        if queue:  # and starts from another angle, even when this pass went all the way round
            queue.rotate(-self.variety.rng.randint(1, max(1, len(queue) // 2)))
        self.close(draft)

    def _block(self, facet: str | None, sku: str | None, fixes: list[Fix]) -> None:
        """A facet whose own catalog text fails a rule is not tried again; the reviewer is told once."""
        rules = sorted({f.reason for f in fixes if f.detail and f.detail.startswith(FACT_TEXT)})
        if not rules or facet is None or sku is None:
            return
        queue = self._queues.get(sku)
        if queue is not None:
            for item in list(queue):
                if item.key == facet:
                    queue.remove(item)
        self.blocked[facet] = rules

    def _slot_for(self, facet: Facet) -> str:
        if facet.kind == "attr" and self.variety.chance(0.3):
            return "demo"
        return {"point": "point", "attr": "attr", "usage": "usage", "caution": "caution", "faq": "faq",
                "variants": "variants", "evidence": "evidence", "policy": "policy"}.get(facet.kind, "attr")

    def _demo(self, sheet: ProductSheet) -> str:
        return self.variety.pick(f"demo:{sheet.category}", demo_actions(sheet.category))

    def _tail(self, sheet: ProductSheet, base: dict[str, str], when: datetime | None) -> Draft:
        tail = Draft("product", sheet.sku, None, sheet.title, when)
        cite = sheet.cite()
        if not sheet.in_stock:
            self.say(tail, "soldout", base, cite | {"short": [sheet.base_facts["title"], sheet.stock_fact]})
            return tail
        self.say(tail, "price", base, cite)
        end_of_show = self.when(self.plan.total)
        for offer in sheet.offers_at(when):
            values = base | {"offer": offer.text}
            offer_cite = cite | {"offer": [offer.fact], "end": [offer.fact]}
            self.say(tail, "offer", values, offer_cite)
            if offer.ends_at and end_of_show and offer.ends_at <= end_of_show:
                self.say(tail, "offer_window", values | {"end": self.clock_text(offer.ends_at)}, offer_cite)
        self.say(tail, "cta", base, cite)
        if sheet.link_no is not None and self.variety.chance(0.5):
            self.say(tail, "cta_link", base | {"link": str(sheet.link_no)},
                     cite | {"link": [f"{sheet.sku}.display_order"]})
        return tail

    def clock_text(self, moment: datetime) -> str:
        start = self.request.start
        local = moment.astimezone(start.tzinfo) if start else moment
        if start and local.date() == start.date():
            return f"{local:%H:%M}"
        return f"{local.month}月{local.day}日{local:%H:%M}"

    def _values(self, sheet: ProductSheet) -> dict[str, str]:
        values = {"short": sheet.short, "title": sheet.title, "price": sheet.price, "category": sheet.category}
        if self.request.audience:
            values["audience"] = self.request.audience
        return values

    def transition(self, prev: ProductSheet, nxt: ProductSheet) -> None:
        draft = Draft("transition", None, None, "过渡", self.when())
        self.say(draft, "transition", {"prev": prev.short, "next": nxt.short},
                 {"prev": [prev.base_facts["title"]], "next": [nxt.base_facts["title"]]})
        self.close(draft)

    def timed(self, slot: TimedSlot) -> None:
        sheet = next(s for s in self.sheets if s.sku == slot.sku)
        offer = sheet.offers[slot.offer]
        draft = Draft("promotion", sheet.sku, None, f"活动：{sheet.short}", self.when())
        values = self._values(sheet) | {"offer": offer.text}
        if slot.kind == "ending" and offer.ends_at:
            values["end"] = self.clock_text(offer.ends_at)
        cite = sheet.cite() | {"offer": [offer.fact], "end": [offer.fact]}
        self.say(draft, "promo_start" if slot.kind == "start" else "promo_ending", values, cite)
        self.say(draft, "price", values, cite)
        if draft.lines:
            self.close(draft)

    def interaction(self) -> None:
        self._interactions += 1
        draft = Draft("interaction", None, None, "互动答疑", self.when())
        values = {"pause": self._pause()}
        self.say(draft, "interaction_open", values)
        if self.shop.policies:
            fact = self.shop.policies[self._policy_turn % len(self.shop.policies)]
            self._policy_turn += 1
            text = speakable(fact.value, 70)
            if text:
                self.say(draft, "policy", {"policy": text, "policy_kind": fact.label}, {"policy": [fact.id]})
        self.say(draft, "interaction_follow", values)
        self.fill(draft, self.knobs.interaction_seconds, values)
        self.close(draft)

    def roundup(self) -> None:
        self._roundups += 1
        active = [(s, o) for s in self.sheets if s.in_stock for o in s.offers_at(self.when())]
        if not active:
            return
        draft = Draft("promotion", None, None, "活动汇总", self.when())
        self.say(draft, "promo_roundup_head", {})
        for sheet, offer in active[:5]:
            part = Draft("promotion", sheet.sku, None, "", draft.when)
            if self.say(part, "promo_roundup_item", {"short": sheet.short, "offer": offer.text},
                        {"short": [sheet.base_facts["title"]], "offer": [offer.fact]}):
                self.merge(draft, part)
        if len(draft.lines) > 1:
            self.close(draft)

    def closing(self) -> None:
        target = max(self.plan.closing, self.plan.total - self.clock)
        draft = Draft("closing", None, None, "收尾", self.when())
        names = "、".join(dict.fromkeys(s.short for s in self.sheets[:8]))
        values = {"names": names, "pause": self._pause()}
        self.say(draft, "closing_thanks", values)
        self.say(draft, "closing_recap", values, {"names": [s.base_facts["title"] for s in self.sheets[:8]]})
        returns = [f for f in self.shop.policies if f.field == "policy:returns"]
        if returns and self.seconds(draft) < target - 25:
            text = speakable(returns[0].value, 70)
            if text:
                self.say(draft, "closing_policy", values | {"policy": text, "policy_kind": returns[0].label},
                         {"policy": [returns[0].id]})
        if self.seconds(draft) < target - 15:
            self.say(draft, "closing_follow", values)
        self.say(draft, "closing_disclose", values)
        gap = target - self.seconds(draft) - 3
        while gap >= 3:
            chunk = min(_MAX_PAUSE_FILL, int(gap))
            if not self.say(draft, "interaction_follow", values | {"pause": pause(chunk)}):
                break
            gap = target - self.seconds(draft) - 3
        self.say(draft, "closing_bye", values)
        self.close(draft)


def _facet_order(sheet: ProductSheet, variety: Variety) -> list[Facet]:
    """Round-robin over facet groups, so a pass mixes selling points, parameters, answers and details.
    Selling points lead; the order inside each group and of the other groups follows the seed."""
    rest = [
        sheet.facets_of("attr"),
        sheet.facets_of("faq", "usage"),
        sheet.facets_of("variants", "caution", "evidence"),
    ]
    for group in rest:
        variety.rng.shuffle(group)
    variety.rng.shuffle(rest)
    groups = [sheet.facets_of("point"), *rest]
    out: list[Facet] = []
    while any(groups):
        for group in groups:
            if group:
                out.append(group.pop(0))
    return out
