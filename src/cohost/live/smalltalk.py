"""The cheap first tier of the understand stage: comments that cannot be questions, decided by one
precompiled regular expression before the Q&A core is asked.

A busy room is full of lines that ask nothing: greetings and farewells ("主播晚上好", "hello主播", "来了来了",
"新人报到", "拜拜", "下次再来"), applause
and laughter ("666", "哈哈", "爱了爱了", "主播辛苦了"), "扣1", a lone "嗯", and emoji (whose matching form
is empty). ``smalltalk(norm)`` names them ``greeting`` or ``chitchat``; anything else returns None and goes
to the Q&A core.

Constraints:

- It reads the matching form (``Comment.norm``: simplified, lower case, emoji out, runs collapsed to two).
- The whole line must be made of such words (``re.fullmatch``), with address terms in front ("宝子们",
  "主播主播") and only exclamation-like particles after: a question particle or mark (吗, 么, 呢, 嘛, ?),
  a link number, a product word or any other word sends the line to the Q&A core ("来了吗", "1号链接多少",
  "有吗", "?", "主播好看吗" are not taken).
- Lone characters are taken only from a short list that cannot carry a request ("嗯", "哦", "6", "1");
  "m", "有", "蹲", "求" and lone digits other than 1 and 6 (a size, "I want it", a link) are not.
- Lines longer than 24 characters are never taken.
- "扣1" is a vote; "11" or "88" (a link number, a price) are not taken, nor "拍了": an order remark is the
  Q&A core's ``purchase``.
"""

from __future__ import annotations

import re

_LONGEST = 24  # longer lines always go to the Q&A core (and the pattern never meets a 100 KB text)
_ADDRESS = r"(?:主播|大家|各位|家人们?|宝子们?|宝宝们?|宝贝们|姐妹们?|老铁们?|朋友们?|宝妈们?|集美们?|兄弟们?|亲们|亲爱的)"
_SEP = r"[\s,，、~～!！。.…]*"
_TAIL = r"[\s呀啊哈啦哇哦噢~～!！。.…]*"
_GREETING = (rf"(?:{_ADDRESS}+(?:好|好呀)|{_ADDRESS}*(?:你好|您好|晚上好|早上好|早安|下午好|中午好|晚安|hello|hi|hey|嗨|哈喽|哈啰)"
             rf"{_SEP}{_ADDRESS}*|{_ADDRESS}*(?:我|又|我又)?(?:来了|来啦|来喽|进来了|报到|打卡|签到)|刚来|新人(?:报到)?|新来的|"
             rf"{_ADDRESS}*(?:拜拜|再见|下次见|明天见|下次再来|先撤了?|先走了|走了)(?:{_SEP}{_ADDRESS})*)")
_CHITCHAT = (rf"(?:{_ADDRESS}*(?:好看|好美|好漂亮|漂亮|好帅|真帅|好可爱|可爱|好好看|真好看|辛苦了|辛苦|加油|真棒|好棒|太棒了|厉害|威武)|"
             r"(?:支持|爱|喜欢)(?:主播|你)?|爱了|绝了|绝绝子|笑死(?:我了)?|哈哈|嘿嘿|呵呵|嘻嘻|hh+|haha|lol|"
             r"6+|1(?!1)|111+|扣1+|赞|点赞|不错|好的|收到|嗯嗯|哇塞|冲冲|冲鸭|顶顶|nice|good|cool|wow|ok|好耶|么么哒|比心|"
             r"[嗯哦噢喔哇啊哈嘿呵嘻耶好赞棒美帅爱冲顶对行牛酷])")
_FIRST_TIER = re.compile(rf"{_ADDRESS}*?(?:(?P<greeting>{_GREETING}(?:{_SEP}{_GREETING})*)|"
                         rf"(?P<chitchat>{_CHITCHAT}(?:{_SEP}{_CHITCHAT})*)){_TAIL}")


def smalltalk(norm: str) -> str | None:
    """``greeting`` or ``chitchat`` when the line cannot be a question, else None (ask the Q&A core)."""
    if not norm:
        return "chitchat"  # emoji only: nothing left to match
    if len(norm) > _LONGEST:
        return None
    m = _FIRST_TIER.fullmatch(norm)
    if m is None:
        return None
    return "greeting" if m.group("greeting") is not None else "chitchat"


__all__ = ["smalltalk"]
