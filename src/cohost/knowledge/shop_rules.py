"""Shop rules asked by a detail: "运费险赔多少钱", "7天从哪天开始算", "可以换几次码", "拍错码了怎么办" name no
policy kind a cue knows, but their words are the words of one after-sales rule ("下单赠运费险…最高赔付12元",
"自签收次日起算", "每单限换一次", "拍错尺码请…私信客服"). That rule answers when it holds nearly every content
character of the question, shares a word with it ("拍错", "运费", "换…次") and clearly holds more than any other
rule (characters rare among the shop's rules weigh more). The rule's own sentence is said; nothing is derived.

    detail_rule("可以换几次码", [("shop.policy:exchange", "…每单限换一次。"), …])   # → 0

A rule found by its kind answers only when it covers the detail asked (``policy_covers``): the carrier, the
place, the time to arrive, the day chosen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

# an after-sales detail: what a shop rule (not a product) settles
_AFTER_SALES = re.compile(r"拍错|退|换|运费|发票|开票|客服|差价|签收|无理由|\d+天|[七十]天|赔|保价|价保|售后|质保|保修|改地址")
# function words and characters that carry no content in a question
_FUNCTION_WORDS = re.compile(r"开始|怎么算|如何|的话|一下|可不可以|能不能|是不是|有没有|多少钱|多少")
_STOP = frozenset("吗呢啊呀吧嘛哦哈啦的了着过是在有没不可以能会要想请问下怎么么样什啥多少几哪个这那我你他她它们就还也都和跟与"
                  "从办呗给让把被对很太再又才只如何为谁宝子亲家人主播一")
_CONTENT = re.compile(r"[\u4e00-\u9fff0-9]")


def _content(text: str) -> list[str]:
    return [c for c in dict.fromkeys(_CONTENT.findall(_FUNCTION_WORDS.sub(" ", text))) if c not in _STOP]


def _pairs(text: str) -> set[str]:
    """Adjacent and one-apart character pairs ("换几次" → 换几, 几次, 换次)."""
    return {text[i] + text[j] for i in range(len(text)) for j in (i + 1, i + 2) if j < len(text)}


def detail_rule(text: str, rules: Sequence[tuple[str, str]]) -> int | None:
    """Index of the one rule (id, text) that the question's after-sales details point at, else None."""
    if not rules or _AFTER_SALES.search(text) is None:
        return None
    chars = _content(text)
    if len(chars) < 2:
        return None
    df = {c: sum(1 for _, value in rules if c in value) for c in chars}
    asked = {p for p in _pairs(text) if p[0] in chars and p[1] in chars}
    scored: list[tuple[float, int, int, int]] = []
    for i, (_, value) in enumerate(rules):
        holds = [c for c in chars if c in value]
        shared = asked & _pairs(value)
        weight = sum(math.log(1 + len(rules) / df[c]) for c in holds) + len(shared)
        scored.append((weight, len(holds), len(shared), i))
    scored.sort(reverse=True)
    score, held, words, index = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if held * 4 < len(chars) * 3 or not words:
        return None  # what is asked is not all in that rule
    if second and score < 1.25 * second:
        return None  # two rules speak to it alike
    return index


# details a shipping rule must name to answer them: a carrier ("能发顺丰吗"), a place ("能发香港吗" ↔ 港澳台)
_CARRIER = re.compile(r"顺丰|京东|中通|圆通|韵达|申通|极兔|邮政|ems|德邦|菜鸟|百世|dhl|fedex|ups")
_PLACES: dict[str, tuple[str, ...]] = {
    "香港": ("香港", "港澳"), "澳门": ("澳门", "港澳"), "台湾": ("台湾", "港澳台"), "港澳": ("港澳",),
    "海外": ("海外", "国外", "境外"), "国外": ("海外", "国外", "境外"), "境外": ("海外", "国外", "境外"),
    "新疆": ("新疆", "偏远"), "西藏": ("西藏", "偏远"), "青海": ("青海", "偏远"), "内蒙": ("内蒙", "偏远"),
    "海南": ("海南", "偏远"), "宁夏": ("宁夏", "偏远"), "甘肃": ("甘肃", "偏远"), "偏远": ("偏远",),
}
_ABROAD = ("海外", "国外", "境外", "国际")
_PLACES.update({country: (country, *_ABROAD) for country in (
    "新加坡", "澳洲", "澳大利亚", "美国", "日本", "韩国", "加拿大", "英国", "马来西亚", "泰国", "欧洲", "德国", "法国",
    "新西兰", "越南", "菲律宾", "俄罗斯", "意大利", "西班牙", "印尼", "迪拜")})
_PLACE = re.compile("|".join(_PLACES))
# "几天能到", "多久能收到": the time to arrive, which a rule saying only when it dispatches does not tell
_ARRIVAL_ASKED = re.compile(r"(几天|多久|多长时间|什么时候|啥时候|哪天|几号)(能|可以|才|就)?(到|收到|送到|送达|到货)|"
                            r"(到货|送达|收到)(要|需要)?(几天|多久)")
_ARRIVAL_SAID = re.compile(r"([\d一二三四五六七八九十]+\s*(个)?(天|日|工作日|小时)).{0,6}(到|送达|收到|签收)|"
                           r"(到|送达|收到|签收).{0,8}[\d一二三四五六七八九十]+\s*(个)?(天|日|工作日)|次日达|隔日达|当日达|当天到|次日到")
