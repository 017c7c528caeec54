"""From a ranked document to a briefing: budget, choice of key points, one or several sources."""

from __future__ import annotations

from .budget import Budget
from .selection import word_overlap
from .several import brief_many, combine
from .single import brief

__all__ = ["Budget", "brief", "brief_many", "combine", "word_overlap"]
