"""Evaluation sets: JSON Lines records of a text and one or more reference summaries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..language import get_language, sentence_spans


@dataclass(frozen=True)
class Record:
    id: str
    text: str
    # Each reference is a list of sentences: ROUGE-Lsum compares summaries sentence by sentence.
    references: tuple[tuple[str, ...], ...]
    # A multi-document record's articles (Multi-News' "documents"); empty for one text.
    documents: tuple[str, ...] = ()


def read_records(path: str | Path, *, offset: int = 0, limit: int | None = None) -> list[Record]:
    """Records ``offset`` to ``offset + limit`` of a JSON Lines file (``id``, ``text``, a reference).

    The reference is ``highlights`` (one summary as a list of sentences) when present, else
    ``summaries`` (several summaries, each a string or a list of sentences), else ``summary``.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a JSON Lines file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    records: list[Record] = []
    with handle:
        for number, record in _numbered(handle, path):
            if number < offset:
                continue
            if limit is not None and len(records) >= limit:
                break
            records.append(_record(record, path, number))
    return records


def _numbered(handle, path: Path) -> Iterator[tuple[int, dict]]:
    number = 0
    try:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{line_number}: not JSON: {error.msg}") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{line_number}: each line must be a JSON object")
            yield number, record
            number += 1
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def _record(record: dict, path: Path, number: int) -> Record:
    where = f"{path}: record {number + 1}"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: needs a non-empty string 'text'")
    references: list[tuple[str, ...]] = []
    if isinstance(record.get("highlights"), list):
        references.append(_sentences(record["highlights"]))
    elif isinstance(record.get("summaries"), list):
        references.extend(_sentences(summary) for summary in record["summaries"])
    elif isinstance(record.get("summary"), (str, list)):
        references.append(_sentences(record["summary"]))
    references = [r for r in references if r]
    if not references:
        raise InputError(f"{where}: needs a reference: 'summary', 'highlights' or 'summaries'")
    documents = tuple(
        d["text"] if isinstance(d, dict) else d
        for d in record.get("documents") or ()
        if isinstance(d, str) or (isinstance(d, dict) and isinstance(d.get("text"), str))
    )
    return Record(str(record.get("id", number)), text, tuple(references), documents)


def _sentences(summary: object) -> tuple[str, ...]:
    if isinstance(summary, list):
        return tuple(s.strip() for s in summary if isinstance(s, str) and s.strip())
    if not isinstance(summary, str):
        return ()
    # A summary written one sentence a line keeps its lines; running prose is split.
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    if len(lines) > 1:
        return tuple(lines)
    text = " ".join(lines)
    return tuple(text[start:end] for start, end in sentence_spans(text, get_language("en")))
