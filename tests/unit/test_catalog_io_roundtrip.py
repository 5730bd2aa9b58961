"""Writing catalogs (JSON, CSV + side files, XLSX) and reading them back unchanged."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cohost.catalog import read_catalog, write_catalog, write_csv, write_json, write_xlsx
from cohost.domain.catalog import Catalog
from cohost.errors import CatalogError, InputError

# The example of formats.md §1, plus everything the row formats must carry: unknown fields on every
# record, display_order, zoned datetimes in several zones, text that looks like a formula or a number.
DOCUMENT = {
    "shop": {
        "name": "山野小铺",
        "policies": {"shipping": "48小时内从浙江杭州发货，默认中通，偏远地区（新疆、西藏）不包邮",
                     "returns": "支持7天无理由退货，食品类拆封后不支持", "warranty": "数码产品一年质保"},
        "hotline": "400-800-1234",
    },
    "products": [
        {
            "sku": "MZ-001", "title": "玻尿酸保湿精华液 30ml", "category": "美妆护肤", "brand": "水研",
            "price": 89.0, "list_price": 129.0, "currency": "CNY", "stock": 500,
            "aliases": ["小蓝瓶", "精华"],
            "attributes": {"容量": "30ml", "适用肤质": "所有肤质", "保质期": "3年", "产地": "上海"},
            "selling_points": ["添加三重玻尿酸", "质地清爽不黏腻"],
            "usage": "洁面后取2-3滴，轻拍至吸收", "cautions": "敏感肌请先在耳后试用", "display_order": 2,
            "variants": [{"sku": "MZ-001-50", "name": "50ml", "price": 139.0, "stock": 120, "barcode": "0690123"},
                         {"sku": "MZ-001-10", "name": "10ml 试用装"}],
            "promotions": [
                {"kind": "gift", "description": "下单送5ml小样一支", "starts_at": "2026-11-20T20:00:00+08:00",
                 "ends_at": "2026-11-20T23:59:59+08:00"},
                {"kind": "coupon", "description": "满199减20", "starts_at": "2026-11-20T12:00:00Z",
                 "ends_at": "2026-11-21T09:30:00.250000+09:00", "code": "W20"},
                {"kind": "bundle", "description": "两瓶装"},
            ],
            "faq": [{"q": "孕妇能用吗", "a": "成分温和，但孕期请先咨询医生"}],
            "evidence": [{"claim": "2025年天猫精华类目新品榜第3名", "source": "天猫新品榜截图 2025-06",
                          "expires_at": None},
                         {"claim": "SGS 检测无酒精", "source": "报告 No.123", "expires_at": "2027-01-01T00:00:00+08:00"}],
            "supplier": "杭州某工厂", "内部备注": "=HYPERLINK(\"http://evil\",\"点我\")",
        },
        {
            "sku": "00123", "title": "-5℃ 保温杯 +送杯套", "category": "家居", "price": 59.9, "stock": 0,
            "usage": "@首次使用请清洗\n再使用", "display_order": 1, "attributes": {"容量": "500"},
            "memo": "'=already quoted",
        },
        {"sku": "SP-002", "title": "每日坚果 750g", "category": "食品", "price": "1299.99", "stock": 3},
    ],
}


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    path = tmp_path / "source.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    return read_catalog(path)


def hashes(catalog: Catalog) -> list[str]:
    return [p.content_hash() for p in catalog.products]


def test_json_to_xlsx_and_back_is_lossless(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(catalog, path)
    back = read_catalog(path)
    assert hashes(back) == hashes(catalog)
    assert back.shop == catalog.shop
    assert load_workbook(path, read_only=True).sheetnames == ["products", "variants", "promotions", "faq",
                                                              "evidence", "shop"]


def test_json_to_csv_with_side_files_and_back_is_lossless(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "out.csv"
    written = write_csv(catalog, path)
    assert [p.name for p in written] == ["out.csv", "out.variants.csv", "out.promotions.csv", "out.faq.csv",
                                         "out.evidence.csv", "out.shop.csv"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbfsku,title,category,brand,price,list_price,currency,stock,")
    back = read_catalog(path)
    assert hashes(back) == hashes(catalog)
    assert back.shop == catalog.shop


def test_csv_to_xlsx_to_json_and_back(tmp_path: Path, catalog: Catalog) -> None:
    write_csv(catalog, tmp_path / "a.csv")
    write_xlsx(read_catalog(tmp_path / "a.csv"), tmp_path / "b.xlsx")
    write_json(read_catalog(tmp_path / "b.xlsx"), tmp_path / "c.json")
    again = read_catalog(tmp_path / "c.json")
    assert hashes(again) == hashes(catalog)
    assert again.shop == catalog.shop


def test_json_round_trip_keeps_top_level_extras_and_is_stable(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({**DOCUMENT, "version": "2026-11"}, ensure_ascii=False), encoding="utf-8")
    catalog = read_catalog(path)
    stream = io.StringIO()
    write_json(catalog, stream)
    document = json.loads(stream.getvalue())
    assert list(document) == ["shop", "products", "version"]
    assert document["products"][0]["内部备注"] == DOCUMENT["products"][0]["内部备注"]  # type: ignore[index]
    write_json(catalog, tmp_path / "out.json")
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == stream.getvalue()


def test_formula_looking_text_is_guarded_on_export_and_restored_on_import(tmp_path: Path, catalog: Catalog) -> None:
    write_csv(catalog, tmp_path / "out.csv", side_files=False)
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {row["sku"]: row for row in csv.DictReader(fh)}
    assert rows["MZ-001"]["内部备注"] == "'=HYPERLINK(\"http://evil\",\"点我\")"
    assert rows["00123"]["title"] == "'-5℃ 保温杯 +送杯套"
    assert rows["00123"]["usage"] == "'@首次使用请清洗\n再使用"
    assert rows["00123"]["memo"] == "''=already quoted"
    assert rows["SP-002"]["price"] == "1299.99"

    write_xlsx(catalog, tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx")["products"]
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    guarded = cells["'=HYPERLINK(\"http://evil\",\"点我\")"]
    assert guarded.data_type == "s"  # a string, never a formula
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    assert read_catalog(tmp_path / "out.csv").products[0].model_extra == {
        "supplier": "杭州某工厂", "内部备注": "=HYPERLINK(\"http://evil\",\"点我\")"}


def test_xlsx_numbers_are_numbers(tmp_path: Path, catalog: Catalog) -> None:
    write_xlsx(catalog, tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx")["products"]
    header = [cell.value for cell in sheet[1]]
    first = {name: cell.value for name, cell in zip(header, sheet[2], strict=True)}
    assert first["price"] == 89 and first["stock"] == 500 and first["display_order"] == 2
    assert first["sku"] == "MZ-001"
    second = {name: cell.value for name, cell in zip(header, sheet[3], strict=True)}
    assert second["sku"] == "00123"  # text stays text: the leading zeros survive
    assert read_catalog(tmp_path / "out.xlsx").products[2].price == Decimal("1299.99")


def test_csv_to_a_stream_is_the_main_table_only(catalog: Catalog) -> None:
    stream = io.StringIO()
    assert write_catalog(catalog, "csv", None, stream) == []
    lines = stream.getvalue().splitlines()
    assert lines[0] == ("sku,title,category,brand,price,list_price,currency,stock,aliases,selling_points,usage,"
                        "cautions,display_order,attr:容量,attr:适用肤质,attr:保质期,attr:产地,supplier,内部备注,memo")
    assert lines[1].startswith("MZ-001,玻尿酸保湿精华液 30ml,美妆护肤,水研,89.0,129.0,CNY,500,小蓝瓶|精华,")
    assert not stream.getvalue().startswith("\ufeff") and "\r\n" not in stream.getvalue()


def test_write_catalog_dispatches_by_format(tmp_path: Path, catalog: Catalog) -> None:
    assert write_catalog(catalog, "JSON", tmp_path / "c.json") == [tmp_path / "c.json"]
    assert write_catalog(catalog, "xlsx", tmp_path / "c.xlsx") == [tmp_path / "c.xlsx"]
    assert len(write_catalog(catalog, "csv", tmp_path / "c.csv")) == 6
    stream = io.StringIO()
    write_catalog(catalog, "json", None, stream)
    assert json.loads(stream.getvalue())["shop"]["name"] == "山野小铺"
    with pytest.raises(InputError, match="--out"):
        write_catalog(catalog, "xlsx", None, io.StringIO())
    with pytest.raises(InputError, match="json, csv or xlsx"):
        write_catalog(catalog, "yaml", tmp_path / "c.yaml")
    with pytest.raises(InputError, match="no such folder"):
        write_catalog(catalog, "json", tmp_path / "missing" / "c.json")


def test_what_rows_cannot_hold_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    product = {"sku": "A-1", "title": "a", "category": "食品", "price": 1, "stock": 1,
               "aliases": ["大|小"], "attr:颜色": "红", "Price": "2"}
    catalog = Catalog.model_validate({"products": [product]})
    with pytest.raises(CatalogError) as info:
        write_csv(catalog, tmp_path / "out.csv")
    assert info.value.message.startswith("无法导出为 CSV，没有写入任何文件 / cannot export as CSV: nothing was written")
    assert info.value.problems == [
        "A-1:aliases[1]: 含有列表分隔符“|”/ contains '|', the list separator of CSV/XLSX cells: '大|小'",
        "A-1:attr:颜色: 字段名“attr:颜色”在表格里会被读成另一列 / field name 'attr:颜色' would read back as another column",
        "A-1:Price: 字段名“Price”在表格里会被读成另一列 / field name 'Price' would read back as another column",
    ]
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(CatalogError):
        write_xlsx(catalog, tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_stale_side_file_is_emptied_not_left_behind(tmp_path: Path, catalog: Catalog) -> None:
    write_csv(catalog, tmp_path / "shop.csv")
    plain = catalog.model_copy(update={"products": [p.model_copy(update={"variants": []}) for p in catalog.products]})
    write_csv(plain, tmp_path / "shop.csv")
    assert (tmp_path / "shop.variants.csv").read_bytes() == b"\xef\xbb\xbfproduct_sku,sku,name,price,stock\r\n"
    assert all(not p.variants for p in read_catalog(tmp_path / "shop.csv").products)


def test_an_empty_shop_writes_no_shop_rows(tmp_path: Path) -> None:
    catalog = Catalog.model_validate({"products": [{"sku": "A-1", "title": "a", "category": "食品", "price": 1,
                                                    "stock": 1}]})
    written = write_csv(catalog, tmp_path / "shop.csv")
    assert [p.name for p in written] == ["shop.csv"]
    write_xlsx(catalog, tmp_path / "shop.xlsx")
    back = read_catalog(tmp_path / "shop.xlsx")
    assert back.shop == catalog.shop and hashes(back) == hashes(catalog)


def test_typed_extra_fields_survive_xlsx_and_become_text_in_csv(tmp_path: Path) -> None:
    product = {"sku": "SM-001", "title": "充电宝", "category": "数码", "price": 99, "stock": 5, "weight_g": 210,
               "in_box": True, "gtin": 69012345678901234, "tags": ["快充", "小巧"],
               "variants": [{"sku": "SM-001-W", "name": "白色", "pieces": 84}],
               "promotions": [{"kind": "flash", "description": "秒杀", "limit_per_user": 1}]}
    catalog = Catalog.model_validate({"shop": {"name": "店", "since": 2019}, "products": [product]})
    write_xlsx(catalog, tmp_path / "out.xlsx")
    [back] = read_catalog(tmp_path / "out.xlsx").products
    assert back.model_extra is not None
    assert (back.model_extra["weight_g"], back.model_extra["in_box"]) == (210, True)
    assert back.model_extra["gtin"] == "69012345678901234"  # too long for Excel's 15 digits: kept as text
    assert back.model_extra["tags"] == '["快充","小巧"]'  # lists and objects travel as JSON text
    assert back.variants[0].model_extra == {"pieces": 84}
    assert back.promotions[0].model_extra == {"limit_per_user": 1}

    write_csv(catalog, tmp_path / "out.csv")
    [text] = read_catalog(tmp_path / "out.csv").products
    assert text.model_extra is not None
    assert (text.model_extra["weight_g"], text.model_extra["in_box"]) == ("210", "true")
    assert text.variants[0].model_extra == {"pieces": "84"}
    assert read_catalog(tmp_path / "out.csv").shop.model_extra == {"since": "2019"}
