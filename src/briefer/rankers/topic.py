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

from ..analysis.centrality import centrality, directed_centrality, lead_is_central
from ..analysis.topics import Analysis
from ..language.openings import dateline_length, is_dangling
from ..model import count_words

# Tuned on the first half of the CNN dev set and confirmed on the second (see README).
SALIENCE_WEIGHT = 0.5
DIRECTED_WEIGHT = 0.5
NEWS_PRIOR = 0.75
FLAT_PRIOR = 0.2
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
        central = _normalise(centrality(analysis.matrix))
        content = SALIENCE_WEIGHT * salience + (1 - SALIENCE_WEIGHT) * central
        content = content + DIRECTED_WEIGHT * _normalise(directed_centrality(analysis.matrix))
        prior = 1.0 / np.power(1.0 + np.arange(n), self.prior_strength(analysis, central))
        penalty = np.asarray([_penalty(s.text, document.language) for s in document.sentences])
        return content * prior * penalty

    @staticmethod
    def prior_strength(analysis: Analysis, central: np.ndarray) -> float:
        """How much the opening counts: strong when the lead is central, weak otherwise."""
        return NEWS_PRIOR if lead_is_central(central) else FLAT_PRIOR


def _topic_salience(analysis: Analysis) -> np.ndarray:
    strength = analysis.memberships * np.linalg.norm(analysis.loadings, axis=1)
    weight = strength.sum(axis=0)
    weight = weight / (weight.sum() or 1.0)
    return strength @ weight


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
