"""The 24/7 shift schedule: who is responsible when, and whether the AI may present (PLAT-DY-1, LSE-28).

A ``Shift`` is a daily period in China time (``20:00-02:00`` crosses midnight) with a mode and the
responsible person:

- ``assisted``: the AI anchor presents and answers; the named person supervises and can take over;
- ``human``: a person presents; the AI anchor stays silent (answers go to chat) until the period ends.

Outside every shift nobody is on duty, so the AI does not speak (a fully unattended AI stream is not
allowed). The runner logs every switch. Text form, one shift per ``;``:
``"08:00-20:00 assisted 王五; 20:00-08:00 human 李四"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from cohost.domain.catalog import CHINA_TZ
from cohost.errors import InputError
from cohost.store.scripts import person

ShiftMode = Literal["assisted", "human"]
DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class Shift:
    start: int  # minutes after midnight, China time
    end: int  # exclusive; end <= start means the shift runs past midnight; start == end is all day
    mode: ShiftMode
    person: str

    def covers(self, minute: int) -> bool:
        if self.start == self.end:
            return True
        if self.start < self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end

    def label(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)} {self.mode} {self.person}"


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(text: str) -> int:
    hours, _, mins = text.strip().partition(":")
    if not hours.isdigit() or not mins.isdigit() or int(hours) > 24 or int(mins) > 59:
        raise InputError(f"bad time {text!r} in the shift schedule", hint="use HH:MM, e.g. 08:00-20:00")
    return (int(hours) * 60 + int(mins)) % DAY


class ShiftSchedule:
    def __init__(self, shifts: Sequence[Shift]) -> None:
        if not shifts:
            raise InputError("a shift schedule needs at least one shift")
        self.shifts = tuple(shifts)

    @classmethod
    def always(cls, name: str) -> ShiftSchedule:
        """One AI-assisted shift around the clock, supervised by ``name``."""
        return cls([Shift(0, 0, "assisted", person(name, "--on-duty"))])

    @classmethod
    def parse(cls, text: str) -> ShiftSchedule:
        shifts = []
        for part in filter(None, (p.strip() for p in text.split(";"))):
            fields = part.split(None, 2)
            if len(fields) != 3 or "-" not in fields[0] or fields[1] not in ("assisted", "human"):
                raise InputError(f"bad shift {part!r}", hint="write it as 'HH:MM-HH:MM assisted|human NAME'")
            start, _, end = fields[0].partition("-")
            mode: ShiftMode = "assisted" if fields[1] == "assisted" else "human"
            shifts.append(Shift(_minutes(start), _minutes(end), mode, person(fields[2], "shift person")))
        return cls(shifts)

    def at(self, epoch: float) -> Shift | None:
        when = datetime.fromtimestamp(epoch, CHINA_TZ)
        minute = when.hour * 60 + when.minute
        return next((s for s in self.shifts if s.covers(minute)), None)

    def describe(self) -> list[str]:
        return [s.label() for s in self.shifts]
