"""Everything per language: the catalogue, detection, sentences, words, stop words, openings.

Nothing here needs NLTK data or a download.
"""

from __future__ import annotations

from .catalogue import (
    AUTO,
    LANGUAGES,
    Language,
    get_language,
    language_note,
    reading_rate,
    resolve_language,
    supported_languages,
)
from .sentences import MAX_SENTENCE_CHARS, sentence_spans
from .stopwords import stop_words
from .words import MARKS, Analyzer, words

__all__ = [
    "AUTO",
    "LANGUAGES",
    "MARKS",
    "MAX_SENTENCE_CHARS",
    "Analyzer",
    "Language",
    "get_language",
    "language_note",
    "reading_rate",
    "resolve_language",
    "sentence_spans",
    "stop_words",
    "supported_languages",
    "words",
]
