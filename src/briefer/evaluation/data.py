"""Evaluation sets: JSON Lines records of a text and one or more reference summaries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .. import InputError, get_language, numbered_lines, open_input, parse_record, sentence_spans

# An evaluation record is one article or one cluster: far below this.
MAX_RECORD_CHARS = 50 * 1024 * 1024


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
    records: list[Record] = []
    with open_input(path, text=True) as handle:
        for number, record in _numbered(handle, path):
            if number < offset:
                continue
            if limit is not None and len(records) >= limit:
                break
            records.append(_record(record, path, number))
    return records


def _numbered(handle: TextIO, path: Path) -> Iterator[tuple[int, dict]]:
    """Each record with its place among the records (blank lines not counted)."""
    for number, (line_number, line) in enumerate(numbered_lines(handle, MAX_RECORD_CHARS)):
        try:
            yield number, parse_record(line_number, line, MAX_RECORD_CHARS)
        except InputError as error:
            raise InputError(f"{path}: {error.message}") from None


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
