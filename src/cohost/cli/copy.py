"""``cohost copy SKU``: a product's title, description, detail bullets, voice-over and poster."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cohost.cli.context import HomeOption, JsonOption, app_state, console, open_store


def register(app: typer.Typer) -> None:
    @app.command("copy")
    def copy(
        ctx: typer.Context,
        sku: Annotated[str, typer.Argument(help="商品编码 / product sku")],
        platform: Annotated[str, typer.Option(help="douyin | taobao | kuaishou")] = "douyin",
        keywords: Annotated[str | None, typer.Option(help="关键词，逗号分隔 / keywords, comma-separated")] = None,
        comments: Annotated[Path | None, typer.Option(
            help="直播事件 JSONL，从评论中取关键词 / live events JSONL to take keywords from")] = None,
        style: Annotated[str, typer.Option(help="热情 | 专业 | 亲切 | 幽默")] = "亲切",
        seed: Annotated[int | None, typer.Option(help="随机种子 / seed")] = None,
        poster: Annotated[Path | None, typer.Option(help="海报 PNG 输出 / write a poster PNG here")] = None,
        home: HomeOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """生成商品文案与海报 / write product copy (and a poster), checked against facts and rules."""
        from cohost.content import ContentStudio
        from cohost.content.keywords import clean_keywords, read_comments
        from cohost.errors import InputError

        if platform not in ("douyin", "taobao", "kuaishou"):
            raise InputError(f"--platform {platform!r}: choose douyin, taobao or kuaishou")
        words = clean_keywords(keywords)
        heard = read_comments(comments) if comments else None
        settings = app_state(ctx).settings(home)
        with open_store(settings) as store:
            result = ContentStudio(store).copy(sku, platform=platform, keywords=words, comments=heard,
                                               style=style, seed=seed, poster=poster)
        if as_json:
            print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
            return
        console.print(f"[bold]标题 Title[/] ({result.platform}, {result.title_units}/{result.title_limit})",
                      highlight=False)
        print(result.title)
        if result.keywords_skipped:
            console.print("未用关键词 Skipped: " + "、".join(f"{k}（{v}）" for k, v in result.keywords_skipped.items()),
                          highlight=False, markup=False)
        console.print("[bold]简介 Description[/]", highlight=False)
        print(result.description)
        console.print("[bold]详情页要点 Bullets[/]", highlight=False)
        for bullet in result.bullets:
            print(f"- {bullet}")
        console.print(f"[bold]短视频口播 Voice-over[/] (~{result.voiceover_seconds:.0f} s)", highlight=False)
        for line in result.voiceover:
            print(line)
        if result.poster:
            console.print(f"海报 Poster: {result.poster}", highlight=False, markup=False)
        print(result.label)
