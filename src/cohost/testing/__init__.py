"""Public test helpers: fakes with failure knobs and in-memory reference implementations, so third-party
providers and other teams test against the same behaviour as the built-ins."""

from cohost.testing.catalogs import sample_catalog, sample_catalog_json
from cohost.testing.fakes import FakeLLM
from cohost.testing.sources import InMemoryFactSource

__all__ = ["FakeLLM", "InMemoryFactSource", "sample_catalog", "sample_catalog_json"]
