"""Context guards: when a matched word is not a claim (compliance.md ABS-5, ABS-6(1), ABS-8, §16).

Each guard answers "is this hit excused here?" from the normalised text around it. A rule lists the
guards that apply to it; a lexicon group or pattern may override the list.

Constraints:

- Scope is the clause (between commas and stops) or the sentence, never the whole text: a negation
  in one sentence does not excuse a claim in the next.
- Negation: a multi-character negator (不是, 不能说, 并非, 没有 …) up to 10 characters before the hit in
  the same clause, or 不/没/非/别 directly before it; affirmative idioms that contain 不 (不得不说,
  毫不夸张, 不要太, 不仅 …) are not negations.
- Questions: the viewer's question quoted or reported by the AI (是不是最好的？) is not a claim, but an
  answer that agrees with it (是的/对/没错 …) is, and so is a rhetorical question (难道/还不 …).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cohost.compliance.text import NormalizedText

_NEGATORS = ("并不是", "不是", "并非", "不算", "算不上", "谈不上", "称不上", "不能说", "不敢说", "不会说", "不能称",
             "不敢称", "没有说", "没说", "不说", "没法说", "没办法说", "没办法", "没法", "不好说", "说不上", "不敢保证", "不能保证", "无法保证", "不保证", "不承诺", "不能承诺",
             "没有", "不能", "不会", "不可能", "不代表", "未必", "不一定", "并没有", "从不", "绝不", "不要", "禁止",
             "避免", "杜绝", "严禁", "切勿", "不得", "拒绝", "不敢", "不存在", "无法", "不用", "不必", "不再", "哪有",
             "不让说", "不许说", "不准说", "不让用", "不许用", "不准用", "不让讲", "不能讲",
             "哪里是", "别说", "不建议", "别指望", "不指望", "不能指望", "指望不上", "not", "never", "isn't", "aren't", "don't", "can't", "cannot", "won't",
             "no longer")
_NEAR_NEGATORS = frozenset("不没非别无未勿")
_NOT_NEGATION = ("不得不", "不夸张", "毫不", "不用说", "不愧", "不要太", "不仅", "不但", "不光", "不止", "不只", "不骗",
                 "不吹", "不得了", "不错", "不少", "不断", "不管", "不论", "忍不住", "不然", "不过", "要不", "不同",
                 "不一样", "少不了", "离不开", "数不清", "不到", "不贵", "不停", "不久", "不禁", "不妨", "不如", "不输",
                 "不亚于", "不比", "不逊色", "不好意思", "没想到", "没得说", "没话说", "没毛病", "没的说", "没法比",
                 "非常", "非要", "是不是", "不信", "不服", "不用担心", "不会后悔", "不后悔", "没有之一", "无论",
                 "不能错过", "不要错过", "别错过", "不会错", "没错", "无敌", "无比", "无与伦比", "不二", "不亏",
                 "不踩雷", "不然")
_CONTRAST = re.compile(r"而是|但是|但|可是|却|只不过")
_QUESTION_IN_CLAUSE = re.compile(r"是不是|是否|有没有|会不会|能不能|可不可以|算不算|对不对|哪款|哪一款|哪种")
# V着呢 (穿着呢, 用着呢) states a fact, it does not ask; 我呢 / 我自己呢 / 主播呢 opening a sentence is a topic marker
# (我自己呢，去年冬天就…), not a question
_QUESTION_END = re.compile(r"(?:吗|么|(?<!着)(?<!^我)(?<![,\s]我)(?<!我自己)(?<!我本人)(?<!^主播)(?<![,\s]主播)呢)[~!。.\s]*$")
_REPORTED = re.compile(r"(?<![没请])问(?!题)|提问|想知道|好奇|留言|弹幕|评论区?(?:里)?有")
_AFFIRM = re.compile(r"[\s,]*(?:是的|是啊|对的|对啊|对|没错|当然|必须|绝对|肯定|确实|那必须|yes)")
_RHETORICAL = re.compile(r"难道|还不|怎么能不|谁不|哪个不|凭什么不")
_QUOTE_INTRO = re.compile(r"(?:问|说|提到|留言|评论|弹幕|讲|叫|称|写着|所谓|号称|什么)[^,。!?]{0,4}$")
# Used with .match(text, pos): no "^" (it would only match at the start of the whole text).
_META = re.compile(r"[^,。!?]{0,3}(?:这种|这样的|这类|这个|这些|等|之类的?)(?:词|字|说法|表述|用语|字眼|话)"
                   r"|[^,。!?]{0,4}(?:是|属于|算)(?:极限词|违禁词|违规|违反)|[^,。!?]{0,3}(?:的说法|这种话)")
_ASPIRATION = re.compile(r"目标|愿景|致力|追求|梦想|理想|希望|努力|力争|立志|使命|理念|宗旨|争取|争做|力求|只为|一心|"
                         r"用心|初心|信念|坚持|尽最大|尽力|全力以赴|想要做|想做|要做|服务|态度|诚意|真诚|售后")
_SELF = re.compile(r"店里|本店|咱家|咱们家|我们家|我家|店铺|全店|这几款|这两款|这三款|这几个|款里|款中|颜色里|色号里|"
                   r"系列里|这个系列|这一系列|同系列|今天这几|直播间里|这批|款式里|之中|里面|当中|其中|个颜色|所有颜色|"
                   r"所有色号|口味里|本场|今天带的|我们店|咱们店|产品线|几款|两款|三款|链接里|今天的")
_GLOBAL = re.compile(r"全网|全国|全球|全世界|行业|业内|史上|市面上|世界|全平台|国内|同类|所有品牌|宇宙|地表|天猫|京东|淘宝|"
                     r"抖音|拼多多|快手|别家|同行|公认|业界|(?<![眼泳甜啦一两三半友线])圈(?:里|内|的|子里)|(?<![眼边外视境])界(?:的|里|内)|认准|别处")
_CAUTION = re.compile(r"咨询医生|遵医嘱|请先咨询|慎用|就医|医生指导|正在服药|不能代替|不可替代|不能替代|不适用|请勿|禁用|忌用|"
                      r"过敏者|不建议|停止使用|停用|请在医生|不具有|不具备|无治疗|非药品|不是药")
# a referral to a doctor in the hit's own clause: the medical word names what the doctor decides (按医生建议选处方粮),
# not what the goods do; a claim in another clause (能降血压，不舒服先看医生) is not excused by it
_DOCTOR = r"(?:宠物医生|兽医|专科医生|医生|大夫)"
_REFERRAL = re.compile(rf"看(?:一下)?{_DOCTOR}|(?:按|听|遵)(?:照)?{_DOCTOR}的?(?:建议|意见|要求)|遵医嘱|"
                       rf"问(?:一下|问)?{_DOCTOR}|咨询(?:一下)?(?:专业)?{_DOCTOR}|{_DOCTOR}(?:开|给你开|推荐你用)的")
_INNER_NEGATION = re.compile(r"不|没|别|勿|禁止")

# a potential complement that denies the effect (解决不了耳鸣, 治不了鼻炎, 代替不了药), directly before the hit; 治不好的X
# is a relative clause (别的药治不好的湿疹…) and is not matched
_UNABLE = (r"(?:解决|治|治疗|管|改善|缓解|消除|去除|祛除|根治|预防|代替|替代|做|达)(?:不了|不到|不好)")
_UNABLE_BEFORE = re.compile(rf"{_UNABLE}(?:你的?|任何|这种|什么)?$")
# the effect named, then denied in its own clause (祛痘祛斑它都做不到, 美白这个真做不了, 防脱它是没用的)
_DENIED_AFTER = re.compile(r"[^,。!?;]{0,6}?(?:它|这个|这款|我们|咱们)?(?:都|也|是|真|根本|完全)?"
                           r"(?:做不到|做不了|办不到|达不到|管不了|解决不了|治不了|没用(?!过)|没有用|不管用|没效果|没有效果|"
                           r"没这个功效|没有这个功效|不具备|不具有|别指望)")
# the audience's own condition (有宝子说自己在控血糖, 正在烂脸期的宝子) said while sending them to a doctor: what the
# doctor decides, not what the goods do; a result in the sentence (三天就好了) keeps the claim
_AUDIENCE_BEFORE = re.compile(r"(?:自己|本身|家里人|孩子)(?:在|正在|有|是|得了?)?$|(?:^|[,。!?;\s])(?:正在|在)$")
_AUDIENCE_AFTER = re.compile(r"(?:期|阶段|的时候)?的?(?:宝子|宝宝们|宝妈|姐妹|朋友|家人|人|小伙伴|观众|粉丝|宝贝)")
_REDIRECT = re.compile(rf"{_DOCTOR}|医院|皮肤科|专科|门诊|药店|说明书|"
                       # or told to pause (烂脸期的姐妹先停用所有新东西，等皮肤稳定了再试): care advice, not an effect
                       r"先停用|停用|暂停使用|先停掉|先别用|先不要用|别再用|稳定了?再|恢复了?再")
# a change in the user that calls for adjusting the goods (孩子长个儿了往上调, 长高了换大一码): the user grows, the
# goods do not make them
_ADJUSTED = re.compile(r"^了?[^,。!?;]{0,3}?(?:就|再|可以|只要|要)?(?:往上|往高|往大|往后|调高|调大|调节|调一下|调一调|换大|换个大|"
                       r"升档|加长|放长|放宽|升级)")
_RESULT = re.compile(r"就好|好了|消了|没了|治好|能治|管用|有效|改善|缓解|就能|立马|见效|退了")
# the viewer's wish sent to other goods (想美白的宝子去看隔壁那支): this product is not said to do it
_WISH_BEFORE = re.compile(r"(?:想|想要|要)$")
_ELSEWHERE = re.compile(r"(?:去|可以|请)?(?:看|选|找|买|拍)(?:看|一下)?(?:隔壁|别的|其他|另外|另一|那支|那款|那个|专门)")

_ADDRESSEE = re.compile(r"(?:敢|能|会|想)?(?:跟|和|给|对|向|替)(?:大家|你们|您|你|各位|家人们|宝子们|宝宝们|姐妹们|朋友们|观众)"
                        r"(?:去|来|乱|随便|瞎)?(?:说|讲)?$")

Guard = Callable[[NormalizedText, int, int], bool]
REACH = 60
"""Characters a guard looks at around a hit, inside its sentence: keeps a 20,000-character text without
punctuation linear (each hit costs O(REACH), not O(sentence))."""


def near(norm: NormalizedText, start: int, end: int, before: int = REACH, after: int = REACH) -> tuple[int, int]:
    """The part of the hit's sentence within ``before``/``after`` characters of it."""
    s_start, s_end = norm.sentence(start)
    return max(s_start, start - before), min(s_end, end + after)


