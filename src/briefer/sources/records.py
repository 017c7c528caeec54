"""JSON Lines records: lines read within a size bound, each parsed into an object, made a document.

``brief --batch``, ``--batch --merge`` and ``brief-eval`` all read their records here, so a
bad line is reported the same way everywhere: with its line number, and without holding an
over-long line in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from ..errors import InputError

if TYPE_CHECKING:
    from ..model import Document


def numbered_lines(source: TextIO, max_chars: int) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of each non-blank line; a line past the limit is cut, not held whole."""
    number = 0
    while True:
        line = source.readline(max_chars + 1)
        if not line:
            return
        number += 1
        if len(line) > max_chars and not line.endswith("\n"):
            # Skip the rest of an over-long line without holding it; the record reports the limit.
            while True:
                rest = source.readline(1024 * 1024)
                if not rest or rest.endswith("\n"):
                    break
        if line.strip():
            yield number, line


def parse_record(number: int, line: str, max_chars: int | None = None) -> dict:
    """Line ``number`` as a JSON object, or an :class:`InputError` that names the line."""
    if max_chars is not None and len(line) > max_chars:
        raise InputError(f"line {number}: larger than the {max(1, max_chars // (1024 * 1024))} MB limit")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"line {number}: not JSON: {error.msg}") from None
    except RecursionError:
        raise InputError(f"line {number}: JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(f"line {number}: a record must be a JSON object")
    return record


def record_id(record: dict | None, number: int) -> object:
    """What a record is called in the output: its ``id``, else its line number."""
    return record.get("id", number) if isinstance(record, dict) else number


def record_document(record: dict, number: int, language: str) -> Document:
    """The document of a ``{"id", "text", "title"?, "language"?}`` record."""
    from .document import build_document

    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f'line {number}: a record needs a "text" string')
    return build_document(
        text,
        title=str(record.get("title") or ""),
        source=str(record_id(record, number)),
        language=str(record.get("language") or language),
    )
