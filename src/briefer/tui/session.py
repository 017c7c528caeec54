"""What the reader shows for one article, kept apart from the widgets so it can be tested alone.

An :class:`Article` wraps the library's results for one input: the document with its sections,
the topic analysis, and the briefing for the chosen method and length. Scores are cached per
method so that changing only the length re-chooses sentences without ranking them again.
No NLP happens here: everything comes from the library.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from ..errors import BrieferError
from ..rendering import safe, section_name

if TYPE_CHECKING:
    # Imported where they are used: an article handed over by the child that read it (see
    # prefetch.py) is drawn before numpy and the rankers are imported.
    from .. import Analysis, Briefing, Document, Sentence, Topic
    from .pane_plan import PanePlan

# One lock for unpickling the analyses handed over: whichever thread needs one first does it.
_UNPACKING = threading.Lock()


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
    _analysis: Analysis | None
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
    # What the screen shows of the analysis, kept apart so that it needs no numpy: the topics,
    # and each sentence's topic.
    topics: tuple[Topic, ...] = field(default=(), repr=False)
    sentence_topic: tuple[int, ...] = field(default=(), repr=False)
    # The analysis as the child that made it pickled it, until it is first needed.
    _packed: bytes | None = field(default=None, repr=False)
    # What the reading pane lays out, made where the article is opened (see pane_plan()).
    _plan: PanePlan | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._analysis is not None and not self.sentence_topic:
            self.topics = self._analysis.topics
            self.sentence_topic = tuple(int(t) for t in self._analysis.sentence_topic)

    @classmethod
    def from_document(cls, document: Document, name: str = "", method: str = "topic", length: int = 0) -> Article:
        from .. import Budget, analyze

        analysis = analyze(document)
        article = cls(name or document.source, analysis.document, analysis, method)
        article.length = length or Budget().sentence_limit(len(article.document.sentences))
        return article

    @property
    def analysis(self) -> Analysis:
        """The topic analysis the rankers and the briefing read (unpickled on first use)."""
        if self._analysis is None:
            with _UNPACKING:
                if self._analysis is None:
                    assert self._packed is not None
                    from .packing import unpack

                    self._analysis = cast("Analysis", unpack(self._packed, self.document))
                    self._packed = None
        assert self._analysis is not None
        return self._analysis

    def __getstate__(self) -> dict[str, Any]:
        # The analysis (numpy arrays) goes as bytes of its own, unpickled only when first
        # needed; the document goes in slices, the rest refers to it (see packing.py).
        from .packing import pack, pack_document

        state = dict(self.__dict__)
        document = state.pop("document")
        if self._analysis is not None:
            state["_packed"], state["_analysis"] = pack(self._analysis, document), None
        return {"document": pack_document(document), "rest": pack(state, document)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        from .packing import unpack, unpack_document

        document = unpack_document(state["document"])
        self.__dict__.update(cast("dict[str, Any]", unpack(state["rest"], document)), document=document)

    def pane_plan(self) -> PanePlan:
        """What the reading pane lays out (made once: in the thread or the child process that
        opened the article, for a long one; see pane_plan.py)."""
        if self._plan is None:
            from .pane_plan import plan_document

            self._plan = plan_document(self.document)
        return self._plan

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
            from .. import check_length, rank

            check_length(method, len(self.sentences))
            self._scores[method] = [float(s) for s in rank(self.analysis, method)]
        return self._scores[method]

    def section_title(self, index: int) -> str:
        """A section's name for the screen (see rendering.section_name)."""
        return section_name(self.document, index)

    def has_scores(self, method: str) -> bool:
        return method in self._scores

    def make_briefing(self, method: str, length: int) -> Briefing:
        """The briefing for ``method`` at ``length`` sentences (slow the first time for a method)."""
        from .. import Budget, brief

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
        return [(safe(t.label) or "(no topic words)", t.weight) for t in self.topics]

    def apply(self, briefing: Briefing, length: int) -> None:
        self.briefing, self.method, self.length = briefing, briefing.method, length

    def sentence_info(self, index: int) -> SentenceInfo:
        """Score (relative to the best sentence), rank and topic of one sentence."""
        scores = self._scores.get(self.method)
        topic_id = self.sentence_topic[index]
        label = next((t.label for t in self.topics if t.id == topic_id), "")
        if not scores:
            return SentenceInfo(index, 0.0, 0, safe(label), index in self.key_sentences)
        top = max(scores) if max(scores) > 0 else 1.0
        rank = 1 + sum(1 for s in scores if s > scores[index]) + sum(1 for s in scores[:index] if s == scores[index])
        return SentenceInfo(index, round(scores[index] / top, 4), rank, safe(label), index in self.key_sentences)


def method_names() -> list[str]:
    from .. import methods

    return [info.name for info in methods()]


def method_description(name: str) -> str:
    from .. import methods

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


def open_first(name: str, load_document, method: str, length: int, check: bool) -> tuple[Article | Problem, str]:
    """The first input opened and briefed, as the reader's child process does it while the
    reader starts (see prefetch.py); with what is wrong with ``method`` when ``check`` asks
    (a method named in the settings), in which case topic is used instead."""
    problem = ""
    if check:
        from .preferences import check_method

        problem = check_method(method) or ""
        method = "topic" if problem else method
    return open_briefed(name, load_document, None, method, length), problem