# ABS-6(6): a ranking is a fact bounded by time and place only when the line says the period or the scope
BOUNDED_TIME = re.compile(r"20\d\d|19\d\d|\d{1,2}月|双11|双十一|双12|618|上半年|下半年|季度|年度|本月|去年|今年|q[1-4]")
BOUNDED_SCOPE = re.compile(r"天猫|京东|淘宝|抖音|拼多多|快手|唯品会|类目|品类|榜|据|来源|数据来自|统计")


def said_with_scope(norm: NormalizedText, start: int, end: int) -> bool:
    """Whether the sentence around a ranking says its period or its scope (销量第① alone says neither)."""
    window = norm.text[slice(*near(norm, start, end))]
    return BOUNDED_TIME.search(window) is not None or BOUNDED_SCOPE.search(window) is not None


def negated(norm: NormalizedText, start: int, end: int) -> bool:
    c_start, c_end = norm.clause(start)
    if _DENIED_AFTER.match(norm.text, end, min(c_end, end + 14)):  # 祛痘祛斑它都做不到: the effect is denied
        return True
    if norm.text.startswith("不了", end):  # 保证不了, 承诺不了: the speaker says they cannot promise it
        return True
    window = norm.text[max(c_start, start - 12):start]
    if not window:
        return False
    if _UNABLE_BEFORE.search(window):  # 解决不了耳鸣: not 治不好的湿疹 (a relative clause about other goods)
        return True
    if window[-1] in _NEAR_NEGATORS and not _in_idiom(window, len(window) - 1):
        return True
    # 不跟大家打包票, 没给你们保证过: the negator stands before the person spoken to, and still denies the hit
    told = _ADDRESSEE.search(window)
    if told and told.start() > 0 and window[told.start() - 1] in _NEAR_NEGATORS and not _in_idiom(window, told.start() - 1):
        return True
    for negator in _NEGATORS:
        pos = window.rfind(negator)
        if pos < 0 or _in_idiom(window, pos) or _CONTRAST.search(window, pos + len(negator)):
            continue
        if negator.isascii() and not _ascii_word(window, pos, negator):
            continue
        return True
    return False


