"""Several inputs briefed as one: what the reader shows when it is given more than one source.

The cross-source briefing comes from the library (``briefer.brief_many``); this module keeps
track of which input is which source in it (an input that failed to load is no source, so
the numbers skip it) and turns the briefing's points and their near-duplicates back into
sentence numbers of each source, which is what the reading pane highlights.

When the sources tell several stories (``briefer.brief_stories``), the collection holds them
too; picking one narrows the briefing, the sources' numbers and the highlights to its sources.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import BrieferError, Briefing, Budget, InputError, Story
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
    # The stories among the sources (none when they tell one), and the one picked, if any.
    stories: list[Story] = field(default_factory=list)
    story: int | None = None

    @property
    def articles(self) -> list[tuple[int, Article]]:
        """The inputs that loaded, with their place among all inputs."""
        return [(index, entry) for index, entry in enumerate(self.entries) if isinstance(entry, Article)]

    def scope(self) -> list[tuple[int, Article]]:
        """The articles the briefing is made from: the picked story's, or every one loaded."""
        articles = self.articles
        if self.story is None:
            return articles
        return [articles[i] for i in self.stories[self.story].sources]

    def number(self, index: int) -> int | None:
        """The input's source number in the briefing (from 1), as its tags ``[1, 2]`` say."""
        places = [i for i, _ in self.scope()]
        return places.index(index) + 1 if index in places else None

    def rows(self) -> list[SourceRow]:
        rows = []
        for index, entry in enumerate(self.entries):
            if isinstance(entry, Article):
                number = self.number(index)
                rows.append(SourceRow(number, source_name(entry.document), aside=number is None))
            else:
                message = entry.message.removeprefix(f"{entry.name}: ")
                rows.append(SourceRow(None, Path(entry.name).name or entry.name, message))
        return rows

    def notes(self) -> tuple[str, ...]:
        # The library's messages name the input already (as the command's notes say them).
        return tuple(f"not included: {e.message}" for e in self.entries if isinstance(e, Problem))

    def total_sentences(self) -> int:
        return sum(len(article.sentences) for _, article in self.scope())

    def default_length(self) -> int:
        return Budget().sentence_limit(self.total_sentences())

    def make_briefing(self, method: str, length: int) -> Briefing:
        """The briefing across every loaded source (slow: it ranks them all)."""
        from .. import brief_many

        documents = [article.document for _, article in self.scope()]
        if not documents:
            raise InputError("none of the inputs could be read")
        notes = self.notes() if self.story is None else ()
        return brief_many(documents, method=method, budget=Budget(sentences=max(1, length)), notes=notes)

    def make_stories(self, method: str) -> None:
        """The stories among the sources, each briefed (slow: it ranks them all); none for one story."""
        from .. import brief_stories, group_stories, story_vectors

        documents = [article.document for _, article in self.articles]
        self.story = None
        self.stories = []
        if len(documents) < 2:
            return
        vectors = story_vectors(documents)
        groups = group_stories(documents, vectors=vectors)
        if len(groups) > 1:
            self.stories = brief_stories(documents, method=method, groups=groups, vectors=vectors)

    def stories_method(self) -> str | None:
        return self.stories[0].briefing.method if self.stories else None

    def rank_each(self, method: str) -> None:
        """Each source's own scores, for the line under the text (slow the first time for a method)."""
        for _, article in self.articles:
            article.scores(method)

    def apply(self, briefing: Briefing, length: int) -> None:
        self.briefing, self.method, self.length = briefing, briefing.method, length
        places = {index: position for position, (index, _) in enumerate(self.scope())}
        for index, article in self.articles:
            article.method = briefing.method
            # An article of another story than the one picked has nothing in this briefing.
            position = places.get(index)
            article.cross_keys = frozenset() if position is None else keys_in(briefing, position, article)


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


def collect(
    entries: list[Article | Problem], method: str, length: int, count: int, say: Callable[[str], None] | None = None
) -> tuple[Collection, str]:
    """The collection of every input opened, briefed as one and story by story; a message when
    it cannot be. ``say`` is told what is being done, for the progress line."""
    collection = Collection(entries, method)
    if not collection.articles:
        return collection, f"none of the {count} inputs could be opened"
    chosen = length or collection.default_length()
    try:
        if say is not None:
            say(f"finding the stories among {len(collection.articles)} sources…")
        collection.make_stories(method)
        if say is not None:
            say(f"briefing {len(collection.articles)} sources…")
        briefing = collection.make_briefing(method, chosen)
        collection.rank_each(briefing.method)
    except BrieferError as error:
        return collection, error.message
    collection.apply(briefing, chosen)
    return collection, ""
