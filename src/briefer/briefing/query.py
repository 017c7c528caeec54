"""How much each sentence says about a query: the word match, its neighbours, its part of the text.

A question about a meeting or a report is answered by one stretch of it, over several turns or
sentences, in words the question may not use. So a sentence's relevance is built in layers:

- its match with the query's terms, Okapi BM25 (a term counts less each time it repeats, rare
  terms more, long sentences are not favoured for being long);
- the query widened by the words of its best-matching passages (pseudo-relevance feedback), so
  that "button design" also finds "volume", "channel" and "power" when those are what the
  passages about buttons talk about;
- some of its neighbours' match (the answer runs over several turns);
- how much of the stretch of text around it is about the query, so that key points come from
  where the subject is discussed rather than from stray mentions elsewhere;
- how much it says: a sentence of few content words ("Yeah, the button.") holds little of an
  answer, whatever words it shares with the query;
- how many of the query's distinct words are said around it (:func:`passage_coverage`): a
  question on "the remote's changeable cover" is answered where "changeable" and "cover" meet, not
  wherever "remote" is said again;
- in a transcript, who says it: a speaker the query names ("What did the Industrial Designer
  think of the battery?") is matched in the sentence's speaker as well as in its words, as
  BM25F matches a query in a document's fields (:func:`speaker_terms`). The words of a name
  are rarely said ("industrial" once in a meeting), so their own match finds where the role is
  mentioned, not where its holder speaks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..analysis import Analysis, analyzer_for
from ..analysis.memo import remember_last
from ..model import count_words

# Okapi BM25's usual constants: saturation of a repeated term, and length normalisation.
K1 = 1.2
B = 0.75
# Feedback: the terms of the FEEDBACK_SENTENCES best-matching sentences, the FEEDBACK_TERMS
# weightiest of them added to the query at FEEDBACK_WEIGHT of its weightiest term.
FEEDBACK_SENTENCES = 10
FEEDBACK_TERMS = 20
FEEDBACK_WEIGHT = 0.3
# Only sentences matching at least this share of the best one (with their neighbours) feed
# back: a sentence that is merely next to a match may be on another subject.
FEEDBACK_FLOOR = 0.5
# A sentence gains CONTEXT times the mean match of the WINDOW sentences either side (nearer
# ones more), within its section.
CONTEXT = 1.0
WINDOW = 3
# The stretch of text around a sentence (REGION sentences either side) weighs its match: a
# sentence in a passage that is all about the query counts fully, a stray mention less.
REGION = 50
# A sentence needs this many content words to hold part of an answer unless nothing else
# matches; below a content share of CONTENT_SHARE (of its words), it counts proportionally less.
MIN_TERMS = 3
CONTENT_SHARE = 0.5
# A query word the text does not use still matches a term of at least PREFIX letters that its
# stem extends or that extends it by up to two ("analyses" and "analysis" stem differently).
PREFIX = 5
FRAME_WEIGHT = 0.3
# A sentence counts by the share of the query's distinct terms (weighed by their rarity) said
# within a window of sentences either side of it, to the power COVERAGE (tuned on the first
# half of meetings_queries_dev: +0.8 R-1; see README), averaged over windows of COVER_WINDOWS
# sentences: an answer may be a quick exchange, a discussion or a whole agenda item, and one
# window cannot fit all three (one of 10: 0.16 R-1 less on the first half, 0.35 on the second).
COVERAGE = 2.0
COVER_WINDOWS = (3, 10, 30)
# A sentence's speaker is one more term of it, under a key no word can be (words have no
# spaces): " speaker: Marketing". It does not count in the sentence's length.
SPEAKER_KEY = " speaker: "


@dataclass(frozen=True)
class TermIndex:
    """A document's terms as (sentence, term, count) cells: what BM25 and feedback read."""

    terms: dict[str, int]
    rows: np.ndarray
    cols: np.ndarray
    counts: np.ndarray
    # Content terms of each sentence, and in how many sentences each term occurs.
    lengths: np.ndarray
    frequency: np.ndarray
    # True for the terms of a field (a speaker), not said: they never feed back.
    fields: np.ndarray

    @classmethod
    def of(cls, term_lists: Sequence[Sequence[str]], speakers: Sequence[str] = ()) -> TermIndex:
        """The index of one document's sentences (their analyzer terms), and of who says each
        (``speakers``, one a sentence, "" for none) under SPEAKER_KEY."""
        terms: dict[str, int] = {}
        cells: Counter[tuple[int, int]] = Counter()
        for i, sentence in enumerate(term_lists):
            cells.update((i, terms.setdefault(t, len(terms))) for t in sentence)
        for i, name in enumerate(speakers):
            if name:
                cells[(i, terms.setdefault(SPEAKER_KEY + name, len(terms)))] += 1
        keys = np.asarray(list(cells), dtype=np.int64).reshape(-1, 2)
        counts = np.asarray(list(cells.values()), dtype=np.float64)
        lengths = np.asarray([len(t) for t in term_lists], dtype=np.float64)
        frequency = np.bincount(keys[:, 1], minlength=len(terms)).astype(np.float64)
        fields = np.asarray([t.startswith(SPEAKER_KEY) for t in terms], dtype=bool)
        return cls(terms, keys[:, 0], keys[:, 1], counts, lengths, frequency, fields)

    def idf(self) -> np.ndarray:
        """BM25's inverse document frequency of every term."""
        n = len(self.lengths)
        return np.log(1 + (n - self.frequency + 0.5) / (self.frequency + 0.5))

    def bm25(self, weights: np.ndarray) -> np.ndarray:
        """Okapi BM25 of every sentence against query terms weighted by ``weights`` (one a term)."""
        n = len(self.lengths)
        if not n or not self.counts.size:
            return np.zeros(n)
        norm = K1 * (1 - B + B * self.lengths / max(float(self.lengths.mean()), 1e-9))
        tf = self.counts
        gain = weights[self.cols] * tf * (K1 + 1) / (tf + norm[self.rows])
        return np.bincount(self.rows, weights=gain, minlength=n)