def _ascii_word(window: str, pos: int, word: str) -> bool:
    before = window[pos - 1] if pos > 0 else " "
    after = window[pos + len(word)] if pos + len(word) < len(window) else " "
    return not before.isalnum() and not after.isalnum()


def _in_idiom(window: str, pos: int) -> bool:
    for idiom in _NOT_NEGATION:
        i = window.find(idiom, max(0, pos - len(idiom) + 1))
        while 0 <= i <= pos:
            if i + len(idiom) > pos:
                return True
            i = window.find(idiom, i + 1)
    return False


# the host's own answer after a reported question (问我是不是真人，我当然是真人): a clause opened by the speaker
# affirming is said, not asked
_ANSWER_OPEN = re.compile(r"\s*(?:是的|对|没错|那)?[,]?\s*(?:我|主播|人家)(?:当然|肯定|绝对|确实|真的|就|可)")


def _reported(norm: NormalizedText, w_start: int, start: int) -> bool:
    m = _REPORTED.search(norm.text, w_start, start)
    if m is None:
        return False
    c_start, _ = norm.clause(start)
    return not (m.start() < c_start and _ANSWER_OPEN.match(norm.text, c_start) is not None)


def question(norm: NormalizedText, start: int, end: int) -> bool:
    _, s_end = norm.sentence(start)
    w_start, w_end = near(norm, start, end)
    c_start, c_end = norm.clause(start)
    c_start, c_end = max(c_start, start - REACH), min(c_end, end + REACH)
    asked = (norm.text[max(w_start, s_end - 6):s_end].rstrip(" ~!。").endswith("?")
             or _QUESTION_END.search(norm.text[c_start:c_end]) is not None
             or _QUESTION_IN_CLAUSE.search(norm.text, c_start, end) is not None  # 孕妇能不能用: asked, not said
             or _reported(norm, w_start, start))
    if not asked or _RHETORICAL.search(norm.text, w_start, w_end):
        return False
    return _AFFIRM.match(norm.text, s_end, s_end + 12) is None


