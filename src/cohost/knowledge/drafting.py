"""``Drafter``: the answer-composition steps — from an intent, a product link and this product's facts read
now to a ``Draft`` citing the facts it rests on, or the reason to hand over (``"no_fact"``,
``"ambiguous_product"``…). The engine decides *what* is asked (``QAEngine._read``); this decides *which*
facts answer it, in order: the intent's own composer, then the measure the question names, a shop rule, an
offered value, and last the sentence embedder's proposal. The question cues that take an answer away
(facts only sharing words, an unsaid body shape, a comparison outside the catalog) are in
:mod:`cohost.knowledge.cues`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from cohost.knowledge.answers import Composer, Draft, gift_object
from cohost.knowledge.cautions import cautioned
from cohost.knowledge.choices import MATERIAL, chosen, contained, material_part, offered
from cohost.knowledge.closedlists import ClosedList, asked_option, closed_list, listing_attribute
from cohost.knowledge.compatibility import compatible_fields
from cohost.knowledge.cues import (
    _DEICTIC,
    body_shape_unsaid,
    off_topic,
    outside_comparand,
    outside_comparison,
)
from cohost.knowledge.inclusions import included_asked, included_fields
from cohost.knowledge.instructions import instructed
from cohost.knowledge.intents import APPLIANCE_USE, core_of
from cohost.knowledge.lexicon import DIMENSION_LABELS, colour_settled, concepts_asked, label_matches
from cohost.knowledge.linking import Link, title_heads
from cohost.knowledge.matters import MatterDrafts
from cohost.knowledge.offers import deadline_asked, offers_of, promotion_kind
from cohost.knowledge.pairings import pair_draft, variant_pair
from cohost.knowledge.quantities import answering, asks_power, misses
from cohost.knowledge.retrieval import ANSWER_AT, Hit
from cohost.knowledge.shop_rules import detail_rule
from cohost.knowledge.sources import FactSource
from cohost.knowledge.text import Question, compact
from cohost.knowledge.unknowable import subject_words
from cohost.knowledge.variants import unlinked
from cohost.knowledge.views import ProductFacts, VariantFacts

if TYPE_CHECKING:
    from cohost.knowledge.engine import _Indexes

# concepts a shop rule (not a product) answers
SHOP_CONCEPTS = frozenset({"shipping", "warranty", "invoice", "service_hours"})

# a question naming one variant by a word the variants' names do not hold ("大号", "情侣款", "36的")
_UNRESOLVED_VARIANT = re.compile(r"[\u4e00-\u9fff](?<![这那此同新爆本该哪啥一每两几])款(?!式|都|全)|(?<!哪)[大中小]号(?!链接)|"
                                 r"(?<![\d.])\d{2,3}(码|号)?(?=的|有|还|现货)")

# kinds of offer that hold only for some buyers: said in a promotion or a shop rule, or unknown
_PROMO_KIND = re.compile(r"新人|新客|会员|首单|老客|老顾客|学生|积分|生日|vip|粉丝|团购|企业|批发|员工")

# an offer by spend threshold ("满300减多少", "满减怎么算", "满200减吗")
_THRESHOLD = re.compile(r"满\s*[\d一二三四五六七八九十百千]+\s*(元|块)?\s*(减|送|打|折)|满减")

# a yes/no question ("能刻字吗", "有防踢垫吗") or one asking when an offer ends
_OFFER_ASKED = re.compile(r"^[^吗么嘛]{0,12}(能|可以|有|送)[^吗么嘛]{1,8}(吗|么|嘛|不)|截止|结束|到几号|到什么时候|到啥时候|怎么|如何")

# "<trait>的那个/那款…" opening a question: a product told by one trait
_VAGUE = re.compile(r"^\s*([a-z0-9\u4e00-\u9fff+-]{1,10}?)的那(?:个|款|件|条|只|根|台|种)", re.I)


class Drafter(MatterDrafts):
    """Composes one intent's answer from facts; ``indexes`` and ``product`` are the engine's."""

    def __init__(self, composer: Composer, source: FactSource, indexes: Callable[[], _Indexes],
                 product: Callable[[str | None, datetime], ProductFacts | None]) -> None:
        self.composer = composer
        self.source = source
        self._indexes = indexes
        self._product = product
        self._catalog_cache: tuple[str, str, dict[str, str]] | None = None

    def _threshold_offered(self, pf: ProductFacts) -> bool:
        """Does a promotion of the product, or a shop fact, speak of a spend threshold (满…减, 满减)?"""
        said = [str(f.value) for f in pf.by_id.values() if f.field.startswith("promotion")]
        said += [str(f.value) for f in self.source.shop_facts()]
        return any("满" in t for t in said) or bool(offers_of("threshold", said))  # "任选3件减30元" too

    def _texts(self) -> tuple[str, dict[str, str]]:
        """The whole catalog's words (names, facts, shop rules) and each product's, compacted; rebuilt on change."""
        version = self.source.version()
        if self._catalog_cache is None or self._catalog_cache[0] != version:
            per = {p.sku: compact(" ".join([p.title, p.brand or "", p.category, *p.aliases,
                                            *(str(f.value) for f in self.source.facts(p.sku))]))
                   for p in self.source.products()}
            shop = compact(" ".join(str(f.value) for f in self.source.shop_facts()))
            self._catalog_cache = (version, " ".join([*per.values(), shop]), per)
        return self._catalog_cache[1], self._catalog_cache[2]

    def _catalog_text(self) -> str:
        return self._texts()[0]

    def vague_reference(self, q: Question, link: Link) -> bool:
        """"无线的那个续航多少", "Type-C的那个多少钱" with nothing on screen: a product told only by a trait
        that several products of the catalog share — which one is meant is not known."""
        if link.context is not None or link.via in ("link_number", "unknown_link"):
            return False
        m = _VAGUE.match(q.text)
        if m is None:
            return False
        trait = compact(m.group(1))
        if len(trait) < 2 or _DEICTIC.match(trait):
            return False
        per = self._texts()[1]
        titled = [p.sku for p in self.source.products() if trait in compact(p.title)]
        if titled == [link.sku]:
            return False  # "键盘的那个": the one product whose name holds the trait, and the one linked
        return sum(trait in text for text in per.values()) >= 2

    def compose(self, intent: str, q: Question, link: Link, pf: ProductFacts | None,
                 named: list[VariantFacts], hits: list[Hit], now: datetime) -> Draft | str:
        c = self.composer
        if link.via == "unknown_link" and intent not in ("complaint", "human"):
            return "no_fact"  # "11号链接多少钱": no product has that link number, so nobody can say (not "which one?")
        if intent in ("comparison", "price", "promotion", "attribute", "other", "suitability") and outside_comparison(q.text):
            return "no_fact"
        if intent not in ("complaint", "human", "shipping", "returns") and self.vague_reference(q, link):
            return "ambiguous_product"
        matter = self.by_matter(intent, q, link, pf, named)
        if matter is not None:
            return matter
        if intent == "purchase":
            if pf is None and (link.via in ("ambiguous", "unknown_link") or not c.bought(q)):
                return "ambiguous_product"
            return c.purchase(q, pf)
        if intent in ("shipping", "returns"):
            return c.policy(q, intent, pf, hits, self.source.shop_facts()) or "no_fact"
        if intent == "comparison":
            paired = len(link.candidates) == 2 and re.search(r"和|跟|与|还是|比", q.text) is not None \
                and re.search(r"这|那", q.text) is None  # "这个和面霜比": which 面霜 is not known
            if link.via == "unknown_link" or (link.via == "ambiguous" and not link.separate and not paired):
                return "ambiguous_product"
            if link.via == "ambiguous":  # "龙井和茉莉花茶哪个好": two products, each named by its own words
                skus = list(link.candidates)
            else:
                skus = list(dict.fromkeys(s for s in (link.context, link.sku, *link.named) if s))
            if len(skus) > 2 and link.via != "link_number":
                return "ambiguous_product"  # "卫衣和冲锋衣": one of the names fits several products
            if len(skus) <= 1 and link.via != "ambiguous" and outside_comparand(q.text, self._catalog_text()):
                return "no_fact"  # "跟罗技的比怎么样": a maker the catalog never names — nobody here knows it
            for sku in skus:  # a merchant's FAQ that already compares them is the best answer
                faq = [h for h in self._indexes().facts.search(q, sku) if ".faq:" in h.fact_id and h.score >= ANSWER_AT + 1]
                item = self._product(sku, now)
                if faq and item is not None:
                    return c.facts(q, item, faq) or "no_fact"
            skus = self._in_question_order(q, skus, link)  # the product named first is the answer's subject
            items = [p for p in (self._product(s, now) for s in skus[:3]) if p is not None]
            if len(items) >= 2:
                return c.comparison(q, items) or "no_fact"
            pair = named[:2] if len(named) >= 2 else variant_pair(q.text, pf) if pf is not None else None
            if pf is not None and pair:  # "梅多克和波尔多哪个贵": two variants of the one product named
                return pair_draft(c, q, pf, pair, hits) or "no_fact"
            return "ambiguous_product"
        if intent in ("complaint", "human"):
            return "complaint" if intent == "complaint" else "human_request"
        if pf is None and link.via == "none" and intent == "promotion" and (kind := _PROMO_KIND.search(q.text)):
            # "有没有新人券", "会员有折扣吗": a kind of offer no promotion of the catalog names — nobody knows
            said = " ".join(str(f.value) for p in self.source.products() for f in self.source.facts(p.sku)
                            if f.field.startswith("promotion:"))
            said += " ".join(str(f.value) for f in self.source.shop_facts())
            if kind.group(0) not in said:
                return "no_fact"
        if pf is None and link.via == "none" and intent == "usage":  # "发票怎么开": a shop rule holding every word
            return self._shop_rule(q, hits) or "ambiguous_product"
        if pf is None and link.via == "none" and intent in ("other", "attribute"):
            # not about a product: a shop policy may answer it (发票, 客服时间), else nobody knows
            policy = [h for h in hits if h.fact_id.startswith("shop.") and h.score >= ANSWER_AT]
            if policy:
                d = Draft(lang=q.lang)
                for fact in self.source.shop_facts():
                    if fact.id == policy[0].fact_id:
                        c.say_fact(d, fact, None, q.lang)
                return d if d.facts else "no_fact"
            if intent == "attribute" and any(c.name not in SHOP_CONCEPTS for c in concepts_asked(q.text)):
                return "ambiguous_product"  # "重量多少": a product's attribute, of no product named or on screen
            return self._rule_detail(q) or "no_fact"
        if pf is None and link.via == "none" and intent == "price" and (rule := self._rule_detail(q)) is not None:
            return rule  # "运费险赔多少钱": the money a shop rule names, not a product's price
        if link.via in ("ambiguous", "unknown_link") or pf is None:
            return "ambiguous_product"
        intent, named = self.named_by_core(intent, q, pf, named, link.link_number)  # "二人帐篷还有多少", "25的有货不"
        draft: Draft | None
        closed = self._closed(q, pf, named) if intent in ("other", "attribute", "variant", "stock", "suitability") else None
        if closed is not None and not closed.present:  # "有46码吗" ↔ 尺码范围: 36-45码, "有红色吗" ↔ 颜色 — no, these are there
            return self._listed(q, pf, closed.index, "closed.no")
        if intent == "usage" and re.search(APPLIANCE_USE, q.text) and not c.care(q, pf, hits) and not self._instructed(q, pf):
            intent = "attribute"  # "能放微波炉吗" no care text names: a property (可微波, 洗涤方式) or held, not the how-to
        if intent == "price":
            draft = c.price(q, pf, named)
        elif intent == "stock":
            draft = c.stock(q, pf, named)
            said = q.text if link.link_number is None else unlinked(q.text, link.link_number)
            if draft is not None and not named and pf.variants and _UNRESOLVED_VARIANT.search(said):
                return "no_fact"  # "大号地毯有货吗", "情侣款还有吗": one variant asked, none found — never the total
        elif intent == "variant":
            draft = c.variant(q, pf, named, hits)
            if draft is not None and not named and (i := listing_attribute(
                    q.text, [(a.label, str(a.value)) for a in pf.attributes], [str(v.name.value) for v in pf.variants])) is not None \
                    and pf.attributes[i].id not in draft.facts:
                c.say_fact(draft, pf.attributes[i], pf, q.lang)  # "有哪些颜色": the colour attribute beside the variants
        elif intent == "promotion" and _THRESHOLD.search(q.text) and not self._threshold_offered(pf):
            draft = None  # "满300减多少": no offer of the product or the shop is a spend threshold — nobody knows
        elif intent == "promotion" and len(set(link.named)) == 2 and re.search(r"(和|跟|与).+都", q.text):
            draft = self._both_offers(q, list(dict.fromkeys(link.named)), now)  # "推车和座椅都能分期吗": each one's offer
        elif intent == "promotion" and (deadline_asked(q.text) or (
                promotion_kind(q.text) == "gift" and not gift_object(q.text)
                and offers_of("gift", [str(p.value) for p in pf.promotions]))):
            draft = c.promotion(q, pf)  # "送的挂架什么时候截止", "有赠品吗": the offer, not the accessory list
        elif intent == "promotion":  # "送线吗": what is included, when a fact names it; else the offers
            draft = self._included(q, pf) or self._gift_faq(q, pf, hits) or c.promotion(q, pf)
        elif intent == "usage":
            draft = c.care(q, pf, hits) or self._instructed(q, pf) or c.usage(q, pf, hits)
        else:
            strong_faq = bool(hits) and ".faq:" in hits[0].fact_id and hits[0].score >= ANSWER_AT + 1
            draft = self._suited(q, pf) if intent in ("other", "attribute", "suitability") and not strong_faq else None  # "我190能用吗"
            draft = draft or (self._instructed(q, pf) if intent in ("other", "attribute") else None)  # "耳机怎么配对"
            if intent in ("other", "attribute") and link.link_number is None and not (
                    hits and ".faq:" in hits[0].fact_id and hits[0].score >= ANSWER_AT + 1):
                draft = draft or self._material(q, pf)  # "含棉量多少", "是真皮吗", "里面是什么绒": the value names it
            if intent in ("other", "attribute") and asks_power(q.text):
                draft = draft or self._measured(q, pf)  # "这个多少瓦" ↔ 最大功率: 65W, not every value with a W
            draft = draft or c.facts(q, pf, hits, link_number=link.link_number, cautions=intent == "suitability")
            if draft is not None and intent in ("other", "attribute", "suitability") and off_topic(q.text, pf, draft.facts):
                draft = None  # "鞋垫能拆吗" by a gift of insoles, "蓬松度多少" by "蓬松保暖": no fact answers it
        if draft is not None and intent in ("other", "attribute", "suitability") and misses(
                q.text, [f for f in pf.attributes if f.id in draft.facts] + [f for f in pf.by_id.values()
                                                                           if f.id in draft.facts and not f.field.startswith("attr:")]):
            draft = self._measured(q, pf) or draft  # "220斤能坐吗" is not answered by 坐高: the weight's fit is
        if draft is None and intent in ("other", "attribute", "usage"):
            draft = self._shop_rule(q, hits)  # "上门安装吗": the product says nothing, a shop rule does
        if draft is None and intent in ("other", "attribute", "suitability"):
            draft = self._measured(q, pf)  # "200斤能坐吗" ↔ 承重: 约150kg, "多少克" ↔ 金重: 约1.0g
        if draft is None and intent in ("other", "attribute"):
            draft = self._chosen(q, pf)  # "是纯银的吗" ↔ 材质: S925银, "深杯还是浅杯" ↔ 线杯: 浅杯
        if draft is None and intent in ("other", "attribute", "suitability", "usage"):
            draft = self._cautioned(q, pf)  # "会不会变暗" ↔ cautions: 防窥膜会让屏幕看起来略暗
        if draft is None and intent in ("other", "attribute", "suitability"):
            draft = self._compatible(q, pf)  # "华为p70能贴吗" ↔ 适用机型: iPhone 15、16…
        if draft is None and intent in ("other", "attribute", "promotion"):
            draft = self._included(q, pf)  # "送线吗" ↔ 是否含线: 不含数据线 / 下单送1米快充线一根
        if draft is None and intent in ("other", "attribute", "stock", "variant") and not named:
            draft = self._colours(q, pf)  # "键盘有白色的吗" ↔ 颜色: 深空灰（单一配色）
        if draft is None and closed is not None and closed.present:
            draft = self._listed(q, pf, closed.index, "closed.yes")  # "有2人的吗" ↔ 适用人数: 2人款 / 4人款
        if draft is None and intent in ("other", "attribute", "usage", "suitability"):
            draft = self._semantic(q, pf)
        if draft is None and intent in ("other", "attribute", "usage") and _OFFER_ASKED.search(q.text):
            draft = self._offer(q, pf)  # "能刻字吗" ↔ "下单免费激光刻宝宝名字", "送的防踢垫几号截止"
        if draft is None and intent in ("other", "variant"):
            draft = self._rule_detail(q)  # "拍错码了怎么办" with a dress on screen: a shop rule's detail
        if draft is not None and intent in ("suitability", "attribute", "other") and body_shape_unsaid(
                q.text, " ".join(f"{f.label} {f.value}" for f in pf.by_id.values() if f.id in draft.facts)):
            return "no_fact"  # "O型腿能穿吗": the facts found (腰型, 裤型) do not speak of legs
        return draft or "no_fact"

    def _closed(self, q: Question, pf: ProductFacts, named: list[VariantFacts]) -> ClosedList | None:
        """The closed list answering "有X吗" of this product (``closedlists``): never when a variant is named
        (its own stock answers) nor when the question names a thing besides this product ("头枕有红色吗" with
        a seat cover on screen)."""
        if named:
            return None
        found = closed_list(q.text, [(a.label, str(a.value)) for a in pf.attributes])
        if found is None:
            return None
        label, option = pf.attributes[found.index].label, asked_option(q.text)
        word = option.word if option is not None else ""
        if any(not set(w) & set(label + "色味码号人款图案") and not (word and (word in w or w in word))
               for w in subject_words(self._indexes().facts, q, pf.sku)):
            return None
        return found

    def _listed(self, q: Question, pf: ProductFacts, index: int, kind: str) -> Draft:
        """The attribute listing the options of one kind, after a yes or a no (``closedlists``)."""
        d = Draft(lang=q.lang)
        d.add(self.composer.p.say(kind, q.lang))
        self.composer.say_fact(d, pf.attributes[index], pf, q.lang)
        return d

    def _rule_detail(self, q: Question) -> Draft | None:
        """The shop rule whose own words the question's details are (``shop_rules.detail_rule``)."""
        rules = [f for f in self.source.shop_facts() if f.field.startswith("policy:")]
        i = detail_rule(q.text, [(f.id, str(f.value)) for f in rules])
        if i is None:
            return None
        d = Draft(lang=q.lang)
        self.composer.say_fact(d, rules[i], None, q.lang)
        return d

    def _semantic(self, q: Question, pf: ProductFacts) -> Draft | None:
        """The second stage: the one fact a sentence embedder clearly puts closest to the question's core,
        kept only when it covers the question's head words (else the hand-over stands)."""
        idx = self._indexes()
        if idx.semantic is None:
            return None
        proposal = idx.semantic.propose(core_of(q.text) or q.text, pf.sku)
        if proposal is None or not idx.facts.covers(q, pf.sku, proposal.fact_id):
            return None
        fact = pf.by_id.get(proposal.fact_id) or next(
            (f for f in self.source.shop_facts() if f.id == proposal.fact_id), None)
        if fact is None:  # not valid now
            return None
        d = Draft(lang=q.lang)
        self.composer.say_fact(d, fact, pf if fact.sku else None, q.lang)
        return d if d.facts else None

    def _measured(self, q: Question, pf: ProductFacts) -> Draft | None:
        """The attribute a measure the question tells or asks points at (``quantities.answering``)."""
        return self._attribute(q, pf, answering(self._indexes().facts, q, pf))

    def _chosen(self, q: Question, pf: ProductFacts) -> Draft | None:
        """The attribute whose value holds the word a question offers to confirm or pick (``choices``)."""
        i = chosen(q.text, [(a.label, str(a.value)) for a in pf.attributes], title_heads(pf.title))
        return self._attribute(q, pf, pf.attributes[i] if i is not None else None)

    def _cautioned(self, q: Question, pf: ProductFacts) -> Draft | None:
        """"会不会变暗", "温温的正常吗", "能放车里晒吗": the cautions, when they speak of the state worried about."""
        fact = pf.get("cautions")
        if fact is None or not cautioned(q.text, str(fact.value)):
            return None
        d = Draft(lang=q.lang)
        self.composer.say_fact(d, fact, pf, q.lang)
        return d if d.facts else None

    def _compatible(self, q: Question, pf: ProductFacts) -> Draft | None:
        """The attributes listing the devices the product fits, when the question names a device (``compatibility``)."""
        found = compatible_fields(q.text, [(a.label, str(a.value)) for a in pf.attributes])
        if not found:
            return None
        d = Draft(lang=q.lang)
        for i in found:
            self.composer.say_fact(d, pf.attributes[i], pf, q.lang)
        return d if d.facts else None

    def _instructed(self, q: Question, pf: ProductFacts) -> Draft | None:
        """A how-to question the usage text answers by naming the act (``instructions``)."""
        usage = pf.get("usage")
        if usage is None or not instructed(q.text, str(usage.value), pf.title, [f"{a.label}{a.value}" for a in pf.attributes]):
            return None
        return self._attribute(q, pf, usage)

    def _gift_faq(self, q: Question, pf: ProductFacts, hits: list[Hit]) -> Draft | None:
        """"送水管吗" ↔ FAQ "送进水管吗": a thing asked as a gift that the merchant's own FAQ answers."""
        if included_asked(q.text) is None or not hits or ".faq:" not in hits[0].fact_id or hits[0].score < ANSWER_AT:
            return None
        return self.composer.facts(q, pf, hits[:1])

    def _included(self, q: Question, pf: ProductFacts) -> Draft | None:
        """What comes with the product: the attribute saying so, or a gift promotion naming it (``inclusions``)."""
        attrs, gifts = included_fields(q.text, [(a.label, str(a.value)) for a in pf.attributes],
                                       [str(p.value) for p in pf.promotions])
        if not attrs and not gifts:
            return None
        d = Draft(lang=q.lang)
        for fact in [*(pf.attributes[i] for i in attrs), *(pf.promotions[i] for i in gifts)]:
            self.composer.say_fact(d, fact, pf, q.lang)
        return d if d.facts else None

    def _colours(self, q: Question, pf: ProductFacts) -> Draft | None:
        """A colour no variant is, asked for: the colour attribute, when it says whether that colour is there
        (``lexicon.colour_settled``)."""
        labels = DIMENSION_LABELS["colour"]
        fact = next((a for a in pf.attributes if compact(a.label) in labels), None)
        if fact is None or not colour_settled(q.text, str(fact.value)):
            return None
        if any("色" not in w for w in subject_words(self._indexes().facts, q, pf.sku)):
            return None  # "头枕有红色吗" with a seat cover on screen: the thing asked is not this product
        return self._attribute(q, pf, fact)

    def _material(self, q: Question, pf: ProductFacts) -> Draft | None:
        """The material attribute whose value names what the question asks: a material's share (含棉量), the
        kind of the part asked (里面是什么绒), or a material word to confirm (是真皮吗) — ``choices``."""
        pairs = [(a.label, str(a.value)) for a in pf.attributes]
        i = contained(q.text, pairs)
        if i is None:
            i = material_part(q.text, pairs)
        if i is None and offered(q.text):
            j = chosen(q.text, pairs, title_heads(pf.title))
            i = j if j is not None and label_matches(MATERIAL, compact(pairs[j][0])) else None
        return self._attribute(q, pf, pf.attributes[i] if i is not None else None)

    def _shop_rule(self, q: Question, hits: list[Hit]) -> Draft | None:
        """The shop policy that answers an open question, when every word it asks about is in that policy."""
        policy = [h for h in hits if h.fact_id.startswith("shop.") and h.score >= ANSWER_AT and "firm" in h.why.split(",")]
        if not policy:
            return None
        d = Draft(lang=q.lang)
        for fact in self.source.shop_facts():
            if fact.id == policy[0].fact_id:
                self.composer.say_fact(d, fact, None, q.lang)
        return d if d.facts else None


__all__ = ["SHOP_CONCEPTS", "Drafter", "body_shape_unsaid", "off_topic", "outside_comparand", "outside_comparison"]
