"""Many articles into stories: group them by what they are about, then brief each story.

The grouping is in grouping.py. Each story is briefed with the several-sources machinery
(shared points made once, attributed to every source), the stories are ordered by how much
was written about them, and each gets a headline: the title of its most central article, or
failing titles its most central sentence, verbatim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Briefing, Document
from ..sources.document import title_from_source
from .budget import Budget
from .grouping import group_stories, story_vectors
from .several import brief_many


@dataclass(frozen=True)
class Story:
    """One story among many: its headline, the articles telling it, and its briefing."""

    headline: str
    sources: tuple[int, ...]
    briefing: Briefing


def brief_stories(
    documents: Sequence[Document],
    *,
    method: str = "topic",
    budget: Budget | None = None,
    order: str = "document",
    groups: list[list[int]] | None = None,
    vectors: np.ndarray | None = None,
) -> list[Story]:
    """Each story of ``documents`` briefed on its own, largest first, with its headline.

    ``groups`` (from :func:`group_stories`) and ``vectors`` (from :func:`story_vectors`) are
    used when given rather than made again.
    """
    if vectors is None:
        vectors = story_vectors(documents) if len(documents) > 1 else np.ones((len(documents), 1))
    groups = groups if groups is not None else group_stories(documents, vectors=vectors)
    stories = []
    for group in groups:
        members = [documents[i] for i in group]
        briefing = brief_many(members, method=method, budget=budget, order=order)
        stories.append(Story(_headline(members, vectors[group], briefing), tuple(group), briefing))
    return stories


def _headline(members: list[Document], vectors: np.ndarray, briefing: Briefing) -> str:
    """The most central article's title where the source gave it one (a page's or a feed's
    title), else the story's best-ranked key point: verbatim either way.

    A plain text's first short line is not trusted as a headline: saved pages begin with
    "Play Facebook" or a date as often as with their title.
    """
    centre = vectors.sum(axis=0)
    for i in np.argsort(-(vectors @ centre), kind="stable"):
        document = members[int(i)]
        title = document.title.strip()
        if title and document.input_format != "text" and title != title_from_source(document.source):
            return title
    if briefing.key_points:
        return min(briefing.key_points, key=lambda p: p.rank).text
    return members[0].title or members[0].source
