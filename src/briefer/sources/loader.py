"""From an input spec — a path, ``-`` or a URL — to extracted text in the right format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from ..errors import InputError, UsageError
from .blocks import Extracted
from .decode import decode_text
from .formats import FORMATS, detect_format, is_url
from .layout import Block
from .raw import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, read_input

if TYPE_CHECKING:
    from .url import Fetched

# The metadata key under which the decoder's notes travel to the briefing.
DECODING_NOTE = "decoding"


@dataclass
class Loaded:
    text: str
    source: str
    input_format: str
    blocks: list[Block] | None = None  # None: plain text, laid out by briefer.sources.layout
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


def load_source(
    spec: str,
    *,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    fetched: Fetched | None = None,
) -> Loaded:
    """Read, fetch or take from stdin, recognise the format, and extract the text.

    ``fetched`` is the page at URL ``spec`` when the caller has fetched it already.
    """
    if input_format is not None and input_format not in FORMATS:
        raise UsageError(f"unknown input format {input_format!r} (choose from {', '.join(FORMATS)})")
    url = None
    content_type = None
    if is_url(spec):
        from .url import fetch  # urllib and ssl load only when a URL is given

        fetched = fetched or fetch(spec, timeout=timeout, max_bytes=max_bytes, any_type=input_format is not None)
        source = name = url = fetched.url
        data, content_type = fetched.data, fetched.content_type
    else:
        raw = read_input(spec, max_bytes=max_bytes, stdin=stdin, timeout=timeout)
        source, data = raw.name, raw.data
        name = "stdin" if raw.name == "-" else raw.name
    kind = input_format or detect_format(source, data, content_type)

    if kind == "pdf":
        from .pdf import read_pdf

        return _from(read_pdf(data, name=name, max_bytes=max_bytes), source, kind, url)
    if kind == "html":
        from .html import read_html

        charset = fetched.charset if fetched is not None else None
        return _from(read_html(_html_input(data, charset), name=name, url=url), source, kind, url)
    decoded = decode_text(data, name)
    text, encoding = decoded.text, decoded.encoding
    metadata = {} if encoding in ("utf-8", "utf-8-sig") else {"encoding": encoding}
    if decoded.notes:
        # Bytes replaced or dropped are said in the briefing's notes (see briefing.single).
        metadata[DECODING_NOTE] = "; ".join(decoded.notes)
    if url:
        metadata["url"] = url
    if kind == "markdown":
        from .markdown import read_markdown

        extracted = read_markdown(text)
        if not extracted.blocks:
            raise InputError(f"{name}: no prose in the Markdown: only code, tables or markup")
        extracted.metadata.update(metadata)
        return _from(extracted, source, kind, url)
    return Loaded(text, source, kind, metadata=metadata)


def _html_input(data: bytes, charset: str | None) -> bytes | str:
    """The server's charset decides when it is given and works; else trafilatura reads the page's own."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return data


def _from(extracted: Extracted, source: str, kind: str, url: str | None) -> Loaded:
    metadata = dict(extracted.metadata)
    if url:
        metadata["url"] = url
    return Loaded(extracted.text, source, kind, extracted.blocks, extracted.title, metadata)
