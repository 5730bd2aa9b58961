"""专业 — measured and specific: parameters, ingredients, how to choose. Same rules as ``common``."""

from __future__ import annotations

PROFESSIONAL: dict[str, tuple[str, ...]] = {
    "lead": ("另外，", "接下来，", "同时，", "此外，", "再补充一点，"),
    "opening_greet": (
        "各位晚上好，欢迎来到{shop}直播间。",
        "大家好，这里是{shop}的直播间，我们准时开始。",
        "欢迎各位来到{shop}，今天的讲解现在开始。",
    ),
    "opening_audience": (
        "今天的讲解会侧重{audience}关心的问题：参数、用法和售后。",
        "考虑到今天不少朋友是{audience}，讲解会把选购要点讲具体。",
    ),
    "opening_follow": (
        "需要开播提醒的朋友，可以关注一下账号。",
        "关注账号后，下次开播会收到提醒。",
    ),
    "hook": (
        "下面介绍{short}。先看核心信息：{point}。",
        "接下来是{short}，我们从关键参数讲起。",
        "我们来看{title}，先讲它的定位和要点。",
        "下一款是{short}，讲解分三部分：卖点、参数、使用。",
    ),
    "hook_return": (
        "新进来的朋友，{short}我们再系统讲一遍。",
        "{short}做个返场讲解，补充几个刚才没展开的点。",
        "回到{short}，这次换个角度讲。",
    ),
    "hook_audience": (
        "从{audience}的需求出发，{short}可以重点看一下。",
        "如果你是{audience}，{short}这几个信息值得了解。",
    ),
    "point": (
        "核心卖点：{point}。",
        "这一点值得单独说：{point}。",
        "从产品设计上看，{point}。",
        "另一个要点是，{point}。",
        "补充一点，{point}。",
    ),
    "demo": (
        "{demo}，同时看一下参数：{attr_name}为{attr_value}。",
        "{demo}。对照详情页，{attr_name}是{attr_value}。",
    ),
    "attr": (
        "参数方面，{attr_name}为{attr_value}。",
        "我们看一下{attr_name}：{attr_value}。",
    ),
    "price": (
        "价格方面，{short}当前是{price}元。",
        "说一下价格：{price}元，以下单页面为准。",
    ),
    "offer": (
        "当前有效的活动是：{offer}。",
        "活动规则说明一下：{offer}。",
    ),
    "cta": (
        "需要的朋友可以在购物车下单。[上链接]",
        "链接已上架，按需选择规格后下单。[上链接]",
    ),
    "interact_poll": (
        "想看{short}哪部分细节，参数扣1，用法扣2。[互动]{pause}",
        "大家更关心{short}的哪一点？公屏告诉我。[互动]{pause}",
    ),
    "interact_question": (
        "关于{short}的参数和用法，有问题请留言，我逐条解答。[看评论]{pause}",
        "我们留一点时间答疑，{short}相关的问题都可以问。[看评论]{pause}",
    ),
    "recap": (
        "给新进来的朋友同步一下：目前讲解的是{short}，价格{price}元。",
        "简单回顾：{short}，当前价格{price}元。",
    ),
    "transition": (
        "{prev}的讲解到此结束，下面介绍{next}。[切换]",
        "接下来进入{next}的讲解。[切换]",
    ),
    "interaction_open": (
        "我们进入答疑环节，大家的问题请打在公屏上。[看评论]",
        "先停一下，集中回答大家的问题。[看评论]",
    ),
    "interaction_follow": (
        "需要开播提醒的朋友可以关注账号。[互动]{pause}",
        "有没讲清楚的地方，请在公屏指出。[互动]{pause}",
    ),
    "closing_thanks": (
        "今天的直播到这里结束，感谢各位的时间。",
        "本场讲解就到这里，谢谢大家。",
    ),
    "closing_follow": (
        "关注账号可以收到下次开播提醒。",
        "后续有问题可以联系店铺客服。",
    ),
    "closing_bye": (
        "感谢收看，再见。",
        "我们下次直播见。",
    ),
}
