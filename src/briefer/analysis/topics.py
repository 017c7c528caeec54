"""A document's topics: term weights, topics by non-negative factorisation, topic sections.

The factorisation is NMF of the sentence-by-term tf-idf matrix (Lee & Seung's updates,
NNDSVD start, so the result is deterministic). In a text written in paragraphs each sentence
is factorised together with its paragraph's mean, because a paragraph is a writer's own unit
of topic and a lone sentence has too few words to place. Each sentence belongs to the topic
that weighs most in it; each topic is named by the words that most of its sentences share
and few others use. Work is bounded: the vocabulary is capped, the sentence-by-term matrix is
kept as its non-zero cells (:mod:`briefer.analysis.sparse`) and the others are ``n x k`` and
``k x terms``, so time and memory grow linearly with the number of sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..language.catalogue import get_language
from ..language.words import Analyzer
from ..model import Document, Topic
from .factorise import factorise, topic_count, with_paragraphs
from .labels import key_terms, name_topics
from .segments import with_topic_sections
from .sparse import SparseRows
from .speakers import Turns, find_turns
from .talk import talk_terms
from .terms import display_forms, document_frequency, tfidf


@dataclass
class Analysis:
    """What the rankers and the briefing read: a document's terms, matrix and topics."""

    document: Document
    terms: list[str]
    display: list[str]
    # Rows are sentences, L2-normalised tf-idf over the capped vocabulary.
    matrix: SparseRows
    # Sentence-by-topic memberships (NMF's W) and topic-by-term loadings (NMF's H).
    memberships: np.ndarray
    loadings: np.ndarray
    topics: tuple[Topic, ...]
    sentence_topic: np.ndarray
    key_terms: tuple[str, ...]
    term_lists: list[list[str]]
    # Who says each sentence, when the document is a transcript of ``Speaker: words`` turns.
    turns: Turns | None = None

    def quote_start(self, index: int) -> int:
        """Characters of sentence ``index`` before its quotable words (a speaker's name)."""
        return self.turns.skips[index] if self.turns is not None else 0


@lru_cache(maxsize=8)
def analyzer_for(code: str) -> Analyzer:
    """The word analyzer of a language, shared by every document in it."""
    return Analyzer(get_language(code))


def analyze(document: Document) -> Analysis:
    """Find the topics of a document and its topic sections: the whole text's when it has no
    headings, and inside each long part under a heading."""
    analyzer = analyzer_for(document.language)
    turns = find_turns(document)
    # A speaker's name is no part of what is said: it names no topic and is never quoted.
    skips = turns.skips if turns is not None else (0,) * len(document.sentences)
    # Words hyphenated at a line end count whole ("hyphen-\nated" is "hyphenated").
    word_lists = [
        analyzer.words(document.analysis_text(s, skip)) for s, skip in zip(document.sentences, skips, strict=True)
    ]
    term_lists = [analyzer.terms_of_words(words) for words in word_lists]
    if turns is not None:
        # "Kay." "Alright." "Nice.": the turns that keep a meeting going would be a topic of
        # their own, and name topics and sections.
        talk = talk_terms(word_lists, term_lists, analyzer)
        term_lists = [[t for t in terms if t not in talk] for terms in term_lists]
    frequency = document_frequency(term_lists)
    terms, matrix = tfidf(term_lists, frequency)
    display = display_forms(word_lists, analyzer, terms)
    memberships, loadings = factorise(with_paragraphs(document, matrix), topic_count(len(document.sentences)))
    topics, sentence_topic, memberships, loadings = name_topics(
        memberships, loadings, display, term_lists, terms, frequency
    )
    terms_of_note = key_terms(matrix, display)
    analysis = Analysis(
        document,
        terms,
        display,
        matrix,
        memberships,
        loadings,
        topics,
        sentence_topic,
        terms_of_note,
        term_lists,
        turns,
    )
    analysis.document = with_topic_sections(analysis)
    return analysis
