"""The live room: every comment read, masked, moderated, classified, linked to a product, grouped with
the same question from other viewers, answered from facts (or escalated to a person), checked before it
goes out; live metrics and operating suggestions; a sealed evidence log that makes a crash harmless.

The live path is one list, in ``cohost.live.room.build_pipeline``; read it first.
"""

from cohost.live.pipeline import LivePipeline, Stage
from cohost.live.room import Collaborators, LiveConfig, LiveRoom, build_pipeline
from cohost.live.routing import AnchorQueue

__all__ = ["AnchorQueue", "Collaborators", "LiveConfig", "LivePipeline", "LiveRoom", "Stage", "build_pipeline"]
