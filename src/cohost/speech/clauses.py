"""Split spoken text into clauses, the unit of streaming synthesis and of interruption.

Constraints:

- A clause ends at Chinese clause punctuation (，。！？；：、) and keeps it, so the voice pauses there.
- Fragments shorter than ``min_chars`` are joined to the next clause (a two-character clause costs a
  model call and sounds choppy); clauses longer than ``max_chars`` are cut at a space if there is one,
  else at ``max_chars``, never inside a Latin word. Neural engines degrade on long inputs, and the show
  runner can only interrupt between clauses, so ``max_chars`` bounds the latency of a takeover too.
- Joining the clauses gives back the input with whitespace at the cuts removed (no text is lost).
"""

from __future__ import annotations

import re

CLAUSE_END = "，。！？；：、"
_SPLIT = re.compile(f"([^{CLAUSE_END}]*[{CLAUSE_END}]+|[^{CLAUSE_END}]+$)")


def split_clauses(text: str, *, max_chars: int = 40, min_chars: int = 4) -> list[str]:
    """``"欢迎来到直播间，今天有福利！"`` → ``["欢迎来到直播间，", "今天有福利！"]``."""
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    pieces = [p.strip() for p in _SPLIT.findall(text.strip())]
    clauses: list[str] = []
    carry = ""
    for piece in pieces:
        if not piece:
            continue
        piece = carry + piece
        carry = ""
        if len(_speakable(piece)) < min_chars:
            carry = piece
            continue
        clauses.extend(_cut(piece, max_chars))
    if carry:
        if clauses and len(clauses[-1]) + len(carry) <= max_chars:
            clauses[-1] += carry
        else:
            clauses.extend(_cut(carry, max_chars))
    return [c for c in clauses if _speakable(c)]


def _speakable(clause: str) -> str:
    return clause.strip(CLAUSE_END + " ")


def _cut(clause: str, max_chars: int) -> list[str]:
    out: list[str] = []
    while len(clause) > max_chars:
        window = clause[:max_chars + 1]
        cut = window.rfind(" ")
        if cut <= 0:
            cut = max_chars
            while 0 < cut < len(clause) and clause[cut - 1].isascii() and clause[cut - 1].isalpha() \
                    and clause[cut].isascii() and clause[cut].isalpha():
                cut -= 1  # do not split a Latin word
            if cut == 0:
                cut = max_chars
        head, clause = clause[:cut].strip(), clause[cut:].strip()
        if head:
            out.append(head)
    if clause:
        out.append(clause)
    return out
