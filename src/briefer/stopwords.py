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
