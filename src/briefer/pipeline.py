"""From an input to a document, and from text to a briefing in one call."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import BinaryIO

from .briefing import Budget, brief
from .document import build_document
from .model import Briefing, Document
from .sources import DEFAULT_MAX_BYTES
from .sources.loader import load_source
from .sources.reader import DEFAULT_TIMEOUT

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
    input_format: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Document:
    """Read a path, ``-`` for standard input, or an http(s) URL into a :class:`Document`.

    ``input_format`` (text, markdown, html, pdf) overrides the format briefer recognises.
    For HTML, Markdown and PDF, ``Document.text`` is the text briefer extracted, and every
    offset points into it.
    """
    loaded = load_source(spec, input_format=input_format, max_bytes=max_bytes, stdin=stdin, timeout=timeout)
    return build_document(
        loaded.text,
        title=loaded.title,
        source=loaded.source,
        language=language,
        blocks=loaded.blocks,
        input_format=loaded.input_format,
        metadata=loaded.metadata,
    )


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
