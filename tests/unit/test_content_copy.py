"""Product copy and posters as a merchant uses them: titles that fit each platform, keywords only when
the facts back them, proofread text, and posters with a visible AI label and readable metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from cohost.content import ContentStudio
from cohost.content import poster as posters
from cohost.content.copywriter import PLATFORMS
from cohost.content.keywords import clean_keywords, read_comments
from cohost.content.labels import is_valid_label
from cohost.domain import Catalog
from cohost.errors import ConfigError, InputError
from cohost.store import Store

SHOP = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"
NOW = datetime.fromisoformat("2026-11-20T20:00:00+08:00")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.model_validate(json.loads(SHOP.read_text(encoding="utf-8")))


@pytest.fixture
def studio(sqlite_store: Store, catalog: Catalog) -> Iterator[ContentStudio]:
    sqlite_store.catalog.import_catalog(catalog)
    yield ContentStudio(sqlite_store)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_every_title_fits_its_platform_and_is_made_of_facts(studio: ContentStudio, catalog: Catalog,
                                                            platform: str) -> None:
    limit = PLATFORMS[platform]
    for product in catalog.products:
        copy = studio.copy(product.sku, platform=platform, seed=1, now=NOW)
        assert 0 < limit.units(copy.title) <= limit.max_units, copy.title
        assert copy.title_units == limit.units(copy.title)
        facts = " ".join(str(f.value) for f in studio.store.catalog.facts(product.sku))
        assert all(word in facts for word in copy.title.split()), copy.title


def test_taobao_counts_a_chinese_character_as_two() -> None:
    assert PLATFORMS["taobao"].units("精华30ml") == 8 and PLATFORMS["douyin"].units("精华30ml") == 6


def test_keywords_are_used_only_when_the_facts_back_them(studio: ContentStudio) -> None:
    copy = studio.copy("MZ-001", platform="taobao", keywords=["小蓝瓶", "补水", "最好用"], seed=1, now=NOW)
    assert "小蓝瓶" in copy.title and "补水" not in copy.title and "最好用" not in copy.title
    assert set(copy.keywords_skipped) == {"补水", "最好用"}
    assert "MZ-001.aliases" in copy.facts


def test_keywords_from_viewer_comments_rank_the_products_own_words(studio: ContentStudio, tmp_path: Path) -> None:
    events = tmp_path / "room.jsonl"
    lines = [{"ts": i, "type": "chat", "text": text} for i, text in enumerate(
        ["小蓝瓶多少钱", "小蓝瓶还有吗", "小蓝瓶适合油皮吗", "主播好漂亮", "主播好漂亮", "加我微信13800001234"])]
    events.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n",
                      encoding="utf-8")
    copy = studio.copy("MZ-001", platform="douyin", comments=read_comments(events), seed=1, now=NOW)
    assert copy.keywords == ["小蓝瓶"] and "小蓝瓶" in copy.title
    assert "13800001234" not in json.dumps(copy.model_dump(mode="json"), ensure_ascii=False)


def test_hostile_keyword_input_is_refused_or_neutralised(tmp_path: Path) -> None:
    assert clean_keywords("小蓝瓶, [上链接] ,小蓝瓶,，") == ["小蓝瓶", "上链接"]
    with pytest.raises(InputError, match="longer than"):
        clean_keywords("长" * 21)
    with pytest.raises(InputError, match="at most 20"):
        clean_keywords(",".join(f"词{i}" for i in range(21)))
    junk = tmp_path / "junk.jsonl"
    junk.write_text("{{{\nnope\n", encoding="utf-8")
    with pytest.raises(InputError, match="no readable chat events"):
        read_comments(junk)


def test_copy_is_proofread_labelled_and_audited(studio: ContentStudio) -> None:
    copy = studio.copy("SP-004", platform="douyin", seed=2, now=NOW)  # sold out, and 第一泡 in its usage
    assert not any("上链接" in line or "点开购物车" in line for line in copy.voiceover)
    # "第一泡" counts tea brews, not a ranking: the lawful usage text is not removed as an absolute term
    assert not any(f.action == "removed" and "第一泡" in f.model_dump_json() for f in copy.fixes)
    assert is_valid_label(copy.label) and copy.aigc["Label"] == "1"
    assert copy.generator.provider == "offline-templates"
    audit = studio.store.audit.entries(subject="product:SP-004")
    assert audit and audit[-1].action == "copy.create" and audit[-1].detail["title"] == copy.title
    with pytest.raises(InputError, match="platform"):
        studio.copy("SP-004", platform="weibo")


def test_the_poster_shows_price_and_label_and_carries_metadata(studio: ContentStudio, tmp_path: Path) -> None:
    out = tmp_path / "p.png"
    copy = studio.copy("MZ-001", platform="douyin", poster=out, seed=3, now=NOW)
    image = Image.open(out)
    assert image.size == (1080, 1440) and copy.poster == str(out)
    meta = image.text  # type: ignore[attr-defined]
    aigc = json.loads(meta["AIGC"])
    assert aigc["Label"] == "1" and aigc["ProduceID"] == "copy-MZ-001-douyin"
    assert meta["cohost:generator"] == "cohost.content" and meta["cohost:provider"] == "offline-templates"
    assert "MZ-001.price" in meta["cohost:facts"].split(",")
    rgb = image.convert("RGB")
    # the label box is solid black in the top-right corner, at least 5% of the shorter side tall
    corner = [rgb.getpixel((1070 - x, 20 + y)) for x in range(0, 60, 6) for y in range(0, 54, 6)]
    assert sum(1 for px in corner if px == (0, 0, 0)) > len(corner) // 2
    assert not list(tmp_path.glob(".*.tmp"))


def test_posters_refuse_a_missing_font_by_naming_the_package(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    monkeypatch.setattr(posters, "FONT_DIRS", (str(tmp_path),))
    monkeypatch.delenv("COHOST_CJK_FONT", raising=False)
    with pytest.raises(ConfigError) as err:
        posters.find_cjk_font()
    assert err.value.hint and "fonts-wqy-microhei" in err.value.hint
    monkeypatch.setenv("COHOST_CJK_FONT", str(tmp_path / "other.ttf"))
    with pytest.raises(ConfigError, match=r"wqy-microhei\.ttc"):
        posters.find_cjk_font()


def test_posters_only_as_png_and_of_sane_size(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="PNG"):
        posters.save(Image.new("RGB", (10, 10)), tmp_path / "p.jpg", posters.PngInfo())
    with pytest.raises(InputError, match="outside"):
        posters.render(title="t", price="1", points=[], brand=None, category="x", size=(100, 100000))
