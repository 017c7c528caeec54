"""Briefing on what a reader asks about: how much each sentence says about a query or a topic.

A query is read as the document is: its words go through the same analyzer (language, stop
words, stems), so "budgets" finds "budget". A sentence is relevant by its match with the query
and with the passages that best match it (:mod:`briefer.briefing.query`), and by the topics it
shares with the query (the topics the query's terms load on), so a sentence about the subject
counts even without the query's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..analysis import Analysis, analyzer_for
from ..analysis.memo import remember_last
from ..errors import UsageError
from ..language.stance import stance_share
from ..language.words import Analyzer
from .budget import default_length
from .query import passage_coverage, query_match, speaker_match, speaker_terms

# Tuned on the first half of meetings_queries_dev (benchmarks/focus.py), confirmed on the second.
TOPIC_SHARE = 0.15
# A sentence without the query's words is about it when the query's topics make up this
# share of it (relative to the sentence most in them).
TOPICAL_ENOUGH = 0.5
# How much the ranker's own view of a sentence's importance still counts under a focus: on
# the meeting questions any weight lowered ROUGE (0.3: -1.5 R-1), so none; the method still
# decides briefings without a focus.
IMPORTANCE_POWER = 0.0
# Sentences less relevant than this share of the most relevant are not about the focus.
RELEVANT_SHARE = 0.0
# In a transcript, a sentence whose speaker the query names ("What did Marketing think of...")
# counts up to 1 + SPEAKER times more, by the share of the query's weight the name holds.
SPEAKER = 6.0


# The words that say how a question is asked, not what it is about ("What did the group
# discuss about...", "Summarize the decision on..."): dropped from an English query when it
# has other words. Other languages' queries rely on the rarity weighting alone.
QUESTION_WORDS = {
    "en": frozenset(
        (
            "discuss",
            "discussed",
            "discussing",
            "discussion",
            "discussions",
            "summarize",
            "summarise",
            "summary",
            "talk",
            "talked",
            "talking",
            "say",
            "said",
            "mention",
            "mentioned",
            "think",
            "thought",
            "opinion",
            "opinions",
            "view",
            "views",
            "idea",
            "ideas",
            "decide",
            "decided",
            "decision",
            "decisions",
            "agree",
            "agreed",
            "agreement",
            "propose",
            "proposed",
            "proposal",
            "suggest",
            "suggested",
            "suggestion",
            "explain",
            "explained",
            "describe",
            "described",
            "happen",
            "happened",
            "consider",
            "considered",
            "reason",
            "reasons",
            "meeting",
            "group",
            "team",
            "people",
            "member",
            "members",
        )
    )
}


@dataclass(frozen=True)
class Focus:
    """What a briefing is about: a query or one topic, and each sentence's relevance to it (0 to 1)."""

    query: str
    relevance: np.ndarray
    # The words of the query the text uses (display forms); empty when it uses none.
    matched: tuple[str, ...] = ()
    topic: int | None = None

    @property
    def found(self) -> bool:
        """True when something in the text is about the focus."""
        return bool(self.relevance.size) and float(self.relevance.max()) > 0

    def default_length(self) -> int:
        """Key points of a focused briefing with no budget given: the default length of the part
        of the text about the focus (its sentences of any relevance), not of the whole text.

        A question about one matter of a two-hour meeting deserves the briefing of what was said
        about it; the whole text's 25 key points would be filled with sentences barely about it.
        """
        return default_length(int(np.count_nonzero(self.relevance > 0)))

    def scores(self, importance: np.ndarray) -> np.ndarray:
        """The ranker's scores bent to the focus: relevance first, importance among the relevant."""
        top = float(importance.max()) if importance.size else 0.0
        weight = np.clip(importance / top, 0.0, 1.0) if top > 0 else np.ones_like(importance)
        relevant = self.relevance >= RELEVANT_SHARE * (float(self.relevance.max()) if self.found else 1.0)
        return np.where(relevant & (self.relevance > 0), self.relevance * weight**IMPORTANCE_POWER, 0.0)


