"""HTTP API (FastAPI)."""

from cohost.server.app import create_app

__all__ = ["create_app"]