# "能指定下周六送到吗", "明天能送到吗": a chosen day, which only a rule about appointed delivery answers
_DAY_ASKED = re.compile(r"(指定|预约|约).{0,8}(送|到|配送|时间|日期)|(下?周[一二三四五六日天末]|明天|后天|今天|大后天|\d+号|\d+月\d+).{0,4}"
                        r"(送|到货|能到|送达|到吗|收到)")
_DAY_SAID = re.compile(r"指定|预约|定时|次日达|当日达")


# "几点前下单当天发", "截单时间": a cut-off hour, which a rule saying only "48小时内发货" does not tell
_CUTOFF_ASKED = re.compile(r"几点(之|以)?前|截单|当天(能|可以|就)?发|当日(能|可以|就)?发|今天(能|可以|就)?发")
_CUTOFF_SAID = re.compile(r"[\d一二三四五六七八九十]+\s*(点|:|：)\d*.{0,6}(前|之前|以前)|截单|当天发|当日发")
# a thing a rule must name to answer it: "退货地址是哪", "客服电话多少"
_THING_ASKED = re.compile(r"地址|电话|邮箱|手机号|微信")


def policy_covers(text: str, value: str) -> bool:
    """Does a shop rule speak to the detail asked: the carrier named ("能发顺丰吗"; of "韵达还是中通", one of
    them), the place named ("能发香港吗" ↔ 港澳台), a cut-off hour, an address? A rule that names neither
    answers a different question."""
    low = value.lower()
    if _ARRIVAL_ASKED.search(text) and not _ARRIVAL_SAID.search(low):
        return False
    if _DAY_ASKED.search(text) and not _DAY_SAID.search(low):
        return False
    if _CUTOFF_ASKED.search(text) and not _CUTOFF_SAID.search(low):
        return False
    if any(m.group(0) not in low for m in _THING_ASKED.finditer(text)):
        return False
    carriers = [m.group(0) for m in _CARRIER.finditer(text.lower())]
    if carriers and re.search(r"还是|或者|或是|哪个|哪家", text):
        if not any(c in low for c in carriers):  # "韵达还是中通": the rule names the one it ships by
            return False
    elif any(c not in low for c in carriers):
        return False
    return all(any(word in low for word in _PLACES[m.group(0)]) for m in _PLACE.finditer(text))


# after-sales matters a shop rule of their own answers, whatever the intent read: the rule's key and its cue
_RULE_ASKED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("price_protection", re.compile(r"补差价|退差价|保价|价保|差价(能|可以)?(补|退)|(买|拍)(完|了|之后|后).{0,6}降价|降价了?(怎么办|咋办|能|可以|补|退)|"
                                    r"买贵了|price protection")),
    ("invoice", re.compile(r"发票|开票|invoice")),
    # installation as a service the shop gives ("包安装吗", "上门安装多少钱", "能上门装吗"), not how to assemble it
    ("installation", re.compile(r"包(安装|组装|上门)|(上门|师傅|送货|送装|免费)(来)?(安装|装|组装)|(安装|组装)(费|的费用)|"
                                r"(安装|组装)(要|需要|另外|另)?(收费|收钱|加钱|付费|多少钱|几块钱|怎么收费|免费)")),
    ("customer_service", re.compile(r"售后找谁|找谁(售后|处理|退|换)|客服.{0,6}(几点|时间|在线|上班|下班|有人|休息)|"
                                    r"(几点|晚上|早上|半夜|凌晨|周末|节假日).{0,8}客服|客服.{0,4}(电话|怎么联系|在哪)")),
)
_EXCHANGED = re.compile(r"换(货|码|尺码|个码|颜色|个颜色|色|款|大|小|一|成|个|吗|么|不|下)|调换|能换|可以换|可换|包换(?!新)|"
                        r"换.{1,6}(可以|行|能)(吗|么|不)|exchange")


def rule_asked(text: str) -> str | None:
    """The shop rule a question asks for by its own matter ("发票怎么开" → invoice, "买完降价了怎么办" →
    price_protection, "晚上11点还有客服吗" → customer_service), or None."""
    return next((key for key, cue in _RULE_ASKED if cue.search(text)), None)


_PART_SWAPPED = re.compile(r"换(向|挡|档|电池|滤|刷头|头|洗|季)|更换|替换|(电池|刀头|刷头|滤芯|配件|零件|喷嘴|头|芯|盖|带|垫|套|线).{0,3}换")


def part_swapped(text: str) -> bool:
    """"电池能换吗", "刷头多久换": a part of the product replaced, no after-sales exchange."""
    return _PART_SWAPPED.search(text) is not None and "退" not in text


def exchange_asked(text: str) -> bool:
    """"颜色不喜欢可以换吗", "尺码不合适能换吗": an exchange, not a return (no 退 asked)."""
    return _EXCHANGED.search(text) is not None and "退" not in text and _PART_SWAPPED.search(text) is None


def place_asked(text: str) -> bool:
    """Does the question name a place a shipping rule may cover ("台湾能买吗", "能寄新加坡吗")?"""
    return _PLACE.search(text) is not None
