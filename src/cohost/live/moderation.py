"""Comment moderation: spam and ads, off-platform diversion, abuse — and never honest criticism.

Constraints (compliance.md LSM-21, §13.7, DATA-4):

- Labels are those of formats.md §3: ``ok``, ``spam``, ``abuse``, ``diversion``. A label hides the line
  from the public feed and from answering; every label carries reason flags so the action can be audited.
- Negative opinions and complaints are never a reason to hide anything: "质量太差" or "垃圾东西，退钱" is
  ``ok`` and flagged ``negative`` (it goes to the human queue). Only insults aimed at people, slurs and
  sexual harassment are ``abuse``; a complaint wrapped in an insult is labelled ``abuse`` and is still
  flagged ``negative``, so a person sees it.
- A contact handle (WeChat, QQ, e-mail found by the PII stage) or an invitation to deal elsewhere is
  ``diversion``; a viewer's own phone number given to change an order is not.
- Repetition: the same user sending the same text more than ``repeat_limit`` times within ``window``
  seconds, or more than ``flood_limit`` lines in that window, is ``spam`` from then on. Memory is bounded.
- Lexicons are plain, reviewable lists written for this project (no third-party word list is copied).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from cohost.events import Moderation

_AD = re.compile(
    r"兼职|刷单|日结|日赚|月入[0-9一二三四五六七八九十]+万|躺赚|招(代理|学员|徒弟|宝妈)|代理加盟|免费领取?|点击(链接|网址)|"
    r"https?://|www\.|\.(com|cn|net|top|xyz)\b|网贷|贷款|借钱秒到|套现|代开发票|发票代开|博彩|赌场|彩票|棋牌|上分|"
    r"约炮|裸聊|看片|福利姬|色情|成人视频|粉丝(出售|购买)|买粉|涨粉|互粉|互关|刷(赞|粉|单|量)|低价代购|高仿|a货|原单尾货",
    re.I,
)
_DIVERT = re.compile(
    r"(加|➕|\+)\s*(我|v|微|薇|威|vx|wx|qq|扣|群|好友)|私(聊|我)|私信我|找我(买|拿|下单|私聊)|(进|入)群|群号|扫码|二维码|"
    r"(主页|头像|签名|简介)(有|看|里)?(联系|微信|v|vx|qq)|(去|上|来|到)(闲鱼|拼多多|pdd|某宝|淘宝|京东|tb|某鱼|某多多|我(的)?店)"
    r"(搜|找|买|看|下单)|(闲鱼|拼多多|某宝|某多多|某鱼)(搜|上)",
    re.I,
)
_ABUSE = re.compile(
    r"傻[逼比bB×x]|煞笔|沙比|(?<![a-z])sb(?![a-z])|(?<![a-z0-9])2b(?![a-z0-9])|脑残|智障|弱智|白痴|蠢货|贱人|贱货|婊子|"
    r"[操草艹肏日]你|[操草艹]泥马|cnm|nmsl|尼玛|你妈[的逼死]|他妈的|妈的|妈了个|去你妈|滚蛋|滚犊子|滚出|给我滚|去死|死全家|"
    r"狗东西|狗逼|狗日|废物|垃圾主播|神经病|精神病吧|装逼|放屁|狗屁|流氓|禽兽|色狼|傻瓜|犯贱|死开|丑八怪|死胖子|肥猪|猪脑|王八蛋|畜生|杂种|人渣|屌丝主播|鸡巴|[jJ]8|fuck|shit|bitch|"
    r"黑鬼|支那|小日本|胸大|奶子|约吗|约不约|脱了|露点|骚货|发骚|骚逼",
    re.I,
)
_NEGATIVE = re.compile(
    r"差评|质量(太|真|好|很|也太)?差|太差|很差|真差|难用|不好用|没用|垃圾|假货|假的|骗人|骗子|坑人|坑爹|割韭菜|智商税|"
    r"退款|退钱|投诉|举报|欺骗|虚假|不值|后悔|失望|过敏|烂脸|长痘|坏了|破了|漏了|漏水|掉色|起球|缩水|开线|太贵|贵死|"
    r"什么破|破玩意|烂货|太坑|被坑|上当|没收到|还没(发货|到)|不发货|没发货|发错|少发|漏发|缺件|客服不理|没人回|不回复|态度差|骗钱|差劲|辣鸡|拉胯|踩雷|翻车",
)

# abuse first: "垃圾主播" is an insult, "垃圾" alone an opinion; a later negative word is still found
_ALL = re.compile("|".join(f"(?P<{name}>{rx.pattern})" for name, rx in
                           (("abuse", _ABUSE), ("negative", _NEGATIVE), ("divert", _DIVERT), ("ad", _AD))), re.I)


@dataclass(frozen=True, slots=True)
class Verdict:
    label: Moderation
    flags: tuple[str, ...] = ()


class _UserWindow:
    """One viewer's recent lines: the times of each recent text (at most repeat_limit + 1) and a line count."""

    __slots__ = ("count", "last", "since", "texts")

    def __init__(self, ts: float) -> None:
        self.texts: dict[str, list[float]] = {}
        self.last = ts
        self.since = ts  # lines counted since (a fixed window, for the flood limit)
        self.count = 0


