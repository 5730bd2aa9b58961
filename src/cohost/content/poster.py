"""Poster images (Pillow): product title, price from the facts, selling points, a visible "AI生成" label,
and implicit metadata in PNG text chunks.

Explicit label (GB-2): "AI生成" in a solid box in the top-right corner, its character height at least
5% of the image's shorter side. Implicit label (GB-4, LBL-5): the GB 45438 ``AIGC`` JSON in a ``tEXt``
chunk, plus ``cohost:generator``, ``cohost:version``, ``cohost:time``, ``cohost:provider`` and
``cohost:facts`` (the fact ids printed on the poster) in ``iTXt`` chunks.

Chinese text needs a CJK font. Cohost uses WenQuanYi Micro Hei from the Debian package
``fonts-wqy-microhei`` and no other: it is looked up at run time and, if absent, the error names the
package to install. ``COHOST_CJK_FONT`` may point at that same file where it lives elsewhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from cohost.content.labels import POSTER_LABEL
from cohost.domain.script import GeneratorInfo
from cohost.errors import ConfigError, InputError

FONT_FILE = "wqy-microhei.ttc"
FONT_PACKAGE = "fonts-wqy-microhei"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
SIZE = (1080, 1440)
LABEL_SHARE = 0.05
_NO_LINE_START = set("）)】」』，。、；：！？,.;:!?")
PALETTE = {"美妆护肤": "#f6e3e7", "食品": "#f7eddc", "服饰": "#e4ecf6", "数码": "#e3e8ee", "家居": "#e8f1e4",
           "母婴": "#fdf1df"}


def find_cjk_font() -> Path:
    """The WenQuanYi Micro Hei file, or a ConfigError naming the Debian package that provides it."""
    override = os.environ.get("COHOST_CJK_FONT")
    if override:
        path = Path(override).expanduser()
        if path.name == FONT_FILE and path.is_file():
            return path
        raise ConfigError(f"COHOST_CJK_FONT={override} is not a {FONT_FILE} file",
                          hint=f"apt-get install {FONT_PACKAGE}, or unset COHOST_CJK_FONT")
    for base in FONT_DIRS:
        root = Path(base).expanduser()
        if root.is_dir():
            for found in root.rglob(FONT_FILE):
                return found
    raise ConfigError(f"the CJK font {FONT_FILE} (WenQuanYi Micro Hei) is not installed; posters need it",
                      hint=f"apt-get install {FONT_PACKAGE}")


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for ch in text:
        if draw.textlength(current + ch, font=font) <= width or (current and ch in _NO_LINE_START):
            current += ch
            continue
        lines.append(current)
        current = ch.lstrip()
        if len(lines) == max_lines:
            break
    else:
        if current:
            lines.append(current)
        return lines
    last = lines[-1]
    while last and draw.textlength(last + "…", font=font) > width:
        last = last[:-1]
    lines[-1] = last + "…"
    return lines


def metadata(info: GeneratorInfo, aigc: dict[str, str], facts: list[str]) -> PngInfo:
    meta = PngInfo()
    meta.add_text("AIGC", json.dumps(aigc, separators=(",", ":")))
    meta.add_itxt("cohost:generator", info.name)
    meta.add_itxt("cohost:version", info.version)
    meta.add_itxt("cohost:time", info.at.isoformat())
    meta.add_itxt("cohost:provider", info.provider)
    meta.add_itxt("cohost:facts", ",".join(facts))
    meta.add_itxt("cohost:label", POSTER_LABEL)
    return meta


def render(*, title: str, price: str, points: list[str], brand: str | None, category: str,
           size: tuple[int, int] = SIZE) -> Image.Image:
    """Draw the poster. Text comes from facts only; the caller proofreads it first."""
    width, height = size
    if not (320 <= width <= 4096 and 320 <= height <= 4096):
        raise InputError(f"poster size {width}×{height} is outside 320–4096 pixels")
    font_path = str(find_cjk_font())
    short = min(width, height)

    def font(share: float) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(font_path, max(12, int(short * share)))

    image = Image.new("RGB", size, PALETTE.get(category, "#eeeeee"))
    draw = ImageDraw.Draw(image)
    margin = int(short * 0.07)
    card = (margin, int(height * 0.12), width - margin, height - margin)
    draw.rounded_rectangle(card, radius=int(short * 0.03), fill="#ffffff")
    x, y = card[0] + margin // 2, card[1] + margin // 2
    inner = card[2] - card[0] - margin
    if brand:
        f = font(0.035)
        draw.text((x, y), brand, font=f, fill="#888888")
        y += int(f.size * 1.6)
    f = font(0.06)
    for line in _wrap(draw, title, f, inner, 3):
        draw.text((x, y), line, font=f, fill="#222222")
        y += int(f.size * 1.3)
    y += int(short * 0.03)
    f = font(0.12)
    draw.text((x, y), f"¥{price}", font=f, fill="#d4380d")
    y += int(f.size * 1.35)
    f = font(0.04)
    for point in points[:3]:
        for k, line in enumerate(_wrap(draw, point, f, inner - int(f.size * 1.2), 2)):
            draw.text((x + int(f.size * 1.2), y), line, font=f, fill="#333333")
            if k == 0:
                r = f.size // 4
                cy = y + f.size // 2 + r // 2
                draw.ellipse((x + r, cy - r, x + 3 * r, cy + r), fill="#d4380d")
            y += int(f.size * 1.45)
        y += int(f.size * 0.3)
    f = font(0.028)
    draw.text((x, card[3] - margin // 2 - f.size), "价格以下单页面为准", font=f, fill="#999999")
    _label(draw, width, short, font_path)
    return image


def _label(draw: ImageDraw.ImageDraw, width: int, short: int, font_path: str) -> None:
    """The explicit "AI生成" label: character height ≥ 5% of the shorter side (GB-2)."""
    size = max(12, int(short * LABEL_SHARE) + 2)
    f = ImageFont.truetype(font_path, size)
    box = draw.textbbox((0, 0), POSTER_LABEL, font=f)
    pad = size // 3
    w, h = box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad
    x0, y0 = width - w - pad, pad
    draw.rectangle((x0, y0, x0 + w, y0 + h), fill="#000000")
    draw.text((x0 + pad - box[0], y0 + pad - box[1]), POSTER_LABEL, font=f, fill="#ffffff")


def save(image: Image.Image, path: Path, meta: PngInfo) -> Path:
    """Write the PNG atomically (no half-written file is left behind)."""
    if path.suffix.lower() != ".png":
        raise InputError(f"{path}: a poster is written as PNG; name it *.png")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        image.save(tmp, format="PNG", pnginfo=meta)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {exc.strerror}") from exc
    return path
