"""The languages briefer knows: codes, names, Punkt tables, stemmers, reading rates.

A language found by :mod:`briefer.language.detection` that has no Punkt table is briefed the
language-neutral way: sentences end at ``.``, ``!``, ``?`` and the script's own marks, and
words are not stemmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import UsageError

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
    from .detection import detect

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
