"""Openings that lean on the sentence before, in languages other than English.

A key point that starts "Sie befürchten..." or "Однако..." points at context the reader of
a briefing does not have, as "They fear..." or "However..." does in English (the English
list is in :mod:`briefer.language.openings`). Words that are also articles ("das", "het", "die") are
left out: they open sentences about anything.
"""

from __future__ import annotations

import re

_WORDS = {
    "de": "er sie es ihr ihm ihn ihnen dies diese dieser dieses dabei daher deshalb deswegen doch aber und auch "
    "jedoch trotzdem außerdem zudem dennoch somit also darum dort dadurch danach",
    "fr": "il elle ils elles ce cela ceci ça celui celle ceux celles lui leur mais et aussi cependant pourtant "
    "toutefois ainsi donc alors puis ensuite néanmoins or",
    "es": "él ella ellos ellas esto eso ese esa esos esas pero y también además entonces así luego",
    "it": "lui lei loro esso essa essi esse questo questa questi queste quello quella ma e anche però tuttavia "
    "inoltre quindi dunque allora poi così invece",
    "pt": "ele ela eles elas isso isto esse essa esses essas mas e também porém contudo todavia além então "
    "assim depois portanto entretanto",
    "nl": "hij zij ze dit dat deze maar en ook echter daarom dus toen bovendien daarnaast verder daar",
    "ru": "он она оно они его её ее их это этот эта эти тот та те но и а также однако поэтому тогда кроме зато впрочем",
}
# Chinese and Japanese write no spaces: these are prefixes of the sentence.
_PREFIXES = {
    "zh": (
        "他们",
        "她们",
        "它们",
        "他",
        "她",
        "它",
        "这",
        "那",
        "但",
        "而",
        "因此",
        "所以",
        "此外",
        "同时",
        "不过",
        "然而",
    ),
    "ja": ("それ", "これ", "彼", "しかし", "また", "そして", "だが", "一方", "さらに", "ただし"),
}
_DANGLING = {code: frozenset(words.split()) for code, words in _WORDS.items()}
_OPENING = re.compile(r"[\"“‘'«„(\[「『\s—–-]*([^\W\d_]+)")


def opens_with_reference(text: str, language: str) -> bool:
    """True when ``text`` opens with a pronoun or connective of ``language`` (an ISO code)."""
    match = _OPENING.match(text)
    if not match:
        return False
    if language in _PREFIXES:
        return match.group(1).startswith(_PREFIXES[language])
    return match.group(1).lower() in _DANGLING.get(language, ())
