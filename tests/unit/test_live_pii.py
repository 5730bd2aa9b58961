"""PII masking of live comments (compliance.md §9.3): every common spelling, checksums, and no false alarms
on prices, counts and order numbers."""

from __future__ import annotations

import pytest

from cohost.live import pii


@pytest.mark.parametrize("text", [
    "电话13812345678帮我改地址",
    "电话138 1234 5678",
    "电话138-1234-5678",
    "手机号１３８１２３４５６７８",
    "一三八一二三四五六七八 打我",
    "幺三八 一二三四 五六七八",
    "+86 138 1234 5678",
    "138.1234.5678",
    "13８1２3４5６7８",
])
def test_mobile_numbers_in_every_common_spelling_are_masked(text: str) -> None:
    masked, kinds = pii.mask(text)
    assert kinds == ("mobile",)
    assert "138****5678" in masked
    assert "1234" not in masked and "一二三四" not in masked


def test_id_card_masked_with_checksum_confidence() -> None:
    valid = "440306199003071232"  # compliance.md T49: the valid form
    invalid = "440306199003071235"  # format only, checksum wrong: still masked (medium)
    assert pii.id_checksum_ok(valid) and not pii.id_checksum_ok(invalid)
    for number, confidence in [(valid, "high"), (invalid, "medium")]:
        found = pii.detect(f"身份证{number}")
        assert [(d.kind, d.confidence) for d in found] == [("id_card", confidence)]
        assert pii.mask(f"身份证{number}")[0] == f"身份证440306********{number[-4:]}"


def test_bank_card_needs_luhn_or_card_context_and_an_order_number_is_not_a_card() -> None:
    card = "6222021234567890128"
    assert pii.luhn_ok(card)
    assert pii.mask(f"退款到{card}") == ("退款到6222 **** **** 0128", ("bank_card",))
    assert pii.mask("我的卡 6222 0212 3456 7890 128")[1] == ("bank_card",)
    # T51: an order number is not a bank card, even a 16-digit one
    assert pii.mask("订单号2024061812345678怎么还没发货") == ("订单号2024061812345678怎么还没发货", ())
    assert pii.mask(f"订单号{card}")[1] == ()
    # Luhn fails, no card context: a number, not a card
    assert pii.mask("编码 1234567890123456")[1] == ()


def test_address_name_wechat_qq_email() -> None:
    masked, kinds = pii.mask("地址浙江省杭州市西湖区文三路100号3单元502，收件人张三")
    assert masked == "地址浙江省杭州市****，收件人张*"
    assert kinds == ("address", "name")
    assert pii.mask("加我vx: abc_12345 便宜")[0] == "加我vx: [联系方式已隐藏] 便宜"
    assert pii.mask("薇信 shop_deal88")[1] == ("wechat",)
    assert pii.mask("qq 123456789")[1] == ("qq",)
    assert pii.mask("扣扣：987654321")[1] == ("qq",)
    assert pii.mask("邮箱 test.user@qq.com") == ("邮箱 t***@qq.com", ("email",))


@pytest.mark.parametrize("text", [
    "1388太贵了，138行不行",  # T53: prices
    "3号链接有M码吗", "这个多少钱", "杭州市西湖区能送到吗", "我叫你一声你敢答应吗",
    "2024年11月20日买的", "价格是13800元吗", "买了5件，订单20件", "第一步先洗脸", "宝宝8个月了",
])
def test_ordinary_comments_are_left_alone(text: str) -> None:
    assert pii.mask(text) == (text, ())


def test_several_kinds_in_one_comment_do_not_overlap() -> None:
    text = "身份证110105199001011232 电话13912345678 卡号6222021234567890128"
    masked, kinds = pii.mask(text)
    assert kinds == ("mobile", "id_card", "bank_card")
    assert "199001" not in masked and "1234 5678" not in masked and "9012345678" not in masked


def test_hostile_input_is_handled() -> None:
    # patterns are linear (no nested quantifiers), so these finish; pytest-timeout catches a regression
    digits = "1" * 100_000
    masked, kinds = pii.mask(digits)
    assert kinds == () and masked == digits  # one long digit run is not a phone number
    junk = "".join(chr(c) for c in range(0x20, 0x3000)) * 3
    assert len(pii.mask(junk)[0]) >= len(junk) - 200
    assert isinstance(pii.mask("号" * 50_000 + "省市区路")[0], str)  # junk may be masked: safe side
    spaced = "电话 138 1234 5678，" * 2000  # thousands of phone numbers in one comment
    assert pii.mask(spaced)[1] == ("mobile",)
