"""The ``Claim`` record: one checkable statement found in a script line or a live answer.

:func:`cohost.compliance.claims.extract` finds them (money amounts in :mod:`cohost.compliance.money`);
:mod:`cohost.compliance.verify` checks each one against the product's facts.

Constraints:

- Spans (``start``, ``end``) are positions in the normalised text (:mod:`cohost.compliance.text`) until
  the checker maps them back.
- ``kind`` is one of the kinds ``claims._ORDER`` ranks; ``detail`` refines it (a promotion's
  ``discount``, ``gift``, ``first_n``; a stock ``count``, ``low``, ``out``, ``in``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cohost.compliance.units import Quantity


@dataclass(frozen=True, slots=True)
class Claim:
    kind: str
    start: int
    end: int
    detail: str = ""
    value: Decimal | None = None
    unit: str | None = None
    qty: int = 1
    subject: str | None = None  # gift object, place, attribute name, variant hint
    lang: str = "zh"
    amounts: tuple[Quantity, ...] = ()  # a numeric claim's quantities (each side of a size; a range; a bound)
