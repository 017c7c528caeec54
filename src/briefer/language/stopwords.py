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
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalogue import Language

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


# stopwords-iso has 35 Estonian words, too few to tell Estonian from Finnish or to keep
# "on" and "oli" out of topics: these are Estonian's commonest function words.
_OWN = {
    "et": "ja ning ka et kui aga kuid või ega sest nagu siis nii veel juba ainult see seda selle sellest need "
    "neid nende mis mida mille kes keda kelle ma mina sa sina ta tema me meie te teie nad nemad minu sinu "
    "oma on oli olid olen oled oleme olete ole olla olnud ei pole kas kõik üle enne pärast koos ilma vastu "
    "kohta järgi poolt juures peale ümber välja siin seal nüüd ikka väga palju vähe rohkem",
}


@cache
def stop_word_list(code: str) -> frozenset[str]:
    """The lower-case stop words of a language (ISO 639-1 code); empty when none is shipped."""
    listed: list[str] = []
    if code in _SUMY:
        path = resources.files("sumy") / "data" / "stopwords" / f"{_SUMY[code]}.txt"
        listed += path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (word.strip().lower() for word in listed) if w) | (
        function_words(code) if code != "en" else frozenset()
    )


@cache
def function_words(code: str) -> frozenset[str]:
    """stopwords-iso's list for ``code`` with briefer's additions: what detection votes with."""
    listed = [*iso_lists().get(code, []), *_OWN.get(code, "").split()]
    return frozenset(w for w in (word.strip().lower() for word in listed) if w)


@cache
def iso_lists() -> dict[str, list[str]]:
    """stopwords-iso's lists by ISO 639-1 code, read straight from the package's JSON file.

    Importing ``stopwordsiso`` itself costs some 50 ms (its ``__init__`` looks up its own
    version through ``importlib.metadata``), a cost every ``brief`` would pay for detection.
    """
    import json
    from importlib.util import find_spec

    spec = find_spec("stopwordsiso")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "stopwords-iso.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    import stopwordsiso

    return {code: sorted(stopwordsiso.stopwords(code)) for code in stopwordsiso.langs()}


@cache
def stop_words(language: Language) -> frozenset[str]:
    """The words that carry no topic in ``language``: its list with briefer's additions."""
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
