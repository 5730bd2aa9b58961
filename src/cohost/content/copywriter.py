"""Product copy: platform titles, a short description, detail-page bullets and a short-video voice-over.

Every piece is built from the product's facts (each cites its fact ids), goes through the same
proofreader as scripts, and carries the AI label (footer "本内容由AI生成" plus generator metadata).

Title limits used (assumptions, not taken from an official rule page — verify in each seller backend
before relying on them; all three are configurable through ``TitleLimit``):

| platform  | limit used          | how length is counted                       | basis of the assumption |
|-----------|---------------------|---------------------------------------------|-------------------------|
| taobao    | 60 units (30 汉字)  | a Chinese character = 2, ASCII = 1 (GBK bytes) | the widely cited "宝贝标题30个汉字/60字符" rule, also what public title generators enforce ("60 GBK 字节") |
| douyin    | 30 characters       | every character = 1                         | 抖店 listing form as commonly reported ("商品标题最多30个字") |
| kuaishou  | 30 characters       | every character = 1                         | 快手小店 listing form as commonly reported (30 字) |
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field

from cohost.content.banks import Style, demo_actions, phrases
from cohost.content.draft import phrasing_words
from cohost.content.facets import ProductSheet, build_sheet, speakable
from cohost.content.keywords import KeywordPick
from cohost.content.labels import aigc, content_digest, copy_footer, generator_info
from cohost.content.pacing import Pacing
from cohost.content.proofreader import Proofreader
from cohost.content.variety import Variety
from cohost.domain import Product, ProductFact
from cohost.domain.script import Fix, GeneratorInfo
from cohost.errors import InputError

_BULLET_HEADS = ("【卖点】", "【规格】", "【用法】", "【注意】", "【", "】")


@dataclass(frozen=True, slots=True)
class TitleLimit:
    platform: str
    max_units: int
    cjk_units: int = 1

    def units(self, text: str) -> int:
        return sum(self.cjk_units if ord(c) > 0x7F else 1 for c in text)


PLATFORMS: dict[str, TitleLimit] = {
    "taobao": TitleLimit("taobao", 60, cjk_units=2),
    "douyin": TitleLimit("douyin", 30),
    "kuaishou": TitleLimit("kuaishou", 30),
}


class Copy(BaseModel):
    sku: str
    platform: str
    title: str
    title_units: int
    title_limit: int
    keywords: list[str] = Field(default_factory=list)
    keywords_skipped: dict[str, str] = Field(default_factory=dict)
    description: str
    bullets: list[str]
    voiceover: list[str]
    voiceover_seconds: float
    price: str
    facts: list[str]
    fixes: list[Fix] = Field(default_factory=list)
    label: str
    generator: GeneratorInfo
    aigc: dict[str, str]
    poster: str | None = None


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[，,；;。、（）()]", text) if c.strip()]


_SPEC = re.compile(r"[\d.]+(?:[×xX*][\d.]+)*\s*(?:ml|mL|g|kg|L|mAh|W|cm|mm|片装|双装|条装|个装|片|双|条|包|袋)?")


def _spec_tokens(title: str) -> list[str]:
    """Whole size/count tokens of the title (180×150cm stays whole, never 150cm)."""
    return [t for t in re.sub(r"（[^）]*）|\([^)]*\)", " ", title).split() if _SPEC.fullmatch(t)]


class Copywriter:
    def __init__(self, proofreader: Proofreader, *, style: Style = "亲切", seed: int = 0, rate: float = 4.5) -> None:
        self.proof, self.style, self.variety, self.pacing = proofreader, style, Variety(seed), Pacing(rate)
        self.fixes: list[Fix] = []
        self._trusted: list[str] = []

    def _checked(self, text: str, product: Product, when: datetime | None, index: int,
                 neutral: tuple[str, ...] = ()) -> str | None:
        """Proofread one piece. Copy quotes the product's facts verbatim (its trusted text); ``neutral`` are
        the piece's own connecting words."""
        review = self.proof.line(text, product, when, segment=0, index=index, trusted=self._trusted,
                                 neutral=neutral)
        self.fixes.extend(review.fixes)
        return review.text

    def title(self, product: Product, sheet: ProductSheet, limit: TitleLimit, keywords: KeywordPick) -> str:
        """Greedy fill by priority: brand, name, grounded keywords, sizes, short selling clauses, attributes."""
        parts: list[str] = []
        if product.brand and product.brand not in sheet.short:
            parts.append(product.brand)
        parts.append(sheet.short)
        parts += keywords.used
        parts += _spec_tokens(product.title)
        for point in product.selling_points:
            parts += [c for c in _clauses(point) if 2 <= len(c) <= 10]
        parts += [v for v in product.attributes.values() if 2 <= len(v) <= 8 and not re.search(r"[；;/]", v)]
        title = ""
        for part in parts:
            part = part.replace("[", "【").replace("]", "】").strip()
            if not part or part.lower() in title.lower():
                continue
            candidate = f"{title} {part}".strip()
            if limit.units(candidate) <= limit.max_units:
                title = candidate
        if not title:
            title = sheet.short[: max(1, limit.max_units // max(1, limit.cjk_units))]
        return title

    def write(self, product: Product, facts: list[ProductFact], *, platform: str = "douyin",
              keywords: KeywordPick | None = None, when: datetime | None = None) -> Copy:
        limit = PLATFORMS.get(platform)
        if limit is None:
            raise InputError(f"unknown platform {platform!r}; choose one of {', '.join(PLATFORMS)}")
        keywords = keywords or KeywordPick()
        sheet = build_sheet(product, facts)
        self._trusted = [t for f in facts for t in (str(f.value), speakable(f.value, 10_000) or "", f.label) if t]
        used: list[str] = [f"{product.sku}.title", f"{product.sku}.price", *keywords.facts]
        title = self.title(product, sheet, limit, keywords)
        title = self._checked(title, product, when, 0, (" ",)) or sheet.short
        points = [p for p in (speakable(x, 40) for x in product.selling_points) if p]
        used += [f"{product.sku}.selling_point:{i}" for i in range(1, min(3, len(points)) + 1)]
        desc = f"{sheet.short}：" + "；".join(points[:3]) + "。" if points else f"{sheet.title}。"
        description = self._checked(desc, product, when, 1, ("：", "；", "。")) or f"{sheet.title}。"
        bullets = [checked for i, b in enumerate(self._bullets(product, sheet, used))
                   if (checked := self._checked(b, product, when, 2 + i, _BULLET_HEADS))]
        voiceover = self._voiceover(product, sheet, when, used)
        info = generator_info(seed=self.variety.seed)
        body = "\n".join([title, description, *bullets, *voiceover])
        return Copy(sku=product.sku, platform=platform, title=title, title_units=limit.units(title),
                    title_limit=limit.max_units, keywords=keywords.used, keywords_skipped=keywords.skipped,
                    description=description, bullets=bullets, voiceover=voiceover,
                    voiceover_seconds=self.pacing.seconds(voiceover), price=sheet.price,
                    facts=list(dict.fromkeys(used)), fixes=self.fixes, label=copy_footer(info), generator=info,
                    aigc=aigc(f"copy-{product.sku}-{platform}", content_digest(body)))

    def _bullets(self, product: Product, sheet: ProductSheet, used: list[str]) -> list[str]:
        out: list[str] = []
        for i, point in enumerate(product.selling_points[:4], 1):
            text = speakable(point, 60)
            if text:
                out.append(f"【卖点】{text}")
                used.append(f"{product.sku}.selling_point:{i}")
        for facet in sheet.facets_of("attr")[:4]:
            out.append(f"【{facet.values['attr_name']}】{facet.values['attr_value']}")
            used.extend(facet.facts)
        for facet in sheet.facets_of("variants")[:1]:
            out.append(f"【规格】{facet.values['variants']}")
            used.extend(facet.facts)
        for facet in sheet.facets_of("usage", "caution"):
            out.append(("【用法】" if facet.kind == "usage" else "【注意】") + next(iter(facet.values.values())))
            used.extend(facet.facts)
        return out

    def _voiceover(self, product: Product, sheet: ProductSheet, when: datetime | None, used: list[str]) -> list[str]:
        """A 15–30 second spoken script for a short video, in the chosen style."""
        lines: list[str] = []
        point = next(iter(sheet.facets_of("point")), None)
        values = {"short": sheet.short, "title": sheet.title, "price": sheet.price, "category": sheet.category,
                  "demo": self.variety.pick("demo", demo_actions(sheet.category))}
        slots = ["hook", "point", "point", "price", "cta"]
        points = sheet.facets_of("point")
        for k, slot in enumerate(slots):
            v = dict(values)
            if slot == "point":
                if len(points) <= k:
                    continue
                v |= points[k].values
                used.extend(points[k].facts)
            elif slot == "hook" and point:
                v |= point.values
                used.extend(point.facts)
            if slot == "cta" and not sheet.in_stock:
                slot = "soldout"
            options = [t for t in phrases(slot, self.style) if set(re.findall(r"\{([a-z_]+)\}", t)) <= v.keys()
                       and "[停顿" not in t]
            if not options:
                continue
            template = self.variety.pick(slot, options)
            text = re.sub(r"\[[^\]]*\]", "", template.format_map(v))  # a voice-over has no live cues
            checked = self._checked(text, product, when, 20 + k, phrasing_words(template))
            if checked:
                lines.append(checked)
        return lines