def quotation(norm: NormalizedText, start: int, end: int) -> bool:
    quote = norm.quote_around(start, end)
    if quote is None:
        return False
    q_open, q_close = quote
    inner = norm.text[q_open + 1:q_close].rstrip(" ~!")
    if inner.endswith("?") or _QUESTION_END.search(inner):
        return True
    s_start, _ = norm.sentence(q_open)
    if _QUOTE_INTRO.search(norm.text[max(s_start, q_open - 8):q_open]):
        return True
    return _META.match(norm.text, q_close + 1, q_close + 13) is not None


def meta(norm: NormalizedText, start: int, end: int) -> bool:
    return _META.match(norm.text, end, end + 12) is not None


def aspiration(norm: NormalizedText, start: int, end: int) -> bool:
    w_start, _ = near(norm, start, end)
    return _ASPIRATION.search(norm.text, w_start, start) is not None


def self_comparison(norm: NormalizedText, start: int, end: int) -> bool:
    w_start, w_end = near(norm, start, end)
    # a global scope said only to be denied (…里唯一的香型，不是说全网唯一) does not widen the comparison
    if any(not negated(norm, m.start(), m.end()) for m in _GLOBAL.finditer(norm.text, w_start, w_end)):
        return False
    return any(_own_scope(norm, m, start) for m in _SELF.finditer(norm.text, w_start, start))


