"""From a ranked document to a briefing: budget, choice of key points, one or several sources."""

from __future__ import annotations

from .budget import Budget
from .selection import word_overlap
from .several import brief_many, combine
from .single import brief
from .stories import Story, brief_stories, group_stories, story_vectors

__all__ = [
    "Budget",
    "Story",
    "brief",
    "brief_many",
    "brief_stories",
    "combine",
    "group_stories",
    "story_vectors",
    "word_overlap",
]
