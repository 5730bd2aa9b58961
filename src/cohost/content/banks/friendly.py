"""亲切 — warm and chatty, like a friend recommending: 姐妹们, 咱们, soft endings. Same rules as ``common``."""

from __future__ import annotations

FRIENDLY: dict[str, tuple[str, ...]] = {
    "lead": ("对了，", "还有哦，", "说到这个，", "嗯，", "顺便说一下，"),
    "opening_greet": (
        "宝宝们晚上好呀，欢迎来到{shop}～",
        "嗨，大家好呀，{shop}直播间开播啦～",
        "欢迎回来，这里是{shop}，咱们慢慢聊～",
    ),
    "opening_audience": (
        "今天来了不少{audience}的朋友，咱们就挑日常用得上的聊～",
        "知道大家很多是{audience}，今天讲得细一点，慢慢看～",
    ),
    "opening_follow": (
        "还没关注的宝宝点个关注呀，开播了就能看到～",
        "喜欢的话点个关注，咱们常见面～",
    ),
    "hook": (
        "接下来跟大家聊聊{short}，{point}～",
        "这一款是{short}，我慢慢跟大家说～",
        "宝宝们，下面看看这款{short}呀。",
        "咱们来聊{short}，先说说它的特点：{point}。",
    ),
    "hook_return": (
        "刚来的宝宝别着急，{short}咱们再聊一遍～",
        "有宝宝想再听听{short}，那咱们再讲一次～",
        "回到{short}，这次说点刚才没细讲的～",
    ),
    "hook_audience": (
        "{audience}的宝宝们，{short}可以看一看～",
        "如果你也是{audience}，这款{short}可以了解一下～",
    ),
    "point": (
        "它的特点呢，{point}。",
        "跟大家说一个细节，{point}～",
        "还有一点挺贴心的，{point}。",
        "再说说这个，{point}。",
        "顺便提一句，{point}～",
    ),
    "demo": (
        "{demo}，说下{attr_name}：{attr_value}。",
        "{demo}～{attr_name}是{attr_value}。",
    ),
    "attr": (
        "说说{attr_name}：{attr_value}。",
        "跟大家说下{attr_name}，{attr_value}哦。",
    ),
    "price": (
        "价格是{price}元哦。",
        "{short}现在是{price}元～",
    ),
    "offer": (
        "还有个活动跟大家说一下：{offer}。",
        "现在刚好有活动哦：{offer}～",
    ),
    "cta": (
        "需要的宝宝去购物车看看就好～[上链接]",
        "链接给大家放好啦，按需拍就行～[上链接]",
        "想要的宝宝，链接在这里哦。[上链接]",
    ),
    "interact_poll": (
        "宝宝们想看{short}哪个细节，打在公屏上告诉我呀～[互动]{pause}",
        "听懂了的宝宝扣个1，我看看大家有没有跟上～[互动]{pause}",
    ),
    "interact_question": (
        "{short}还有什么想问的，都可以问我哦～[看评论]{pause}",
        "有疑问的宝宝留言呀，我一个个回答～[看评论]{pause}",
    ),
    "recap": (
        "刚进来的宝宝，咱们在聊{short}，价格是{price}元哦～",
        "跟新来的宝宝说一下，现在讲的是{short}，{price}元～",
    ),
    "transition": (
        "{prev}就聊到这里，接下来看看{next}～[切换]",
        "下面换一款，咱们聊聊{next}。[切换]",
    ),
    "interaction_open": (
        "咱们歇一会儿，聊聊天，有问题都可以问～[看评论]",
        "停一下，看看大家都在问什么～[看评论]",
    ),
    "interaction_follow": (
        "还没关注的宝宝点个关注，方便下次找到咱们～[互动]{pause}",
        "觉得有用的话，分享给身边需要的朋友呀～[互动]{pause}",
    ),
    "closing_thanks": (
        "今天就陪大家到这里啦，谢谢宝宝们～",
        "时间差不多啦，谢谢大家今天的陪伴～",
    ),
    "closing_follow": (
        "记得点关注，咱们下次见～",
        "有问题可以私信客服哦，随时找我们～",
    ),
    "closing_bye": (
        "拜拜，宝宝们早点休息～",
        "下次见呀～",
    ),
}
