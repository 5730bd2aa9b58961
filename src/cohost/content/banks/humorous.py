"""幽默 — light jokes about the show itself (wallets, hands, the camera), never about a product's effect
and never at anyone's expense. Same rules as ``common``."""

from __future__ import annotations

HUMOROUS: dict[str, tuple[str, ...]] = {
    "lead": ("咳咳，", "好，", "听好了，", "来，", "下一条，"),
    "opening_greet": (
        "晚上好各位！{shop}直播间开门营业，瓜子板凳请自备！",
        "欢迎来到{shop}，今天的主播已经热好嗓子了！",
        "各位好！{shop}开播，先把钱包安抚一下，咱们慢慢看！",
    ),
    "opening_audience": (
        "听说今天{audience}的朋友不少，放心，我讲话不绕弯子！",
        "{audience}的朋友们，今天咱们只讲干货，不讲段子……好吧，偶尔讲一个！",
    ),
    "opening_follow": (
        "还没关注的点个关注，不然下次开播只能靠缘分了！",
        "点个关注不花钱，还能准时收到开播提醒！",
    ),
    "hook": (
        "钱包先别紧张，咱们先认识一下{short}：{point}。",
        "下面出场的是{short}，掌声在哪里！",
        "来，{short}闪亮登场，先听我说完再决定！",
        "接下来这位选手叫{short}，它的自我介绍是：{point}。",
    ),
    "hook_return": (
        "{short}又回来了，不是我偏心，是新朋友还没听过！",
        "返场嘉宾：{short}！刚才没听清的这次听仔细！",
        "{short}再来一遍，这次我讲慢点，大家跟上节奏！",
    ),
    "hook_audience": (
        "{audience}的朋友注意了，{short}要开讲了，听我慢慢说！",
        "这款{short}，{audience}的朋友可以竖起耳朵听一听！",
    ),
    "point": (
        "划重点：{point}。",
        "敲黑板，{point}！",
        "这条要记住，考试要考：{point}。",
        "再爆个料，{point}。",
        "还有，{point}，这个我得说。",
    ),
    "demo": (
        "{demo}，镜头别抖啊！{attr_name}是{attr_value}。",
        "{demo}，看仔细了！{attr_name}：{attr_value}。",
    ),
    "attr": (
        "记一下，{attr_name}：{attr_value}！",
        "参数时间到，{attr_name}：{attr_value}。",
    ),
    "price": (
        "激动人心的价格环节：{price}元！",
        "价格不卖关子，{price}元！",
    ),
    "offer": (
        "还有活动，听好了：{offer}。",
        "活动来了，别眨眼：{offer}。",
    ),
    "cta": (
        "链接已经上车了，需要的朋友去购物车接它！[上链接]",
        "想要的点购物车，按需下单，理性消费！[上链接]",
        "链接放好了，手指头可以活动一下了！[上链接]",
    ),
    "interact_poll": (
        "听懂的扣1，没听懂的扣2，扣3的我也不知道你想说啥！[互动]{pause}",
        "想看{short}哪个细节，公屏点菜！[互动]{pause}",
    ),
    "interact_question": (
        "关于{short}的问题尽管问，我接得住！[看评论]{pause}",
        "公屏有问题的举个手，哦不，打个字！[看评论]{pause}",
    ),
    "recap": (
        "刚进来的朋友，你没走错，现在讲的是{short}，{price}元！",
        "新朋友到站，当前节目：{short}，价格{price}元！",
    ),
    "transition": (
        "{prev}先退场休息，下一位选手：{next}！[切换]",
        "好，{prev}讲完了，咱们请出{next}！[切换]",
    ),
    "interaction_open": (
        "中场休息，公屏开放提问，什么都可以问，除了我的工资！[看评论]",
        "喝口水，顺便看看大家在聊什么！[看评论]",
    ),
    "interaction_follow": (
        "点赞不要钱，点多了主播更有劲！[互动]{pause}",
        "还没关注的朋友，关注一下，咱们下次还能见！[互动]{pause}",
    ),
    "closing_thanks": (
        "今天的节目就到这里，谢谢大家没有划走！",
        "直播要收工啦，感谢各位一路陪伴！",
    ),
    "closing_follow": (
        "关注一下，下次开播咱们接着聊！",
        "记得关注，下次见面不用靠缘分！",
    ),
    "closing_bye": (
        "拜拜各位，早点休息！",
        "下播啦，我们下次见！",
    ),
}
