"""The platforms' sales calendar: days every shop knows months ahead, when demand is not its usual self.

618, 99划算节, 双11 (with its pre-sale), 双12 and 年货节 bring the platform's own traffic to every shop,
and most shops join them at deeper discounts. A model of demand that does not know these days mistakes
the platform's extra traffic for the effect of the discount given at the same time (the elasticity
comes out too steep) — so demand and price models take ``is_platform_event`` as a known regressor,
like the weekday. The dates are public; how much they lift a shop's sales is estimated from its history.
"""

from __future__ import annotations

from datetime import date

# (month, first day, last day); a sale across a month end is two rows
PLATFORM_EVENTS: tuple[tuple[int, int, int], ...] = (
    (6, 10, 18), (9, 5, 9), (10, 31, 31), (11, 1, 11), (12, 8, 12), (1, 10, 20))


def is_platform_event(day: date) -> bool:
    return any(month == day.month and first <= day.day <= last for month, first, last in PLATFORM_EVENTS)
