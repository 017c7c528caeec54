"""Which language a text is in, offline and in milliseconds.

Two steps. The script settles most languages outright: Han characters with kana are
Japanese, without them Chinese; Hangul is Korean, Greek letters Greek, and so on. Among
the languages that share a script (Latin, Cyrillic) the function words decide: every
language's stop-word list from the ``stopwordsiso`` package votes for the words of the
text it contains, a word that several languages share counting for less. Function words
are the commonest words of any text, so a few sentences are enough; the lists are already
needed for topics, so detection costs no model and no import time (see
``benchmarks/languages.py`` for accuracy and cost next to langdetect and py3langid).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

UNDETERMINED = "und"

# Enough text to be sure of the language; reading the whole of a long book adds nothing.
SAMPLE_CHARS = 20_000

# Languages told apart by their function words, per script. The first group is the one
# briefer supports fully; the others are there so that, say, Slovak is not taken for
# Czech or Ukrainian for Russian.
SUPPORTED_LATIN = ("en", "de", "fr", "es", "it", "pt", "nl", "da", "no", "sv", "fi", "et", "cs", "pl", "sl", "tr")
LATIN = (*SUPPORTED_LATIN, "sk", "ca", "ro", "hu", "hr")
CYRILLIC = ("ru", "uk", "bg")

_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("latin", ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))),
    ("cyrillic", ((0x400, 0x52F),)),
    ("greek", ((0x370, 0x3FF), (0x1F00, 0x1FFF))),
    ("han", ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))),
    ("kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))),
    ("hangul", ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("arabic", ((0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("hebrew", ((0x590, 0x5FF),)),
    ("thai", ((0xE00, 0xE7F),)),
    ("devanagari", ((0x900, 0x97F),)),
    ("malayalam", ((0xD00, 0xD7F),)),
    ("armenian", ((0x530, 0x58F),)),
    ("georgian", ((0x10A0, 0x10FF),)),
)
# A script that belongs to one language here.
_SCRIPT_LANGUAGE = {
    "greek": "el",
    "hangul": "ko",
    "hebrew": "he",
    "thai": "th",
    "devanagari": "hi",
    "malayalam": "ml",
    "armenian": "hy",
    "georgian": "ka",
}
# Persian and Urdu write in Arabic script with letters Arabic lacks.
_PERSIAN_LETTERS = frozenset("پچژگک")
_URDU_LETTERS = frozenset("ٹڈڑںےۓ")

# Letters that only a few of the candidate languages write (diacritics of loanwords aside).
_LETTER_OWNERS = {
    "ñ¿¡": "es gl",
    "ã": "pt",
    "õ": "pt et",
    "ç": "fr pt ca tr",
    "ß": "de",
    "äöü": "de et fi sv tr hu",
    "æø": "da no",
    "å": "da no sv",
    "ł": "pl",
    "ąęśćńźż": "pl",
    "řůě": "cs",
    "ďťň": "cs sk",
    "ľĺŕô": "sk",
    "őű": "hu",
    "șțşţ": "ro tr",
    "ă": "ro",
    "ğı": "tr",
    "č": "cs sk sl hr",
    "šž": "cs sk sl hr et",
    "èìò": "it ca",
    "àù": "fr it ca",
    "âêî": "fr pt ro",
    "ëïœ": "fr nl",
    "ij": "",
    "ыэъё": "ru",
    "ієїґ": "uk",
}
_LETTERS: dict[str, tuple[str, ...]] = {
    char: tuple(codes.split()) for chars, codes in _LETTER_OWNERS.items() for char in chars if codes
}
LETTER_WEIGHT = 0.5
# On the UD and GUM texts of 30 words or more, the detected language's stop words were never
# under 12.6% of the words; a Swahili paragraph scored 9.7% as "Spanish".
MIN_WORDS_FOR_COVERAGE = 30
MIN_COVERAGE = 0.1

_WORD = re.compile(r"[^\W\d_]+")  # Latin and Cyrillic function words need no marks


@dataclass(frozen=True)
class Detection:
    code: str
    # The share of the evidence that went to the winner: 1.0 when the script alone decided.
    confidence: float
    script: str


def detect(text: str) -> Detection:
    """The ISO 639-1 code of the language of ``text``, or ``und`` when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    scripts = _script_counts(sample)
    if not scripts:
        return Detection(UNDETERMINED, 0.0, "")
    han, kana = scripts.get("han", 0), scripts.get("kana", 0)
    if han + kana:
        # Japanese mixes kana into almost every sentence; Chinese uses none.
        cjk = "ja" if kana >= 0.05 * (han + kana) else "zh"
        if han + kana >= 0.3 * sum(scripts.values()):
            return Detection(cjk, 1.0, "han")
    script = max(scripts, key=scripts.__getitem__)
    if script in _SCRIPT_LANGUAGE:
        return Detection(_SCRIPT_LANGUAGE[script], 1.0, script)
    if script == "arabic":
        letters = set(sample)
        if letters & _URDU_LETTERS:
            return Detection("ur", 1.0, script)
        return Detection("fa" if letters & _PERSIAN_LETTERS else "ar", 1.0, script)
    if script == "han":
        return Detection("zh", 1.0, script)
    if script == "kana":
        return Detection("ja", 1.0, script)
    candidates = CYRILLIC if script == "cyrillic" else LATIN
    return _by_function_words(sample, candidates, script)


