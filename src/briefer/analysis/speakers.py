"""Transcripts: paragraphs written as ``Speaker: words`` turns, and who says each sentence.

A text is a transcript when most of its paragraphs open with a speaker's name and a colon
and the same few names come back turn after turn; one "Note: ..." paragraph in an essay does
not make it one. A sentence's quote then starts after the name (the name is shown beside it,
never quoted as if it were said), and a sentence that lies inside the name (a splitter may
cut "The Chair (Hon. Anthony Rota)" at its abbreviation) has nothing to quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document
from ..sources.turns import TURN, is_transcript


@dataclass(frozen=True)
class Turns:
    """Who says each sentence of a transcript, and where its quotable words begin."""

    # One entry a sentence: the speaker's name as written ("" before the first turn).
    speakers: tuple[str, ...]
    # Characters at the start of each sentence that belong to the speaker's name and colon.
    skips: tuple[int, ...]


def paragraph_turns(document: Document) -> list[tuple[str, int] | None]:
    """For each paragraph, its speaker's name and the offset where the words begin, or None."""
    text = document.text
    out: list[tuple[str, int] | None] = []
    for paragraph in document.paragraphs:
        match = TURN.match(text, paragraph.start, paragraph.end)
        out.append((match.group("name"), match.end()) if match else None)
    return out


def find_turns(document: Document) -> Turns | None:
    """The speaker of every sentence when ``document`` is a transcript; None when it is not."""
    found = paragraph_turns(document)
    named = [f[0] for f in found if f is not None]
    if not is_transcript(named, len(found)):
        return None
    speakers: list[str] = []
    skips: list[int] = []
    current = ""
    for sentence in document.sentences:
        turn = found[sentence.paragraph]
        words_start = sentence.start
        if turn is not None:
            current = turn[0]
            words_start = max(sentence.start, turn[1])
        speakers.append(current)
        skips.append(min(len(sentence.text), words_start - sentence.start))
    return Turns(tuple(speakers), tuple(skips))
