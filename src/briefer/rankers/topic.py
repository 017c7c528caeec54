"""briefer's default ranker: sentences ranked by the topics they carry.

A sentence scores by how much of the document's weightiest topics it holds (the topic
salience of NMF's memberships), by how central it is to the whole text, by how much of what
follows it announces (PacSum's directed centrality, Zheng & Lapata 2019) and by where it
stands — but the position prior is only applied as strongly as the document earns it: when
its opening sentences are more central than the rest (news puts its point first), the lead
counts; when they are not (reports, essays, transcripts), position barely matters. A text
under headings of its own (a bill's sections, a report's parts) is never read as news: there a
sentence counts more the more of its section heading's words it uses, because a heading is
its writer's summary of the section, and a section's first sentence a little more. Sentences
that make poor quotes — fragments, questions, captions, calls to click, pointers to another
part ("See Table 3") — are discounted, and
long ones a little, so that three key points do not become three paragraphs. A sentence that
is no whole sentence — a heading, an enumerator stub, a piece cut by the line layout, a
spoken "so th" — counts a fraction of one that is, and a turn of nothing but filler ("Okay.",
"Mm-hmm.") counts nothing; in a transcript the speaker's name is left out of what is weighed,
and a sentence counts in proportion to the distinct content words it holds: most of what is
said in a meeting is talk about the talk, and its points are made in the turns that name things.
"""

from __future__ import annotations

import re

import numpy as np

from ..analysis.centrality import centrality, directed_centrality, lead_is_central
from ..analysis.topics import Analysis, analyzer_for
from ..language.fragments import is_filler, is_fragment
from ..language.openings import dateline_length, is_dangling
from ..model import Document, count_words

# Tuned on the first half of the CNN dev set and confirmed on the second (see README).
SALIENCE_WEIGHT = 0.3
DIRECTED_WEIGHT = 0.5
NEWS_PRIOR = 0.75
FLAT_PRIOR = 0.3
CLOSE_PRIOR = 0.2
CLOSE_WEIGHT = 0.8
LENGTH_POWER = 0.2
# Reports, papers and bills make their points in longer sentences than news.
OTHER_LENGTH_POWER = 0.0
OTHER_LONG = False
NUMBER_BONUS = 0.1
# In a transcript a sentence counts in proportion to the content words it holds, to this power
# (tuned on the first half of the meetings, confirmed on the second; see README).
TRANSCRIPT_TERMS_POWER = 1.0
# In a text under headings (tuned on the first half of the bills, see README).
HEADING_WEIGHT = 5.0
OPENING_WEIGHT = 0.3
# A fragment counts this share of a whole sentence: kept only when nothing better is left.
FRAGMENT = 0.01

# Matched against the lower-cased sentence: three times faster than a case-blind pattern.
_BOILERPLATE = re.compile(
    r"\b(?:click here|scroll down|read more|sign up|subscribe|follow us|"
    r"all rights reserved|copyright|share this|related articles?|advertisement|"
    r"photo(?:graph)?s?:|image:|getty images|watch the video|video:)"
)

# A pointer to another part ("(See Trade Issues, below.)", "See Table 3 for...") says where, not what.
_CROSS_REFERENCE = re.compile(r"[(\[]?\s*see\b")


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
        if headed(document):
            # A heading is its writer's own summary of the section: a sentence that says what
            # its heading names states the section's point, and so does a section's opening.
            content = content * (1.0 + HEADING_WEIGHT * heading_fit(analysis))
            content = content * (1.0 + OPENING_WEIGHT * section_openings(document))
        # News puts its point first, and so does a meeting: its chair opens on the agenda. A
        # text under headings does not: its points are spread over its parts.
        news = (lead_is_central(central) and not headed(document)) or analysis.turns is not None
        prior = self.prior(n, news)
        penalty = np.asarray([quote_factor(analysis, i, news) for i in range(n)])
        return content * prior * penalty

    @staticmethod
    def prior(n: int, news: bool) -> np.ndarray:
        """How much each place counts: the opening strongly in news; in other writing the
        opening a little, and the close nearly as much (a paper's or a report's conclusions)."""
        places = np.arange(n, dtype=np.float64)
        if news:
            return 1.0 / np.power(1.0 + places, NEWS_PRIOR)
        opening = 1.0 / np.power(1.0 + places, FLAT_PRIOR)
        closing = CLOSE_WEIGHT / np.power(1.0 + places[::-1], CLOSE_PRIOR)
        return np.maximum(opening, closing)


