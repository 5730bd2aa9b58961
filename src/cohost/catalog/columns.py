"""Column and sheet names of the row formats (CSV and XLSX, formats.md §1).

Every table has canonical English headers (what Cohost writes) and Chinese aliases (what merchants
often write). Headers are matched after NFKC folding, case-folding and turning spaces and hyphens into
``_``, so ``List Price``, ``list-price`` and ``ｌｉｓｔ＿ｐｒｉｃｅ`` all mean ``list_price``.

In the products table ``attr:<name>`` (or ``属性:<name>``) is one attribute per column; any other
unknown header is kept as an extra product field of that name (a string) and written out again.
Unknown headers in the other tables become extra fields of their records the same way.

The shop table is a key/value list (``key, value``): ``name``, ``policy:<kind>`` and extra keys. It is
an optional extension of formats.md: CSV has no row for the shop otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

TargetKind = Literal["field", "attr", "extra"]

ATTR_PREFIXES = ("attr:", "属性:")
POLICY_PREFIXES = ("policy:", "政策:")
SHOP_NAME_KEYS = ("name", "店铺名称", "店名", "店铺")
# Chinese policy kinds written with the Chinese prefix map onto the kinds the knowledge base expects.
POLICY_KINDS_ZH = {"发货": "shipping", "物流": "shipping", "退货": "returns", "退换货": "returns",
                   "退换": "returns", "质保": "warranty", "保修": "warranty"}


@dataclass(frozen=True)
class TableSpec:
    """One table of the row formats: its canonical columns, aliases and names."""

    kind: str
    record: str  # 商品, 规格, … used in messages
    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, str]
    labels: dict[str, str]  # canonical column -> Chinese label, for messages
    sheet_names: tuple[str, ...]
    link: str | None = None  # the column naming the product a side row belongs to
    reserved: tuple[str, ...] = ()  # names that must not be used as extra columns
    lookup: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = {fold(name): name for name in self.columns}
        table.update({fold(alias): name for alias, name in self.aliases.items()})
        object.__setattr__(self, "lookup", table)

    def label(self, key: str) -> str:
        """The Chinese name of a column key (``price``, ``attr:容量``), for messages."""
        if key.startswith("attr:"):
            return f"属性“{key[5:]}”"
        if key.startswith("policy:"):
            return f"政策“{key[7:]}”"
        return self.labels.get(key, key)


_SPACES = re.compile(r"[\s\-]+")


def fold(name: str) -> str:
    """The form headers and sheet names are compared in."""
    text = unicodedata.normalize("NFKC", name).strip().casefold()
    text = re.sub(r"\s*:\s*", ":", text)
    return _SPACES.sub("_", text)


def strip_prefix(name: str, prefixes: tuple[str, ...]) -> str | None:
    """The rest of ``name`` (as written) after one of ``prefixes`` (``attr：`` counts too), or None."""
    text = name.strip()
    for prefix in prefixes:
        head = unicodedata.normalize("NFKC", text[: len(prefix)]).casefold()
        if head == prefix:
            return text[len(prefix):].strip()
    return None


PRODUCTS = TableSpec(
    kind="products",
    record="商品",
    columns=("sku", "title", "category", "brand", "price", "list_price", "currency", "stock", "aliases",
             "selling_points", "usage", "cautions", "display_order"),
    required=("sku", "title", "category", "price", "stock"),
    aliases={"商品编码": "sku", "货号": "sku", "商品货号": "sku", "商品名称": "title", "商品标题": "title",
             "标题": "title", "类目": "category", "商品类目": "category", "分类": "category", "品牌": "brand",
             "价格": "price", "售价": "price", "直播价": "price", "原价": "list_price", "划线价": "list_price",
             "币种": "currency", "货币": "currency", "库存": "stock", "库存数量": "stock", "别名": "aliases",
             "卖点": "selling_points", "用法": "usage", "使用方法": "usage", "注意事项": "cautions",
             "链接序号": "display_order", "链接号": "display_order"},
    labels={"sku": "商品编码", "title": "商品名称", "category": "类目", "brand": "品牌", "price": "价格",
            "list_price": "原价", "currency": "币种", "stock": "库存", "aliases": "别名",
            "selling_points": "卖点", "usage": "用法", "cautions": "注意事项", "display_order": "链接序号"},
    sheet_names=("products", "商品"),
    reserved=("attributes", "variants", "promotions", "faq", "evidence"),
)

VARIANTS = TableSpec(
    kind="variants",
    record="规格",
    columns=("product_sku", "sku", "name", "price", "stock"),
    required=("product_sku", "sku", "name"),
    aliases={"商品编码": "product_sku", "规格编码": "sku", "规格sku": "sku", "规格名称": "name", "规格": "name",
             "名称": "name", "价格": "price", "规格价格": "price", "库存": "stock"},
    labels={"product_sku": "商品编码", "sku": "规格编码", "name": "规格名称", "price": "规格价格",
            "stock": "规格库存"},
    sheet_names=("variants", "规格"),
    link="product_sku",
)

PROMOTIONS = TableSpec(
    kind="promotions",
    record="促销",
    columns=("sku", "kind", "description", "starts_at", "ends_at"),
    required=("sku", "kind", "description"),
    aliases={"商品编码": "sku", "类型": "kind", "促销类型": "kind", "内容": "description",
             "促销内容": "description", "说明": "description", "描述": "description",
             "开始时间": "starts_at", "结束时间": "ends_at"},
    labels={"sku": "商品编码", "kind": "促销类型", "description": "促销内容", "starts_at": "开始时间",
            "ends_at": "结束时间"},
    sheet_names=("promotions", "促销"),
    link="sku",
)

FAQS = TableSpec(
    kind="faq",
    record="常见问题",
    columns=("sku", "q", "a"),
    required=("sku", "q", "a"),
    aliases={"商品编码": "sku", "问题": "q", "回答": "a", "答案": "a"},
    labels={"sku": "商品编码", "q": "问题", "a": "回答"},
    sheet_names=("faq", "常见问题"),
    link="sku",
)

EVIDENCE = TableSpec(
    kind="evidence",
    record="证明材料",
    columns=("sku", "claim", "source", "expires_at"),
    required=("sku", "claim", "source"),
    aliases={"商品编码": "sku", "宣称": "claim", "宣称内容": "claim", "说法": "claim", "来源": "source",
             "出处": "source", "证明": "source", "有效期至": "expires_at", "到期时间": "expires_at",
             "过期时间": "expires_at"},
    labels={"sku": "商品编码", "claim": "宣称内容", "source": "来源", "expires_at": "有效期至"},
    sheet_names=("evidence", "证明材料"),
    link="sku",
)

SHOP = TableSpec(
    kind="shop",
    record="店铺",
    columns=("key", "value"),
    required=("key", "value"),
    aliases={"项目": "key", "键": "key", "内容": "value", "值": "value"},
    labels={"key": "项目", "value": "内容", "name": "店铺名称"},
    sheet_names=("shop", "店铺"),
)

SIDE_TABLES = (VARIANTS, PROMOTIONS, FAQS, EVIDENCE)
ALL_TABLES = (PRODUCTS, *SIDE_TABLES, SHOP)


@dataclass(frozen=True, slots=True)
class Column:
    """One resolved header cell: where it is, what it means, and how the file wrote it."""

    index: int
    kind: TargetKind
    key: str  # canonical field, attr name or extra name
    header: str  # as written in the file

    @property
    def ref(self) -> str:
        """The key messages and origin maps use: ``price``, ``attr:容量`` or the extra's name."""
        return f"attr:{self.key}" if self.kind == "attr" else self.key


def resolve(spec: TableSpec, name: str) -> tuple[TargetKind, str] | None:
    """What a header means in ``spec``'s table; None for a blank header."""
    text = name.strip()
    if not text:
        return None
    canonical = spec.lookup.get(fold(text))
    if canonical is not None:
        return "field", canonical
    if spec is PRODUCTS:
        attr = strip_prefix(text, ATTR_PREFIXES)
        if attr is not None:
            return "attr", attr
    return "extra", text


def excel_letter(index: int) -> str:
    """Excel's column letter for a 0-based index: 0 → A, 26 → AA."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_kind(name: str) -> TableSpec | None:
    """The table a sheet name stands for, if any."""
    folded = fold(name)
    for spec in ALL_TABLES:
        if folded in (fold(n) for n in spec.sheet_names):
            return spec
    return None