# 里面/之中/当中 bound a comparison to the seller's own range only after an own-range word (这几款里面, 我们家的
# 产品当中); after a category (猫粮里面营养最全面, 防晒里面) they compare with the whole market. 这批 (this batch)
# bounds only its own clause.
_SCOPE_WORDS = ("里面", "之中", "当中")
_OWN_BEFORE = re.compile(r"这几|这些|这两|这三|我们|咱们|我家|咱家|店|款|直播间|今天|系列|色号|颜色|口味|链接")


def _own_scope(norm: NormalizedText, m: re.Match[str], start: int) -> bool:
    word = m.group(0)
    if word in _SCOPE_WORDS:
        c_start, _ = norm.clause(m.start())
        return _OWN_BEFORE.search(norm.text, max(c_start, m.start() - 8), m.start()) is not None
    if word == "这批":
        return norm.clause(m.start()) == norm.clause(start)
    return True


def caution(norm: NormalizedText, start: int, end: int) -> bool:
    w_start, w_end = near(norm, start, end)
    if _CAUTION.search(norm.text, w_start, w_end) is not None:
        return True
    c_start, c_end = norm.clause(start)
    return _REFERRAL.search(norm.text, max(c_start, start - REACH), min(c_end, end + REACH)) is not None


def redirect(norm: NormalizedText, start: int, end: int) -> bool:
    """The condition is the audience's (自己在控血糖, 烂脸期的宝子) and the sentence sends them to a doctor, or the wish
    is sent to other goods (想美白的宝子去看隔壁那支); a result claimed in the sentence is never excused."""
    c_start, _ = norm.clause(start)
    s_start, s_end = near(norm, start, end)
    before = norm.text[max(c_start, start - 8):start]
    if _WISH_BEFORE.search(before) and _AUDIENCE_AFTER.match(norm.text, end) \
            and _ELSEWHERE.search(norm.text, end, s_end):
        return True
    if not (_AUDIENCE_BEFORE.search(before) or _AUDIENCE_AFTER.match(norm.text, end)):
        return False
    return _REDIRECT.search(norm.text, end, s_end) is not None and _RESULT.search(norm.text, s_start, s_end) is None


def adjusted(norm: NormalizedText, start: int, end: int) -> bool:
    return _ADJUSTED.search(norm.text[end:end + 12]) is not None


# a crisis answered as the rules ask (热线12356, 已经通知工作人员联系你, 先不聊产品了) with no selling in the text
# (the host's actions: a viewer's own comment that names a hotline is still a crisis signal)
_HELP = re.compile(r"(?:请|可以|马上|记得)(?:拨打|打)[^,。!?;]{0,8}?(?:热线|援助电话)|工作人员(?:会|马上|已经)?(?:联系你|私信你|找你)|"
                   r"(?:已经|马上)(?:帮你)?(?:通知|转给?)(?:了)?(?:后台|工作人员|客服|人工)|先不聊产品|先不卖货|暂停(?:一下)?(?:讲解|卖货|带货)")
_SELLING = re.compile(r"拍|下单|买|链接|优惠|库存|抢|秒杀|价|划算|囤|上车")


def helped(norm: NormalizedText, start: int, end: int) -> bool:
    return _HELP.search(norm.text) is not None and _SELLING.search(norm.text) is None


def inner_negation(norm: NormalizedText, start: int, end: int) -> bool:
    return _INNER_NEGATION.search(norm.text, start, end) is not None


GUARD_FUNCTIONS: dict[str, Guard] = {
    "negation": negated, "question": question, "quotation": quotation, "meta": meta,
    "aspiration": aspiration, "self_comparison": self_comparison, "caution": caution,
    "inner_negation": inner_negation, "redirect": redirect, "adjusted": adjusted,
    "helped": helped,
}


def excused(norm: NormalizedText, start: int, end: int, guards: tuple[str, ...]) -> str | None:
    """The name of the first guard that excuses [start, end), or ``None``."""
    for name in guards:
        if GUARD_FUNCTIONS[name](norm, start, end):
            return name
    return None
