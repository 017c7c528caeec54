"""A document's terms, topics and topic sections, on a sparse sentence-by-term matrix."""

from __future__ import annotations

from .topics import Analysis, analyze, analyzer_for

__all__ = ["Analysis", "analyze", "analyzer_for"]
