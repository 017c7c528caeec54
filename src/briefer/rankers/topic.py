"""briefer's default ranker: sentences ranked by the topics they carry.

A sentence scores by how much of the document's weightiest topics it holds (the topic
salience of NMF's memberships), by how central it is to the whole text, by how much of what
follows it announces (PacSum's directed centrality, Zheng & Lapata 2019) and by where it
stands — but the position prior is only applied as strongly as the document earns it: when
its opening sentences are more central than the rest (news puts its point first), the lead
counts; when they are not (reports, essays, transcripts), position barely matters. Sentences
that make poor quotes — fragments, questions, captions, calls to click — are discounted, and
long ones a little, so that three key points do not become three paragraphs.
"""

from __future__ import annotations

import re

import numpy as np

from ..model import count_words
from ..openings import dateline_length, is_dangling
from ..sparse import SparseRows
from ..topics import Analysis

# Tuned on the first half of the CNN dev set and confirmed on the second (see README).
SALIENCE_WEIGHT = 0.5
# How much a sentence resembling what follows it counts against resembling what precedes it.
BACKWARD_WEIGHT = 0.5
DIRECTED_WEIGHT = 0.5
NEWS_PRIOR = 0.75
FLAT_PRIOR = 0.2
LEAD_SENTENCES = 3
LENGTH_POWER = 0.2
NUMBER_BONUS = 0.1

# Matched against the lower-cased sentence: three times faster than a case-blind pattern.
_BOILERPLATE = re.compile(
    r"\b(?:click here|scroll down|read more|sign up|subscribe|follow us|"
    r"all rights reserved|copyright|share this|related articles?|advertisement|"
    r"photo(?:graph)?s?:|image:|getty images|watch the video|video:)"
)


class TopicRanker:
    name = "topic"
    # The briefing may drop repeats and dangling openings from this ranker's choice.
    refine = True

    def scores(self, analysis: Analysis) -> np.ndarray:
        document = analysis.document
        n = len(document.sentences)
        if n == 0:
            return np.zeros(0)
        salience = _normalise(_topic_salience(analysis))
        centrality = _normalise(_centrality(analysis.matrix))
        content = SALIENCE_WEIGHT * salience + (1 - SALIENCE_WEIGHT) * centrality
        content = content + DIRECTED_WEIGHT * _normalise(_directed_centrality(analysis.matrix))
        prior = 1.0 / np.power(1.0 + np.arange(n), self.prior_strength(analysis, centrality))
        penalty = np.asarray([_penalty(s.text, document.language) for s in document.sentences])
        return content * prior * penalty

    @staticmethod
    def prior_strength(analysis: Analysis, centrality: np.ndarray) -> float:
        """How much the opening counts: strong when the lead is central, weak otherwise."""
        return NEWS_PRIOR if lead_is_central(centrality) else FLAT_PRIOR


def lead_is_central(centrality: np.ndarray) -> bool:
    """True when the opening sentences are closer to the whole text than the rest: news."""
    n = len(centrality)
    if n <= LEAD_SENTENCES + 1:
        return False
    return float(centrality[:LEAD_SENTENCES].mean()) >= float(centrality[LEAD_SENTENCES:].mean())


def document_centrality(analysis: Analysis) -> np.ndarray:
    return _centrality(analysis.matrix)


def _topic_salience(analysis: Analysis) -> np.ndarray:
    strength = analysis.memberships * np.linalg.norm(analysis.loadings, axis=1)
    weight = strength.sum(axis=0)
    weight = weight / (weight.sum() or 1.0)
    return strength @ weight


def _centrality(matrix: SparseRows) -> np.ndarray:
    centroid = matrix.column_sums()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(matrix.shape[0])
    return matrix @ (centroid / norm)


def _directed_centrality(matrix: SparseRows) -> np.ndarray:
    """Similarity to the sentences after, less some to those before, in linear time.

    The sum of a sentence's cosines with all later sentences is its dot product with the
    sum of their vectors, so running sums replace PacSum's n x n similarity matrix.
    """
    n = matrix.shape[0]
    if n == 0:
        return np.zeros(0)
    with_earlier = matrix.prefix_dots()  # each sentence's dot product with itself and all before it
    own = matrix.row_sums_squared()
    forward = matrix @ matrix.column_sums() - with_earlier
    backward = with_earlier - own
    directed = forward - BACKWARD_WEIGHT * backward
    return directed - directed.min()


def _normalise(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)


_DIGIT = re.compile(r"\d")


def _penalty(text: str, language: str = "en") -> float:
    # Chinese and Japanese count characters (model.count_words), not space-separated runs.
    words = count_words(text)
    # Length normalisation: a long sentence holds more words of every topic but reads as a paragraph.
    factor = 1.0 / max(words, 5) ** LENGTH_POWER
    # Figures — counts, dates, sums — are the facts a briefing is read for.
    if _DIGIT.search(text, dateline_length(text)):
        factor *= 1.0 + NUMBER_BONUS
    if words < 6:
        factor *= 0.3
    elif words < 10 or words > 60:
        factor *= 0.7
    stripped = text.rstrip("\"”’' )")
    if stripped.endswith(("?", "？")):
        factor *= 0.5
    if text[:1] in "\"“‘'":
        factor *= 0.85
    if is_dangling(text, language):
        factor *= 0.8
    if _BOILERPLATE.search(text.lower()):
        factor *= 0.05
    return factor