class Moderator:
    """Stateful (per-user repetition) moderation of one room. Memory: viewers active within ``window``
    seconds (at most ``max_users``), at most ``_TEXTS`` recent texts each."""

    _TEXTS = 8

    def __init__(self, *, window: float = 60.0, repeat_limit: int = 3, flood_limit: int = 30,
                 max_users: int = 50_000) -> None:
        self.window = window
        self.repeat_limit = repeat_limit
        self.flood_limit = flood_limit
        self.max_users = max_users
        self._users: OrderedDict[str, _UserWindow] = OrderedDict()  # least recently active first
        self._lexicon: dict[str, frozenset[str]] = {}

    def _repeats(self, user_id: str, key: str, ts: float) -> str | None:
        if not user_id:
            return None
        users = self._users
        horizon = ts - self.window
        while users:  # forget viewers who have been quiet for a whole window, or the stalest beyond the cap
            oldest = next(iter(users.values()))
            if oldest.last >= horizon and len(users) < self.max_users:
                break
            users.popitem(last=False)
        state = users.get(user_id)
        if state is None:
            state = users[user_id] = _UserWindow(ts)
        else:
            users.move_to_end(user_id)
        state.last = ts
        if state.since < horizon:
            state.since, state.count = ts, 0
        state.count += 1
        seen = state.texts.get(key)
        if seen is None:
            if len(state.texts) >= self._TEXTS:
                state.texts = {k: v for k, v in state.texts.items() if v[-1] >= horizon}
                if len(state.texts) >= self._TEXTS:
                    state.texts.clear()
            seen = state.texts[key] = []
        seen.append(ts)  # a short list, not a deque: a deque allocates a 64-slot block per text
        while seen[0] < horizon:
            seen.pop(0)
        if len(seen) > self.repeat_limit + 1:
            del seen[0]
        if len(seen) > self.repeat_limit:
            return "repeat"
        if state.count > self.flood_limit:
            return "flood"
        return None

    def judge(self, text: str, norm: str, *, user_id: str = "", ts: float = 0.0,
              pii: tuple[str, ...] = ()) -> Verdict:
        """Label one comment. ``norm`` is the matching form; ``pii`` the kinds the PII stage masked."""
        found = self._lexicon.get(norm)
        if found is None:  # one scan for every lexicon, remembered per text (rooms repeat themselves)
            found = frozenset(m.lastgroup or "" for m in _ALL.finditer(norm))
            if len(self._lexicon) >= 50_000:
                self._lexicon.clear()
            self._lexicon[norm] = found
        flags: list[str] = []
        if "negative" in found:
            flags.append("negative")
        label: Moderation = "ok"
        if "abuse" in found:
            label = "abuse"
            flags.append("insult")
        elif pii and {"wechat", "qq", "email"} & set(pii):
            label = "diversion"
            flags.append("contact")
        elif "divert" in found:
            label = "diversion"
            flags.append("offsite")
        elif "ad" in found:
            label = "spam"
            flags.append("ad")
        repeated = self._repeats(user_id, norm, ts)
        if repeated and label == "ok":
            label = "spam"
        if repeated:
            flags.append(repeated)
        return Verdict(label, tuple(flags))