def _script_counts(sample: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    if len(_SCRIPT_OF) > MAX_REMEMBERED_LETTERS:
        _SCRIPT_OF.clear()
    for char, n in Counter(sample).items():
        script = _SCRIPT_OF.get(char, "?")
        if script == "?":
            script = _SCRIPT_OF[char] = _script_of(char)
        if script:
            counts[script] += n
    return counts


# Each letter's script, remembered: the same few dozen letters make up every record of a batch.
_SCRIPT_OF: dict[str, str] = {}
# A text of every code point would otherwise grow it without end.
MAX_REMEMBERED_LETTERS = 50_000


def _script_of(char: str) -> str:
    """The script of a letter, "" for a character that is not a letter or of no script known here."""
    if not char.isalpha():
        return ""
    code = ord(char)
    for script, ranges in _SCRIPTS:
        if any(low <= code <= high for low, high in ranges):
            return script
    return ""


def _by_function_words(sample: str, candidates: tuple[str, ...], script: str) -> Detection:
    memory = _owners_memory(candidates)
    scores: dict[str, float] = {}
    counts = Counter(w.lower() for w in _WORD.findall(sample))
    own: Counter[str] = Counter()
    for word, n in counts.items():
        owners = _owners(word, candidates, memory)
        # A word in many lists says little about which language it is: its vote is split.
        for code in owners:
            scores[code] = scores.get(code, 0.0) + n / len(owners)
            own[code] += n
    # Letters only some of the candidates use break the ties of short texts.
    for char, n in Counter(sample.lower()).items():
        for code in _LETTERS.get(char, ()):
            if code in candidates:
                scores[code] = scores.get(code, 0.0) + n * LETTER_WEIGHT / len(_LETTERS[char])
    if not scores:
        return Detection(UNDETERMINED, 0.0, script)
    # The first of equals, as Counter.most_common would give.
    best, top = max(scores.items(), key=lambda item: item[1])
    n_words = sum(counts.values())
    if n_words >= MIN_WORDS_FOR_COVERAGE and own[best] < MIN_COVERAGE * n_words:
        # A real text in a language is a tenth or more its function words: this one is in
        # a language briefer does not know, that merely shares a few short words.
        return Detection(UNDETERMINED, 0.0, script)
    total = sum(scores.values())
    return Detection(best, round(top / total, 3), script)


# Each word's languages, remembered as words are met (one memory a candidate set): building
# the table for every function word of 21 languages up front cost a one-shot `brief` about
# 20 ms, more than all the look-ups of a text; a batch meets the same words again and again.
# Bounded as _SCRIPT_OF is.
_OWNERS: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
MAX_REMEMBERED_WORDS = 200_000


def _owners_memory(candidates: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The remembered languages of each word met so far among ``candidates``."""
    memory = _OWNERS.setdefault(candidates, {})
    if len(memory) > MAX_REMEMBERED_WORDS:
        memory.clear()
    return memory


def _owners(word: str, candidates: tuple[str, ...], memory: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The candidates whose function-word list holds ``word``, in the candidates' order."""
    owners = memory.get(word)
    if owners is None:
        owners = memory[word] = tuple(code for code in candidates if word in _function_words(code))
    return owners


@cache
def _function_words(code: str) -> frozenset[str]:
    from .stopwords import function_words, stop_word_list

    # stopwords-iso's list, with sumy's where it has one (sumy's Slovak list is what tells
    # Slovak from Czech): much the same kind of list for every language.
    return function_words(code) | stop_word_list(code)
