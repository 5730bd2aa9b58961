"""The matter a question asks, answered before its intent's composer: a shop rule of its own ("发票怎么开",
"买完降价了怎么办", "晚上11点还有客服吗", "颜色不喜欢可以换吗", "台湾能买吗"), the offer it names ("收纳袋送到几号"),
two variants of one product compared ("6包和12包哪个划算"), a variant that cannot be bought ("s码怎么拍不了"), and
bargaining, which no offer answers ("能便宜点吗"). Also the steps ``Drafter`` uses later: the products of a
comparison in the question's order, each named product's offer of one kind ("推车和座椅都能分期吗"), the attribute
stating whom a product suits ("我190能用吗"). ``MatterDrafts`` is the part of ``drafting.Drafter`` doing this.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from cohost.knowledge.answers import Composer, Draft
from cohost.knowledge.linking import Link
from cohost.knowledge.offers import (
    bargaining,
    deadline_asked,
    offer_holds,
    offer_named,
    offers_of,
    promotion_kind,
)
from cohost.knowledge.pairings import base_gap, telling_pair, variant_contents
from cohost.knowledge.retrieval import ANSWER_AT
from cohost.knowledge.shop_rules import exchange_asked, place_asked, policy_covers, rule_asked
from cohost.knowledge.sources import FactSource
from cohost.knowledge.suitability import suited
from cohost.knowledge.text import Question, compact
from cohost.knowledge.variants import compared_variants, unlinked, variant_named, variants_numbered
from cohost.knowledge.views import ProductFacts, VariantFacts

if TYPE_CHECKING:
    from cohost.domain import ProductFact
    from cohost.knowledge.engine import _Indexes

# a place asked with a way of getting the goods there ("台湾能买吗", "能寄新加坡吗"), not where they come from
_SENT = re.compile(r"寄|发(货|到|过去)?|邮|送到|运|快递|配送|能买|可以买|买得到|能拍|下单")

# two variants compared by price or as a whole ("哪个划算", "有啥不同"), not by a measure ("片数差多少")
_VARIANT_GAP = re.compile(r"划算|贵|便宜|价|钱|区别|不同|不一样|差在|差别|差啥|怎么选|选哪")
_MONEY = re.compile(r"划算|贵|便宜|价|钱|实惠")
# a variant that cannot be bought ("s码怎么拍不了"): asked of its stock
_CANT_BUY = re.compile(r"(拍|买|下单|选|加购)不(了|到|上)|(没法|不能|无法)(拍|买|下单|选)")

# whether a variant is there or left ("25的有货不", "有38的吗", "没货了")
_STOCK_ASKED = re.compile(r"有货|还有|没货|没了|有没有|有.{0,6}(吗|么|嘛|不|没)|剩|库存|卖完|售罄")


class MatterDrafts:
    """Answers by the matter asked; mixed into ``drafting.Drafter``, whose attributes these are."""

    composer: Composer
    source: FactSource
    _indexes: Callable[[], _Indexes]
    _product: Callable[[str | None, datetime], ProductFacts | None]

    def by_matter(self, intent: str, q: Question, link: Link, pf: ProductFacts | None,
                  named: list[VariantFacts]) -> Draft | str | None:
        """The answer (or the reason to hand over) when the question's matter settles it, else None."""
        if intent in ("price", "promotion", "other", "purchase") and bargaining(q.text):
            return "no_fact"  # "能便宜点吗", "老粉了能再少点吗": a price nobody has set, not the promotion
        if intent != "complaint" and (key := rule_asked(q.text)) is not None and (intent != "human" or key == "customer_service"):
            ruled = self._policy(q, key, pf)  # "发票怎么开", "买完降价了怎么办", "晚上11点还有客服吗": that shop rule
            if ruled is not None:
                return ruled
        if intent in ("other", "attribute", "variant", "stock", "purchase") and exchange_asked(q.text) and (
                named or re.search(r"拍|买|收到|到手|下单", q.text)):
            ruled = self._policy(q, "exchange", pf)  # "汝窑换白瓷可以吗", "拍了能换成黑色吗": the exchange rule
            if ruled is not None:
                return ruled
        if intent in ("other", "purchase", "attribute", "stock") and place_asked(q.text) and _SENT.search(q.text):
            ruled = self._policy(q, "shipping", pf)  # "台湾能买吗": the shipping rule, when it names the place
            if ruled is not None:
                return ruled
        if intent in ("shipping", "returns", "other", "attribute", "purchase") and pf is not None and deadline_asked(q.text) \
                and (offered := self._offer(q, pf)) is not None:
            return offered  # "收纳袋送到几号": the offer that names it, not the shipping rule
        if pf is not None and intent in ("price", "comparison", "promotion", "other") and (
                gap := base_gap(self.composer, q, pf, named)) is not None:
            return gap  # "礼盒装比普通的贵多少": that variant's price and the base one
        if pf is not None and link.via not in ("ambiguous", "unknown_link") and intent in (
                "other", "attribute", "variant", "stock", "comparison") and (
                held := variant_contents(self.composer, q, pf, named)) is not None:
            return held  # "情侣套装包含什么", "升级版多了啥": the variant's name says what it holds
        if pf is not None and link.via not in ("ambiguous", "unknown_link") and intent in (
                "comparison", "price", "stock", "other", "attribute", "variant") and _VARIANT_GAP.search(q.text):
            pair = compared_variants(q.text, [(v.sku, str(v.name.value)) for v in pf.variants])
            faq = [] if pair is None or _MONEY.search(q.text) else [
                h for h in self._indexes().facts.search(q, pf.sku) if ".faq:" in h.fact_id and h.score >= ANSWER_AT + 1]
            if faq:  # "特级和一级有啥区别": the merchant's FAQ comparing them says more than two prices
                return self.composer.facts(q, pf, faq) or "no_fact"
            if pair is not None:  # "6包和12包哪个划算", "计数款和标准款有啥不同": the two variants' prices
                both = [v for v in (pf.variant(s) for s in pair) if v is not None]
                if (told := telling_pair(self.composer, q, pf, both)) is not None:
                    return told  # "32和38怎么选": the attribute that speaks of both
                return self.composer.price(q, pf, both) or "no_fact"
        if intent == "purchase" and pf is not None and _CANT_BUY.search(q.text) and named:
            return self.composer.stock(q, pf, named) or "no_fact"  # "s码怎么拍不了": that size is sold out, or not
        return None

    @staticmethod
    def named_by_core(intent: str, q: Question, pf: ProductFacts, named: list[VariantFacts],
                      link_number: int | None = None) -> tuple[str, list[VariantFacts]]:
        """The variant a stock or price question names by its name's core ("二人帐篷还有多少" ↔ 2人款, "25的有货不"
        ↔ 25mm) when none was found by its whole name; such a question of another intent asks its stock."""
        stocked = intent in ("other", "variant") and _STOCK_ASKED.search(q.text) is not None
        if named or not pf.variants or not (intent in ("stock", "price") or stocked):
            return intent, named
        names = [(v.sku, str(v.name.value)) for v in pf.variants]
        own = variant_named(q.text, names)
        said = q.text if link_number is None else unlinked(q.text, link_number)  # "5号还有吗": the link, not 5号色
        skus = [own] if own is not None else variants_numbered(said, names)  # "58的还有吗" ↔ 圈口58mm
        found = [v for v in (pf.variant(s) for s in skus) if v is not None]
        if not found or len(found) == len(names) > 1:
            return intent, named  # a number every variant holds names none of them
        return ("stock" if stocked else intent), found

    def _attribute(self, q: Question, pf: ProductFacts, fact: ProductFact | None) -> Draft | None:
        if fact is None:
            return None
        d = Draft(lang=q.lang)
        self.composer.say_fact(d, fact, pf, q.lang)
        return d if d.facts else None

    def _in_question_order(self, q: Question, skus: list[str], link: Link) -> list[str]:
        """The compared products in the order the question names them ("挂耳和冻干…": 挂耳 first); one on screen
        and not named stands where "这个" does, else last. Link numbers keep the order they were read in."""
        if link.via == "link_number" or len(skus) < 2:
            return skus
        _, matched = self._indexes().linker.mentions(q.key, None, q.text)

        def first(sku: str) -> int:
            spots = [q.key.find(f) for f in matched.get(sku, ()) if not f.startswith("en:")]
            found = [p for p in spots if p >= 0]
            if found:
                return min(found)
            here = re.search(r"这|本", q.key)
            return here.start() if sku == link.context and here is not None else len(q.key) + 1

        return sorted(skus, key=first)

    def _both_offers(self, q: Question, skus: list[str], now: datetime) -> Draft | None:
        """Each named product's offer of the kind asked, in the question's order; None unless both have one."""
        kind = promotion_kind(q.text)
        if kind is None:
            return None
        said: list[str] = []
        d = Draft(lang=q.lang)
        for sku in skus:
            item = self._product(sku, now)
            texts = [str(p.value) for p in item.promotions] if item is not None else []
            found = offers_of(kind, texts)
            if item is None or not found:
                return None  # one of them has no such offer: not said here
            promo = item.promotions[found[0]]
            said.append(f"{self.composer._name(item)}：{str(promo.value).rstrip('。')}")
            d.facts.append(promo.id)
        d.parts.append("；".join(said) + "。")
        return d

    def _suited(self, q: Question, pf: ProductFacts) -> Draft | None:
        """The attribute stating the ages, heights or uses the product suits, for a question telling one (``suitability``)."""
        i = suited(q.text, [(a.label, str(a.value)) for a in pf.attributes])
        return self._attribute(q, pf, pf.attributes[i] if i is not None else None)

    def _offer(self, q: Question, pf: ProductFacts) -> Draft | None:
        """The one promotion naming what a yes/no or deadline question asks about (``offers.offer_named``)."""
        brand = pf.get("brand")
        aliases = pf.get("aliases")
        names = compact(" ".join([pf.title, str(brand.value) if brand else "", str(aliases.value) if aliases else ""]))
        i = offer_named(q.text, [str(p.value) for p in pf.promotions], names)
        if i is None:
            return None
        if not deadline_asked(q.text) and not offer_holds(q.text, str(pf.promotions[i].value), names):
            return None  # "鞋垫能拆吗" of "下单送鞋垫": the gift is named, what is asked of it (拆) is not
        return self._attribute(q, pf, pf.promotions[i])

    def _policy(self, q: Question, key: str, pf: ProductFacts | None) -> Draft | None:
        """The shop rule ``key``, when the shop has it and it speaks to the detail asked (``policy_covers``)."""
        rule = next((f for f in self.source.shop_facts() if f.id == f"shop.policy:{key}"), None)
        if rule is None or not policy_covers(q.text, str(rule.value)):
            return None
        d = Draft(lang=q.lang)
        self.composer.say_fact(d, rule, pf, q.lang)
        return d if d.facts else None


__all__ = ["MatterDrafts"]
