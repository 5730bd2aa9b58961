"""Phrasings: several wordings per sentence kind, rotated so a question asked twenty times in a minute
does not get twenty identical answers.

Constraints: a template holds no digit, price, date or product word of its own; every slot is filled
from a fact (or the product's name) by ``answers``. Rotation is deterministic for a given seed and call
order (a counter per sentence kind), so tests and benches are repeatable.
"""

from __future__ import annotations

import threading
from collections import defaultdict

_T: dict[str, dict[str, list[str]]] = {
    "open": {"zh": ["", "宝子，", "亲，", "", "家人们，", "姐妹，"], "en": ["", "Hi! ", ""]},
    "price": {"zh": ["{name}现在是{price}元。", "{name}直播间价格{price}元哦。", "这款{name}现价{price}元。",
                     "{name}的价格是{price}元～"],
              "en": ["{name} is {price} yuan now.", "The price of {name} is {price} yuan."]},
    "variant_price": {"zh": ["{variant}是{price}元。", "{variant}的价格是{price}元。", "{variant}这个规格{price}元。"],
                      "en": ["{variant} is {price} yuan."]},
    "variant_same_price": {"zh": ["{variant}也是{price}元。", "{variant}同样是{price}元。"],
                           "en": ["{variant} is also {price} yuan."]},
    "other_variant_price": {"zh": ["另外{variant}是{price}元。", "{variant}规格是{price}元。"],
                            "en": ["{variant} is {price} yuan."]},
    "list_price": {"zh": ["商家标注的原价是{list_price}元，直播间现价{price}元。",
                          "原价（商家标注）{list_price}元，现在是{price}元。"],
                   "en": ["The merchant's reference price is {list_price} yuan; it is {price} yuan now."]},
    "promo_tail": {"zh": ["现在还有活动：{promo}。", "正在进行的活动：{promo}。", "另外现在{promo}。"],
                   "en": ["Current offer: {promo}."]},
    "promo": {"zh": ["{name}现在的活动：{promo}。", "正在进行的优惠：{promo}。", "这款现在有活动哦：{promo}。"],
              "en": ["Current offer for {name}: {promo}."]},
    "sold_out_tail": {"zh": ["不过目前已经售罄了。", "不过现在已经卖完了。"],
                      "en": ["But it is sold out right now."]},
    "in_stock": {"zh": ["{name}还有货，库存{stock}件。", "有货的，{name}目前还有{stock}件。", "{name}现在库存{stock}件，可以拍。"],
                 "en": ["{name} is in stock: {stock} left."]},
    "sold_out": {"zh": ["{name}已经售罄了。", "{name}现在卖完了，暂时没货。", "抱歉，{name}目前没货了。"],
                 "en": ["Sorry, {name} is sold out."]},
    "variant_in_stock": {"zh": ["{variant}还有货，库存{stock}件。", "{variant}有的，还剩{stock}件。", "{variant}目前还有{stock}件。"],
                         "en": ["{variant} is in stock: {stock} left."]},
    "variant_sold_out": {"zh": ["{variant}没货了。", "{variant}已经售罄了。", "{variant}暂时卖完了。"],
                         "en": ["{variant} is sold out."]},
    "others_in_stock": {"zh": ["{variants}还有货。", "可以看看{variants}，还有货。"], "en": ["{variants} still in stock."]},
    "restock_unknown": {"zh": ["补货时间我这边暂时没有确切信息。"], "en": ["I have no restock date."]},
    "variant_exists": {"zh": ["有{variant}的。", "{variant}有的哦。"], "en": ["Yes, {variant} is available."]},
    # a variant the product has but has sold out: one sentence, never "有…的。…没货了。"
    "variant_exists_sold_out": {"zh": ["有{variant}这款，不过目前已经售罄了。", "{variant}这款是有的，但现在卖完了。"],
                                "en": ["There is a {variant} version, but it is sold out right now."]},
    "axis_list": {"zh": ["{subject}有{values}可以选。", "{subject}有{values}。"],
                  "en": ["{subject} comes in {values}."]},
    "variant_list": {"zh": ["{name}可选：{variants}。", "这款有这些规格：{variants}。", "{name}有{variants}可以选。"],
                     "en": ["{name} comes in: {variants}."]},
    "fact": {"zh": ["{name}的{label}是{value}。", "{label}：{value}。", "这款{label}是{value}哦。"],
             "en": ["{label} of {name}: {value}."]},
    "text": {"zh": ["{value}", "{value}"], "en": ["{value}"]},
    "points": {"zh": ["{name}的特点：{value}。", "说说{name}：{value}。"], "en": ["About {name}: {value}."]},
    "usage": {"zh": ["用法：{value}。", "{name}这样用：{value}。"], "en": ["How to use: {value}."]},
    "closed.no": {"zh": ["这个没有哦，", "没有你说的这种哦，", "这款没有这个选项哦，"], "en": ["Not that one, sorry. "]},
    "closed.yes": {"zh": ["有的，", "有哦，"], "en": ["Yes. "]},
    "cautions": {"zh": ["注意：{value}。", "提醒一下：{value}。"], "en": ["Note: {value}."]},
    "policy": {"zh": ["{value}。", "店铺规定：{value}。"], "en": ["Shop policy: {value}."]},
    "identity_link": {"zh": ["{number}号链接是{name}。", "{number}号是{name}哦。"], "en": ["Link {number} is {name}."]},
    "link": {"zh": ["{name}在{number}号链接，点下方购物车就能拍。", "拍{number}号链接就是{name}哦。",
                    "{name}是{number}号链接，购物车里直接下单。"],
             "en": ["{name} is link {number} in the cart below."]},
    "link_generic": {"zh": ["点下方购物车找到{name}就能下单。", "{name}在下方购物车里，点进去就能拍。"],
                     "en": ["Tap the cart below and choose {name}."]},
    "thanks_order": {"zh": ["感谢下单！发货后可以在订单页查看物流。", "谢谢支持～订单信息在订单页可以看到。"],
                     "en": ["Thanks for your order! Shipping updates show on the order page."]},
    "compare": {"zh": ["{items}。", "对比一下：{items}。"], "en": ["Compared: {items}."]},
    "greeting": {"zh": ["欢迎来到直播间～有想了解的商品随时问我！", "你好呀，欢迎宝子！想看哪款可以告诉我～",
                        "欢迎欢迎～有问题尽管问。"],
                 "en": ["Welcome! Ask me anything about the products.", "Hi there, welcome to the stream!"]},
    "chitchat": {"zh": ["谢谢宝子的支持～有商品问题随时问我哦。", "收到～喜欢的话可以点点关注。", "哈哈，谢谢你～想了解哪款可以问我。"],
                 "en": ["Thanks for the support! Ask me about any product."]},
    "identity": {"zh": ["我是直播间的AI助手，不是真人哦～商品问题可以问我，需要人工也可以说一声。",
                        "我是AI助手，不是真人。有需要的话可以找工作人员帮你。"],
                 "en": ["I am an AI assistant, not a human. Ask for a person any time."]},
    "clarify": {"zh": ["宝子想问什么呀？可以再说一遍～", "没太看懂，可以换个说法再问一次吗？"],
                "en": ["Sorry, could you say that again?"]},
    # holding replies (escalations): no fact, no number, no promise of time or outcome
    "hold.part": {"zh": ["另一个问题我这边暂时没有确切信息，已经转给工作人员确认。", "你问的另一点资料里没写，已转给工作人员。"],
                  "en": ["The other part I don't have information on; I've passed it to the team."]},
    "hold.no_fact": {"zh": ["这个问题我这边暂时没有确切信息，已经转给工作人员确认。", "这个我先记下了，请工作人员来回复你～",
                            "抱歉，资料里没有这个信息，已转给工作人员。"],
                     "en": ["I don't have that information; I've passed it to the team."]},
    "hold.ambiguous_product": {"zh": ["宝子问的是哪一款呀？告诉我链接号或商品名就能帮你查～",
                                      "想问哪个商品呢？说一下链接号就好～"],
                               "en": ["Which product do you mean? Tell me the link number."]},
    "hold.unknown_link": {"zh": ["没找到这个链接号，宝子再确认一下是哪一款？", "这个链接号我这边没查到，能说一下商品名吗？"],
                          "en": ["I can't find that link number. Which product do you mean?"]},
    "hold.complaint": {"zh": ["非常抱歉给你带来不好的体验，已经转给工作人员查看。", "抱歉让你不满意了，工作人员会看到你的反馈。"],
                       "en": ["Sorry about that. I've passed this to the team."]},
    "hold.dispute": {"zh": ["订单的问题需要工作人员帮你核实，已经转给他们了。", "这个需要查一下你的订单，已转给工作人员处理。"],
                     "en": ["Your order needs a person to check it; I've passed it on."]},
    "hold.health": {"zh": ["涉及健康或特殊人群的问题，建议先咨询医生；已转给工作人员确认。",
                           "这类问题需要谨慎，建议咨询医生，工作人员也会看到你的问题。"],
                    "en": ["For health questions please ask a doctor; I've passed this to the team."]},
    "hold.safety": {"zh": ["安全相关的问题已经转给工作人员核实。", "这个涉及安全，我转给工作人员确认。"],
                    "en": ["Safety questions go to the team; I've passed it on."]},
    "hold.minor": {"zh": ["未成年的宝子请和家长商量后再决定，有问题可以请家长来咨询哦。", "请在家长的同意和陪伴下购物哦。"],
                   "en": ["If you are under 18, please talk to a parent first."]},
    "hold.self_harm": {"zh": ["听起来你现在很难受，你并不孤单。请联系身边信任的人，或拨打当地的心理援助热线；已经请工作人员来关注你。"],
                       "en": ["You're not alone. Please reach out to someone you trust or a local crisis line; a person from our team has been alerted."]},
    "hold.human_request": {"zh": ["好的，已经帮你转给工作人员，请稍等～", "收到，已通知工作人员。"],
                           "en": ["Sure, I've asked a person from the team."]},
    "hold.injection": {"zh": ["我只能根据商品资料回答问题哦，有商品问题欢迎直接问～", "这个我做不到哦，商品相关的问题可以问我。"],
                       "en": ["I can only answer from the product information."]},
    "hold.other": {"zh": ["这个问题我先转给工作人员看看～", "已转给工作人员查看。"], "en": ["I've passed this to the team."]},
}


class Phrasebook:
    """Rotating templates. Thread-safe; one per engine."""

    def __init__(self, seed: int = 0) -> None:
        self._seed = seed
        self._turns: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()

    def has(self, kind: str) -> bool:
        return kind in _T

    def say(self, kind: str, lang: str = "zh", **slots: object) -> str:
        options = _T[kind].get(lang) or _T[kind]["zh"]
        with self._lock:
            turn = self._turns[f"{kind}:{lang}"]
            self._turns[f"{kind}:{lang}"] = turn + 1
        return options[(self._seed + turn) % len(options)].format(**slots)


def templates() -> dict[str, dict[str, list[str]]]:
    """Every template (for tests that check no template carries a number of its own)."""
    return {k: {lang: list(v) for lang, v in d.items()} for k, d in _T.items()}