def _topic_salience(analysis: Analysis) -> np.ndarray:
    strength = analysis.memberships * np.linalg.norm(analysis.loadings, axis=1)
    weight = strength.sum(axis=0)
    weight = weight / (weight.sum() or 1.0)
    return strength @ weight


def _normalise(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)


_DIGIT = re.compile(r"\d")


def quote_factor(analysis: Analysis, index: int, news: bool = True) -> float:
    """How well sentence ``index`` reads as a quote on its own (1 for a plain full sentence)."""
    document = analysis.document
    sentence = document.sentences[index]
    text = sentence.text[analysis.quote_start(index) :]
    if is_filler(text):
        return 0.0
    factor = _penalty(text, document.language, LENGTH_POWER if news else OTHER_LENGTH_POWER, news or OTHER_LONG)
    if analysis.turns is not None:
        # Speech is mostly talk about the talk ("Make a start yeah.", "We have a technical
        # problem uh."): a meeting's points are made in the turns that name many things.
        factor *= max(len(set(analysis.term_lists[index])), 1) ** TRANSCRIPT_TERMS_POWER
    if is_fragment(text[dateline_length(text) :], list_item=document.paragraphs[sentence.paragraph].kind == "item"):
        factor *= FRAGMENT
    return factor


def _penalty(text: str, language: str = "en", length_power: float = LENGTH_POWER, long_penalty: bool = True) -> float:
    # Chinese and Japanese count characters (model.count_words), not space-separated runs.
    words = count_words(text)
    # Length normalisation: a long sentence holds more words of every topic but reads as a paragraph.
    factor = 1.0 / max(words, 5) ** length_power
    # Figures — counts, dates, sums — are the facts a briefing is read for.
    if _DIGIT.search(text, dateline_length(text)):
        factor *= 1.0 + NUMBER_BONUS
    if words < 6:
        factor *= 0.3
    elif words < 10 or (long_penalty and words > 60):
        factor *= 0.7
    stripped = text.rstrip("\"”’' )")
    if stripped.endswith(("?", "？")):
        factor *= 0.5
    if text[:1] in "\"“‘'":
        factor *= 0.85
    if is_dangling(text, language):
        factor *= 0.8
    lower = text.lower()
    if _BOILERPLATE.search(lower) or _CROSS_REFERENCE.match(lower):
        factor *= 0.05
    return factor


def headed(document: Document) -> bool:
    """True when the text names its parts with headings of its own (at least two)."""
    return sum(section.origin == "heading" for section in document.sections) >= 2


def heading_fit(analysis: Analysis) -> np.ndarray:
    """Share of its section heading's terms that each sentence uses (0 under no heading)."""
    document = analysis.document
    analyzer = analyzer_for(document.language)
    heading_terms = {
        section.index: frozenset(analyzer.terms(section.title))
        for section in document.sections
        if section.origin == "heading" and section.title
    }
    fit = np.zeros(len(document.sentences))
    for i, sentence in enumerate(document.sentences):
        wanted = heading_terms.get(sentence.section)
        if wanted:
            fit[i] = len(wanted.intersection(analysis.term_lists[i])) / len(wanted)
    return fit


def section_openings(document: Document) -> np.ndarray:
    """1 for the first sentence of each section, 0 for the others."""
    sections = np.asarray([sentence.section for sentence in document.sentences])
    first = np.ones(len(sections), dtype=bool)
    first[1:] = sections[1:] != sections[:-1]
    return first.astype(np.float64)
