"""Answer composition: every sentence is a template filled from facts, and the ids of those facts are
what the answer cites. ``Composer`` answers each intent; saying one fact and answering an open question from
retrieval hits (attributes, usage, care) is its base, ``statements.FactComposer`` (with ``Draft``).

Constraints: a number (price, stock, link number) reaches the text only by ``money``/``str`` of a fact
value read at answer time; ``list_price`` ("原价") is said only next to the current price and only as the
merchant's reference price; a sold-out product or variant is said to be sold out; nothing is computed
from facts (no discounts, no differences, no counts). ``None`` means "the facts do not answer this".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cohost.domain import ProductFact
from cohost.knowledge.comparands import compared_facts, label_named
from cohost.knowledge.lexicon import (
    DIMENSION_LABELS,
    SIZE_ADVICE,
    dimension_asked,
    dimension_of,
    is_size_chart,
)
from cohost.knowledge.offers import deadline_asked, offer_named, offers_of, promotion_kind
from cohost.knowledge.retrieval import ANSWER_AT, Hit
from cohost.knowledge.shop_rules import exchange_asked, part_swapped, policy_covers, rule_asked
from cohost.knowledge.statements import Draft as Draft  # re-exported: drafting and the engine import it here
from cohost.knowledge.statements import FactComposer
from cohost.knowledge.statements import kind_named as kind_named
from cohost.knowledge.statements import short_name as short_name
from cohost.knowledge.text import Question
from cohost.knowledge.variants import Grid, grid_of, spoken
from cohost.knowledge.views import ProductFacts, VariantFacts, money

_LIST_PRICE = re.compile(r"原价|划线价|以前|之前|平时|日常|原来|(便宜|优惠|省|降|少)了?(多少|几)|打几折|几折|reference price|original price")
# the reference price named as what is asked ("原价多少", "划线价是多少", "衣柜原价"), and that phrase itself
# a price per unit of what is made to measure ("衣柜一平米多少钱", "窗帘每米多少"): the pricing rule says it
_PER_UNIT = re.compile(r"(一|每|1)(平米|平方米?|平|㎡|延米|米)(要|大概)?(多少钱|多少|几块|啥价|什么价)")
_REFERENCE_ASKED = re.compile(r"(有|的)?(原价|划线价|吊牌价|专柜价|原来的价格?|original price|reference price)"
                              r"(是|有|大概|一般)?(多少钱?|几块钱?|好多钱?|几钱|多钱|吗|么|嘛|呢|啊|呀|[?？])*")
# the price of today asked beside it ("原价多少 现在多少", "有原价吗 现在多少钱"): today's price answers that part
_CURRENT_ASKED = re.compile(r"多少|几块|价|钱|how much|price|cost")
# "大衣和羽绒服哪个长": two products compared by one measure, the shared label that holds its character
_COMPARED_BY = re.compile(r"哪(个|款|件)(更|比较)?([长短高矮厚薄宽窄重轻大小软硬])")
# how a product's sizes run against the usual ones: a label that says so ("尺码偏差", "尺码偏大偏小")
_PRICE_COMPARED = re.compile(r"贵|便宜|价|钱|划算|实惠")
_DEVIATION_LABEL = re.compile(r"偏差|偏大|偏小|尺码偏|码数偏|尺码标准")
_SIZE_RUNS = re.compile(r"(尺码|码数|码子|码)(标准|准|正|偏)|标准码|正码|偏大|偏小|大码还是小码")
_USUAL_SIZE = re.compile(r"(平时|平常|一般|日常|之前|以前)(都)?(穿|买|拍)")
_RESTOCK = re.compile(r"补货|补不补|还会有|(什么时候|啥时候|下次|还)(会)?(补|再上|上新|到货)|restock")
_BOUGHT = re.compile(r"拍了|已拍|下单了|买了|已下单|已买|付款了|付了|ordered|bought")
# "已拍 龙井几号来着 再拍一罐": bought, and asks the link number all the same
_NUMBER_ASKED = re.compile(r"(?<![\d一二三四五六七八九十零两百号个#])(链接|连结)(是|在)?第?(几|多少)|(几|多少)号|哪(个|一)号(链接)?")
_VARIANT_WORDS = re.compile(r"颜色|色|码|口味|味道|规格|款式|尺寸|大小|size|colou?r|flavou?r")
_LIST = re.compile(r"有哪|有什么|有啥|几种|几个|几款|几色|几码|多少种|多少色|多少码|哪几|哪些|都有|可选|可以选|什么(颜色|码|尺码|尺寸|容量)|"
                   r"which|what (colou?rs|sizes)")
_DIMENSION_WORDS = frozenset(["颜色", "色号", "尺码", "码数", "规格", "口味", "款式", "尺寸", "容量", "型号"])
_DIRECT = re.compile(r"faq~|(^|,)label(-short|-word)?(,|$)")  # a hit that is asked as such, not a touch
_POLICY_LABEL = re.compile(r"配送|发货|快递|物流|运费|邮费|退|换|保修|质保|售后|shipping|return|warranty")
_AFTER_SALES_SAID = re.compile(r"退|保修|质保|售后|包换|换新")
_WARRANTY = re.compile(r"保修|质保|维修|坏了|warranty|repair")
# price protection ("补差价", "能保价吗"): its own shop rule, never the returns rule in its place
_PRICE_PROTECT = re.compile(r"补差价|退差价|保价|价保|差价(能|可以)?(补|退)|price protection")
# what a "送X吗" asks to be included: "送碗吗", "电池送吗", "送猫薄荷不"
_GIFT_OBJECT = re.compile(r"送(?:个|一个|的)?(?P<a>[\u4e00-\u9fff]{1,4}?)(?:吗|么|嘛|不|没|呢)|"
                          r"(?P<b>[\u4e00-\u9fff]{1,4})(?:送吗|送么|送不|送嘛|送没|有送吗|送不送)")
_NOT_OBJECT = frozenset(["什么", "啥", "东西", "赠品", "礼品", "礼物", "福利", "点", "啥东西", "吗", "的", "货", "到", "了"])
_INCLUDED_LABEL = re.compile(r"配件|附件|包含|清单|赠品|配送|套装|内含|随附")
_EXCHANGE = re.compile(r"换(货|码|尺码|个码|颜色|个颜色|色|款|大|小|一)|调换|exchange")


def variant_dimension(pf: ProductFacts) -> str | None:
    """What the product's variants are (colour, size, capacity, weight, flavour, scent), or None: what
    their names say when that is clear ("1.5m床" is a size even when a generic "规格" attribute lists it),
    else the dimension attribute whose value names most of them ("尺码范围: S-XXL" ↔ S, M, L…)."""
    names = [str(v.name.value) for v in pf.variants]
    by_names = dimension_of(names)
    if by_names is not None:
        return by_names
    keys = [compact_name(n) for n in names]
    for fact in pf.attributes:
        value = compact_name(str(fact.value))
        for dimension, labels in DIMENSION_LABELS.items():
            if any(cue in fact.label for cue in labels) and sum(1 for k in keys if k and k in value) * 2 > len(keys):
                return dimension
    return None


def _same_dimension(variants: str | None, asked: str) -> bool:
    """Do variants of this dimension answer a question about ``asked``? "32G" reads as grams and as
    gigabytes, "2斤" of rice is its size too: capacity and weight answer each other."""
    return variants == asked or {variants, asked} == {"capacity", "weight"}


def compact_name(text: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]|[\s#]", "", text).lower()


def gift_object(text: str) -> str | None:
    """What a "送X吗" asks to come with the product ("送碗吗" → 碗), or None ("送什么", "送吗")."""
    m = _GIFT_OBJECT.search(text)
    if m is None:
        return None
    word = m.group("a") or m.group("b") or ""
    word = re.sub(r"^(这个|那个|会|还|能|可以|有|再|也)", "", word)
    return word if word and word[0] not in "什啥哪多几" and word not in _NOT_OBJECT else None


class Composer(FactComposer):
    """An answer per intent (price, stock, variants, shop policies, promotions, purchase, comparison), each a
    ``Draft`` from the product's facts read now, or None."""

    # price ---------------------------------------------------------------------------------------------
    def price(self, q: Question, pf: ProductFacts, named: Sequence[VariantFacts]) -> Draft | None:
        lang, d, price = q.lang, Draft(lang=q.lang), pf.get("price")
        if price is None:
            return None
        if pf.get("list_price") is None and (asked := _REFERENCE_ASKED.search(q.text)) is not None \
                and not _CURRENT_ASKED.search(q.text[:asked.start()] + " " + q.text[asked.end():]):
            return None  # "原价多少" with no reference price: held, never today's price said in its place
        rule = next((a for a in pf.attributes if "计价" in a.label), None) if _PER_UNIT.search(q.text) else None
        if rule is not None:
            self.say_fact(d, rule, pf, lang)
            return d
        if named:
            for v in named[:3]:
                if v.price is not None:
                    d.add(self.p.say("variant_price", lang, variant=v.label, price=money(v.price.value)), v.name, v.price)
                else:
                    d.add(self.p.say("variant_same_price", lang, variant=v.label, price=money(price.value)), v.name, price)
                if v.sold_out:
                    d.add(self.p.say("variant_sold_out", lang, variant=v.label), v.stock)
        else:
            d.add(self.p.say("price", lang, name=self._name(pf), price=money(price.value)), price)
            priced = [v for v in pf.variants if v.price is not None and v.price.value != price.value]
            for v in priced[:2]:
                d.add(self.p.say("other_variant_price", lang, variant=v.label, price=money(v.price.value)),  # type: ignore[union-attr]
                      v.name, v.price)
            if pf.sold_out:
                d.add(self.p.say("sold_out_tail", lang), pf.get("stock"))
        list_price = pf.get("list_price")
        if list_price is not None and _LIST_PRICE.search(q.text):
            d.add(self.p.say("list_price", lang, list_price=money(list_price.value), price=money(price.value)),
                  list_price, price)
        self._promo(d, pf, lang)
        return d

    # stock ---------------------------------------------------------------------------------------------
    def stock(self, q: Question, pf: ProductFacts, named: Sequence[VariantFacts]) -> Draft | None:
        lang, d = q.lang, Draft(lang=q.lang)
        if named:
            known = [v for v in named if v.stock is not None]
            if not known:
                return None
            for v in known:
                if v.sold_out:
                    d.add(self.p.say("variant_sold_out", lang, variant=v.label), v.name, v.stock)
                else:
                    d.add(self.p.say("variant_in_stock", lang, variant=v.label, stock=v.stock.value),  # type: ignore[union-attr]
                          v.name, v.stock)
            if all(v.sold_out for v in known):
                others = [v for v in pf.variants if v not in named and v.sold_out is False][:3]
                if others:
                    d.add(self.p.say("others_in_stock", lang, variants="、".join(v.label for v in others)),
                          *[f for v in others for f in (v.name, v.stock)])
        else:
            stock = pf.get("stock")
            if stock is None:
                return None
            if pf.sold_out:
                d.add(self.p.say("sold_out", lang, name=self._name(pf)), stock)
            else:
                d.add(self.p.say("in_stock", lang, name=self._name(pf), stock=stock.value), stock)
                gone = [v for v in pf.variants if v.sold_out][:3]
                if gone:
                    d.add(self.p.say("variant_sold_out", lang, variant="、".join(v.label for v in gone)),
                          *[f for v in gone for f in (v.name, v.stock)])
        if _RESTOCK.search(q.text) and (pf.sold_out or any(v.sold_out for v in named)):
            d.add(self.p.say("restock_unknown", lang))
        return d

    # variants ------------------------------------------------------------------------------------------
    def variant(self, q: Question, pf: ProductFacts, named: Sequence[VariantFacts], hits: Sequence[Hit]) -> Draft | None:
        lang, d = q.lang, Draft(lang=q.lang)
        if _SIZE_RUNS.search(q.text) and (fit := next((a for a in pf.attributes if _DEVIATION_LABEL.search(a.label)), None)):
            self.say_fact(d, fit, pf, lang)  # "尺码标准吗", "码数准不准": how the sizes run
            return d
        if SIZE_ADVICE.search(q.text):
            return self.size_advice(q, pf, hits)  # a size recommendation only from a size chart or FAQ
        if hits and ".faq:" in hits[0].fact_id and hits[0].score >= ANSWER_AT + 1:
            return self.facts(q, pf, hits[:1])  # "黄皮选哪个色号": the merchant's own advice
        grid = grid_of([(v.sku, str(v.name.value)) for v in pf.variants])
        if grid is not None and (listed := self._grid_list(q, pf, grid, named)) is not None:
            return listed
        lists_variants = pf.variants and _VARIANT_WORDS.search(q.text)
        if hits and hits[0].why.startswith("label") and hits[0].score >= ANSWER_AT + 1 and not lists_variants:
            return self.facts(q, pf, hits[:1])  # "有几种模式": the question names an attribute
        if hits and hits[0].why.split(",")[0] == "label" and hits[0].score >= ANSWER_AT + 1 and not _LIST.search(q.text):
            fact = pf.by_id.get(hits[0].fact_id)
            if fact is not None and fact.label not in _DIMENSION_WORDS:
                return self.facts(q, pf, hits[:1])  # "尺码建议是什么": the whole label, not the variant list
        if named:
            for v in named[:4]:
                if v.stock is not None and v.sold_out is False:  # "金枪鱼的有吗": there, and how many are left
                    d.add(self.p.say("variant_in_stock", lang, variant=v.label, stock=v.stock.value), v.name, v.stock)
                    continue
                if v.sold_out:
                    d.add(self.p.say("variant_exists_sold_out", lang, variant=v.label), v.name, v.stock)
                else:
                    d.add(self.p.say("variant_exists", lang, variant=v.label), v.name)
            return d
        asked = dimension_asked(q.text)
        if asked is not None and not (pf.variants and _same_dimension(variant_dimension(pf), asked)):
            # "有什么颜色" when the variants are sizes: the colour attribute answers it, or nothing does
            fact = next((a for a in pf.attributes if any(cue in a.label for cue in DIMENSION_LABELS[asked])), None)
            if fact is None:
                return None
            self.say_fact(d, fact, pf, lang)
            return d
        if hits and hits[0].score >= ANSWER_AT and not pf.variants:
            return self.facts(q, pf, hits)
        if not pf.variants:
            return self.facts(q, pf, hits)
        labels = [v.label + ("（已售罄）" if lang == "zh" and v.sold_out else "") for v in pf.variants[:10]]
        facts = [f for v in pf.variants[:10] for f in ((v.name, v.stock) if v.sold_out else (v.name,))]
        d.add(self.p.say("variant_list", lang, name=self._name(pf), variants="、".join(labels)), *facts)
        return d

    def size_advice(self, q: Question, pf: ProductFacts, hits: Sequence[Hit]) -> Draft | None:
        """Which size fits: the merchant's FAQ when it answers this very question, else the size chart (a
        fact that maps bodies to sizes), else whatever the retrieval found; never a size of our own."""
        if hits and ".faq:" in hits[0].fact_id and hits[0].score >= ANSWER_AT + 1:
            return self.facts(q, pf, hits[:1])
        charts = [a for a in pf.attributes if is_size_chart(a.label, str(a.value))]
        charts.sort(key=lambda a: not any(cue in a.label for cue in ("建议", "参考", "推荐", "表", "对照")))
        deviation = next((a for a in pf.attributes if _DEVIATION_LABEL.search(a.label)), None)
        if deviation is not None and (not charts or _USUAL_SIZE.search(q.text)):
            # "平时穿37拍几码": how the sizes run against the usual ones ("偏大半码，建议拍小一码")
            d = Draft(lang=q.lang)
            self.say_fact(d, deviation, pf, q.lang)
            return d
        if not charts:
            charts = [f for f in pf.faq if re.search(r"码|身高|体重|斤", f.context or "")]
        if charts:
            d = Draft(lang=q.lang)
            self.say_fact(d, charts[0], pf, q.lang)
            return d
        return self.facts(q, pf, hits)

    def _grid_list(self, q: Question, pf: ProductFacts, grid: Grid, named: Sequence[VariantFacts]) -> Draft | None:
        """"有什么码" of a colour × size product lists its sizes; "白色有哪些码" the sizes of the white cells,
        "L码有几种颜色" the colours of the L cells. Each value is named only as written in a cited variant
        name; sold-out cells of the row are said to be sold out."""
        row = grid.shared([v.sku for v in named]) if named else None
        axis = grid.axis(dimension_asked(q.text))
        if axis is None and row is not None:
            axis = 1 - row[0]  # "有黑色吗": the black row, by its sizes
        elif axis is None or not _LIST.search(q.text):
            return None  # "尺码偏大吗" asks about fit, not for the list of sizes
        pool = list(named) if named else list(pf.variants)
        subject = self._name(pf)
        if named:
            if row is None or row[0] == axis:
                return None
            subject = spoken(row[1])
        values = grid.values(axis, [v.sku for v in pool])
        if not values:
            return None
        d = Draft(lang=q.lang)
        d.add(self.p.say("axis_list", q.lang, subject=subject, values="、".join(spoken(v) for v in values)),
              *[v.name for v in pool])
        gone = [v for v in pool if v.sold_out]
        if gone:
            d.add(self.p.say("variant_sold_out", q.lang, variant="、".join(v.label for v in gone)),
                  *[v.stock for v in gone])
        return d

    # shop policies -------------------------------------------------------------------------------------
    def policy(self, q: Question, intent: str, pf: ProductFacts | None, hits: Sequence[Hit],
               shop: Sequence[ProductFact]) -> Draft | None:
        d = Draft(lang=q.lang)
        # the product's own fact answers a policy question only when it is about it (an FAQ asked the same
        # way, a fact named by the question), not when a concept merely touches it ("装上了还能退吗" is no
        # question about installing)
        # (a part named — "刷头拆了能退吗" — is no answer unless its fact speaks of after-sales)
        own = [h for h in hits if h.score >= ANSWER_AT and not h.fact_id.startswith("shop.") and pf is not None
               and (fact := pf.by_id.get(h.fact_id)) is not None
               and ((h.score >= ANSWER_AT + 1 and _DIRECT.search(h.why)
                     and (".faq:" in h.fact_id or _AFTER_SALES_SAID.search(str(fact.value)) or part_swapped(q.text)))
                    or (_POLICY_LABEL.search(fact.label) and (_WARRANTY.search(q.text) or not _WARRANTY.search(fact.label))))]
        if pf is not None and own:
            return self.facts(q, pf, own)
        kind = "shipping" if intent == "shipping" else ("warranty" if _WARRANTY.search(q.text) else "returns")
        if kind == "returns" and part_swapped(q.text):
            return None  # "电池能换吗": whether a part can be replaced, which no returns rule says
        if kind == "returns" and (_EXCHANGE.search(q.text) or exchange_asked(q.text)) and "退" not in q.text:
            kind = "exchange"  # "小了能换大一码吗", "颜色不喜欢可以换吗": a shop with its own exchange rule says it there
        if _PRICE_PROTECT.search(q.text):
            kind = "price_protection"  # no stand-in: the returns rule says nothing about a later price cut
        asked = rule_asked(q.text)
        if asked is not None and any(f.id == f"shop.policy:{asked}" for f in shop):
            kind = asked  # "发票怎么开", "买完降价了怎么办", "售后找谁": the rule of that matter
        policy = next((f for f in shop if f.id == f"shop.policy:{kind}"), None)
        if policy is None and kind in ("warranty", "exchange"):
            policy = next((f for f in shop if f.id == "shop.policy:returns"), None)
        if policy is None or not policy_covers(q.text, str(policy.value)):
            return None
        self.say_fact(d, policy, pf, q.lang)
        return d

    # promotions, purchase, comparison ------------------------------------------------------------------
    def promotion(self, q: Question, pf: ProductFacts) -> Draft | None:
        d = Draft(lang=q.lang)
        texts = [str(p.value) for p in pf.promotions]
        kind = promotion_kind(q.text)
        if kind == "gift" and gift_object(q.text):
            kind = None  # "送碗吗": whether that thing comes with it, below
        named = offer_named(q.text, texts)
        if named is not None and (kind is None or deadline_asked(q.text) or named in offers_of(kind, texts)):
            d.add(self.p.say("promo", q.lang, name=self._name(pf), promo=texts[named].rstrip("。")), pf.promotions[named])
            return d  # "送的防踢垫几号截止", "9折到什么时候": the offer the question names
        if kind is not None:  # "买两条怎么算", "能分期吗", "有赠品吗": only the promotions of that kind answer
            promos = offers_of(kind, texts)
            if not promos and kind in ("instalment", "coupon", "threshold"):
                return None  # no promotion says it: paying by instalments, a coupon, a threshold is no fact here
            for i in promos[:2]:
                d.add(self.p.say("promo", q.lang, name=self._name(pf), promo=str(pf.promotions[i].value).rstrip("。")),
                      pf.promotions[i])
            if d.facts:
                return d
        wanted = gift_object(q.text)
        if wanted:  # "送碗吗", "电池送吗": the promotion that names it, else what the product comes with
            naming = [p for p in pf.promotions if wanted in str(p.value)]
            if not naming:
                facts = [a for a in pf.attributes if wanted in str(a.value) or wanted in a.label]
                facts = facts or [a for a in pf.attributes if _INCLUDED_LABEL.search(a.label)]
                if facts:
                    for fact in facts[:2]:
                        self.say_fact(d, fact, pf, q.lang)
                    return d
        if not pf.promotions:
            return None
        for promo in pf.promotions[:3]:
            d.add(self.p.say("promo", q.lang, name=self._name(pf), promo=str(promo.value).rstrip("。")), promo)
        price = pf.get("price")
        if price is not None:
            d.add(self.p.say("price", q.lang, name=self._name(pf), price=money(price.value)), price)
        return d

    @staticmethod
    def bought(q: Question) -> bool:
        return _BOUGHT.search(q.text) is not None

    def purchase(self, q: Question, pf: ProductFacts | None) -> Draft:
        d = Draft(lang=q.lang)
        if pf is None or (_BOUGHT.search(q.text) and not (_NUMBER_ASKED.search(q.text) and pf.get("display_order"))):
            d.add(self.p.say("thanks_order", q.lang))
            return d
        order = pf.get("display_order")
        if order is not None:
            d.add(self.p.say("link", q.lang, name=self._name(pf), number=order.value), order)
        else:
            d.add(self.p.say("link_generic", q.lang, name=self._name(pf)))
        if pf.sold_out:
            d.add(self.p.say("sold_out_tail", q.lang), pf.get("stock"))
        return d

    def comparison(self, q: Question, items: Sequence[ProductFacts]) -> Draft | None:
        if len(items) < 2:
            return None
        d = Draft(lang=q.lang)
        shared = set.intersection(*[{a.label for a in pf.attributes} for pf in items])
        labels = [label for label in (a.label for a in items[0].attributes) if label in shared]
        m = _COMPARED_BY.search(q.text)
        measured = [label for label in labels if m is not None and m.group(3) in label]
        labels = measured[:1] if len(measured) == 1 else labels[:2]  # "哪个长": the one shared label of length
        priced = _PRICE_COMPARED.search(q.text) is not None and not label_named(q.text, items)  # "工费哪个便宜"
        own = None if priced else compared_facts(q.text, m.group(3) if m is not None else None, items)
        parts: list[str] = []
        for k, pf in enumerate(items[:3]):
            price = pf.get("price")
            bits = [self._name(pf)]
            if own is not None:  # "哪个重" ↔ 车重 / 座椅重量, "都是男女同款吗" ↔ 版型: each product's own fact
                bits.append(f"{own[k].label}{own[k].value}")
                d.facts.append(own[k].id)
                parts.append("，".join(bits) if q.lang == "zh" else ", ".join(bits))
                continue
            if price is not None:
                bits.append(f"{money(price.value)}元" if q.lang == "zh" else f"{money(price.value)} yuan")
                d.facts.append(price.id)
            for label in ([] if priced else labels):
                fact = next(a for a in pf.attributes if a.label == label)
                bits.append(f"{label}{fact.value}")
                d.facts.append(fact.id)
            parts.append("，".join(bits) if q.lang == "zh" else ", ".join(bits))
        d.parts.append(self.p.say("compare", q.lang, items="；".join(parts)))
        return d
