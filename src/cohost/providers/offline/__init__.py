"""Offline providers: they need nothing beyond the base install and never touch the network."""

from cohost.providers.offline.grounded import GroundedWriter
from cohost.providers.offline.hashing import HashingEmbedder

__all__ = ["GroundedWriter", "HashingEmbedder"]
