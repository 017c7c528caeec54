"""Which ranked sentences become key points: the budget, no repeats, no dangling start, topic coverage."""

from __future__ import annotations

import re

import numpy as np

from .openings import is_dangling, is_fragment
from .topics import Analysis

# Two key points sharing more than this cosine of their terms say the same thing.
REDUNDANCY = 0.5
# Once a topic has a key point, its other sentences count this much less, so that a longer
# briefing spans the document's topics instead of piling up on the first one.
COVERED_TOPIC = 0.3


def choose(
    analysis: Analysis,
    scores: np.ndarray,
    limit: int,
    max_words: int | None,
    lengths: list[int],
    refine: bool,
) -> list[int]:
    """Indices of the key points, in document order.

    Without ``refine`` the best-scored sentences that fit. With it, a sentence too like one
    already chosen is skipped, one that would open the briefing on a pronoun or connective
    waits until it no longer opens it, and — in a text written in paragraphs, whose topics
    follow its paragraphs — each new topic covered lowers the rest of that topic.
    """
    unquotable = _unquotable(analysis)
    order = _whole_sentences_first(np.argsort(-scores, kind="stable"), unquotable)
    sentences = analysis.document.sentences
    if not refine:
        return _plain(order, limit, max_words, lengths, [s.text for s in sentences])
    matrix = analysis.matrix
    topic_of = analysis.sentence_topic
    spread = covers_topics(analysis)
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
    while len(chosen) < limit and position < len(order):
        index = int(order[position])
        position += 1
        if index in rejected or index in chosen or index in held_back:
            continue
        if max_words is not None and used_words + lengths[index] > max_words:
            rejected.add(index)
            continue
        if sentences[index].text in quoted or (
            chosen and float(np.max(matrix.dot_rows(chosen, matrix.row(index)))) > REDUNDANCY
        ):
            rejected.add(index)
            continue
        if (not chosen or index < min(chosen)) and is_dangling(sentences[index].text, analysis.document.language):
            # It would open the briefing pointing at context the reader does not have.
            held_back.append(index)
            continue
        chosen.append(index)
        quoted.add(sentences[index].text)
        used_words += lengths[index]
        topic = int(topic_of[index])
        if spread and topic not in covered:
            covered.add(topic)
            adjusted[topic_of == topic] *= COVERED_TOPIC
            order = _whole_sentences_first(np.argsort(-adjusted, kind="stable"), unquotable)
            position = 0
    # Held-back sentences come in where they no longer open the briefing, then (to fill the
    # budget) anywhere.
    for must_follow in (True, False):
        for index in list(held_back):
            if len(chosen) >= limit:
                break
            if must_follow and (not chosen or index < min(chosen)):
                continue
            if sentences[index].text in quoted:
                continue
            if max_words is None or used_words + lengths[index] <= max_words:
                quoted.add(sentences[index].text)
                chosen.append(index)
                used_words += lengths[index]
                held_back.remove(index)
    return sorted(chosen)


def _unquotable(analysis: Analysis) -> tuple[np.ndarray, np.ndarray]:
    """Which sentences are fragments (headings, stubs, pieces of a sentence the layout cut)
    and which stand in a references part (never quoted, unless the text is nothing else)."""
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


def covers_topics(analysis: Analysis) -> bool:
    """True when topics follow paragraphs (see topics._with_paragraphs) and are worth spanning."""
    document = analysis.document
    return len(document.paragraphs) >= 3 and len(document.sentences) > len(document.paragraphs)


def _plain(order: np.ndarray, limit: int, max_words: int | None, lengths: list[int], texts: list[str]) -> list[int]:
    chosen: list[int] = []
    quoted: set[str] = set()
    used_words = 0
    for index in order:
        if len(chosen) >= limit:
            break
        if max_words is not None and used_words + lengths[index] > max_words:
            continue
        if texts[index] in quoted:
            continue
        quoted.add(texts[index])
        chosen.append(int(index))
        used_words += lengths[index]
    return sorted(chosen)
