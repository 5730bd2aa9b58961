"""Generic commerce vocabulary: attribute *concepts* that connect how viewers ask ("多重", "能放多久")
with how merchants label facts ("净含量", "保质期").

Constraint: nothing here is about one shop or product. A concept has question cues (regex over the
normalised question) and label cues (substrings of a fact's label, or of an FAQ's question). Anything
product-specific comes from the catalog at index time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    ask: re.Pattern[str]
    labels: tuple[str, ...]


def _c(name: str, ask: str, labels: str) -> Concept:
    return Concept(name, re.compile(ask), tuple(labels.split("|")))


CONCEPTS: tuple[Concept, ...] = (
    _c("capacity", r"容量|多少ml|多少毫升|几ml|几毫升|多大(瓶|罐|杯|支)|装多少|能装|多少l\b|几升|capacity|how big", "容量|净含量|体积|规格|毫升"),
    _c("weight", r"多重|重量|几斤|多少斤|多少克|多少g|净重|分量|份量|有多沉|重不重|weigh", "重量|净重|净含量|克重|毛重|规格"),
    _c("size", r"尺寸|多大(?!的?(孩子|宝宝|小孩|年龄|岁))|多长|多宽|多高|长度|宽度|高度|大小|几寸|多少寸|多少cm|多少厘米|直径|口径|size|dimension", "尺寸|长度|宽度|高度|大小|直径|口径|规格|尺码"),
    _c("material", r"材质|面料|材料|什么做的|什么料|用料|纯棉|是棉|真皮|不锈钢|塑料|玻璃|陶瓷|硅胶|material|made of|cotton", "材质|面料|材料|用料|内胆|成分|含量|外壳"),
    _c("ingredients", r"成分|配料|原料|添加|含不含|含有|有没有添加|防腐剂|香精|酒精|糖|ingredient", "成分|配料|原料|配方|添加|主要成分"),
    _c("shelf_life", r"保质期|过期|有效期|能放多久|放多久|保存多久|多久过期|生产日期|新鲜|shelf life|expire", "保质期|有效期|生产日期|保存期"),
    _c("origin", r"产地|哪里产|哪产|哪里生产|哪生产|哪里的货|国产|进口|原产|哪里做的|made in|origin", "产地|原产地|生产地|产区|国别"),
    _c("colour", r"颜色|什么色|色号|几个色|哪些色|色系|colou?r", "颜色|色号|色系|颜色分类"),
    _c("taste", r"味道|口味|好吃|甜不甜|甜吗|辣吗|咸吗|酸吗|口感|香味|气味|香型|什么味|taste|flavou?r|smell", "口味|味道|口感|香型|香调|气味|甜度|辣度|风味"),
    _c("skin", r"肤质|敏感肌|油皮|干皮|混油|混干|痘肌|油性|干性|什么皮肤|skin", "适用肤质|肤质|适用人群|适合肤质"),
    _c("audience", r"适合|适用|谁用|什么人|男生|女生|男士|女士|老人|小孩|孩子|儿童|学生|几岁|年龄|suitable|for (kids|men|women)", "适用人群|适用年龄|适合人群|适用对象|适用|适合"),
    _c("battery", r"续航|电池|充满|待机|电量|毫安|mah|能用多久|用多久|用多久没电|用几个?小时|用多长时间|充一次|battery", "续航|电池|电池容量|充电时间|待机|充电"),
    _c("level", r"几档|几个档|档位|几个挡|挡位", "档位|档|挡"),
    _c("ports", r"几个口|几个接口|什么接口|接口|插口|port", "接口|插口"),
    _c("lasting", r"留香|香味能?留|能留多久|持久|持妆|lasting", "留香|持久|持妆"),
    _c("power", r"功率|瓦数|多少瓦|几瓦|电压|插电|power|watt|volt", "功率|额定功率|电压|电源"),
    _c("waterproof", r"防水|进水|泡水|淋雨|下水|waterproof", "防水|防水等级"),
    _c("warmth", r"保温|保冷|保暖|暖和|冷不冷|热不热|keep (warm|hot|cold)", "保温|保冷|保暖|保温时长|保温效果|填充|充绒"),
    _c("brand", r"品牌|牌子|什么牌|哪个牌|哪家|brand", "品牌|牌子"),
    _c("model", r"型号|款号|货号|model", "型号|货号|款号"),
    _c("thickness", r"厚|薄|加绒|透气|thick|thin", "厚度|厚薄|面料|透气"),
    _c("fit", r"版型|宽松|修身|偏大|偏小|正码|尺码偏|显瘦|fit", "版型|尺码建议|尺码|码数|建议"),
    _c("washing", r"机洗|手洗|怎么洗|洗涤|掉色|缩水|褪色|起球|干洗|wash", "洗涤|洗护|洗涤方式|保养|水洗"),
    _c("storage", r"怎么保存|冷藏|冷冻|常温|储存|存放|贮存|放冰箱|store", "储存|贮存|保存|储藏|存放|储存方式"),
    _c("count", r"几个装|几片|几包|一盒几|多少片|多少粒|多少支|几支|几粒|几袋|几只|有几个|多少个|多少包|how many", "包装|规格|数量|装量|片数|件数|粒数|入数"),
    _c("spec", r"规格|参数|配置|spec", "规格|参数|配置"),
    _c("effect", r"功效|作用|效果|有什么用|干嘛用|用途|功能|好用|effect|what (is it|does it) (for|do)", "功效|作用|用途|功能|效果"),
    _c("compat", r"兼容|适配|支持.{0,6}(手机|苹果|安卓|华为|系统)|能连|配对|接口|compatible", "兼容|适配|接口|支持|连接"),
    _c("shipping", r"发货|快递|物流|几天到|多久到|包邮|运费|邮费|顺丰|配送|预售|ship|deliver", "发货|快递|物流|配送|运费|预售|邮费"),
    _c("usage", r"怎么用|如何用|用法|使用方法|怎么吃|怎么喝|怎么泡|怎么煮|用量|一次用多少|how to use", "用法|使用方法|用量|食用方法|冲泡|使用|吃法"),
    _c("warranty", r"保修|质保|坏了|维修|warranty|repair", "保修|质保|售后|维修"),
    _c("invoice", r"发票|开票|抬头|invoice|receipt", "invoice|发票|开票"),
    _c("service_hours", r"客服.{0,4}(几点|时间|什么时候|上班|下班|在线)|几点.{0,3}(下班|上班)|联系客服|customer service hours",
       "customer_service|客服"),
    _c("certificate", r"正品|真的|假的|授权|检测|报告|认证|证书|专柜|authentic|genuine|certif", "授权|检测|报告|认证|证书|正品|证明"),
)


def concepts_asked(text: str) -> list[Concept]:
    return [c for c in CONCEPTS if c.ask.search(text)]


def label_matches(concept: Concept, label: str) -> bool:
    """``label`` is compact (letters and digits only), so cues are compared without underscores."""
    return any(cue.replace("_", "") in label for cue in concept.labels)
