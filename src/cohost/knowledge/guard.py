"""The rewrite guard: an LLM may rephrase a grounded answer, never add to it.

A rewrite is rejected (and the grounded draft used) when it carries a number that is not in the cited
facts (digits or Chinese numerals: "八十九元" counts), names an attribute value or variant of the product
that the answer did not cite, drops a "sold out", claims to be human, uses an absolute advertising term
the facts do not contain, or is empty or far longer than the draft. The viewer's words never reach the
model: the prompt holds only the draft and the cited facts, so a comment cannot instruct the rewriter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from cohost.domain import ProductFact
from cohost.errors import ProviderError
from cohost.knowledge.text import chinese_to_int, compact, normalize
from cohost.providers.base import LLM, ChatMessage, ChatRequest

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万]{2,}|[一二两三四五六七八九十](?=元|块|件|折|号|毫升|克|斤|天|个|瓶|支|盒)")
_HUMAN_CLAIM = re.compile(r"我是真人|我不是(ai|机器人|人工智能)|真人主播|我是人类|i am (a )?human|not an ai")
_ABSOLUTE = re.compile(r"最低价|全网最低|最便宜|第一|最好|最佳|顶级|100%|百分百|绝对|国家级|保证|包治|治愈|根治|无副作用|永久")
_SOLD_OUT = re.compile(r"售罄|卖完|没货|无货|缺货|sold out")


def _canon(number: str) -> str:
    try:
        value = Decimal(number)
    except InvalidOperation:
        return number
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def numbers_in(text: str) -> set[str]:
    """Every number a reader would see in ``text``, canonical (89.00 → 89), Chinese numerals included."""
    text = normalize(text)
    found = {_canon(n) for n in _DIGITS.findall(text)}
    for run in _CN_NUMBER.findall(text):
        value = chinese_to_int(run)
        if value is not None:
            found.add(str(value))
    return found


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    problems: tuple[str, ...] = ()


def check_rewrite(rewrite: str, draft: str, cited: Sequence[ProductFact], product: Sequence[ProductFact]) -> Verdict:
    """Is ``rewrite`` only a rephrasing of ``draft``? ``product`` is every fact of the product answered
    about, used to spot values the rewrite took from facts the answer did not cite."""
    problems: list[str] = []
    text = rewrite.strip()
    if not text:
        return Verdict(False, ("empty",))
    if len(text) > max(3 * len(draft), 200):
        problems.append("too long")
    allowed = numbers_in(draft)
    for fact in cited:
        allowed |= numbers_in(str(fact.value))
    extra = numbers_in(text) - allowed
    if extra:
        problems.append("numbers not in the cited facts: " + ", ".join(sorted(extra)))
    cited_ids = {f.id for f in cited}
    key, draft_key = compact(text), compact(draft)
    for fact in product:
        if fact.id in cited_ids or not (fact.field.startswith(("attr:", "variant:")) or fact.field == "brand"):
            continue
        for part in re.split(r"[/、,，;；|+\s]+", normalize(str(fact.value))):
            part = compact(part)
            if len(part) >= 2 and part in key and part not in draft_key:
                problems.append(f"value {part!r} from uncited fact {fact.id}")
    if _HUMAN_CLAIM.search(normalize(text)):
        problems.append("claims to be human")
    evidence = draft + "".join(str(f.value) for f in cited)
    for m in _ABSOLUTE.finditer(text):
        if m.group(0) not in evidence:
            problems.append(f"absolute term {m.group(0)!r}")
    if _SOLD_OUT.search(draft) and not _SOLD_OUT.search(text):
        problems.append("dropped 'sold out'")
    return Verdict(not problems, tuple(problems))


_SYSTEM = (
    "你是直播间的AI助手。把“原回答”换一种口语化、简短、亲切的说法。只能使用给出的事实；不要添加任何数字、价格、"
    "日期、功效、承诺或比较；不要说自己是真人。只输出改写后的一句话。"
)


def rewrite(llm: LLM, draft: str, cited: Sequence[ProductFact], product: Sequence[ProductFact]) -> tuple[str, Verdict]:
    """Ask ``llm`` to rephrase; return the rewrite if the guard accepts it, else the draft."""
    facts = "\n".join(f"- {f.label}: {f.value}" for f in cited)
    request = ChatRequest(messages=[ChatMessage("system", _SYSTEM),
                                    ChatMessage("user", f"事实：\n{facts}\n原回答：{draft}")],
                          draft=draft, max_tokens=160, temperature=0.7)
    try:
        text = llm.chat(request).text.strip().strip("\"“”")
    except ProviderError as exc:
        return draft, Verdict(False, (f"provider failed: {exc.category}",))
    verdict = check_rewrite(text, draft, cited, product)
    return (text if verdict.ok else draft), verdict
