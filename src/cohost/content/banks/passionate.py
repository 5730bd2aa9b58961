"""热情 — energetic: short exclamations, 家人们, a fast rhythm. Same rules as ``common``."""

from __future__ import annotations

PASSIONATE: dict[str, tuple[str, ...]] = {
    "lead": ("家人们，", "来，", "注意听，", "好，", "跟大家说，"),
    "opening_greet": (
        "家人们晚上好！欢迎来到{shop}的直播间！",
        "欢迎欢迎！{shop}直播间开播啦，家人们都进来！",
        "哈喽家人们，{shop}直播间准时开播！",
    ),
    "opening_audience": (
        "今天的内容特别照顾{audience}的朋友，咱们挑实用的讲！",
        "{audience}的朋友们，今天这场就是为你们准备的！",
        "看到不少{audience}的朋友进来了，今天咱们讲得实在一点！",
    ),
    "opening_follow": (
        "还没点关注的家人们，左上角点个关注，开播就能收到提醒！",
        "新进来的家人们点个关注，咱们马上开讲！",
    ),
    "hook": (
        "家人们看过来！下面这款是{short}，{point}！",
        "来来来，重点来了：{short}！先说一句，{point}！",
        "接下来这款{short}，我要好好给大家讲讲！",
        "下一款上场：{short}！家人们听好了！",
    ),
    "hook_return": (
        "刚进来的家人们，{short}再给大家讲一遍！",
        "{short}返场啦，没听到的家人们注意听！",
        "好多新朋友进来了，咱们把{short}再过一遍！",
    ),
    "hook_audience": (
        "{audience}的家人们，这款{short}可以重点听一听！",
        "这款{short}，{audience}的朋友可以多留意！",
    ),
    "point": (
        "亮点来了：{point}！",
        "重点说一下，{point}！",
        "家人们记住这一条：{point}！",
        "再来一个，{point}！",
        "还有呢，{point}！",
    ),
    "demo": (
        "{demo}，{attr_name}是{attr_value}！",
        "{demo}！说一下{attr_name}：{attr_value}！",
    ),
    "price": (
        "价格来了家人们！{short}，{price}元！",
        "报价格啦：{price}元！",
    ),
    "offer": (
        "家人们，活动在这里：{offer}！",
        "还有活动！{offer}！",
    ),
    "cta": (
        "想要的家人们，链接已经上好了，直接拍！[上链接]",
        "家人们，小黄车里就能拍！[上链接]",
        "链接上来了！需要的家人们去拍吧！[上链接]",
    ),
    "interact_poll": (
        "想看{short}细节的家人们扣个1，我看看有多少人！[互动]{pause}",
        "家人们觉得讲清楚了的扣个1，还有疑问的扣个2！[互动]{pause}",
        "想让我再讲一遍{short}的扣个“返场”！[互动]{pause}",
    ),
    "interact_question": (
        "家人们有问题直接打在公屏上，我一条一条回答！[看评论]{pause}",
        "关于{short}还有什么想问的？公屏打出来！[看评论]{pause}",
    ),
    "recap": (
        "刚进来的家人们，我们正在讲{short}，价格是{price}元！",
        "给新来的家人们说一下：现在讲的是{short}，{price}元！",
    ),
    "transition": (
        "{prev}讲完啦！家人们，下一款马上来：{next}！[切换]",
        "好嘞！接下来这款{next}，家人们跟上！[切换]",
    ),
    "interaction_open": (
        "家人们，咱们停下来聊一聊！有问题的都打在公屏上！[看评论]",
        "互动时间到！想问什么尽管问！[看评论]",
    ),
    "interaction_follow": (
        "还没点关注的家人们，趁现在点个关注！[互动]{pause}",
        "觉得讲得清楚的家人们，点点赞，分享给身边的朋友！[互动]{pause}",
    ),
    "closing_thanks": (
        "家人们，今天的直播就到这里啦！谢谢大家的陪伴！",
        "时间过得好快，今天的直播要和家人们说再见啦！",
    ),
    "closing_follow": (
        "点个关注，下次开播不迷路！",
        "喜欢今天直播的家人们，关注一下，下次见！",
    ),
    "closing_bye": (
        "家人们拜拜，下次见！",
        "谢谢家人们，我们下次再见！",
    ),
}
