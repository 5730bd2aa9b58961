"""Rules that match another rule's words on other goods and report them under their own law.

The same words can break different laws depending on the goods: a cure claim (能治疗哮喘, 咳嗽三天就好) is
Advertising Law Art. 17's on ordinary goods, but on a medical device or drug it is Art. 16's (a device ad may not
assert or guarantee efficacy) and Art. 46's (it runs beyond the approved wording; compliance.md AD-16, AD-46).
Art. 17 itself excludes medical goods, so its rule (``not_in = ["medical", …]``) stays silent there, and a rule
that merely *follows* it would never fire.

A rule with ``mirror = "AD-17"`` has no words of its own: it borrows the leader's words, allow-lists and guards
once at load time and keeps its own id, law, message and scope (``applies_to = ["medical"]``).

Constraints:

- The leader is the word rule with that id (not a follower, claim policy or gate); a missing leader is a
  configuration error, named with the mirror's source.
- Guards and allow-lists come from the leader, so a question, a negation or a redirect to a doctor stays as clean
  on a device as it is on other goods; the mirror's own ``guards`` add to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cohost.compliance.rules import Rule
from cohost.errors import ConfigError


def resolve_mirrors(rules: Sequence[Rule]) -> list[Rule]:
    """``rules`` with every mirror rule given its leader's words, guards and allow-lists."""
    leaders = {r.id: r for r in rules if r.key == r.id and r.triggers}
    out: list[Rule] = []
    for rule in rules:
        if rule.mirror is None:
            out.append(rule)
            continue
        leader = leaders.get(rule.mirror)
        if leader is None:
            raise ConfigError(f"bad rule {rule.source}: mirror {rule.mirror!r} names no rule with words")
        guards = tuple(dict.fromkeys(leader.guards + rule.guards))
        out.append(replace(rule, triggers=leader.triggers, guards=guards,
                           allow=tuple(dict.fromkeys(leader.allow + rule.allow)),
                           allow_patterns=leader.allow_patterns + rule.allow_patterns,
                           unless_sentence=leader.unless_sentence + rule.unless_sentence))
    return out
