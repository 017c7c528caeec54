"""From an input to a document, and from text to a briefing in one call."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from .language import AUTO
from .model import Briefing, Document
from .sources import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from .sources.document import build_document
from .sources.loader import load_source

SAMPLE_NAME = "china-tajikistan-strategic-dialogue.txt"


def sample_path() -> Path:
    """The bundled sample article, installed with the package."""
    return Path(str(resources.files("briefer") / "data" / SAMPLE_NAME))


@dataclass(frozen=True)
class LoadOptions:
    """How inputs are read, given once by the command line or the reader and passed along whole.

    ``input_format`` (text, markdown, html, pdf) overrides the format briefer recognises;
    ``max_bytes`` bounds what is read; ``timeout`` bounds a URL's fetch, in seconds.
    """

    language: str = AUTO
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str | None = None
    timeout: float = DEFAULT_TIMEOUT


def load(spec: str, options: LoadOptions | None = None, *, stdin: BinaryIO | None = None) -> Document:
    """Read a path, ``-`` for standard input, or an http(s) URL into a :class:`Document`.

    For HTML, Markdown and PDF, ``Document.text`` is the text briefer extracted, and every
    offset points into it.
    """
    options = options or LoadOptions()
    loaded = load_source(
        spec, input_format=options.input_format, max_bytes=options.max_bytes, stdin=stdin, timeout=options.timeout
    )
    return build_document(
        loaded.text,
        title=loaded.title,
        source=loaded.source,
        language=options.language,
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
    # Imported here: reading an input (load, LoadOptions) must not pay for the analysis's numpy,
    # so that `brief -i` draws its first frame before it is imported.
    from .briefing import Budget, brief

    return brief(document, method=method, budget=Budget(sentences, words, ratio), order=order)
