"""Everything per language: the catalogue, detection, sentences, words, stop words, openings.

Nothing here needs NLTK data or a download. Names are loaded on first use, as in the package's
own ``__init__``: the catalogue (``AUTO``, ``get_language``) is wanted by commands that check
their options before any text is read (``brief -i`` draws its first frame before the words,
the stop words and their tables are imported). The function ``words`` is taken from
``.words`` itself: here its name is the submodule's.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "AUTO": "catalogue",
    "LANGUAGES": "catalogue",
    "Language": "catalogue",
    "get_language": "catalogue",
    "language_note": "catalogue",
    "reading_rate": "catalogue",
    "resolve_language": "catalogue",
    "supported_languages": "catalogue",
    "MAX_SENTENCE_CHARS": "sentences",
    "sentence_spans": "sentences",
    "stop_words": "stopwords",
    "MARKS": "words",
    "Analyzer": "words",
}

if TYPE_CHECKING:
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
    from .words import MARKS, Analyzer

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
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefer.language' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
