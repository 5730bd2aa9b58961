"""Comment moderation: spam and ads, off-platform diversion, abuse — and never honest criticism.

Constraints (compliance.md LSM-21, §13.7, DATA-4):

- Labels are those of formats.md §3: ``ok``, ``spam``, ``abuse``, ``diversion``. A label hides the line
  from the public feed and from answering; every label carries reason flags so the action can be audited.
- Negative opinions and complaints are never a reason to hide anything: "质量太差" or "垃圾东西，退钱" is
  ``ok`` and flagged ``negative`` (it goes to the human queue). Only insults aimed at people, slurs and
  sexual harassment are ``abuse``; a complaint wrapped in an insult is labelled ``abuse`` and is still
  flagged ``negative``, so a person sees it.
- Insults are read in their spellings: pinyin initials ("sb", "nmsl", "tmd"), homophones ("煞笔", "草泥马"),
  split words ("s b", "傻*逼": a squeezed form without spaces or symbols is read too), and insults aimed at
  a person ("主播是nt吧", "你是猪吗"). A word for a product or a relative is not one ("我妈的支付宝").
- Calling the shop a cheat ("你们就是骗子", "骗子 退钱") is a complaint: ``ok`` and ``negative``.
- A contact handle (WeChat, QQ, e-mail found by the PII stage) or an invitation to deal elsewhere (私聊, 看主页,
  another platform or shop: "去拼多多搜", "快手搜", "来我直播间") is ``diversion``; a viewer's own phone
  number given to change an order is not, nor a viewer's own e-mail or QQ left to be served ("发我邮箱 …",
  "我QQ … 有货了通知我") when nothing in the line invites others elsewhere.
- Spam: money-making, gambling, loan, porn and fake-follower ads are ``spam`` even with a contact or 私聊
  in them ("兼职刷单 日结 有意者私"); selling one's own goods ("看我主页 同款只要19.9") and links are
  ``spam`` unless they point to another platform (then ``diversion``); so is a line that floods by itself (a
  character run of 10+, an emoji run of 6+, a phrase three times over 10+ characters; laughter and "666"
  only from 20).
- Repetition: the same user sending the same text more than ``repeat_limit`` times within ``window``
  seconds, or more than ``flood_limit`` lines in that window, is ``spam`` from then on. Memory is bounded.
- Lexicons are plain, reviewable lists written for this project (no third-party word list is copied).
  They read the lower-case matching form; every branch starts with a literal (``_each``, ``_word``), so
  each lexicon is a fast first-character scan, and a verdict's lexicon hits are cached per text.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from cohost.events import Moderation


def _each(heads: str, tail: str) -> str:
    """``a|b`` + tail → ``a(?:tail)|b(?:tail)``. Every branch of these lexicons starts with a literal, so
    ``re`` skips to the positions holding a first character (a charset scan in C) and rejects the other
    branches at once: a lexicon costs well under a microsecond on a comment instead of several."""
    return "|".join(f"{head}(?:{tail})" for head in heads.split("|"))


def _word(words: str) -> str:
    """Latin words not inside another word, each still starting with a literal: ``s(?<![a-z]s)b(?![a-z])``."""
    return "|".join(f"{w[0]}(?<![a-z0-9]{w[0]}){w[1:]}(?![a-z])" for w in words.split("|"))


# money-making, gambling, loans, porn, fake followers: spam even when a contact or "私聊" comes with it
_SCAM = re.compile(
    r"兼职|刷单|日结|一单一结|日赚|日入\s*[\d一二三四五六七八九十两百千]|月入(过|上)?[\d一二三四五六七八九十两百千万]|躺赚|稳赚|带你(赚|飞|发财)|赚钱|副业|在家(做|也能|就能|轻松)|"
    r"招(代理|学员|徒弟|宝妈|人|主播|模特|客服|打字员)|招聘|诚招|收徒|高薪|打字员|手工活|代理加盟|免费领(取)?|领红包|抽奖送|送(iphone|苹果手机|手机|红包)|0元(购|领|送)|"
    r"网贷|贷款|借钱秒到|套现|代开发票|发票代开|博彩|赌场|彩票|棋牌|上分|下注|荐股|股票群|带单|"
    r"约炮|裸聊|看片|福利姬|色情|成人视频|同城约|一对一视频|寂寞的|usdt|虚拟币|币圈|炒币|"
    r"代刷|买热门|上热门|dou\+|免费送[^吗呢?？]{0,6}(先到先得|私|加|关注|领|点)|"
    r"粉丝(出售|购买)|买粉|涨粉|互粉|互关|回关|互赞|刷(赞|粉|量|票)|求关注"
)
# selling one's own goods in someone else's room, and links: spam unless they point buyers elsewhere
_PROMO = re.compile(
    r"https?://|www\.|t\.cn/|" + _each(r"\.|点|dot", r"\s*(com|cn|net|top|xyz|vip|cc)\b") + "|"
    r"低价(代购|出|出售|批发|转让)|出售|" + _each("专业|海外|大牌|正品", "代购") + "|代购(各种|大牌|正品)|高仿|a货|原单|尾货|工厂(直销|直供|价)|"
    + _each("看|进|点|逛|去", "我(的)?(主页|头像|橱窗|签名)") + "|"
    r"我(的)?(主页|橱窗)(有|里|看)|点(我)?头像|关注我.{0,6}(抽奖|送|领|福利|惊喜)|"
    + _each("同款|正品|大牌", r".{0,8}(只要|仅需|仅售|才要?|低至)\s*\d")
)
_PLATFORMS = (r"闲鱼|咸鱼|拼多多|拼夕夕|pdd|某宝|淘宝|taobao|天猫|tmall|京东|jd|tb|某鱼|某多多|某东|快手|某手|小红书|xhs|"
              r"抖音|某音|dy|微店|得物|唯品会|1688")
_DIVERT = re.compile("|".join((
    _each(r"加|➕|\+|添加", r"\s*(我|v|微|薇|威|vx|wx|qq|扣|企鹅|好友)"),
    r"私(聊|我)|私信我|的私(?=$|[\s!！。.,，~])|者私(?=$|[\s!！。.,，~])|群号|扫码|二维码|团购群|私下(交易|转账|买)|线下交易|不走平台|绕开平台",
    _each("滴滴|dd|戳|找|联系", "我(买|拿|下单|私聊|要)?"),
    _each("想要|需要|有意|要", "的?(者|朋友|宝子|姐妹)?(私|滴滴|dd|扣我|戳|找我|加我|联系)"),
    _each("进|入|加", r"(我的?)?(?<!粉丝)群(?!吗|呢)(?=.{0,8}(领|有|送|拿|福利|优惠|便宜|内部|返|价|券))"),
    _each("加|进", "我的?群"),
    _each("主页|头像|签名|简介|橱窗", "(有|看|里|见|里有)?(联系|微信|v|vx|qq|群|链接)"),
    _each("群号|联系方式|微信|vx|qq|二维码", "(在|见|看)我?的?(主页|头像|签名|简介)"),
    _each("去|上|来|到", f"({_PLATFORMS}|我(的|家)?店)(上|里)?(搜|找|买|看|下单|拍|关注)"),
    _each(_PLATFORMS, "(上|里)?搜(?!不)"),
    _each("来|去|进|到|逛", "我(的|家)?(直播间|店|小店|店铺|橱窗)"),
    "我(的|家)(店|小店|店铺|直播间)里?(有|搜|更便宜|便宜)|我(小店|店铺|直播间|橱窗)里?(有|搜|更便宜|便宜|在送|送|抽奖|福利)",
    _each("福利|内部|vip|优惠|返利", "群"),
    _each("taobao|tmall|jd|pinduoduo|weidian|xianyu", r"\s*(点|\.|dot)\s*(com|cn)"),
    _each("微信|支付宝", "(转账|下单|付款)"),
)))
# insults aimed at people, slurs, sexual harassment and threats, in their common spellings; read on the
# matching form and on the squeezed form (no spaces or symbols: "s b", "傻*逼", "n.m.s.l")
_ABUSE = re.compile("|".join((
    r"傻[逼比币b×x叉缺吊屌批狗]|煞[笔比逼]|沙[比逼币]|啥b|贱[b逼比人货种]|下贱|犯贱|low逼|傻屌|屌毛|屌丝主播|丑逼|丑八怪",
    _word("sb|dsb|shabi|nmsl|cnm|wcnm|nmb|tmd|mmp|rnm|fuck|fk|fuk|shit|bitch|idiot|moron|asshole|retard"),
    r"2(?<![a-z0-9]2)b(?![a-z0-9])|j8",
    r"脑残|脑瘫|智障|弱智|白痴|蠢货|蠢猪|蠢驴|蠢狗|婊子|绿茶婊|憨批|二逼|二b",
    _each("操|草|艹|肏|日", r"\s*(你|尼|泥|妮)") + "|" + _each("操|草|艹", "泥马"),
    r"草拟吗|你妈[的逼死]|你吗的|泥马|尼玛的|你大爷|你马的|他妈的|特么的|妈(?<![我她俺咱老大姨舅姑爸婆后亲]妈)的|"
    r"妈了个|妈卖批|去你妈|死妈|没妈|滚蛋|滚犊子|滚出|给我滚|滚吧|滚开|快滚|滚远|赶紧滚|滚粗|滚(?<!.滚)滚*[啊吧呀!！~]*$",
    _each("你|你们|主播", "去死|死吧") + "|去死|死全家|全家死|不得好死|断子绝孙|" + _each("弄|打|砍|捅", "死你"),
    _each("你|主播|你们|商家|客服|老板", "(tm|他妈|特么)?(是不是|真是|就是|是)?(个|条|只|头)?(有病|脑子有病|猪|狗|nt|zz|sb|nc|fw)(?![a-z])"),
    _each("zz|nt|nc|fw|lj", "主播|商家|客服|老板"),
    r"脑子(有病|进水|有坑|被门夹|被驴踢|瓦特)|你tm|tm的|他喵的|特喵的",
    _each("主播|你", "(长得)?(真|好|太|巨|超)?(丑|恶心人)(?!的)"),
    r"丑(死了)?的?主播|死肥婆|肥婆|死狗|像(条|只)?狗一样|猪一样的",
    r"狗东西|狗逼|狗日|狗主播|狗商家|狗客服|废物|" + _each("垃圾|辣鸡|拉圾", "主播|商家|客服|老板"),
    r"神经病|精神病吧|装逼|狗屁|流氓|禽兽|色狼|死开|死胖子|肥猪|猪脑|猪头|王八蛋|畜生|杂种|人渣|鸡巴|臭不要脸|死不要脸",
    r"黑鬼|支那|小日本|胸大|奶子|约吗|约不约|脱了|露点|骚货|发骚|骚逼|多少钱一晚|陪睡|包养你|睡你",
)))
_NEGATIVE = re.compile("|".join((
    r"差评|质量(太|真|好|很|也太)?差|太差|很差|真差|难用|不好用|没用|垃圾|假货|假的|骗人|骗子|坑人|坑爹|割韭菜|智商税|"
    r"退款|退钱|投诉|举报|欺骗|虚假|不值|后悔|失望|过敏|烂脸|长痘|坏了|破了|漏了|漏水|掉色|起球|缩水|开线|太贵|贵死|"
    r"什么破|破玩意|烂货|太坑|被坑|上当|没收到|还没(发货|到)|不发货|没发货|发错|少发|漏发|缺件|客服不理|没人回|不回复|态度差|骗钱|差劲|辣鸡|拉胯|踩雷|翻车|"
    r"scam|fake|report",
    # what went wrong with a bought product, told as an experience ("收到瓶子碎了", "用了两次就没声音了")
    _each("收到|到手|买回来|拆开|打开|用了|吃了|穿了|洗了|戴了|插上|上次买|之前买|去年买|上周买|昨天买|买的|你们卖的|你们家",
          ".{0,14}(碎|坏|漏|破|裂|臭|异味|怪味|哈喇|发霉|过期|虫|没声音|没反应|不亮|充不进|跳闸|短路|冒烟|疹|疙瘩|痒|刺痛|"
          "不一样|差太多|不对|少了|错了|什么东西|有问题)"),
    r"有异味(?!吗)|一股.{0,4}味(?!吗)|哈喇味|吃出(虫|头发|异物)|有虫子|是托|托儿|全是演的|演的吧|抢钱|良心不会痛|黑心|宰人|"
    r"一般般|没有?说的那么好|名不副实|货不对板|色差(太|好|很)?大|差太多|与图片不符|和图片不符|给个说法|什么态度|太慢了|吓死人",
)))
# a viewer giving the shop their own contact to be reached ("我QQ xxx 有货了通知我", "发我邮箱 xxx"): not diversion
_OWN_CONTACT = re.compile(r"我的?(qq|微信|vx|邮箱|电话|手机)|(发|寄|回|传)(到|给)?我的?(qq|微信|邮箱|电话)|(邮箱|qq)(是|:)")
_SERVICE = re.compile(r"通知我|告诉我|发我|发给我|回复我|联系我一下|发票|报告|订单|退|换货|改地址|物流|售后|谢谢")
_INVITE = re.compile(r"加我|加v|加群|进群|找我|私聊|私我|领券|内部|优惠|便宜|低价|同款|代理|批发|赚|返现|有货(?!了)|团购")
_SQUEEZE = re.compile(r"[\W_]+")  # spaces, punctuation and emoji out: "s b", "傻*逼", "n.m.s.l"
# a word split by a separator (the matching form already joins Chinese characters split by spaces)
_SPLIT = re.compile(r"[a-z0-9][\W_]+[a-z0-9]|[^\x00-\x7f][^\w\s,，。!！?？、~～]+[^\x00-\x7f]")
# flooding inside one line: a character or emoji run, or a short unit said over and over
_FLOOD = re.compile("(.)\\1{9,}|([\u2600-\u27bf\U0001f000-\U0001faff])\\2{5,}|(.{2,6}?)\\3{2,}", re.S)
_EMAIL = re.compile(r"[\w.*+%-]*@[\w.-]+")  # a (masked) e-mail's domain is not a link
_VARIATION = re.compile("[\ufe0e\ufe0f\u200d]|\U0001f3fb|\U0001f3fc|\U0001f3fd|\U0001f3fe|\U0001f3ff")

_LEXICON_HALF = 25_000
_NO_HITS: frozenset[str] = frozenset()


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
        # lexicon hits per text, in two generations (young, old) of at most _LEXICON_HALF texts each: a text
        # seen in the last two generations is not scanned again, and memory stays bounded
        self._lexicon: dict[str, frozenset[str]] = {}
        self._lexicon_old: dict[str, frozenset[str]] = {}

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

    def _scan(self, text: str, norm: str) -> frozenset[str]:
        found = self._lexicon.get(text)
        if found is None:
            found = self._lexicon_old.get(text)
            if found is not None:
                self._keep(text, found)
        if found is None:  # one scan for every lexicon, remembered per text (rooms repeat themselves)
            if "@" in norm:
                norm = _EMAIL.sub(" ", norm)
            hits: set[str] = set()  # written out rather than a comprehension over _LEXICONS: this runs for every new text
            if _ABUSE.search(norm) is not None or (_SPLIT.search(norm) and _ABUSE.search(_SQUEEZE.sub("", norm))):
                hits.add("abuse")
            if _NEGATIVE.search(norm) is not None:
                hits.add("negative")
            if _SCAM.search(norm) is not None:
                hits.add("scam")
            if _DIVERT.search(norm) is not None:
                hits.add("divert")
            if _PROMO.search(norm) is not None:
                hits.add("promo")
            if len(text) - len(set(text)) >= 5 and _flooded(text):
                hits.add("flood")
            found = _NO_HITS if not hits else frozenset(hits)
            self._keep(text, found)
        return found

    def _keep(self, text: str, found: frozenset[str]) -> None:
        if len(self._lexicon) >= _LEXICON_HALF:
            self._lexicon_old = self._lexicon
            self._lexicon = {}
        self._lexicon[text] = found

    def judge(self, text: str, norm: str, *, user_id: str = "", ts: float = 0.0,
              pii: tuple[str, ...] = ()) -> Verdict:
        """Label one comment. ``text`` is the (masked) display text, ``norm`` its matching form, ``pii`` the
        kinds the PII stage masked."""
        found = self._scan(text, norm)
        if not found and not pii:  # the common case: no lexicon hit, nothing masked; only repetition can label it
            repeated = self._repeats(user_id, norm, ts)
            return _OK if repeated is None else Verdict("spam", (repeated,))
        flags: list[str] = []
        if "negative" in found:
            flags.append("negative")
        label: Moderation = "ok"
        if "abuse" in found:
            label = "abuse"
            flags.append("insult")
        elif "scam" in found:
            label = "spam"
            flags.append("ad")
        elif pii and _CONTACTS & set(pii) and not _own_contact(norm, pii):
            label = "diversion"
            flags.append("contact")
        elif "divert" in found:
            label = "diversion"
            flags.append("offsite")
        elif "promo" in found:
            label = "spam"
            flags.append("ad")
        elif "flood" in found:
            label = "spam"
            flags.append("flood")
        repeated = self._repeats(user_id, norm, ts)
        if repeated and label == "ok":
            label = "spam"
        if repeated:
            flags.append(repeated)
        return Verdict(label, tuple(flags))


_CONTACTS = frozenset({"wechat", "qq", "email"})
_OK = Verdict("ok")  # frozen: one shared instance for the verdict most comments get


def _own_contact(norm: str, pii: tuple[str, ...]) -> bool:
    """The viewer leaves the shop their own address to be served ("发我邮箱 …", "我QQ … 有货了通知我"), with
    nothing that invites others to deal elsewhere. An e-mail needs only the service cue."""
    if not _SERVICE.search(norm) or _INVITE.search(norm):
        return False
    return set(pii) & _CONTACTS == {"email"} or _OWN_CONTACT.search(norm) is not None


def _flooded(text: str) -> bool:
    """A run of one character (10+) or emoji (6+), or a short phrase said over and over, in one line; laughter,
    "666", "111" and question or exclamation marks only from 20."""
    text = _VARIATION.sub("", text)
    for m in _FLOOD.finditer(text):
        unit = m.group(3)
        if unit is not None and (len(set(unit)) == 1 or len(m.group(0)) < 10):
            continue
        if len(m.group(0)) < 20 and not set(m.group(0)) - _CHEERS:
            continue  # a long laugh or "666…" is the audience cheering; only a very long one floods
        return True
    return False


_CHEERS = frozenset("哈呵嘿嘻哇啊哦噢嗯61hHaAkK?？!！.。…~～")  # and "1111…" answers the anchor's "扣1"


# the matching form is lower case: no IGNORECASE, so every lexicon keeps its first-character scan
_LEXICONS = (("abuse", _ABUSE), ("negative", _NEGATIVE), ("scam", _SCAM), ("divert", _DIVERT), ("promo", _PROMO))
