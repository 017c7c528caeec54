"""Bytes to text: UTF-8 first, byte-order marks honoured, other encodings detected."""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that plain text does not contain; many of them mean binary data.
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1b"}


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name), encoding
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not text")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: not valid text in any known encoding")
    return _checked(str(best), name), best.encoding


def _checked(text: str, name: str) -> str:
    sample = text[:8192]
    if sample:
        controls = sum(1 for c in sample if c < " " and c not in _TEXT_CONTROLS)
        if "\x00" in sample or controls > max(8, len(sample) // 100):
            raise InputError(f"{name}: binary data, not text")
    return text
