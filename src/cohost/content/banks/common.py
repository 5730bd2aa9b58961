"""Phrasings shared by every style. Placeholders are filled only from facts or from the show plan.

Rules for anyone adding phrasings (they are checked by ``tests/unit/test_content_banks.py``):
no absolute terms (最, 第一, 顶级, 唯一, 全网 …), no numbers, no sales or popularity claims (爆款, 热销,
回购, 好评 …), no urgency that a fact does not back (错过, 手慢无, 最后 …), no first-person use (我用过),
no efficacy or safety promises. Every factual part comes from a placeholder.
"""

from __future__ import annotations

COMMON: dict[str, tuple[str, ...]] = {
    "opening_disclose": (
        "先跟大家说明一下：本场讲解内容由AI生成，商品信息以商品详情页为准。",
        "提前说明：今天的讲解内容由AI生成，具体信息请以详情页为准。",
    ),
    "opening_agenda": (
        "今天一共准备了{n}款商品，有{categories}，一款一款给大家讲清楚。",
        "今天的清单有{n}款，覆盖{categories}，每一款都会讲到价格和活动。",
        "今天安排了{n}款商品，品类有{categories}，想看哪款可以在公屏告诉我。",
    ),
    "opening_rules": (
        "有任何问题直接打在公屏上，讲解间隙会集中回答。[看评论]",
        "想了解哪个细节，公屏留言就行，讲到对应商品时会一起回答。",
    ),
    "intro_brand": (
        "这款是{brand}家的{short}。",
        "品牌是{brand}，商品全名叫{title}。",
        "来自{brand}的{title}。",
    ),
    "intro_alias": (
        "它还有个名字叫{alias}，大家在公屏提{alias}也能对上。",
        "很多朋友也叫它{alias}。",
    ),
    "point": (
        "说一个卖点：{point}。",
        "这款的特点之一是{point}。",
        "商品页上写的卖点是：{point}。",
        "值得一提的是，{point}。",
    ),
    "attr": (
        "{attr_name}是{attr_value}。",
        "再看{attr_name}：{attr_value}。",
        "说一下{attr_name}，{attr_value}。",
        "关于{attr_name}，详情页写的是{attr_value}。",
    ),
    "usage": (
        "用法是这样的：{usage}。",
        "怎么用？{usage}。",
        "使用方法给大家念一下：{usage}。",
    ),
    "caution": (
        "有个注意事项一定要说：{caution}。",
        "提醒一下：{caution}。",
        "下单前请留意：{caution}。",
    ),
    "faq": (
        "经常有朋友问：{q}{a}。",
        "关于“{q}”这个问题，回答是：{a}。",
        "常见问题来了，{q}{a}。",
    ),
    "variants": (
        "规格有这几种：{variants}，按需要选。",
        "一共{n}个规格可选：{variants}。",
        "选规格的时候看清楚：{variants}。",
    ),
    "evidence": (
        "有一条可查的信息：{claim}，来源是{source}。",
        "补充一个有出处的信息：{claim}（来源：{source}）。",
    ),
    "policy": (
        "售后这块说明一下，{policy_kind}：{policy}。",
        "关于{policy_kind}，店铺的规则是{policy}。",
    ),
    "price": (
        "{short}现在的价格是{price}元。",
        "价格给大家报一下：{price}元。",
        "这款标价{price}元。",
    ),
    "offer": (
        "现在有个活动：{offer}。",
        "活动信息给大家念一下：{offer}。",
        "这款正在进行的活动是：{offer}。",
    ),
    "offer_window": (
        "这个活动到{end}结束。[倒计时]",
        "活动截止时间是{end}，以页面显示为准。[倒计时]",
    ),
    "cta": (
        "需要的朋友点开购物车就能拍。[上链接]",
        "链接已经放上来了，按需下单就好。[上链接]",
    ),
    "cta_link": (
        "在购物车{link}号链接。[上链接]",
        "购物车里找{link}号链接就是它。[上链接]",
    ),
    "soldout": (
        "{short}目前显示没有库存，这次先不上链接，想要的可以先收藏，补货以店铺通知为准。",
        "这款现在暂时缺货，先不放链接，可以先收藏，留意店铺的补货消息。",
    ),
    "interact_question": (
        "关于{short}还有什么想问的，打在公屏上。[看评论]{pause}",
        "对{short}有疑问的朋友，现在可以留言。[看评论]{pause}",
    ),
    "transition": (
        "{prev}就先讲到这里，接下来看{next}。[切换]",
        "好，下一款是{next}。[切换]",
        "{prev}讲完了，我们换到{next}。[切换]",
    ),
    "promo_start": (
        "{short}的活动现在开始了：{offer}。[倒计时][上链接]",
        "提醒一下，{short}这边的活动已经开始：{offer}。[上链接]",
    ),
    "promo_ending": (
        "{short}的活动到{end}结束：{offer}。[倒计时]",
        "提醒一下，{short}的活动{end}截止，内容是：{offer}。[倒计时]",
    ),
    "promo_roundup_head": (
        "把现在正在进行的活动汇总一遍。",
        "给刚来的朋友汇总一下现在的活动。",
    ),
    "promo_roundup_item": (
        "{short}：{offer}。",
        "{short}这边是{offer}。",
    ),
    "closing_recap": (
        "今天讲到的有{names}，链接都在购物车里。",
        "回顾一下今天的商品：{names}。",
    ),
    "closing_policy": (
        "售后方面，{policy_kind}：{policy}。",
        "再说一下{policy_kind}：{policy}。",
    ),
    "closing_disclose": (
        "再次说明，本场讲解内容由AI生成，商品信息以详情页为准。",
    ),
}

DEMO: dict[str, tuple[str, ...]] = {
    "美妆护肤": ("[试用]在手背上取一点给大家看看", "[特写]镜头拉近，给大家看看细节"),
    "食品": ("[展示]打开一包给大家看看实物", "[特写]镜头拉近，看一下外包装"),
    "服饰": ("[展示]上身给大家看一下", "[特写]镜头拉近，看一下细节"),
    "数码": ("[展示]给大家看一下实物", "[特写]镜头拉近，看一下细节做工"),
    "家居": ("[展示]实物拿给大家看一下", "[特写]细节给到镜头"),
    "母婴": ("[展示]拿近一点给大家看看", "[特写]细节给大家看清楚"),
}
DEMO_DEFAULT = ("[展示]实物给大家看一下", "[特写]镜头拉近看一下细节")
