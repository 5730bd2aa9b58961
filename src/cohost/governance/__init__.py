"""Governance: audit, roles, consent, retention, PII vault (compliance.md §13)."""
