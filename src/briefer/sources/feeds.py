"""News feeds: RSS and Atom read with feedparser, OPML lists of feeds, the linked articles fetched.

A feed names articles; each is fetched as any URL is (http and https only, within the time,
size and redirect limits) by a few threads at once, under a bound on the number of articles
and on the time all of them may take. An article that cannot be fetched or has no text is
briefed from the feed's own summary or content instead; one that has neither is a notice.
One feed or article failing never ends the run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import BrieferError, InputError

if TYPE_CHECKING:
    from ..model import Document
    from ..pipeline import LoadOptions
    from .url import Fetched

FEED_TYPES = frozenset(("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"))
# XML labelled as such (or not at all) is a feed when its root element says so.
_XML_TYPES = frozenset(("application/xml", "text/xml", "application/octet-stream", ""))
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_OPML_ROOT = re.compile(rb"<opml[\s>]", re.IGNORECASE)
# Enough for a morning's reading; more is asked for with --max-articles.
MAX_ARTICLES = 60
# Threads fetching articles at once: a browser opens about this many connections.
FETCHERS = 6


@dataclass(frozen=True)
class Entry:
    """One item of a feed: where the article is, and what the feed itself says of it."""

    feed: str
    title: str
    link: str
    summary: str


@dataclass
class FeedResult:
    """The articles read from feeds, and one line for every feed or article that failed."""

    documents: list[Document] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def is_feed(data: bytes, content_type: str = "") -> bool:
    """True for RSS, Atom or RDF feeds, by content type or by the root element."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in FEED_TYPES:
        return True
    return kind in _XML_TYPES and bool(_FEED_ROOT.search(data[:2048].lstrip(b"\xef\xbb\xbf")))


def is_opml(name: str, data: bytes) -> bool:
    """True for an OPML list of feeds (by its ending or its root element)."""
    return name.lower().endswith(".opml") or bool(_OPML_ROOT.search(data[:2048]))


def opml_urls(data: bytes, name: str = "OPML") -> list[str]:
    """The feed addresses (``xmlUrl``) of an OPML file, in order, each once."""
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise InputError(f"{name}: not an OPML file: {error}") from None
    urls = [o.get("xmlUrl", "").strip() for o in root.iter("outline")]
    found = list(dict.fromkeys(u for u in urls if u))
    if not found:
        raise InputError(f"{name}: an OPML file with no feeds (no outline has an xmlUrl)")
    return found


def feed_list(spec: str) -> list[str]:
    """The feed addresses of a ``--feeds`` file (``-``: stdin): one URL a line, ``#`` for comments."""
    from .raw import read_input

    name = "stdin" if spec == "-" else spec
    text = read_input(spec).data.decode("utf-8", errors="replace")
    urls = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    found = list(dict.fromkeys(u for u in urls if u))
    if not found:
        raise InputError(f"{name}: no feed addresses (one URL a line)")
    return found


def parse_feed(data: bytes, url: str) -> list[Entry]:
    """The entries of an RSS or Atom feed, in the feed's order."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{url}: not a feed briefer can read: {parsed.get('bozo_exception', 'malformed')}")
    entries = []
    for item in parsed.entries:
        content = " ".join(part.get("value", "") for part in item.get("content", []) if isinstance(part, dict))
        summary = content if len(content) > len(item.get("summary", "")) else item.get("summary", "")
        entries.append(Entry(url, str(item.get("title", "")).strip(), str(item.get("link", "")).strip(), summary))
    return entries


def read_feeds(
    urls: Sequence[str],
    options: LoadOptions,
    *,
    max_articles: int = MAX_ARTICLES,
    seconds: float | None = None,
    first: Fetched | None = None,
    progress: Callable[[str], None] | None = None,
) -> FeedResult:
    """Every article of the feeds at ``urls`` (``first``: the first one, fetched already)."""
    from .url import fetch

    result = FeedResult()
    deadline = time.monotonic() + (seconds if seconds is not None else 3 * options.timeout)
    entries: list[Entry] = []
    for number, url in enumerate(urls):
        if len(entries) >= max_articles:
            result.notices.append(f"{url}: not read: the first {max_articles} articles are already in")
            continue
        try:
            if number == 0 and first is not None:
                fetched = first
            else:
                fetched = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes, any_type=True)
            found = parse_feed(fetched.data, fetched.url)
        except BrieferError as error:
            result.notices.append(error.message)
            continue
        if progress:
            progress(f"{url}: {len(found)} articles")
        entries.extend(found[: max_articles - len(entries)])
    result.documents, notices = _articles(entries, options, deadline, progress)
    result.notices.extend(notices)
    return result


def _articles(
    entries: list[Entry], options: LoadOptions, deadline: float, progress: Callable[[str], None] | None
) -> tuple[list[Document], list[str]]:
    """Each entry's article, fetched at most FETCHERS at a time, in the feeds' order."""
    # Imported here: every input is asked whether it is a feed, and few are.
    from concurrent.futures import ThreadPoolExecutor, wait

    from ..pipeline import load

    def fetch_one(entry: Entry) -> Document:
        if not entry.link.startswith(("http://", "https://")):
            raise InputError(f"{entry.title or entry.feed}: no web address for the article")
        remaining = max(1.0, min(options.timeout, deadline - time.monotonic()))
        document = load(entry.link, _with_timeout(options, remaining))
        return _titled(document, entry.title)

    documents: list[Document | None] = [None] * len(entries)
    notices: list[str] = []
    pool = ThreadPoolExecutor(max_workers=FETCHERS)
    try:
        futures = {pool.submit(fetch_one, entry): i for i, entry in enumerate(entries)}
        _, late = wait(futures, timeout=max(0.0, deadline - time.monotonic()))
        for future in late:
            future.cancel()
        for future, i in futures.items():
            entry = entries[i]
            problem = "took too long" if future in late else None
            if problem is None:
                error = future.exception()
                if error is None:
                    documents[i] = future.result()
                    if progress:
                        progress(f"read {entry.link}")
                    continue
                problem = error.message if isinstance(error, BrieferError) else f"{type(error).__name__}: {error}"
            fallback = _from_summary(entry, options)
            if fallback is not None:
                documents[i] = fallback
                notices.append(f"{entry.link or entry.title}: {problem}; briefed from the feed's summary")
            else:
                notices.append(f"{entry.link or entry.title}: {problem}")
    finally:
        # Fetches still running end by their own time limit; nobody waits for them.
        pool.shutdown(wait=False, cancel_futures=True)
    return [d for d in documents if d is not None], notices


def _from_summary(entry: Entry, options: LoadOptions) -> Document | None:
    from .document import build_document

    text = _plain(entry.summary)
    if len(text.split()) < 5:
        return None
    try:
        return build_document(
            text, title=entry.title, source=entry.link or entry.feed, language=options.language, input_format="feed"
        )
    except BrieferError:
        return None


def _titled(document: Document, title: str) -> Document:
    """The feed's title for the article: the headline its publisher chose."""
    import dataclasses

    return dataclasses.replace(document, title=title) if title else document


def _with_timeout(options: LoadOptions, seconds: float) -> LoadOptions:
    import dataclasses

    return dataclasses.replace(options, timeout=seconds)


def _plain(html: str) -> str:
    """A feed summary's words without its markup, paragraphs kept apart."""
    parser = _text_parser()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _text_parser():
    """A parser keeping an HTML fragment's text; html.parser is imported only for a feed."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("p", "br", "div", "li"):
                self.parts.append("\n\n")

    return Text()
