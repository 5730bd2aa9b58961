"""Content studio: run-of-show scripts, product copy and posters that are true, lawful and not all alike.

- ``showplan`` / ``scriptwriter``: the offline composition engine (segment grammar, phrase banks per
  style in ``banks``, ``variety`` controls, ``pacing`` for timing from the speaking rate);
- ``facets``: what the product's facts allow to be said; ``proofreader``: generate → check → correct or
  remove → re-check against ``cohost.compliance``; ``polisher``: the optional LLM pass;
- ``copywriter`` / ``keywords`` / ``poster``: titles, descriptions, bullets, voice-over, posters;
- ``labels``: explicit and implicit AI labels; ``review``: human edits; ``rendering``: Markdown/HTML;
- ``studio``: the entry point the CLI and the API call.
"""

from cohost.content.showplan import Knobs, ShowRequest
from cohost.content.studio import ContentStudio

__all__ = ["ContentStudio", "Knobs", "ShowRequest"]