def query_focus(analysis: Analysis, query: str) -> Focus:
    """Each sentence's relevance to ``query``: its words, its passage's, and its topics (see
    :mod:`briefer.briefing.query`)."""
    if not query.strip():
        raise UsageError("a focus needs words to look for")
    n = len(analysis.document.sentences)
    language = analysis.document.language
    terms, frame = _query_terms(analyzer_for(language), query, language)
    speakers = speaker_terms(analysis, query)
    match, content, used = query_match(analysis, terms, frame, speakers)
    if not used or n == 0:
        return Focus(query, np.zeros(n))
    index = {term: j for j, term in enumerate(analysis.terms)}
    columns = sorted({index[t] for t in used if t in index})
    vector = np.zeros(len(analysis.terms))
    if columns:
        frequency = np.bincount(analysis.matrix.cols, minlength=len(analysis.terms))[columns]
        vector[columns] = np.log((n + 1) / (frequency + 1)) + 1.0
        vector /= np.linalg.norm(vector)
    # A text whose every matching sentence is short is still about the query: then length
    # does not count against them.
    if not float((match * content).max()) > 0:
        content = np.ones(n)
    # Where the query's words meet weighs both the word match and the topics' share: a
    # sentence on the query's topics far from where the query is discussed is not the answer.
    around = passage_coverage(analysis, terms + speakers, frame)
    direct = _unit(match * content * around)
    topical = _unit(_through_topics(analysis, vector) * content * around)
    relevance = (1 - TOPIC_SHARE) * direct + TOPIC_SHARE * topical
    relevance = relevance * (1 + SPEAKER * speaker_match(analysis, terms + frame, query))
    # A sentence is about the query when it (or its passage) shares words with it, or belongs
    # mostly to the topics the query's words belong to.
    eligible = (direct > 0) | (topical >= TOPICAL_ENOUGH)
    matched = tuple(dict.fromkeys(analysis.display[index[t]] if t in index else t for t in used))
    return Focus(query, _unit(relevance * eligible), matched)


def _query_terms(analyzer: Analyzer, query: str, language: str) -> tuple[list[str], list[str]]:
    """The query's terms, and apart those of its question frame ("discuss", "meeting"); a
    hyphenated word counts whole and by its parts ("acoustic-phonetic")."""
    terms = list(dict.fromkeys(analyzer.terms(query) + analyzer.terms(query.replace("-", " "))))
    frame = QUESTION_WORDS.get(language)
    if not frame:
        return terms, []
    framing = {analyzer.term_of_word(word) for word in frame}
    return [t for t in terms if t not in framing], [t for t in terms if t in framing]


def topic_focus(analysis: Analysis, topic: str | int) -> Focus:
    """The sentences of one of the document's topics, by number (1 = the weightiest) or label word."""
    number = _topic_number(analysis, topic)
    members = analysis.sentence_topic == number
    strength = analysis.memberships[:, number] * members
    label = analysis.topics[number].label
    return Focus(label, _unit(strength), topic=number)


def _topic_number(analysis: Analysis, topic: str | int) -> int:
    count = len(analysis.topics)
    text = str(topic).strip()
    if text.isdigit():
        number = int(text) - 1
        if 0 <= number < count:
            return number
        raise UsageError(f"the text has {count} topics: choose a topic from 1 to {count}")
    wanted = text.lower()
    for t in analysis.topics:
        if wanted == t.label.lower() or wanted in (term.lower() for term in t.terms):
            return t.id
    labels = "; ".join(f"{t.id + 1}: {t.label}" for t in analysis.topics)
    raise UsageError(f"no topic is named {text!r}; the topics are {labels}")


def _through_topics(analysis: Analysis, vector: np.ndarray) -> np.ndarray:
    """How much each sentence belongs to the topics the query's terms load on."""
    loadings = analysis.loadings
    if not loadings.size:
        return np.zeros(len(analysis.document.sentences))
    norms = np.linalg.norm(loadings, axis=1, keepdims=True)
    query_topics = (loadings / np.where(norms > 0, norms, 1.0)) @ vector
    memberships = analysis.memberships
    shares = memberships / np.maximum(memberships.sum(axis=1, keepdims=True), 1e-12)
    return shares @ query_topics


def _unit(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values, dtype=np.float64)


# How much a transcript's sentence made of a speaker's stance ("I think we could just...")
# counts under a focus: by (1 - its share of stance words) to this power (tuned on the first
# half of meetings_queries_dev: 4 to 8 gave +0.3 to +0.4 R-1, 5 the middle; see README).
STANCE_POWER = 5.0


def stance_weights(analysis: Analysis) -> np.ndarray:
    """How much each sentence can answer a focus for what it says rather than how its speaker
    stands: ones outside a transcript (in a report, "we" are the authors stating a finding)."""
    if analysis.turns is None or not STANCE_POWER:
        return np.ones(len(analysis.document.sentences))
    return _transcript_stance_weights(analysis)


@remember_last
def _transcript_stance_weights(analysis: Analysis) -> np.ndarray:
    """A transcript's stance weights, computed once for a run of queries on it."""
    language = analysis.document.language
    shares = np.asarray(
        [stance_share(s.text[analysis.quote_start(i) :], language) for i, s in enumerate(analysis.document.sentences)],
        dtype=np.float64,
    )
    weights = (1.0 - shares) ** STANCE_POWER
    weights.setflags(write=False)
    return weights
