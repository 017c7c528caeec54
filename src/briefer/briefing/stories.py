"""Many articles into stories: group them by what they are about, then brief each story.

The grouping is in grouping.py. Each story is briefed with the several-sources machinery
(shared points made once, attributed to every source), the stories are ordered by how much
was written about them, and each gets a headline: the title of its most central article, or
failing titles its best-ranked sentence that reads as a headline (not a caption), verbatim.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..language.headlines import reads_as_headline
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
    map_each: Callable[[Callable[[Any], Briefing], list[Any]], Iterable[Briefing]] | None = None,
) -> list[Story]:
    """Each story of ``documents`` briefed on its own, largest first, with its headline.

    ``groups`` (from :func:`group_stories`) and ``vectors`` (from :func:`story_vectors`) are
    used when given rather than made again. ``map_each`` maps :func:`brief_story` over the
    stories in order (a process pool's ``imap``, say); the built-in ``map`` by default.
    """
    if vectors is None:
        vectors = story_vectors(documents) if len(documents) > 1 else np.ones((len(documents), 1))
    groups = groups if groups is not None else group_stories(documents, vectors=vectors)
    jobs = [([documents[i] for i in group], method, budget, order) for group in groups]
    briefings = list((map_each or map)(brief_story, jobs))
    stories = []
    for group, job, briefing in zip(groups, jobs, briefings, strict=True):
        stories.append(Story(_headline(job[0], vectors[group], briefing), tuple(group), briefing))
    return stories


def brief_story(job: tuple[list[Document], str, Budget | None, str]) -> Briefing:
    """One story's briefing from ``(its documents, method, budget, order)``: what
    :func:`brief_stories` maps over the stories (a module-level function, so that a process
    pool can run it)."""
    members, method, budget, order = job
    return brief_many(members, method=method, budget=budget, order=order)


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
        ranked = sorted(briefing.key_points, key=lambda p: p.rank)
        language = members[0].language
        # The best-ranked point that reads as a headline: not a photo's caption, nor a tweet.
        return next((p.text for p in ranked if reads_as_headline(p.text, language)), ranked[0].text)
    return members[0].title or members[0].source
