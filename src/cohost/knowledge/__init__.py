"""Grounded product Q&A: understand a viewer's question, link it to a product, answer only from the
catalog's facts (citing them), or hand it to a human with a reason."""

from cohost.knowledge.engine import QAEngine, Understanding
from cohost.knowledge.record import AnswerRecord
from cohost.knowledge.sources import FactSource, StoreFactSource

__all__ = ["AnswerRecord", "FactSource", "QAEngine", "StoreFactSource", "Understanding"]
