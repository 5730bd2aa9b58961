"""A small catalog for tests: three products of two categories with the cases answers must get right
(an alias shared by two products, a sold-out variant, a promotion window, an expired evidence, a FAQ
about pregnancy, a list price). Built fresh on every call, so tests may change it."""

from __future__ import annotations

from typing import Any

from cohost.domain import Catalog


def sample_catalog_json() -> dict[str, Any]:
    return {
        "shop": {"name": "测试小铺", "policies": {
            "shipping": "48小时内从浙江杭州发货，默认中通，偏远地区（新疆、西藏）不包邮",
            "returns": "支持7天无理由退货，食品类拆封后不支持",
            "warranty": "数码产品一年质保",
        }},
        "products": [
            {"sku": "MZ-001", "title": "玻尿酸保湿精华液 30ml", "category": "美妆护肤", "brand": "水研",
             "price": 89.0, "list_price": 129.0, "stock": 500, "display_order": 1,
             "aliases": ["小蓝瓶", "精华"],
             "attributes": {"容量": "30ml", "适用肤质": "所有肤质", "保质期": "3年", "产地": "上海"},
             "selling_points": ["添加三重玻尿酸", "质地清爽不黏腻"],
             "usage": "洁面后取2-3滴，轻拍至吸收", "cautions": "敏感肌请先在耳后试用",
             "variants": [{"sku": "MZ-001-50", "name": "50ml", "price": 139.0, "stock": 120}],
             "promotions": [{"kind": "gift", "description": "下单送5ml小样一支",
                             "starts_at": "2026-11-20T20:00:00+08:00", "ends_at": "2026-11-20T23:59:59+08:00"}],
             "faq": [{"q": "孕妇能用吗", "a": "成分温和，但孕期请先咨询医生"}],
             "evidence": [{"claim": "2025年天猫精华类目新品榜第3名", "source": "天猫新品榜截图 2025-06",
                           "expires_at": "2026-06-30T23:59:59+08:00"}]},
            {"sku": "MZ-002", "title": "烟酰胺焕亮精华 30ml", "category": "美妆护肤", "brand": "水研",
             "price": 99.0, "stock": 0, "display_order": 2, "aliases": ["小白瓶", "精华"],
             "attributes": {"容量": "30ml", "主要成分": "烟酰胺、甘油"}},
            {"sku": "FS-001", "title": "纯棉短袖T恤", "category": "服饰", "brand": "棉季", "price": 59.0,
             "stock": 30, "display_order": 3, "attributes": {"面料": "棉100%", "颜色": "黑色、白色"},
             "variants": [{"sku": "FS-001-M", "name": "M", "stock": 0}, {"sku": "FS-001-L", "name": "L", "stock": 18},
                          {"sku": "FS-001-XL", "name": "XL", "stock": 12}],
             "faq": [{"q": "起球吗", "a": "正常穿着不易起球，建议反面洗涤"}]},
        ],
    }


def sample_catalog() -> Catalog:
    return Catalog.model_validate(sample_catalog_json())