@remember_last
def term_index(analysis: Analysis) -> tuple[TermIndex, np.ndarray]:
    """The term index of ``analysis``'s sentences and how much each can say (see _content),
    built once for a run of queries on it."""
    index = TermIndex.of(analysis.term_lists, analysis.turns.speakers if analysis.turns is not None else ())
    return index, _content(analysis, index.lengths)


def query_match(
    analysis: Analysis, query_terms: Sequence[str], frame: Sequence[str] = (), speakers: Sequence[str] = ()
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Each sentence's match with the query (before topics are weighed), how much each sentence
    can say (0 to 1, see _content), and the query terms the text uses (stems matched by prefix).

    ``frame`` are the words of how the question is asked ("discuss", "meeting"): they count
    FRAME_WEIGHT as much as the others, and fully when the text uses none of the others.
    ``speakers`` are the speakers the query names (:func:`speaker_terms`): each matches the
    sentences its speaker says, as one more query term, once the text uses some query word."""
    index, content = term_index(analysis)
    n = len(index.lengths)
    used = _known_terms(query_terms, index.terms)
    framing = [t for t in _known_terms(frame, index.terms) if t not in used]
    share = FRAME_WEIGHT if used else 1.0
    if not used:
        used, framing = framing, []
    if not used or n == 0:
        return np.zeros(n), np.zeros(n), used
    idf = index.idf()
    weights = np.zeros(len(index.terms))
    columns = [index.terms[t] for t in used]
    weights[columns] = idf[columns]
    if framing and share:
        extra = [index.terms[t] for t in framing]
        weights[extra] = share * idf[extra]
    said_by = [index.terms[t] for t in speakers if t in index.terms]
    weights[said_by] = idf[said_by]
    direct = index.bm25(weights)
    expanded = _feedback(index, _with_context(direct, analysis), weights, idf)
    match = index.bm25(expanded)
    # Neighbours and region weigh a sentence's own match (the geometric mean with its context:
    # a sentence matching only a feedback word is not lifted by its neighbours' match).
    near = np.sqrt(match * _with_context(match, analysis))
    return near * _region(match), content, used


def _known_terms(query_terms: Iterable[str], known: dict[str, int]) -> list[str]:
    """The query terms the text uses, an unknown one replaced by the text's terms that share its
    stem's start (two stemmings of one word)."""
    out: list[str] = []
    for term in dict.fromkeys(query_terms):
        if term in known:
            out.append(term)
        elif len(term) >= PREFIX:
            out += [t for t in known if _same_stem(term, t)]
    return list(dict.fromkeys(out))


def passage_coverage(analysis: Analysis, query_terms: Sequence[str], frame: Sequence[str] = ()) -> np.ndarray:
    """How much of the query is said around each sentence: the share of the query's distinct
    terms (each weighed by BM25's idf; a term's stemming variants count as one) used within a
    window of sentences either side, to the power COVERAGE, averaged over the windows of
    COVER_WINDOWS (nearer the place where the words meet, more windows hold them all). The
    ``frame`` words count only
    when the text uses none of the others, as in :func:`query_match`. Ones when the text uses
    fewer than two of the query's terms: one word alone says nothing of where its answer lies."""
    index, _ = term_index(analysis)
    n = len(index.lengths)
    groups = [g for g in (_known_terms([t], index.terms) for t in dict.fromkeys(query_terms)) if g]
    if not groups:
        groups = [g for g in (_known_terms([t], index.terms) for t in dict.fromkeys(frame)) if g]
    groups = [g for k, g in enumerate(groups) if g not in groups[:k]]
    if len(groups) < 2 or not COVERAGE or not COVER_WINDOWS or n == 0:
        return np.ones(n)
    idf = index.idf()
    present = np.zeros((n, len(groups)))
    weights = np.zeros(len(groups))
    for j, group in enumerate(groups):
        columns = [index.terms[t] for t in group]
        present[index.rows[np.isin(index.cols, columns)], j] = 1.0
        weights[j] = float(idf[columns].max())
    sums = np.vstack((np.zeros((1, len(groups))), np.cumsum(present, axis=0)))
    positions = np.arange(n)
    total = max(float(weights.sum()), 1e-12)
    cover = np.zeros(n)
    for window in COVER_WINDOWS:
        low = np.clip(positions - window, 0, n)
        high = np.clip(positions + window + 1, 0, n)
        around = (sums[high] - sums[low]) > 0
        cover += np.asarray(around @ weights / total) ** COVERAGE
    return cover / len(COVER_WINDOWS)


def _same_stem(a: str, b: str) -> bool:
    """True when one stem extends the other by a letter or two ("analys", "analysi"); two
    stems differing in a letter are two words ("appear", "appeal"; "consid", "consist")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= PREFIX and 0 < len(long) - len(short) <= 2 and long.startswith(short)


def _feedback(index: TermIndex, scores: np.ndarray, weights: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """The query's weights with the weightiest terms of its best-matching sentences added."""
    if not FEEDBACK_SENTENCES or not FEEDBACK_TERMS:
        return weights
    best = np.argsort(-scores, kind="stable")[:FEEDBACK_SENTENCES]
    top = float(scores[best[0]])
    if top <= 0:
        return weights
    share = np.zeros(len(scores))
    share[best] = scores[best] / top
    share[share < FEEDBACK_FLOOR] = 0
    gained = np.bincount(index.cols, weights=share[index.rows], minlength=len(weights)) * idf
    gained[(weights > 0) | index.fields] = 0
    chosen = np.argsort(-gained, kind="stable")[:FEEDBACK_TERMS]
    chosen = chosen[gained[chosen] > 0]
    if not chosen.size:
        return weights
    expanded = weights.copy()
    expanded[chosen] = FEEDBACK_WEIGHT * float(weights.max()) * gained[chosen] / float(gained[chosen[0]])
    return expanded


def _with_context(relevance: np.ndarray, analysis: Analysis) -> np.ndarray:
    """A sentence gains some of its neighbours' relevance (up to WINDOW each side), within its section."""
    if not CONTEXT or not WINDOW:
        return relevance
    section = np.asarray([s.section for s in analysis.document.sentences])
    n = len(relevance)
    gained = np.zeros(n)
    norm = 0.0
    for step in range(1, WINDOW + 1):
        weight = (WINDOW + 1 - step) / (WINDOW + 1)
        norm += 2 * weight
        if n > step:
            same = section[step:] == section[:-step]
            gained[step:] += weight * relevance[:-step] * same
            gained[:-step] += weight * relevance[step:] * same
    return relevance + CONTEXT * gained / norm


def _region(match: np.ndarray) -> np.ndarray:
    """How much of the stretch around each sentence (REGION sentences either side) is about the
    query, relative to the stretch most about it."""
    n = len(match)
    if not REGION or not n:
        return np.ones(n)
    sums = np.concatenate(([0.0], np.cumsum(match)))
    positions = np.arange(n)
    low = np.clip(positions - REGION, 0, n)
    high = np.clip(positions + REGION + 1, 0, n)
    region = (sums[high] - sums[low]) / (high - low)
    top = float(region.max())
    return region / top if top > 0 else np.ones(n)


def _content(analysis: Analysis, lengths: np.ndarray) -> np.ndarray:
    """How much a sentence can say: 0 under MIN_TERMS content words, else its content share
    (up to CONTENT_SHARE, which counts fully)."""
    sentences = analysis.document.sentences
    words = np.asarray(
        [max(count_words(s.text[analysis.quote_start(i) :]), 1) for i, s in enumerate(sentences)], dtype=np.float64
    )
    share = np.minimum(lengths / words, CONTENT_SHARE) / CONTENT_SHARE if CONTENT_SHARE else np.ones(len(words))
    return share * (lengths >= MIN_TERMS)


def speaker_match(analysis: Analysis, query_terms: Sequence[str], query: str = "") -> np.ndarray:
    """How much of the query names each sentence's speaker: the share of the query terms'
    weight (BM25's idf) that the speaker's name holds; 0 outside a transcript. When ``query``
    names some speakers whole ("Grad H", "the Project Manager"), only they count: "Grad C"
    shares a word with "Grad H" but is not the one asked about."""
    n = len(analysis.document.sentences)
    turns = analysis.turns
    wanted = set(query_terms)
    if turns is None or not wanted:
        return np.zeros(n)
    index, _ = term_index(analysis)
    idf = index.idf()
    # A name's word the speakers never say is as rare as a word can be.
    rarest = float(np.log(1 + (n + 0.5) / 0.5))
    weight = {t: float(idf[index.terms[t]]) if t in index.terms else rarest for t in wanted}
    total = sum(weight.values())
    analyzer = analyzer_for(analysis.document.language)
    names = set(turns.speakers)
    share = {name: sum(weight[t] for t in wanted.intersection(analyzer.terms(name))) / total for name in names}
    whole = {name for name in names if share[name] > 0 and _names_whole(query, name)}
    if whole:
        share = {name: share[name] if name in whole else 0.0 for name in names}
    return np.asarray([share[name] for name in turns.speakers])


def speaker_terms(analysis: Analysis, query: str) -> list[str]:
    """The index terms (see SPEAKER_KEY) of the speakers ``query`` names whole ("Grad H", "the
    Project Manager"); none outside a transcript."""
    if analysis.turns is None or not query:
        return []
    names = sorted({name for name in analysis.turns.speakers if name})
    return [SPEAKER_KEY + name for name in names if _names_whole(query, name)]


def _names_whole(query: str, name: str) -> bool:
    """True when ``query`` holds the speaker's name as written, an office in brackets aside."""
    core = name.split("(", 1)[0].strip()
    return bool(core) and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", query, re.IGNORECASE) is not None
