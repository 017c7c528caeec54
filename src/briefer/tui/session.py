"""What the reader shows for one article, kept apart from the widgets so it can be tested alone.

An :class:`Article` wraps the library's results for one input: the document with its sections,
the topic analysis, and the briefing for the chosen method and length. Scores are cached per
method so that changing only the length re-chooses sentences without ranking them again.
No NLP happens here: everything comes from the library.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import Analysis, BrieferError, Briefing, Budget, Document, Sentence, analyze, brief, check_length, methods, rank
from ..rendering import safe


@dataclass(frozen=True)
class SentenceInfo:
    """What the reading pane says about the sentence under focus."""

    index: int
    score: float
    rank: int
    topic: str
    key: bool


@dataclass
class Article:
    """One input, loaded and analysed, with the briefing currently shown."""

    name: str
    document: Document
    analysis: Analysis
    method: str = "topic"
    length: int = 0
    briefing: Briefing | None = None
    # Among several sources: this source's sentences behind the briefing across all of them,
    # which are then the ones highlighted instead of those of its own briefing.
    cross_keys: frozenset[int] | None = None
    # The subject the briefing keeps to: a query, or a topic's number (from 1); None for all.
    focus: str | None = None
    topic: int | None = None
    _scores: dict[str, list[float]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_document(cls, document: Document, name: str = "", method: str = "topic", length: int = 0) -> Article:
        analysis = analyze(document)
        article = cls(name or document.source, analysis.document, analysis, method)
        article.length = length or Budget().sentence_limit(len(article.document.sentences))
        return article

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.document.sentences

    @property
    def key_sentences(self) -> frozenset[int]:
        if self.cross_keys is not None:
            return self.cross_keys
        if self.briefing is None:
            return frozenset()
        return frozenset(p.sentence for p in self.briefing.key_points)

    def scores(self, method: str) -> list[float]:
        """The ranker's scores for every sentence, computed once per method."""
        if method not in self._scores:
            check_length(method, len(self.sentences))
            self._scores[method] = [float(s) for s in rank(self.analysis, method)]
        return self._scores[method]

    def section_title(self, index: int) -> str:
        """A section's name for the screen; an untitled opening section takes the document's title."""
        title = safe(self.document.sections[index].title)
        if not title and index == 0:
            title = safe(self.document.title)
        return title or "(untitled)"

    def has_scores(self, method: str) -> bool:
        return method in self._scores

    def make_briefing(self, method: str, length: int) -> Briefing:
        """The briefing for ``method`` at ``length`` sentences (slow the first time for a method)."""
        return brief(
            self.document,
            method=method,
            budget=Budget(sentences=max(1, length)),
            analysis=self.analysis,
            scores=self.scores(method),
            focus=self.focus,
            topic=self.topic,
        )

    def topic_shares(self) -> list[tuple[str, float]]:
        """Each topic's label and its share of the text, the largest first."""
        return [(safe(t.label) or "(no topic words)", t.weight) for t in self.analysis.topics]

    def apply(self, briefing: Briefing, length: int) -> None:
        self.briefing, self.method, self.length = briefing, briefing.method, length

    def sentence_info(self, index: int) -> SentenceInfo:
        """Score (relative to the best sentence), rank and topic of one sentence."""
        scores = self._scores.get(self.method)
        topic_id = int(self.analysis.sentence_topic[index])
        label = next((t.label for t in self.analysis.topics if t.id == topic_id), "")
        if not scores:
            return SentenceInfo(index, 0.0, 0, safe(label), index in self.key_sentences)
        top = max(scores) if max(scores) > 0 else 1.0
        rank = 1 + sum(1 for s in scores if s > scores[index]) + sum(1 for s in scores[:index] if s == scores[index])
        return SentenceInfo(index, round(scores[index] / top, 4), rank, safe(label), index in self.key_sentences)


def method_names() -> list[str]:
    return [info.name for info in methods()]


def method_description(name: str) -> str:
    return next((info.description for info in methods() if info.name == name), name)


@dataclass(frozen=True)
class Problem:
    """An input that could not be opened, shown in the app instead of an article."""

    name: str
    message: str


def open_article(name: str, load_document, method: str = "topic", length: int = 0) -> Article | Problem:
    """Load and analyse one input, turning the library's errors into a message for the screen."""
    try:
        return Article.from_document(load_document(), name=name, method=method, length=length)
    except BrieferError as error:
        return Problem(name, error.message)


def open_briefed(
    name: str, load_document, found: Article | Problem | None, method: str, length: int
) -> Article | Problem:
    """An input opened (unless ``found`` already) and briefed with ``method`` (slow: ranks it)."""
    if found is None:
        found = open_article(name, load_document, method=method, length=length)
    if isinstance(found, Article) and found.briefing is None:
        try:
            found.apply(found.make_briefing(method, found.length), found.length)
        except BrieferError as error:
            found = Problem(name, error.message)
    return found
