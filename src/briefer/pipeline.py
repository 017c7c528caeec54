"""From an input to a document, and from text to a briefing in one call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError
from .language.catalogue import AUTO
from .sources import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from .model import Briefing, Document
    from .sources.feeds import FeedResult
    from .sources.loader import Loaded

# The readers of formats and the document builder are imported when an input is read, not
# with LoadOptions: `brief -i` makes its options before its first frame, and reads after it.

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
    from .sources.loader import load_source

    options = options or LoadOptions()
    loaded = load_source(
        spec, input_format=options.input_format, max_bytes=options.max_bytes, stdin=stdin, timeout=options.timeout
    )
    return _document(loaded, options)


def _document(loaded: Loaded, options: LoadOptions) -> Document:
    from .sources.document import build_document

    return build_document(
        loaded.text,
        title=loaded.title,
        source=loaded.source,
        language=options.language,
        blocks=loaded.blocks,
        input_format=loaded.input_format,
        metadata=loaded.metadata,
    )


def load_all(
    spec: str,
    options: LoadOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    max_articles: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[Document], list[str]]:
    """An input as the documents it holds, with a line for each part that could not be read.

    A file, a page or stdin is one document; an RSS or Atom feed (a URL) or an OPML list of
    feeds (a file) is one document an article, fetched within the URL limits.
    """
    from .sources.feeds import MAX_ARTICLES, is_feed, is_opml, opml_urls, read_feeds
    from .sources.formats import is_url
    from .sources.raw import read_input

    options = options or LoadOptions()
    articles = max_articles or MAX_ARTICLES
    if is_url(spec) and options.input_format is None:
        from .sources.url import fetch

        fetched = fetch(spec, timeout=options.timeout, max_bytes=options.max_bytes)
        if is_feed(fetched.data, fetched.content_type):
            found = read_feeds([fetched.url], options, first=fetched, max_articles=articles, progress=progress)
            return _feed_documents(spec, found)
        from .sources.loader import load_source

        loaded = load_source(spec, max_bytes=options.max_bytes, timeout=options.timeout, fetched=fetched)
        return [_document(loaded, options)], []
    if spec != "-" and is_opml(spec, b""):
        urls = opml_urls(read_input(spec, max_bytes=options.max_bytes).data, spec)
        return _feed_documents(spec, read_feeds(urls, options, max_articles=articles, progress=progress))
    return [load(spec, options, stdin=stdin)], []


def _feed_documents(spec: str, result: FeedResult) -> tuple[list[Document], list[str]]:
    if not result.documents:
        reasons = f": {result.notices[0]}" if result.notices else ""
        raise InputError(f"{spec}: no article of the feed could be read{reasons}")
    return result.documents, result.notices


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
    from .sources.document import build_document

    document = build_document(text, title=title, language=language)
    # Imported here: reading an input (load, LoadOptions) must not pay for the analysis's numpy,
    # so that `brief -i` draws its first frame before it is imported.
    from .briefing import Budget, brief

    return brief(document, method=method, budget=Budget(sentences, words, ratio), order=order)
