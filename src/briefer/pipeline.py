"""From an input to a document, and from text to a briefing in one call."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import BinaryIO

from .briefing import Budget, brief
from .document import build_document
from .model import Briefing, Document
from .sources import DEFAULT_MAX_BYTES, decode, read_input

SAMPLE_NAME = "china-tajikistan-strategic-dialogue.txt"


def sample_path() -> Path:
    """The bundled sample article, installed with the package."""
    return Path(str(resources.files("briefer") / "data" / SAMPLE_NAME))


def load(
    spec: str,
    *,
    language: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Document:
    """Read a path (or ``-`` for standard input) into a :class:`Document`."""
    raw = read_input(spec, max_bytes=max_bytes, stdin=stdin)
    name = "stdin" if raw.name == "-" else raw.name
    text, encoding = decode(raw.data, name)
    metadata = {} if encoding in ("utf-8", "utf-8-sig") else {"encoding": encoding}
    return build_document(text, source=raw.name, language=language, metadata=metadata)


def summarize(
    text: str,
    *,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    method: str = "topic",
    order: str = "document",
    language: str = "auto",
    title: str = "",
) -> Briefing:
    """Brief a string: the library's one-call entry point."""
    document = build_document(text, title=title, language=language)
    return brief(document, method=method, budget=Budget(sentences, words, ratio), order=order)
