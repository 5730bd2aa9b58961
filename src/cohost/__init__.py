"""Cohost: an AI co-host for live-stream commerce (直播电商).

Humans stay in charge; Cohost does the standard, repetitive part. See README.md and DESIGN.md.
"""

__version__ = "0.1.0"
