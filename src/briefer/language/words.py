"""Words and terms: letters with their marks, segmentation where spaces do not separate words,
stems from Snowball (PyStemmer's C build when installed), Chinese words from jieba's
dictionary (``rjieba``, loaded only for Chinese), stop words from :mod:`.stopwords`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .catalogue import Language
from .stopwords import stop_words


def _combining_marks() -> str:
    """A character class of the combining marks (vowel signs, viramas, accents written apart)."""
    ranges: list[tuple[int, int]] = []
    # The blocks whose scripts write marks inside words: combining accents, Hebrew, Arabic,
    # Syriac, the Indic scripts, Thai, Lao, Tibetan, Myanmar, kana voicing.
    blocks = [(0x300, 0x370), (0x483, 0x48A), (0x591, 0x5C8), (0x610, 0x6EE), (0x711, 0x74B), (0x900, 0x1100)]
    blocks += [(0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0x3099, 0x309B), (0xFE20, 0xFE30)]
    for code in (c for low, high in blocks for c in range(low, high)):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


# A word: letters with the marks that belong to them. Python's \w leaves out combining
# marks, which would cut Hindi, Malayalam or Thai words (and decomposed "café") apart.
MARKS = _combining_marks()
_LETTERS = rf"[^\W\d_](?:[^\W\d_]|[{MARKS}])*"
_WORD = re.compile(rf"{_LETTERS}(?:['’\-]{_LETTERS})*")


def words(text: str) -> list[str]:
    """Alphabetic words of a sentence, as written (a Chinese or Japanese clause is one "word")."""
    return _WORD.findall(text)


class Analyzer:
    """Turns text into the stemmed content terms that topics and rankers count."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.stop_words = stop_words(language)
        self._stem = _stemmer(language.stemmer)
        self._split = _segmenter(language.segmenter, language.code)
        # One letter is no topic; a single Chinese or Japanese character is more often a
        # particle than a word of substance.
        self._min_length = 2
        self._cache: dict[str, str | None] = {}

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as written, segmented where the script has no spaces."""
        return self._split(text)

    def terms(self, text: str) -> list[str]:
        return self.terms_of_words(self._split(text))

    def terms_of_words(self, words: list[str]) -> list[str]:
        """The terms of words already split by :meth:`words`."""
        return [term for term in map(self.term_of_word, words) if term is not None]

    def term_of_word(self, word: str) -> str | None:
        """The term one word counts as, None for a stop word or a word too short."""
        term = self._cache.get(word, "")
        if term == "":
            term = self._cache[word] = self._term(word)
        return term

    def stem(self, word: str) -> str:
        return self._stem(word.lower())

    def _term(self, word: str) -> str | None:
        lower = word.lower().replace("’", "'")
        if not lower.isascii():
            lower = unicodedata.normalize("NFC", lower)
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) < self._min_length or lower in self.stop_words:
            return None
        return self._stem(lower)


def _identity(word: str) -> str:
    return word


def _stemmer(algorithm: str):
    if not algorithm:
        return _identity
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm).stemWord


def _segmenter(kind: str, code: str = ""):
    if kind == "jieba":
        return _chinese_words
    if kind == "kana":
        return _japanese_words
    if code in _ELISIONS:
        return _without_elision(_ELISIONS[code])
    return _WORD.findall


# Articles and pronouns that French, Italian and Catalan elide onto the next word: "l'État"
# is the word "État", which should count (and be shown) as such.
_ELISIONS = {
    "fr": "c|d|j|l|m|n|s|t|qu|jusqu|lorsqu|puisqu|quoiqu",
    "it": "c|d|l|s|v|un|all|dall|dell|nell|sull|coll|quell|quest|nessun|buon|sant",
    "ca": "d|l|m|n|s|t",
}


def _without_elision(prefixes: str):
    elided = re.compile(rf"^(?:{prefixes})['’](?=[^\W\d_])", re.IGNORECASE)

    def split(text: str) -> list[str]:
        return [elided.sub("", word) for word in _WORD.findall(text)]

    return split


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(rf"[{_HAN}]+|[^\W\d_{_HAN}]+")


def _han_bigrams(text: str) -> list[str]:
    """Overlapping pairs of Han characters: without a dictionary, the usual stand-in for words
    in Chinese retrieval (most Chinese words are two characters long)."""
    out: list[str] = []
    for run in _HAN_RUN.findall(text):
        if len(run) > 2 and "\u3400" <= run[0] <= "\ufaff":
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            out.append(run)
    return out


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _chinese_words(text: str) -> list[str]:
    # jieba's Rust build cannot take lone surrogates (a JSON record can carry them): no words.
    text = _SURROGATE.sub(" ", text)
    return [w for w in _jieba_cut()(text) if _WORD.fullmatch(w)]


@cache
def _jieba_cut():
    """jieba's dictionary segmenter: the Rust build (``rjieba``, a fifth of a second to load)
    when installed, else the pure-Python ``jieba`` (about two seconds), else pairs of characters."""
    try:
        import rjieba

        return rjieba.cut
    except ImportError:
        pass
    try:
        import jieba
    except ImportError:
        return _han_bigrams
    jieba.setLogLevel(60)
    return lambda text: list(jieba.cut(text))


# Japanese words, roughly: a run of kanji, a run of katakana, or a Latin word. Runs of
# hiragana are mostly particles and inflections, so they separate words and are dropped.
_JAPANESE_WORD = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]+|[\u30a1-\u30faー\u31f0-\u31ff\uff66-\uff9f]+"
    r"|[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+"
)


def _japanese_words(text: str) -> list[str]:
    return _JAPANESE_WORD.findall(text)
