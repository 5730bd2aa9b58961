"""Reading catalogs as merchants save them (CSV, XLSX, JSON), and every way a file can be wrong.

Files are made in tmp_path; problem strings are asserted exactly where a user would read them.
"""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from cohost.catalog import read_catalog
from cohost.domain.catalog import CHINA_TZ, Catalog
from cohost.errors import CatalogError
from tests.unit.test_catalog_io_large import excel_like_xlsx

HEADER = "sku,title,category,price,stock\n"
PRICE_RULE = "价格必须是非负数字，最多两位小数 / price must be a non-negative number with at most 2 decimals"
STOCK_RULE = "库存必须是非负整数 / stock must be a whole number ≥ 0"


def put(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    return info.value.problems


def error_of(path: Path) -> CatalogError:
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    return info.value


# ---- CSV: what a merchant writes ------------------------------------------------------------------------


def test_csv_with_chinese_headers_and_side_files_reads_every_field(tmp_path: Path) -> None:
    main = put(tmp_path / "山野.csv",
               "商品编码,商品名称,类目,品牌,价格,原价,币种,库存,别名,卖点,用法,注意事项,链接序号,属性:容量,属性：产地,备注\n"
               "MZ-001, 玻尿酸精华 30ml ,美妆护肤,水研,¥89.9,129,cny,\"1,200\",小蓝瓶| 精华 ,三重玻尿酸|清爽,"
               "洁面后取2-3滴,敏感肌先试用,3,30ml,上海,直播专供\n"
               "SP-002,坚果礼盒,食品,,59,,,80,,,,,,,,\n")
    put(tmp_path / "山野.variants.csv", "商品编码,规格编码,规格名称,价格,库存\nMZ-001,MZ-001-50,50ml,139,120\n")
    put(tmp_path / "山野.promotions.csv",
        "商品编码,促销类型,促销内容,开始时间,结束时间\nMZ-001,gift,送小样,2026/11/20 20:00,2026-11-20T23:59:59+08:00\n")
    put(tmp_path / "山野.FAQ.csv", "商品编码,问题,回答\nMZ-001,孕妇能用吗,请先咨询医生\n")
    put(tmp_path / "山野.evidence.csv", "商品编码,宣称内容,来源,有效期至\nMZ-001,新品榜第3名,榜单截图,2027年6月30日\n")
    put(tmp_path / "山野.shop.csv", "项目,内容\n店铺名称,山野小铺\n政策:发货,48小时内发货\npolicy:returns,7天无理由\nlogo,shan.png\n")

    catalog = read_catalog(main)

    first, second = catalog.products
    assert (first.sku, first.title, first.brand, first.currency) == ("MZ-001", "玻尿酸精华 30ml", "水研", "CNY")
    assert (first.price, first.list_price, first.stock, first.display_order) == (Decimal("89.9"), 129, 1200, 3)
    assert first.aliases == ["小蓝瓶", "精华"] and first.selling_points == ["三重玻尿酸", "清爽"]
    assert first.attributes == {"容量": "30ml", "产地": "上海"}
    assert first.model_extra == {"备注": "直播专供"}
    assert [(v.sku, v.name, v.price, v.stock) for v in first.variants] == [("MZ-001-50", "50ml", 139, 120)]
    promotion = first.promotions[0]
    assert promotion.starts_at == datetime(2026, 11, 20, 20, 0, tzinfo=CHINA_TZ)
    assert promotion.ends_at is not None and promotion.ends_at.isoformat() == "2026-11-20T23:59:59+08:00"
    assert first.faq[0].q == "孕妇能用吗"
    assert first.evidence[0].expires_at == datetime(2027, 6, 30, tzinfo=CHINA_TZ)
    assert second.brand is None and second.list_price is None and second.model_extra == {}
    assert catalog.shop.name == "山野小铺"
    assert catalog.shop.policies == {"shipping": "48小时内发货", "returns": "7天无理由"}
    assert catalog.shop.model_extra == {"logo": "shan.png"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_csv_in_every_encoding_chinese_excel_saves(tmp_path: Path, encoding: str) -> None:
    path = put(tmp_path / "shop.csv", "商品编码,商品名称,类目,价格,库存\nA-1,纯棉短袖T恤（白色）,服饰,59,10\n", encoding)
    [product] = read_catalog(path).products
    assert (product.sku, product.title, product.category) == ("A-1", "纯棉短袖T恤（白色）", "服饰")


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_tab_and_semicolon_separated_files(tmp_path: Path, delimiter: str) -> None:
    text = "sku,title,category,price,stock\nA-1,\"好货, 真的\",食品,9.9,3\n".replace(",", delimiter)
    path = put(tmp_path / "shop.csv", text.replace(f"好货{delimiter} 真的", "好货, 真的"))
    [product] = read_catalog(path).products
    assert (product.title, product.price) == ("好货, 真的", Decimal("9.9"))


def test_blank_rows_are_skipped_and_rows_keep_the_numbers_excel_shows(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", "\n" + HEADER + "A-1,a,食品,1,1\n\n,,,,\n\"A-2\",\"多行\n标题\",食品,1,1\nA-3,c,食品,x,1\n")
    assert problems(path) == [f"shop.csv:7:price: {PRICE_RULE}: 'x'"]


# ---- CSV: what can be wrong -----------------------------------------------------------------------------


def test_every_bad_price_and_stock_is_listed_with_row_and_column(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,八十九,-3\nA-2,b,食品,-1,2.5\nA-3,c,食品,1.234,many\n"
                                               "A-4,d,食品,9.9,7\n")
    assert problems(path) == [
        f"shop.csv:2:price: {PRICE_RULE}: '八十九'",
        f"shop.csv:2:stock: {STOCK_RULE}: '-3'",
        f"shop.csv:3:price: {PRICE_RULE}: '-1'",
        f"shop.csv:3:stock: {STOCK_RULE}: '2.5'",
        f"shop.csv:4:price: {PRICE_RULE}: '1.234'",
        f"shop.csv:4:stock: {STOCK_RULE}: 'many'",
    ]


def test_columns_are_named_as_the_file_writes_them(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", "商品编码,商品名称,类目,价格,库存\nA-1,a,食品,八十九,5\n")
    assert problems(path) == [
        "shop.csv:2:价格: 价格必须是非负数字，最多两位小数 / price must be a non-negative number with at most 2 "
        "decimals: '八十九'"
    ]


def test_error_message_says_nothing_was_imported(tmp_path: Path) -> None:
    error = error_of(put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,x,1\nA-2,b,食品,y,1\nA-3,c,食品,z,1\n"))
    assert error.message == "shop.csv: 3 处问题，未导入任何内容 / 3 problem(s); nothing was imported"
    assert len(error.problems) == 3
    assert str(error).splitlines()[1:] == error.problems


def test_missing_required_columns_are_each_named(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", "sku,title,库存\nA-1,a,5\n")
    assert problems(path) == [
        "shop.csv:1:category: 缺少必填列 category（类目）/ missing required column 'category'",
        "shop.csv:1:price: 缺少必填列 price（价格）/ missing required column 'price'",
    ]


def test_blank_required_cells_and_bad_skus(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", HEADER + ",无编码,食品,1,1\nA 2,,食品,1,1\n")
    assert problems(path) == [
        "shop.csv:2:sku: 商品编码不能为空 / sku is required",
        "shop.csv:3:sku: 商品编码须为1–64个字符，不含空格和“|” / sku must be 1–64 characters without spaces or '|': 'A 2'",
        "shop.csv:3:title: 商品名称不能为空 / title is required",
    ]


def test_duplicate_sku_is_reported_on_each_repeated_row(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,1,1\nA-1,b,食品,1,1\nA-2,c,食品,1,1\nA-1,d,食品,1,1\n")
    assert problems(path) == [
        "shop.csv:3:sku: 商品编码重复 / duplicate sku 'A-1' (first at shop.csv:2)",
        "shop.csv:5:sku: 商品编码重复 / duplicate sku 'A-1' (first at shop.csv:2)",
    ]


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", "\ufeff".encode()])
def test_empty_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "shop.csv"
    path.write_bytes(content)
    assert problems(path) == ["shop.csv:1:-: 文件是空的，没有表头和商品行 / the file is empty: no header, no rows"]


def test_header_only_file_is_a_clear_error(tmp_path: Path) -> None:
    assert problems(put(tmp_path / "shop.csv", HEADER)) == [
        "shop.csv:1:-: 只有表头，没有商品行 / header only: no product rows"
    ]


def test_side_row_for_an_unknown_product_is_an_error(tmp_path: Path) -> None:
    main = put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,1,1\n")
    put(tmp_path / "shop.variants.csv", "product_sku,sku,name,price,stock\nA-1,A-1-L,L,1,1\nNOPE,N-1,M,x,1\n")
    put(tmp_path / "shop.faq.csv", "sku,q,a\nGONE,问,答\n")
    assert problems(main) == [
        "shop.variants.csv:3:product_sku: 没有这个商品 / no product with sku 'NOPE' in shop.csv",
        "shop.variants.csv:3:price: 规格价格必须是非负数字，最多两位小数 / price must be a non-negative number with "
        "at most 2 decimals: 'x'",
        "shop.faq.csv:2:sku: 没有这个商品 / no product with sku 'GONE' in shop.csv",
    ]


def test_variant_skus_must_be_unique_across_the_catalog(tmp_path: Path) -> None:
    main = put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,1,1\nA-2,b,食品,1,1\n")
    put(tmp_path / "shop.variants.csv", "product_sku,sku,name\nA-1,A-2,大号\nA-1,V-1,中号\nA-2,V-1,小号\n")
    assert problems(main) == [
        "shop.variants.csv:2:sku: 规格编码重复 / duplicate sku 'A-2' (first at shop.csv:3)",
        "shop.variants.csv:4:sku: 规格编码重复 / duplicate sku 'V-1' (first at shop.variants.csv:3)",
    ]


def test_promotion_that_ends_before_it_starts(tmp_path: Path) -> None:
    main = put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,1,1\n")
    put(tmp_path / "shop.promotions.csv", "sku,kind,description,starts_at,ends_at\n"
                                          "A-1,flash,秒杀,2026-11-20 20:00,2026-11-20 19:00\nA-1,gift,送,明天,\n")
    assert problems(main) == [
        "shop.promotions.csv:2:ends_at: 结束时间早于开始时间 / ends_at is before starts_at",
        "shop.promotions.csv:3:starts_at: 开始时间不是有效的日期时间（如 2026-11-20 20:00 或 2026-11-20T20:00:00+08:00）"
        "/ starts_at is not a valid date-time (e.g. 2026-11-20 20:00): '明天'",
    ]


def test_header_mistakes(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", "sku,title,category,price,价格,stock,variants,attr:,\n"
                                      "A-1,a,食品,1,1,1,,,stray\n")
    assert problems(path) == [
        "shop.csv:1:价格: 列重复 / duplicate column (same as 'price')",
        "shop.csv:1:variants: “variants”不能作为列；请放在单独的表里 / 'variants' cannot be a column: put variants "
        "in their own sheet or side file",
        "shop.csv:1:attr:: 属性列缺少名称 / attribute column without a name (use attr:<name>)",
    ]


def test_value_in_a_column_without_header(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,1,1,oops\n")
    assert problems(path) == ["shop.csv:2:F: 第 F 列没有表头 / value in column F, which has no header: 'oops'"]


def test_shop_side_file_problems(tmp_path: Path) -> None:
    main = put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,1,1\n")
    put(tmp_path / "shop.shop.csv", "key,value\nname,甲\n店铺名称,乙\npolicy:,空\n,孤儿\n")
    assert problems(main) == [
        "shop.shop.csv:3:key: 项目重复 / duplicate key '店铺名称' (first at shop.shop.csv:2)",
        "shop.shop.csv:4:key: 无效的项目 / invalid key 'policy:' (use name, policy:<kind> or your own)",
        "shop.shop.csv:5:key: 项目不能为空 / key is required",
    ]


def test_importing_a_side_file_by_mistake_names_the_main_file(tmp_path: Path) -> None:
    put(tmp_path / "shop.csv", HEADER + "A-1,a,食品,1,1\n")
    side = put(tmp_path / "shop.variants.csv", "product_sku,sku,name\n")
    assert "import shop.csv instead" in error_of(side).message


# ---- hostile cells --------------------------------------------------------------------------------------


def test_hostile_cells(tmp_path: Path) -> None:
    big = "很长的用法说明" * 1500  # 10,500 characters
    path = put(tmp_path / "shop.csv", "sku,title,category,price,stock,usage,备注\n"
                                      f"A-1,\"控制\x07字符\x00\",食品,1,1,{big},\"=cmd|' /C calc'!A0\"\n")
    [product] = read_catalog(path).products
    assert product.title == "控制字符"  # invisible control characters are removed
    assert product.usage == big  # long text is kept whole
    assert product.model_extra == {"备注": "=cmd|' /C calc'!A0"}  # kept as text, never evaluated


def test_hostile_cells_that_are_refused(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.csv", f"sku,title,category,price,stock,usage\nA-1,{'长' * 10_000},食品,1,1,{'x' * 40_000}\n")
    assert problems(path) == [
        "shop.csv:2:usage: 用法超过 32767 个字符（Excel 单元格上限）/ usage is longer than 32,767 characters "
        "(Excel's cell limit): 40000 characters",
        "shop.csv:2:title: 商品名称最长200个字符 / title is at most 200 characters: '" + "长" * 40 + "…'",
    ]


# ---- files that are not what they claim ------------------------------------------------------------------


def test_unsupported_extension_names_the_file_and_the_supported_ones(tmp_path: Path) -> None:
    error = error_of(put(tmp_path / "shop.txt", HEADER))
    assert "shop.txt" in error.message and ".json" in error.message and ".csv" in error.message
    assert ".xlsx" in error.message and error.problems == []


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    assert len(read_catalog(put(tmp_path / "SHOP.CSV", HEADER + "A-1,a,食品,1,1\n")).products) == 1


def test_missing_file(tmp_path: Path) -> None:
    for name in ("nope.csv", "nope.json", "nope.xlsx"):
        assert name in error_of(tmp_path / name).message


def test_text_renamed_to_xlsx_is_a_clean_error(tmp_path: Path) -> None:
    error = error_of(put(tmp_path / "shop.xlsx", HEADER + "A-1,a,食品,1,1\n"))
    assert error.message.startswith("shop.xlsx 不是有效的 Excel 工作簿（.xlsx）/ shop.xlsx is not a valid Excel workbook")


def test_zip_that_is_not_a_workbook_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "shop.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "is not a valid Excel workbook" in error_of(path).message


def test_old_xls_and_workbook_renamed_to_csv(tmp_path: Path) -> None:
    old = tmp_path / "shop.xlsx"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
    assert "old Excel .xls" in error_of(old).message
    book = Workbook()
    book.save(tmp_path / "book.xlsx")
    (tmp_path / "book.xlsx").rename(tmp_path / "book.csv")
    assert "rename it to .xlsx" in error_of(tmp_path / "book.csv").message


# ---- XLSX as Excel and WPS save it -----------------------------------------------------------------------


def test_xlsx_with_chinese_sheets_and_excel_types(tmp_path: Path) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["这张表是说明，不会被导入"])
    products = book.create_sheet("商品")
    products.append(["商品编码", "商品名称", "类目", "价格", "库存", "链接序号", "属性:重量"])
    products.append([10001, "坚果礼盒", "食品", 89.9, 500.0, 1, 1.5])
    products.append([None, None, None, None, None, None, None])
    products.append(["SP-2", "牛肉干", "食品", 59, 20, 2, None])
    promotions = book.create_sheet("促销")
    promotions.append(["商品编码", "促销类型", "促销内容", "开始时间", "结束时间"])
    promotions.append(["10001", "flash", "限时秒杀", datetime(2026, 11, 20, 20, 0), "2026-11-20T22:00:00+08:00"])
    book.create_sheet("店铺").append(["项目", "内容"])
    book["店铺"].append(["name", "山野小铺"])
    path = tmp_path / "shop.xlsx"
    book.save(path)

    catalog = read_catalog(path)

    first, second = catalog.products
    assert (first.sku, first.price, first.stock, first.display_order) == ("10001", Decimal("89.9"), 500, 1)
    assert first.attributes == {"重量": "1.5"}
    assert first.promotions[0].starts_at == datetime(2026, 11, 20, 20, 0, tzinfo=CHINA_TZ)
    assert second.sku == "SP-2" and catalog.shop.name == "山野小铺"


def test_xlsx_numbers_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "shop.xlsx"
    excel_like_xlsx(path, [["sku", "title", "category", "price", "stock", "attr:重量", "备注"],
                           ["A-1", "a", "食品", 19.9 * 3, 500.0, 1.1 * 3, 0.1 + 0.2]])
    [product] = read_catalog(path).products
    assert (product.price, product.stock) == (Decimal("59.7"), 500)  # Excel shows 59.7, stores 59.699999999999996
    assert product.attributes == {"重量": "3.3"}
    assert product.model_extra == {"备注": 0.3}  # an extra field keeps its type: a number


def test_xlsx_problems_name_the_sheet(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "products"
    sheet.append(["sku", "title", "category", "价格", "stock"])
    sheet.append(["A-1", "a", "食品", 1.234, 2.5])
    sheet.append(["A-2", "b", "食品", "八十九", -3])
    variants = book.create_sheet("规格")
    variants.append(["product_sku", "sku", "name", "stock"])
    variants.append(["A-1", "A-1-L", "L", "many"])
    path = tmp_path / "shop.xlsx"
    book.save(path)
    assert problems(path) == [
        f"shop.xlsx[products]:2:价格: {PRICE_RULE}: 1.234",
        f"shop.xlsx[products]:2:stock: {STOCK_RULE}: 2.5",
        f"shop.xlsx[products]:3:价格: {PRICE_RULE}: '八十九'",
        f"shop.xlsx[products]:3:stock: {STOCK_RULE}: -3",
        "shop.xlsx[规格]:2:stock: 规格库存必须是非负整数 / stock must be a whole number ≥ 0: 'many'",
    ]


def test_two_sheets_for_one_table_and_no_products_sheet(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "variants"
    book.create_sheet("规格")
    path = tmp_path / "Shop.XLSX"
    book.save(path)
    assert problems(path) == ["Shop.XLSX[规格]:1:-: 与工作表“variants”重复 / a second variants sheet (the first is "
                              "'variants')"]
    del book["规格"]
    book.save(path)
    assert "has no products sheet" in error_of(path).message


def test_empty_workbook_sheet(tmp_path: Path) -> None:
    book = Workbook()
    path = tmp_path / "shop.xlsx"
    book.save(path)
    assert problems(path) == ["shop.xlsx[Sheet]:1:-: 文件是空的，没有表头和商品行 / the file is empty: no header, no rows"]


# ---- JSON -----------------------------------------------------------------------------------------------


def test_json_with_bom_and_unknown_fields(tmp_path: Path) -> None:
    document = {"version": 2, "products": [{"sku": "A-1", "title": "a", "category": "食品", "price": 89.9,
                                            "stock": 1, "colour": {"main": "红"}}]}
    path = tmp_path / "shop.json"
    path.write_bytes(json.dumps(document, ensure_ascii=False).encode("utf-8-sig"))
    catalog = read_catalog(path)
    assert isinstance(catalog, Catalog) and catalog.model_extra == {"version": 2}
    assert catalog.products[0].model_extra == {"colour": {"main": "红"}}
    assert catalog.products[0].price == Decimal("89.9")


def test_broken_json_gives_line_and_column(tmp_path: Path) -> None:
    path = put(tmp_path / "shop.json", '{"products": [\n  {"sku": "A-1"\n  "title": "a"}\n]}\n')
    assert problems(path) == ["shop.json:3:3: JSON 格式错误 / invalid JSON: Expecting ',' delimiter"]


@pytest.mark.parametrize("text", ['[{"sku": "A-1"}]', '{"shop": {}}', '{"products": {"sku": "A-1"}}', '"x"'])
def test_json_that_is_not_a_catalog_object(tmp_path: Path, text: str) -> None:
    [problem] = problems(put(tmp_path / "shop.json", text))
    assert problem.startswith('shop.json:1:1: 顶层必须是含 "products" 列表的对象 / the top level must be an object')


def test_json_problems_are_placed_by_path_and_all_listed(tmp_path: Path) -> None:
    ok = {"sku": "A-1", "title": "a", "category": "食品", "price": 1, "stock": 1}
    document = {
        "shop": {"name": "", "policies": {"returns": ""}},
        "products": [
            {**ok, "price": "八十九"},
            {**ok, "sku": "A-2", "stock": -3, "variants": [{"sku": "A-2-L", "name": "L", "stock": 2.5}]},
            "not a product",
            {**ok, "sku": "A-3", "attributes": {"容量": ""}, "promotions": [
                {"kind": "gift", "description": "送", "starts_at": "2026-11-20T20:00:00+08:00",
                 "ends_at": "2026-11-19T20:00:00+08:00"}]},
            {**ok, "price": NAN_MARK},
            {**ok, "sku": "A-5", "variants": [{"sku": "A-1", "name": "重名"}]},
        ],
    }
    text = json.dumps(document, ensure_ascii=False).replace(f'"{NAN_MARK}"', "NaN")
    assert problems(put(tmp_path / "shop.json", text)) == [
        "shop.json:products[5]:price: NaN/Infinity 不是数字 / NaN and Infinity are not valid numbers",
    ]
    text = json.dumps(document, ensure_ascii=False).replace(f'"{NAN_MARK}"', "2")
    assert problems(put(tmp_path / "shop.json", text)) == [
        "shop.json:shop:name: 店铺名称不能为空 / name is required",
        "shop.json:shop:policies.returns: 政策“returns”不能为空 / policy 'returns' is required",
        f"shop.json:products[1]:price: {PRICE_RULE}: '八十九'",
        f"shop.json:products[2]:stock: {STOCK_RULE}: -3",
        "shop.json:products[2].variants[1]:stock: 规格库存必须是非负整数 / stock must be a whole number ≥ 0: 2.5",
        "shop.json:products[3]:-: 商品必须是对象 / a product must be a JSON object, got str",
        "shop.json:products[4]:attributes.容量: 属性“容量”不能为空 / attribute '容量' is required",
        "shop.json:products[4].promotions[1]:ends_at: 结束时间早于开始时间 / ends_at is before starts_at",
        "shop.json:products[5]:sku: 商品编码重复 / duplicate sku 'A-1' (first at products[1])",
        "shop.json:products[6].variants[1]:sku: 规格编码重复 / duplicate sku 'A-1' (first at products[1])",
    ]


NAN_MARK = "__nan__"
