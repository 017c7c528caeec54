"""The inputs the reader opens, and a first look at a plain text's start to show at once.

Nothing here imports the library's readers or the analysis: the first frame is drawn before
they are imported (they are imported in the background, when an input is opened).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document

PLAIN_SUFFIXES = {"", ".txt", ".text", ".md", ".markdown"}
PEEK_BYTES = 16 * 1024


@dataclass(frozen=True)
class Source:
    """An input as the user named it, how to read it into a document, and a quick look at its
    raw text (None when it is not plain text) to show while it is read and analysed."""

    name: str
    load: Callable[[], Document]
    peek: Callable[[], str | None] | None = None
    # For an input that may hold several articles (a URL that may be a feed, an OPML list):
    # what it holds, one source an article, and a line for each part that failed. Given what
    # to say as it goes (the fetching is slow); raises the library's error when nothing loads.
    expand: Callable[[Callable[[str], None] | None], tuple[list[Source], list[str]]] | None = field(
        default=None, compare=False
    )


def may_hold_several(spec: str) -> bool:
    """Whether an input may be a feed or a list of feeds: a URL or an ``.opml`` file."""
    return "://" in spec or Path(spec).suffix.lower() == ".opml"


def plain_text_start(spec: str, stdin: bytes | None, input_format: str | None = None) -> str | None:
    """The first 16 KB of a plain-text input, decoded, to show before the input is read; None
    for anything else (HTML, PDF, records, URLs), which is shown once the library has read it."""
    if input_format not in (None, "auto", "text", "markdown"):
        return None
    if spec == "-":
        head = (stdin or b"")[:PEEK_BYTES]
    elif "://" in spec or Path(spec).suffix.lower() not in PLAIN_SUFFIXES:
        return None
    else:
        try:
            with open(spec, "rb") as handle:
                head = handle.read(PEEK_BYTES)
        except OSError:
            return None  # the library says why, in its own words
    if b"\x00" in head:
        return None
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    if text.lstrip()[:1] in ("<", "{", "[") or text.startswith("%PDF"):
        return None
    return text
