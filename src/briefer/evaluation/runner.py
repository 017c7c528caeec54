"""Run methods side by side over an evaluation set and collect their figures."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .. import (
    Analysis,
    BrieferError,
    Budget,
    analyze,
    brief,
    build_document,
    dateline_length,
    fits,
    is_dangling,
    method_names,
    rank,
)
from ..model import Document
from .cache import RankCache
from .data import Record
from .oracle import oracle
from .quotes import QuoteCounts
from .rouge import Rouge, score

ORACLE = "oracle"
T = TypeVar("T")


def all_methods() -> list[str]:
    return [*method_names(), ORACLE]


@dataclass
class MethodResult:
    method: str
    scores: list[Rouge] = field(default_factory=list)
    dangling: int = 0
    summaries: int = 0
    words: int = 0
    seconds: float = 0.0
    # Records this method could not brief (scored as an empty summary, so that every method
    # is averaged over the same documents).
    failures: int = 0
    # With ``within_limits``, records longer than the method takes are left out of its figures
    # (counted here); ``records`` numbers the records that are in them, so that another
    # method's figures can be read over the same records.
    over_limit: int = 0
    records: list[int] = field(default_factory=list)
    quotes: QuoteCounts = field(default_factory=QuoteCounts)

    @property
    def documents(self) -> int:
        return len(self.scores)

    def add(self, chosen: list[str], references: tuple[tuple[str, ...], ...], seconds: float, language: str) -> None:
        """Count one summary: its ROUGE, its length, its time and how its first sentence opens."""
        self.seconds += seconds
        self.scores.append(score(chosen, references))
        self.words += sum(len(s.split()) for s in chosen)
        if chosen:
            self.summaries += 1
            self.dangling += is_dangling(chosen[0], language)

    def mean(self, metric: str, records: Sequence[int] | None = None) -> float:
        """Mean F1 of ``r1``, ``r2`` or ``rlsum``, in percent (over ``records`` only, if given)."""
        scores = self.scores
        if records is not None:
            wanted = set(records)
            scores = [s for number, s in zip(self.records, scores, strict=True) if number in wanted]
        if not scores:
            return 0.0
        return 100 * sum(getattr(s, metric) for s in scores) / len(scores)

    @property
    def dangling_rate(self) -> float:
        return 100 * self.dangling / self.summaries if self.summaries else 0.0

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "rouge1": round(self.mean("r1"), 2),
            "rouge2": round(self.mean("r2"), 2),
            "rougeLsum": round(self.mean("rlsum"), 2),
            "dangling_percent": round(self.dangling_rate, 2),
            "fragment_percent": round(self.quotes.fragment_rate, 2),
            "label_fit_percent": round(self.quotes.label_fit_rate, 2),
            "junk_label_terms_percent": round(self.quotes.junk_rate, 2),
            "mean_words": round(self.words / self.documents, 1) if self.documents else 0.0,
            "seconds": round(self.seconds, 2),
            "documents": self.documents,
            "failures": self.failures,
            "over_limit": self.over_limit,
        }


def evaluate(
    records: Sequence[Record],
    methods: Sequence[str],
    sentences: int = 3,
    *,
    on_record: Callable[[int], None] | None = None,
    cache: RankCache | None = None,
    within_limits: bool = False,
) -> tuple[list[MethodResult], int]:
    """Brief every record with every method; returns the results and how many records were skipped.

    A method sees only the record's text: the references are used for scoring alone (and by
    the oracle, which is a ceiling, not a method). ``cache`` keeps sumy's rankings between
    runs; ``within_limits`` leaves a method out of a record longer than it takes (KL's 400
    sentences: hours on a meeting transcript) instead of running it anyway.
    """
    budget = Budget(sentences=sentences)
    results = {m: MethodResult(m) for m in methods}
    walk: RecordWalk[Document] = RecordWalk(on_record)
    for number, (record, document) in enumerate(walk(records, _single_document)):
        shared = _SharedAnalysis(document)
        for method in methods:
            result = results[method]
            if within_limits and method != ORACLE and not fits(method, len(document.sentences)):
                result.over_limit += 1
                continue
            result.records.append(number)
            started = time.perf_counter()
            if method == ORACLE:
                texts = [s.text[dateline_length(s.text) :] for s in document.sentences]
                chosen = [texts[i] for i in oracle(texts, record.references, sentences)]
                result.quotes.add_texts(chosen)
            else:
                try:
                    # Ranked here rather than by brief(), which refuses sumy's slow methods on
                    # long texts: an evaluation is a run one chooses to wait for.
                    analysis = shared.get()
                    started = time.perf_counter()  # the analysis is added below, once
                    scores = cache.scores(analysis, method) if cache else rank(analysis, method)
                    briefing = brief(document, method=method, budget=budget, analysis=analysis, scores=scores)
                    # A transcript's key point is read with its speaker's name beside it.
                    chosen = [f"{p.speaker}: {p.text}" if p.speaker else p.text for p in briefing.key_points]
                    result.quotes.add(briefing)
                except BrieferError:
                    result.failures += 1
                    chosen = []
            seconds = time.perf_counter() - started + (shared.seconds if method != ORACLE else 0.0)
            result.add(chosen, record.references, seconds, document.language)
    return [results[m] for m in methods], walk.skipped


class _SharedAnalysis:
    """A record's topic analysis, made once for all its methods.

    Every method's seconds still include the analysis (``seconds``, added to each), as a
    user's ``brief`` pays it; only the evaluation stops paying it once per method.
    """

    def __init__(self, document: Document) -> None:
        self._document = document
        self._analysis: Analysis | None = None
        self.seconds = 0.0

    def get(self) -> Analysis:
        if self._analysis is None:
            started = time.perf_counter()
            self._analysis = analyze(self._document)
            self.seconds = time.perf_counter() - started
        return self._analysis


def _single_document(record: Record) -> Document | None:
    try:
        return build_document(record.text)
    except BrieferError:
        return None


@dataclass
class RecordWalk(Generic[T]):
    """Walks an evaluation set: a record that cannot be built is skipped and counted, and
    ``on_record`` hears of every record once its methods are done."""

    on_record: Callable[[int], None] | None = None
    skipped: int = 0

    def __call__(self, records: Sequence[Record], build: Callable[[Record], T | None]) -> Iterator[tuple[Record, T]]:
        for number, record in enumerate(records):
            built = build(record)
            if built is None:
                self.skipped += 1
            else:
                yield record, built
            if self.on_record:
                self.on_record(number)
