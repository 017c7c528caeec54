"""Which ranked sentences become key points: the budget, no repeats, no dangling start, topic coverage.

One greedy chooser serves every briefing; :class:`Rules` says what, besides the budget, keeps a
ranked sentence out: one document briefed by a ranker that allows it is refined (no near
repeats, no dangling opening, topics spanned), several sources are held to a stricter repeat
check, and a plain ranker (lead, sumy's) gets its own order with exact repeats dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..analysis import Analysis
from ..analysis.centrality import centrality, lead_is_central
from ..analysis.memo import remember_last
from ..language.fragments import is_fragment
from ..language.openings import is_dangling
from ..model import Sentence

# Two key points sharing more than this cosine of their terms say the same thing.
REDUNDANCY = 0.5
# Once a topic has a key point, its other sentences count this much less, so that a longer
# briefing spans the document's topics instead of piling up on the first one.
COVERED_TOPIC = 0.3
# A long briefing (more key points than this) lowers a covered topic less: with fifteen points
# for a report, a topic may hold several (tuned on the first halves of the reports and
# Multi-News, confirmed on the second; see README).
SHORT_BRIEFING = 6
COVERED_TOPIC_LONG = 0.6
# Likewise a section (headed, or found from a shift of topic) of a document that does not put
# its point first: a report's or a paper's key points come from across its parts, results
# and conclusions included, not from the first pages alone.
COVERED_SECTION = 0.5
MIN_SECTIONS = 3


@dataclass(frozen=True)
class Rules:
    """What besides the budget keeps a ranked sentence out of a briefing."""

    # A sentence whose cosine with a chosen one is above this repeats it (None: no check).
    redundancy: float | None = None
    # A sentence sharing more than this share of content words with a chosen one repeats it.
    word_overlap: float | None = None
    # A sentence without content words is never a key point.
    needs_terms: bool = False
    # A sentence that would open the briefing on a pronoun or connective waits until it no
    # longer opens it.
    hold_dangling: bool = False
    # Each topic covered lowers the rest of that topic.
    spread_topics: bool = False
    # Each section covered lowers the rest of that section.
    spread_sections: bool = False
    # A sentence scored 0 is never chosen, even to fill the budget.
    positive_only: bool = False
    # Fragments are never chosen, even to fill the budget (unless the text has nothing else):
    # a briefing of four whole sentences reads better than one of five with a piece in it.
    whole_only: bool = False


PLAIN = Rules()
# Under a focus, only what is about it: no spreading across the document's other topics.
FOCUSED = Rules(redundancy=REDUNDANCY, hold_dangling=True, positive_only=True)


def refined(analysis: Analysis) -> Rules:
    """The rules for one document briefed by a ranker that lets the briefing refine its choice."""
    return Rules(
        redundancy=REDUNDANCY,
        hold_dangling=True,
        spread_topics=covers_topics(analysis),
        spread_sections=covers_sections(analysis),
        whole_only=True,
    )


def choose(
    analysis: Analysis,
    scores: np.ndarray,
    limit: int,
    max_words: int | None,
    lengths: list[int],
    rules: Rules = PLAIN,
) -> list[int]:
    """Indices of the key points, in document order: the best-scored sentences that fit ``rules``."""
    unquotable = _unquotable(analysis, rules.whole_only)
    order = _whole_sentences_first(np.argsort(-scores, kind="stable"), unquotable)
    sentences = analysis.document.sentences
    term_sets = [frozenset(t) for t in analysis.term_lists] if rules.needs_terms or rules.word_overlap else []
    topic_of = analysis.sentence_topic
    section_of = np.asarray([s.section for s in analysis.document.sentences], dtype=np.int64)
    sections_covered: set[int] = set()
    adjusted = scores.astype(np.float64, copy=True)
    chosen: list[int] = []
    held_back: list[int] = []
    rejected: set[int] = set()
    covered: set[int] = set()
    # Whatever the scores, a sentence the text repeats word for word is quoted once (the
    # cosine test misses repeats without content words).
    quoted: set[str] = set()
    used_words = 0
    position = 0
    lowered = COVERED_TOPIC if limit <= SHORT_BRIEFING else COVERED_TOPIC_LONG
    while len(chosen) < limit and position < len(order):
        index = int(order[position])
        position += 1
        if index in rejected or index in chosen or index in held_back:
            continue
        if (
            (max_words is not None and used_words + lengths[index] > max_words)
            or (rules.needs_terms and not term_sets[index])
            or (rules.positive_only and scores[index] <= 0)
        ):
            rejected.add(index)
            continue
        if sentences[index].text in quoted or _repeats(analysis, rules, term_sets, chosen, index):
            rejected.add(index)
            continue
        opens = not chosen or index < min(chosen)
        quote = sentences[index].text[analysis.quote_start(index) :]
        if rules.hold_dangling and opens and is_dangling(quote, analysis.document.language):
            # It would open the briefing pointing at context the reader does not have.
            held_back.append(index)
            continue
        chosen.append(index)
        quoted.add(sentences[index].text)
        used_words += lengths[index]
        if _spread(adjusted, rules, topic_of, section_of, index, covered, sections_covered, lowered):
            order = _whole_sentences_first(np.argsort(-adjusted, kind="stable"), unquotable)
            position = 0
        if any(h > index for h in held_back):
            # A held-back sentence no longer opens the briefing: it is weighed again at its
            # rank, before the lesser sentences that would otherwise fill the budget.
            held_back = [h for h in held_back if h < index]
            position = 0
    _bring_back(held_back, chosen, quoted, limit, max_words, used_words, lengths, sentences)
    return sorted(chosen)


def _spread(
    adjusted: np.ndarray,
    rules: Rules,
    topic_of: np.ndarray,
    section_of: np.ndarray,
    index: int,
    topics: set[int],
    sections: set[int],
    lowered: float,
) -> bool:
    """Lower the rest of a newly covered topic and section; True when any score changed."""
    changed = False
    topic = int(topic_of[index])
    if rules.spread_topics and topic not in topics:
        topics.add(topic)
        adjusted[topic_of == topic] *= lowered
        changed = True
    section = int(section_of[index])
    if rules.spread_sections and section not in sections:
        sections.add(section)
        adjusted[section_of == section] *= COVERED_SECTION
        changed = True
    return changed


def _bring_back(
    held_back: list[int],
    chosen: list[int],
    quoted: set[str],
    limit: int,
    max_words: int | None,
    used_words: int,
    lengths: list[int],
    sentences: Sequence[Sentence],
) -> None:
    """Held-back sentences come in where they no longer open the briefing, and never where they
    would: a briefing one point short reads better than one that opens on "It" or "However"."""
    for index in list(held_back):
        if len(chosen) >= limit:
            break
        if not chosen or index < min(chosen):
            continue
        if sentences[index].text in quoted:
            continue
        if max_words is None or used_words + lengths[index] <= max_words:
            quoted.add(sentences[index].text)
            chosen.append(index)
            used_words += lengths[index]
            held_back.remove(index)


def _repeats(analysis: Analysis, rules: Rules, term_sets: list[frozenset[str]], chosen: list[int], index: int) -> bool:
    """True when sentence ``index`` says again what a chosen sentence says."""
    if not chosen:
        return False
    if rules.redundancy is not None:
        matrix = analysis.matrix
        if float(np.max(matrix.dot_rows(chosen, matrix.row(index)))) > rules.redundancy:
            return True
    if rules.word_overlap is not None:
        return any(word_overlap(term_sets[index], term_sets[c]) > rules.word_overlap for c in chosen)
    return False


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared content words as a share of the smaller set: above 0.5, the two make the same point."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def covers_topics(analysis: Analysis) -> bool:
    """True when topics follow paragraphs (see analysis.factorise.with_paragraphs) and are worth spanning."""
    document = analysis.document
    return len(document.paragraphs) >= 3 and len(document.sentences) > len(document.paragraphs)


def covers_sections(analysis: Analysis) -> bool:
    """True when key points should come from across the document's sections: it has several,
    and its opening is not where its point is (news, whose lead is central, keeps its lead)."""
    if len(analysis.document.sections) < MIN_SECTIONS:
        return False
    return not lead_is_central(centrality(analysis.matrix))


# A reader or a benchmark briefs one document many times (each focus query): the fragments and
# cited sentences do not depend on the scores.
@remember_last
def _unquotable(analysis: Analysis, whole_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Which sentences are fragments, and which are never quoted: those in a references part
    and, when ``whole_only``, the fragments (unless the text is nothing else)."""
    found = _find_unquotable(analysis, whole_only)
    for flags in found:
        flags.setflags(write=False)
    return found


