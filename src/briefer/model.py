"""The data briefer passes around: a parsed document and the briefing made from it.

Every span is a pair of offsets into ``Document.text`` so that whatever is shown or
quoted can be traced back to the source character for character.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its offsets into ``Document.text``, its paragraph and section."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    section: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph-level block (prose, list item) with its offsets and section."""

    index: int
    start: int
    end: int
    section: int
    # Headings, list items and the like are kept apart from prose so that they are
    # never glued into a sentence of the paragraph that follows them.
    kind: str = "prose"


@dataclass(frozen=True)
class Section:
    """A part of a document, named by its heading or, failing one, by its topic."""

    index: int
    title: str
    start: int
    end: int
    # "heading" when the text itself names the section, "topic" when briefer found it
    # from a shift of topic between paragraphs, "whole" for a text with a single section.
    origin: str = "heading"
    # 1 for a top-level part, 2 for a part inside it...: as the numbering ("2." over "2.1"),
    # the underline ("=====" over "-----") or the Markdown marks ("#" over "##") show it.
    level: int = 1


@dataclass(frozen=True)
class Document:
    """A parsed input: its text and the paragraphs, sentences and sections found in it."""

    text: str
    title: str
    source: str
    language: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    sections: tuple[Section, ...]
    input_format: str = "text"
    metadata: dict[str, str] = field(default_factory=dict, compare=False)
    # Spans of ``text`` that hyphenate a word across a line break ("-\n" and the next line's
    # indent, in "hyphen-\nated"): quotes keep them, the words analysed do not.
    soft_hyphens: tuple[tuple[int, int], ...] = ()

    def words(self) -> int:
        return sum(count_words(s.text) for s in self.sentences)

    def analysis_text(self, sentence: Sentence, skip: int = 0) -> str:
        """A sentence's text from ``skip`` on, its words hyphenated at a line end made whole."""
        start = sentence.start + skip
        text = sentence.text[skip:]
        if not self.soft_hyphens:
            return text
        first = bisect_left(self.soft_hyphens, (start, start))
        if first == len(self.soft_hyphens) or self.soft_hyphens[first][0] >= sentence.end:
            return text
        parts = []
        position = start
        for cut_start, cut_end in self.soft_hyphens[first:]:
            if cut_end > sentence.end:
                break
            parts.append(self.text[position:cut_start])
            position = cut_end
        parts.append(self.text[position : sentence.end])
        return "".join(parts)


@dataclass(frozen=True)
class Topic:
    """One of a document's topics: its label, its key terms and its share of the text."""

    id: int
    label: str
    terms: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Mention:
    """Where a key point's sentence, or a near-duplicate of it, stands in one source."""

    source: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class KeyPoint:
    """A quote chosen for the briefing: verbatim text, offsets, score, rank, topic and section."""

    text: str
    start: int
    end: int
    score: float
    rank: int
    topic: int
    section: int
    sentence: int
    # In a briefing of several sources: the source this quote comes from (offsets are into
    # that source's text), every place it or a near-duplicate stands, and whether any
    # other source says something like it at all.
    source: int = 0
    mentions: tuple[Mention, ...] = ()
    only_source: bool = False
    # In a transcript: who says it, as the text names them (the name is not part of the quote).
    speaker: str = ""
    # In a briefing with a focus: how much this point says about it (1 = the most relevant).
    relevance: float | None = None


@dataclass(frozen=True)
class Stats:
    """The counts of a source and of its briefing: sentences, words, reading times."""

    sentences: int
    words: int
    reading_seconds: int
    summary_sentences: int
    summary_words: int
    summary_reading_seconds: int


@dataclass(frozen=True)
class Briefing:
    """A document's key points grouped by topic, with the counts and the notes a reader needs."""

    document: Document
    method: str
    order: str
    key_points: tuple[KeyPoint, ...]
    topics: tuple[Topic, ...]
    key_terms: tuple[str, ...]
    stats: Stats
    whole: bool = False
    notes: tuple[str, ...] = ()
    # Set for a briefing of several sources: each source's own document, in input order.
    sources: tuple[Document, ...] = ()
    # Set for a briefing on one subject: the query (or the topic's label), the query's words
    # the text uses, and the topic's number when a topic was asked for.
    focus: str | None = None
    focus_terms: tuple[str, ...] = ()
    focus_topic: int | None = None

    def groups(self) -> list[tuple[Topic, list[KeyPoint]]]:
        """Key points grouped by topic, topics in the order their first point appears."""
        by_id = {t.id: t for t in self.topics}
        order: list[int] = []
        members: dict[int, list[KeyPoint]] = {}
        for point in self.key_points:
            if point.topic not in members:
                order.append(point.topic)
                members[point.topic] = []
            members[point.topic].append(point)
        return [(by_id[t], members[t]) for t in order if t in by_id]


# Chinese and Japanese put no spaces between words: each character counts as one, and
# their punctuation as none (reading speeds for these scripts are in characters too).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+")


def count_words(text: str) -> int:
    """Words separated by spaces, or characters of Chinese and Japanese: the unit of every
    budget and reading-time figure."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(text.split())
    return cjk + len(_CJK_PUNCTUATION.sub(" ", _CJK.sub(" ", text)).split())
