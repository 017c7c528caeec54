"""Which kind of input this is: plain text, Markdown, HTML or PDF.

An explicit ``--input-format`` wins; then a PDF's magic bytes (a PDF is never anything
else); then the content type a server sent; then the file's extension; then a look at the
first bytes for HTML and Markdown.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

FORMATS = ("text", "markdown", "html", "pdf")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".pdf": "pdf",
}
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/pdf": "pdf",
}
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
# Signs plain text does not carry. Headings alone are not enough: the plain-text reader
# already knows ``#`` headings, and reading plain text as Markdown would drop its indented lines.
_MARKDOWN_SIGNS = re.compile(
    r"^ {0,3}(?:```|~~~)"  # a fenced code block
    r"|\[[^\]\n]+\]\([^)\s]+[^)]*\)"  # a link or image: [text](url)
    r"|^ {0,3}\|?(?: *:?-{3,}:? *\|)+",  # a table's separator row
    re.MULTILINE,
)


def is_url(spec: str) -> bool:
    """True for anything written as ``scheme://...``: it is fetched or refused, never opened as a file."""
    scheme, sep, _ = spec.partition("://")
    return bool(sep) and scheme.replace("+", "").replace("-", "").replace(".", "").isalnum()


def detect_format(name: str, data: bytes, content_type: str | None = None) -> str:
    """The format of ``data``, read from ``name`` (a path, a URL or ``-``)."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if content_type:
        kind = CONTENT_TYPES.get(media_type(content_type))
        if kind is not None:
            return kind
    by_name = _EXTENSIONS.get(_suffix(name))
    if by_name is not None:
        return by_name
    return sniff(data)


def sniff(data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_START) or (head.startswith((b"<!--", b"<?xml")) and b"<html" in head):
        return "html"
    sample = data[:16384].decode("utf-8", errors="ignore")
    if _MARKDOWN_SIGNS.search(sample):
        return "markdown"
    return "text"


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _suffix(name: str) -> str:
    if "://" in name:
        name = name.split("://", 1)[1].split("?", 1)[0].split("#", 1)[0].partition("/")[2]
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()
