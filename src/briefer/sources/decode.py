"""Bytes to text: UTF-8 first, byte-order marks honoured, other encodings detected.

Three rules beyond "try UTF-8, else ask charset-normalizer":

- A UTF-8 text with a few invalid bytes among many valid multi-byte characters is UTF-8:
  each bad byte becomes one U+FFFD and a note says how many, where sending the whole text
  through another codec turned every ``’`` into ``‚Äô``.
- A text valid in several single-byte encodings is read as the one its language writes:
  Windows-1252 when the text reads as a Western European language in it, rather than
  charset-normalizer's first guess, which on a few hundred bytes of French was Central
  European (``Le cafť ťtait fermť``).
- A few NUL or other control bytes in a text are dropped, with a note; only input where
  they are common is refused as binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that plain text does not contain (tab, line breaks, form feed and
# the escape of terminal colours aside); many of them mean binary data.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SAMPLE = 8192
# At most this share of a text's characters (and at least 8 in a sample) may be controls.
_MAX_CONTROL_SHARE = 0.01
# At most this share of invalid bytes, each outnumbered by valid multi-byte characters,
# and a text is UTF-8 with mistakes rather than another encoding.
_MAX_BAD_UTF8_SHARE = 0.001
# Languages written in Windows-1252: a single-byte text that reads as one of them in it is
# taken as Windows-1252.
_WESTERN = frozenset(["en", "de", "fr", "es", "it", "pt", "nl", "da", "no", "sv", "fi", "ca"])
_REPLACEMENT = "\ufffd"


@dataclass
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary or undecodable data."""
    decoded = decode_text(data, name)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, name: str = "input") -> Decoded:
    """The text of ``data``, its encoding, and notes on any bytes dropped or replaced."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _cleaned(data.decode(encoding), encoding, name)
            except UnicodeDecodeError:
                break
    _refuse_binary(data[:_SAMPLE].decode("latin-1"), name)
    try:
        return _cleaned(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    mended = _mostly_utf8(data)
    if mended is not None:
        return _cleaned(mended.text, mended.encoding, name, mended.notes)
    return _cleaned(*_single_byte(data, name), name)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes, each replaced by U+FFFD; None when it is not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - text.count(_REPLACEMENT)
    if bad > max(1, len(data) * _MAX_BAD_UTF8_SHARE) or non_ascii < 2 * bad:
        return None
    invalid = "an invalid byte" if bad == 1 else f"{bad} invalid bytes"
    return Decoded(text, "utf-8", [f"{invalid} in the UTF-8 text shown as {_REPLACEMENT}"])


def _single_byte(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    from ..language.detection import detect

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: not valid text in any known encoding")
    text, encoding = str(best), best.encoding
    if encoding != "cp1252" and detect(text).script == "latin":
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            return text, encoding
        if detect(western).code in _WESTERN:
            return western, "cp1252"
    return text, encoding


def _refuse_binary(sample: str, name: str) -> None:
    if len(_CONTROLS.findall(sample)) > max(8, len(sample) * _MAX_CONTROL_SHARE):
        raise InputError(f"{name}: binary data, not text")


def _cleaned(text: str, encoding: str, name: str, notes: list[str] | None = None) -> Decoded:
    """The text without its stray control characters; binary data refused."""
    _refuse_binary(text[:_SAMPLE], name)
    notes = list(notes or [])
    text, dropped = _CONTROLS.subn("", text)
    if dropped:
        notes.append(f"{dropped} control character{'s' if dropped > 1 else ''} (such as NUL) dropped from the text")
    return Decoded(text, encoding, notes)
