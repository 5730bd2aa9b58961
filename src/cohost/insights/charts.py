"""Report charts as PNG bytes (matplotlib, no display), with Chinese labels in a CJK font.

The font is the WenQuanYi Micro Hei file of the Debian package ``fonts-wqy-microhei`` (or any file
named by ``COHOST_CJK_FONT``). Without one, Chinese would render as empty boxes, so drawing fails with
an error that names the package instead of producing an unreadable report.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from cohost.errors import ConfigError
from cohost.insights.recommend import INTENT_ZH

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
INSTALL = "apt-get install fonts-wqy-microhei"
BLUE, ORANGE, GREEN, GREY, RED = "#2b6cb0", "#dd6b20", "#2f855a", "#a0aec0", "#c53030"


@lru_cache(maxsize=1)
def cjk_font() -> Path:
    """The CJK font file to draw with, or a ConfigError naming the package to install."""
    override = os.environ.get("COHOST_CJK_FONT")
    candidates = (override,) if override else FONT_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise ConfigError("no Chinese (CJK) font found for the report charts "
                      f"(looked for {', '.join(c for c in candidates if c)})",
                      hint=f"install it: {INSTALL} (or set COHOST_CJK_FONT to a .ttf/.ttc file)")


def _pyplot() -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    path = cjk_font()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    plt.rcParams.update({"font.family": [name], "axes.unicode_minus": False, "font.size": 10,
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt, name


def _png(fig: Any, plt: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def minute_chart(online: list[int | None], comments: list[int], orders: list[int],
                 segments: list[tuple[float, float, str]]) -> bytes:
    """Three stacked panels sharing the minute axis; product segments shaded and labelled on top."""
    plt, _ = _pyplot()
    fig, axes = plt.subplots(3, 1, figsize=(10, 6.4), sharex=True)
    minutes = list(range(len(comments)))
    series = (([v if v is not None else float("nan") for v in online], "在线人数", BLUE),
              (comments, "评论/分钟", ORANGE), (orders, "订单/分钟", GREEN))
    for ax, (values, label, colour) in zip(axes, series, strict=True):
        if label == "在线人数":
            ax.plot(minutes, values, color=colour, linewidth=1.8)
        else:
            ax.bar(minutes, values, color=colour, width=0.9)
        ax.set_ylabel(label)
        ax.grid(axis="y", alpha=0.3)
        for k, (a, b, _) in enumerate(segments):
            if k % 2 == 0:
                ax.axvspan(a, b, color=GREY, alpha=0.12, linewidth=0)
    for a, b, name in segments:
        axes[0].annotate(name[:8], xy=((a + b) / 2, 1.0), xycoords=("data", "axes fraction"), ha="center",
                         va="bottom", fontsize=8, color="#4a5568")
    axes[-1].set_xlabel("开播后分钟")
    fig.align_ylabels(axes)
    return _png(fig, plt)


def product_chart(titles: list[str], talk_minutes: list[float], orders: list[int]) -> bytes:
    """Talk time (bars) next to orders (bars) per product, on two scales."""
    plt, _ = _pyplot()
    n = len(titles)
    fig, ax = plt.subplots(figsize=(10, 0.5 * n + 1.4))
    ys = list(range(n))
    talk = ax.barh([y - 0.2 for y in ys], talk_minutes, height=0.38, color=BLUE, label="讲解时长（分钟，下轴）")
    ax2 = ax.twiny()
    sold = ax2.barh([y + 0.2 for y in ys], orders, height=0.38, color=GREEN, label="订单数（上轴）")
    ax.legend(handles=[talk, sold], loc="upper center", bbox_to_anchor=(0.5, -0.5 / (0.5 * n + 1.4)), ncol=2,
              frameon=False)
    ax.set_yticks(ys, [t[:14] for t in titles])
    ax.invert_yaxis()
    ax.set_xlabel("讲解时长（分钟）", color=BLUE)
    ax2.set_xlabel("订单数", color=GREEN)
    ax2.spines["top"].set_visible(True)
    return _png(fig, plt)


def question_chart(labels: list[str], answered: list[int], unanswered: list[int]) -> bytes:
    """The most asked questions: answered (green) and unanswered (red) viewers, stacked."""
    plt, _ = _pyplot()
    n = len(labels)
    fig, ax = plt.subplots(figsize=(10, 0.42 * n + 1.2))
    ax.barh(range(n), answered, color=GREEN, label="已回答")
    ax.barh(range(n), unanswered, left=answered, color=RED, label="未回答")
    ax.set_yticks(range(n), [label[:24] for label in labels])
    ax.invert_yaxis()
    ax.set_xlabel("提问人次")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.55 / (0.42 * n + 1.2)), ncol=2, frameon=False)
    for y, (a, u) in enumerate(zip(answered, unanswered, strict=True)):
        ax.text(a + u, y, f" {a + u}", va="center", fontsize=8)
    return _png(fig, plt)


def intent_label(intent: str, title: str | None) -> str:
    return f"{title or '未关联商品'}·{INTENT_ZH.get(intent, intent)}"
