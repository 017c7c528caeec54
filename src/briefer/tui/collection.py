"""Several inputs briefed as one: what the reader shows when it is given more than one source.

The cross-source briefing comes from the library (``briefer.brief_many``); this module keeps
track of which input is which source in it (an input that failed to load is no source, so
the numbers skip it) and turns the briefing's points and their near-duplicates back into
sentence numbers of each source, which is what the reading pane highlights.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from .. import BrieferError, Briefing, Budget, InputError
from ..rendering import source_name
from .session import Article, Problem
from .sources_pane import SourceRow


@dataclass
class Collection:
    """Every input in the order given, loaded or not, and the briefing across those loaded."""

    entries: list[Article | Problem]
    method: str = "topic"
    length: int = 0
    briefing: Briefing | None = None

    @property
    def articles(self) -> list[tuple[int, Article]]:
        """The inputs that loaded, with their place among all inputs."""
        return [(index, entry) for index, entry in enumerate(self.entries) if isinstance(entry, Article)]

    def number(self, index: int) -> int | None:
        """The input's source number in the briefing (from 1), as its tags ``[1, 2]`` say."""
        places = [i for i, _ in self.articles]
        return places.index(index) + 1 if index in places else None

    def rows(self) -> list[SourceRow]:
        rows = []
        for index, entry in enumerate(self.entries):
            if isinstance(entry, Article):
                rows.append(SourceRow(self.number(index), source_name(entry.document)))
            else:
                message = entry.message.removeprefix(f"{entry.name}: ")
                rows.append(SourceRow(None, Path(entry.name).name or entry.name, message))
        return rows

    def notes(self) -> tuple[str, ...]:
        # The library's messages name the input already (as the command's notes say them).
        return tuple(f"not included: {e.message}" for e in self.entries if isinstance(e, Problem))

    def total_sentences(self) -> int:
        return sum(len(article.sentences) for _, article in self.articles)

    def default_length(self) -> int:
        return Budget().sentence_limit(self.total_sentences())

    def make_briefing(self, method: str, length: int) -> Briefing:
        """The briefing across every loaded source (slow: it ranks them all)."""
        from .. import brief_many

        documents = [article.document for _, article in self.articles]
        if not documents:
            raise InputError("none of the inputs could be read")
        return brief_many(documents, method=method, budget=Budget(sentences=max(1, length)), notes=self.notes())

    def rank_each(self, method: str) -> None:
        """Each source's own scores, for the line under the text (slow the first time for a method)."""
        for _, article in self.articles:
            article.scores(method)

    def apply(self, briefing: Briefing, length: int) -> None:
        self.briefing, self.method, self.length = briefing, briefing.method, length
        for position, (_, article) in enumerate(self.articles):
            article.method = briefing.method
            article.cross_keys = keys_in(briefing, position, article)


def keys_in(briefing: Briefing, source: int, article: Article) -> frozenset[int]:
    """The sentences of one source behind the briefing's points: the points taken from it and
    its near-duplicates of points taken from other sources."""
    sentences = article.sentences
    starts = [s.start for s in sentences]
    found: set[int] = set()
    for point in briefing.key_points:
        places = [(point.source, point.start)] + [(m.source, m.start) for m in point.mentions]
        for where, start in places:
            if where != source:
                continue
            index = bisect_right(starts, start) - 1
            if index >= 0 and sentences[index].start <= start < sentences[index].end:
                found.add(index)
    return frozenset(found)


def collect(entries: list[Article | Problem], method: str, length: int, count: int) -> tuple[Collection, str]:
    """The collection of every input opened, briefed as one; a message when it cannot be."""
    collection = Collection(entries, method)
    if not collection.articles:
        return collection, f"none of the {count} inputs could be opened"
    chosen = length or collection.default_length()
    try:
        briefing = collection.make_briefing(method, chosen)
        collection.rank_each(briefing.method)
    except BrieferError as error:
        return collection, error.message
    collection.apply(briefing, chosen)
    return collection, ""
