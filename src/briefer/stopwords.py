"""Stop-word lists for every language briefer knows, from packages that ship them as data.

English uses sumy's list alone, as it always has. For every other language, sumy's list
(where sumy has one) and the ``stopwordsiso`` package's (MIT; it has Russian, Dutch, the
Nordic languages, Turkish, Slovene, which sumy lacks) are joined: sumy's Spanish and French
lists miss even "de", "que" and "une", and stopwords-iso's lists miss a few of sumy's.
Nothing is downloaded.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# ISO 639-1 code to the file name of sumy's list.
_SUMY = {
    "ar": "arabic",
    "zh": "chinese",
    "cs": "czech",
    "en": "english",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "he": "hebrew",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "pl": "polish",
    "pt": "portuguese",
    "sk": "slovak",
    "es": "spanish",
    "sv": "swedish",
    "th": "thai",
    "uk": "ukrainian",
}


@cache
def stop_word_list(code: str) -> frozenset[str]:
    """The lower-case stop words of a language (ISO 639-1 code); empty when none is shipped."""
    listed: list[str] = []
    if code in _SUMY:
        path = resources.files("sumy") / "data" / "stopwords" / f"{_SUMY[code]}.txt"
        listed += path.read_text(encoding="utf-8").splitlines()
    if code != "en":
        import stopwordsiso

        if stopwordsiso.has_lang(code):
            listed += stopwordsiso.stopwords(code)
    return frozenset(w for w in (word.strip().lower() for word in listed) if w)
