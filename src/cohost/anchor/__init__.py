"""The virtual anchor (主播替代): a show runner over an approved script, always human-supervised.

    ShowRunner(script, on_duty=…, tts=…, clock=…, checker=…, products=…, ledger=…, queue=room.queue)
    await runner.run(until=…)          # speaks, answers at sentence boundaries, resumes, fills idle time
    runner.takeover(by, reason, text)  # the console's AnchorDriver: takeover / resume / kill / status

``cohost.anchor.session`` wires it to a store, a live room, the stage page and the show's outputs.
"""

from cohost.anchor.fillers import FillerBank, RepeatGuard
from cohost.anchor.ledger import AuditLedger, Ledger, MemoryLedger
from cohost.anchor.lines import Line, parse_line
from cohost.anchor.schedule import Shift, ShiftSchedule
from cohost.anchor.show import ShowConfig, ShowRunner

__all__ = ["AuditLedger", "FillerBank", "Ledger", "Line", "MemoryLedger", "RepeatGuard", "Shift",
           "ShiftSchedule", "ShowConfig", "ShowRunner", "parse_line"]
