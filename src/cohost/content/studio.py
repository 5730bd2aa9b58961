"""The content studio: the one entry the CLI and the API call to make, check, store and edit scripts.

``new_script`` reads the products and their facts from the store (never from a model), plans and
composes the show, runs every line through the proofreader as it is written, optionally lets an LLM
rephrase it (and proofreads that again), labels the result as AI-generated (explicitly and in
metadata) and stores it as a draft with an audit record. ``edit`` applies a human edit through the
repository's transaction, with a diff and a re-check.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cohost.content.banks import normalise_style
from cohost.content.copywriter import Copy, Copywriter
from cohost.content.facets import ProductSheet, build_sheet, speakable
from cohost.content.keywords import from_comments, pick
from cohost.content.labels import SCRIPT_LABEL, aigc, content_digest, generator_info
from cohost.content.pacing import Pacing
from cohost.content.polisher import Polisher, polish
from cohost.content.proofreader import Guard, Proofreader, default_guard
from cohost.content.review import edit_change
from cohost.content.scriptwriter import ScriptWriter, ShopContext
from cohost.content.showplan import Knobs, ShowRequest, plan_show
from cohost.domain import Product, ProductFact
from cohost.domain.catalog import CHINA_TZ
from cohost.domain.script import Script
from cohost.errors import InputError
from cohost.providers.base import LLM
from cohost.store import Store


def new_script_id(start: datetime) -> str:
    return f"S{start.astimezone(CHINA_TZ):%Y%m%d}-{secrets.token_hex(3)}"


def _notes(request: ShowRequest, sheets: list[ProductSheet], products: list[Product], start: datetime) -> list[str]:
    notes: list[str] = []
    for sheet, product in zip(sheets, products, strict=True):
        if not sheet.in_stock:
            notes.append(f"{sheet.sku}：生成时库存为0，段落不上链接、不引导下单；开播前请核对库存。")
        if not sheet.facets_of("point"):
            notes.append(f"{sheet.sku}：没有卖点（selling_points），讲解只用参数和问答；建议补充卖点。")
        idle = [p.description for p in product.promotions if not p.active_at(start)]
        if idle:
            notes.append(f"{sheet.sku}：{len(idle)}条促销在开播时不在有效期内，未写入开场时段的讲解。")
    return notes


class ContentStudio:
    def __init__(self, store: Store, *, guard: Guard | None = None, llm: LLM | None = None,
                 knobs: Knobs | None = None) -> None:
        self.store = store
        self.guard = guard or default_guard()
        self.llm = llm
        self.knobs = knobs or Knobs()

    def _load(self, skus: tuple[str, ...] | list[str]) -> tuple[list[Product], dict[str, list[ProductFact]]]:
        products = [self.store.catalog.get(sku).product for sku in skus]
        facts = {sku: self.store.catalog.facts(sku) for sku in skus}
        return products, facts

    def compose(self, request: ShowRequest, *, now: datetime | None = None) -> Script:
        """Write and proofread a script (not stored). ``now`` stamps it; the show starts at ``request.start``
        or, without one, at ``now``."""
        now = now or datetime.now(CHINA_TZ)
        start = request.start or now
        request = replace(request, start=start)
        seed = request.seed if request.seed is not None else secrets.randbelow(2**31)
        products, facts = self._load(request.skus)
        sheets = [build_sheet(p, facts[p.sku]) for p in products]
        shop = self.store.catalog.shop()
        shop_facts = self.store.catalog.shop_facts()
        policies = [f for f in shop_facts if f.field in ("policy:shipping", "policy:returns", "policy:warranty")]
        context = ShopContext(shop.name, "shop.name" if shop_facts else None, policies)
        proofreader = Proofreader(self.guard)
        plan = plan_show(request, sheets, self.knobs)
        writer = ScriptWriter(request, plan, sheets, products, context, proofreader, seed=seed, knobs=self.knobs)
        segments = writer.write()
        fixes = writer.fixes
        provider, model, llm_note = "offline-templates", None, None
        if self.llm is not None:
            polisher = Polisher(self.llm, proofreader, Pacing(request.rate), style=request.style)
            by_sku: Mapping[str, Product] = {p.sku: p for p in products}
            segments, more = polish(segments, polisher, by_sku, facts, start)
            fixes = fixes + more
            if polisher.report.polished:
                provider, model = polisher.report.provider, polisher.report.model
            report = polisher.report
            reasons = "、".join(f"{k}×{v}" for k, v in report.reasons.items())
            llm_note = (f"LLM 润色 LLM polish ({report.provider}): {report.polished} 段采用, {report.kept_draft} 段保留"
                        f"原稿" + (f"（{reasons}）" if reasons else ""))
        notes = _notes(request, sheets, products, start) + ([llm_note] if llm_note else []) + [
            f"{fact}：商品资料原文触发规则 {', '.join(rules)}，未写入脚本；请核对商品资料。"
            for fact, rules in writer.blocked.items()]
        script_id = new_script_id(start)
        title = request.title or f"{shop.name} {start.astimezone(CHINA_TZ):%m月%d日} 直播脚本（{len(products)}款）"
        body = "\n".join(line for s in segments for line in s.lines)
        return Script(
            id=script_id, status="draft", minutes=request.minutes, segments=segments, title=title,
            style=request.style, audience=request.audience, skus=list(request.skus), start=start,
            rate=request.rate, created_at=now, updated_at=now,
            generator=generator_info(provider, model=model, seed=seed, at=now), label=SCRIPT_LABEL,
            aigc=aigc(script_id, content_digest(body)), fixes=fixes, findings=[],
            notes=notes,
        )

    def new_script(self, request: ShowRequest, *, actor: str = "system", now: datetime | None = None) -> Script:
        """Write, proofread, label and store a draft script; returns it as stored."""
        return self.store.scripts.add(self.compose(request, now=now), actor=actor)

    def copy(self, sku: str, *, platform: str = "douyin", keywords: list[str] | None = None,
             comments: list[str] | None = None, style: str = "亲切", seed: int | None = None,
             poster: Path | None = None, actor: str = "system", now: datetime | None = None) -> Copy:
        """Titles, description, bullets, voice-over (and a poster) for one product, proofread and labelled."""
        now = now or datetime.now(CHINA_TZ)
        product = self.store.catalog.get(sku).product
        facts = self.store.catalog.facts(sku)
        chosen = pick(product, keywords or [])
        if comments:
            heard = from_comments(product, comments)
            chosen.used += [w for w in heard.used if w not in chosen.used]
            chosen.facts += [f for f in heard.facts if f not in chosen.facts]
        try:
            tone = normalise_style(style)
        except ValueError as exc:
            raise InputError(f"--style: {exc}") from exc
        writer = Copywriter(Proofreader(self.guard), style=tone,
                            seed=seed if seed is not None else secrets.randbelow(2**31))
        result = writer.write(product, facts, platform=platform, keywords=chosen, when=now)
        if poster is not None:
            from cohost.content import poster as posters

            points = [p for p in (b.removeprefix("【卖点】") for b in result.bullets if b.startswith("【卖点】"))]
            image = posters.render(title=product.title.replace("[", "【").replace("]", "】"), price=result.price,
                                   points=points, brand=product.brand, category=product.category)
            posters.save(image, poster, posters.metadata(result.generator, result.aigc, result.facts))
            result.poster = str(poster)
        self.store.audit.record(actor, "copy.create", f"product:{sku}",
                                {"platform": platform, "title": result.title, "facts": result.facts,
                                 "fixes": len(result.fixes), "poster": result.poster,
                                 "generator": result.generator.model_dump(mode="json")})
        return result

    def edit(self, script_id: str, doc: Mapping[str, Any], *, by: str, comment: str | None = None,
             source: str = "edit") -> Script:
        """Apply a human edit (an edited Script JSON): diff recorded, every line re-checked."""
        current = self.store.scripts.get(script_id)
        products, facts = self._load(current.skus)
        texts = {f.id: str(f.value) for rows in facts.values() for f in rows}
        texts |= {f.id: str(f.value) for f in self.store.catalog.shop_facts()}
        for fid, value in list(texts.items()):  # the composer quotes values as they are spoken
            texts[fid] = f"{value}\n{speakable(value, 10_000) or ''}"
        base = doc.get("version") if isinstance(doc.get("version"), int) else None
        change = edit_change(doc, Proofreader(self.guard), {p.sku: p for p in products}, by=by, source=source,
                             facts=texts)
        return self.store.scripts.save_edit(script_id, change, by=by, comment=comment, base_version=base)