def _find_unquotable(analysis: Analysis, whole_only: bool) -> tuple[np.ndarray, np.ndarray]:
    document = analysis.document
    kinds = [p.kind for p in document.paragraphs]
    fragment = np.array(
        [
            is_fragment(s.text, kinds[s.paragraph] == "item") and not _short_but_whole(s.text)
            for s in document.sentences
        ],
        dtype=bool,
    )
    cited = np.array([kinds[s.paragraph] == "reference" for s in document.sentences], dtype=bool)
    if cited.all():
        cited[:] = False
    # A text of nothing but pieces (no punctuation at all) is briefed in pieces.
    if fragment[~cited].all():
        fragment[:] = False
    if whole_only:
        cited = cited | fragment
    return fragment, cited


_SHORT_SENTENCE = re.compile(r"^[\"“‘]?[A-Z][\w’'-]*(?: [\w’'-]+){2}[.!?][\"”’]?$")


def _short_but_whole(text: str) -> bool:
    """A three-word sentence ending on a lower-case word ("Ferguson is crumbling.") is whole:
    it ranks as any other, while "The Rev." and "A.J." (pieces of a sentence cut at an
    abbreviation) wait behind every whole sentence."""
    if not _SHORT_SENTENCE.match(text):
        return False
    last = text.rstrip('"”’.!?').rsplit(" ", 1)[-1]
    return last.isalpha() and last.islower() and len(last) >= 3


def _whole_sentences_first(order: np.ndarray, unquotable: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The ranking without cited sentences, fragments after every whole sentence."""
    fragment, cited = unquotable
    kept = order[~cited[order]]
    return np.concatenate([kept[~fragment[kept]], kept[fragment[kept]]])
