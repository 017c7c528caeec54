"""PDF to extracted text: paragraphs and headings in reading order, without running heads.

pypdf (the ``pdf`` extra) reads the text of each page in content-stream order, which is the
order the producer wrote it and, for nearly every PDF, the reading order — columns included.
A visitor gives each run of text its position, font and size, and from those briefer
rebuilds the layout: a wider gap between lines, an indented first line or a bullet starts a
paragraph; a line in a larger font (or a short bold line) is a heading; a line repeated at
the top or bottom of most pages (digits aside) is a running head or footer and is dropped,
as are bare page numbers; a word hyphenated across a line break is joined again.

pypdf was chosen over pdfminer.six: about 0.1 s to import for both, but on a 60-page report
pypdf read the text in ~1 s against ~7 s, and it has no required dependencies.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .blocks import BlockWriter, Extracted

# A line ending a sentence or clause, as in plain text (closing quotes and brackets after it).
from .lines import _TERMINAL
from .raw import DEFAULT_MAX_BYTES

INSTALL_HINT = "pip install 'briefer[pdf]'"
_NEEDS_CRYPTOGRAPHY = "the PDF is AES-encrypted; reading it needs: pip install cryptography"
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|seite|pág\.?|página)?\s*[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?"
    r"(?:\s*(?:of|/|von|de)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•◦▪‣●○■□–—*-]\s+")
_ENUMERATED = re.compile(r"^\s*(?:\d{1,3}|[a-z])[.)]\s+")
_HYPHENATED = re.compile(r"([^\W\d_]+)[-\u00ad]$")
_WORD_START = re.compile(r"^([^\W\d_]+)")
# Each word of a compound, from its start (never inside a word) to the hyphen; the second is
# looked ahead at, so that "well-known-author" gives both of its pairs.
_COMPOUND = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-(?=([^\W\d_]+))")
# pypdf takes about a tenth of a millisecond for each text-showing operator: a page of 100,000 of them
# (each showing one space) took 10-17 s. A page of prose has a few thousand, even when every
# glyph is placed on its own; a page with more than this is left unread (and said so).
MAX_TEXT_OPERATORS = 20_000
# Longer runs of letters than this at the end of a line are not words to repair.
_LONGEST_WORD = 64
_DOT_LEADERS = re.compile(r"(?:\. ?){4,}\s*(?:\d{1,4}|[ivxlcdm]{1,7})$", re.IGNORECASE)
_MONOSPACE = re.compile(r"mono|courier|cmtt|consol|typewriter|code", re.IGNORECASE)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|[-+,]bd|cmbx", re.IGNORECASE)
_JUNK_TITLE = re.compile(r"^(?:microsoft \w+ - |untitled\b)|\.(?:docx?|pdf|indd|tex|dvi|odt|rtf|pages)$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


@dataclass
class _Line:
    text: str
    x: float
    y: float
    size: float
    bold: bool
    page: int
    mono: bool = False


def read_pdf(data: bytes, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Extracted:
    """Extract a PDF's text; :class:`InputError` for encrypted, image-only or broken files.

    ``max_bytes`` bounds what the pages' content streams unpack to, all pages together, as
    it bounds the file: a small PDF can hold a compressed stream of many megabytes, read
    again for every page that shares it.
    """
    try:
        import pypdf
        from pypdf.errors import DependencyError
    except ImportError:
        raise InputError(f"{name}: reading PDF needs the pdf extra: {INSTALL_HINT}") from None
    # pypdf logs every oddity of a malformed file; briefer reports what matters itself.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    page_list, info = _open(pypdf, DependencyError, data, name)
    pages, unreadable = _read_pages(page_list, DependencyError, name, max_bytes)
    lines = _drop_running_heads(pages)
    writer = _layout(lines)
    if not writer.blocks:
        raise InputError(f"{name}: no text in the PDF besides page headers and footers")
    metadata = {"pages": str(len(pages))}
    if unreadable:
        metadata["unreadable_pages"] = str(unreadable)
    title = ""
    if info is not None:
        title = _SPACE.sub(" ", str(info.get("/Title") or "")).strip()
        if _JUNK_TITLE.search(title):
            title = ""  # a word processor's file name, not the document's title
        author = _SPACE.sub(" ", str(info.get("/Author") or "")).strip()
        if author:
            metadata["author"] = author
    return writer.result(title=title, metadata=metadata)


def _open(pypdf: Any, dependency_error: type[Exception], data: bytes, name: str) -> tuple[list, Any]:
    """The pages and the metadata of a PDF that opens (decrypted with an empty password)."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted and needs a password")
        page_list = list(reader.pages)
        info = reader.metadata
    except InputError:
        raise
    except dependency_error:
        raise InputError(f"{name}: {_NEEDS_CRYPTOGRAPHY}") from None
    except Exception as error:  # a parser of untrusted files fails in many ways; none may be a traceback
        raise InputError(f"{name}: not a readable PDF ({type(error).__name__})") from None
    if not page_list:
        raise InputError(f"{name}: the PDF has no pages")
    return page_list, info


def _read_pages(
    page_list: list, dependency_error: type[Exception], name: str, max_bytes: int
) -> tuple[list[list[_Line]], int]:
    """Each page's lines (empty for a page that cannot be read) and how many could not be."""
    pages: list[list[_Line]] = []
    unreadable = dense = 0
    unpacked = 0
    # Pages that share their content stream and resources show the same lines: read once.
    shared: dict[tuple[object, ...], list[_Line]] = {}
    for number, page in enumerate(page_list):
        try:
            key, size, operators = _contents(page)
            if key in shared:
                pages.append([dataclasses.replace(line, page=number) for line in shared[key]])
                continue
            unpacked += size
            if unpacked > max_bytes:
                raise InputError(
                    f"{name}: the PDF's pages unpack to more than the {max_bytes / (1024 * 1024):g} MB limit"
                    " (raise it with --max-size)"
                )
            if operators > MAX_TEXT_OPERATORS:
                raise _TooDense
            pages.append(_page_lines(page, number))
            if key:
                shared[key] = pages[-1]
        except _TooDense:
            pages.append([])
            unreadable += 1
            dense += 1
        except dependency_error:
            raise InputError(f"{name}: {_NEEDS_CRYPTOGRAPHY}") from None
        except InputError:
            raise
        except Exception:  # one broken page must not cost the others
            pages.append([])
            unreadable += 1
    _check_pages(pages, unreadable, dense, name)
    return pages, unreadable


def _check_pages(pages: list[list[_Line]], unreadable: int, dense: int, name: str) -> None:
    """An InputError when no page gave any text, saying why."""
    if dense == len(pages):
        raise InputError(
            f"{name}: every page shows more than {MAX_TEXT_OPERATORS:,} pieces of text, more than briefer reads"
            " on a page (a page of prose has a few thousand)"
        )
    if unreadable == len(pages):
        raise InputError(f"{name}: not a readable PDF (no page could be read)")
    if not any(line.text.strip() for lines in pages for line in lines):
        raise InputError(f"{name}: no text in the PDF: its pages are images (scanned?); run OCR on it first")


class _TooDense(Exception):
    """A page with more text-showing operators than MAX_TEXT_OPERATORS: left unread."""


def _contents(page: Any) -> tuple[tuple[object, ...], int, int]:
    """What a page shows, as a key (its content streams' object numbers and its resources),
    empty when a stream is not a shared object; the bytes its content streams unpack to; and
    about how many text-showing operators they hold (``Tj`` and ``TJ``, counted in the bytes).
    pypdf keeps what it unpacked, so reading the page afterwards does not unpack it again."""
    reference = page.get("/Contents")
    if reference is None:
        return (), 0, 0
    contents = reference.get_object()
    streams = list(contents) if isinstance(contents, list) else [reference]
    size = operators = 0
    key: list[object] = []
    for stream in streams:
        key.append(getattr(stream, "idnum", None))
        data = stream.get_object().get_data()
        size += len(data)
        operators += data.count(b"Tj") + data.count(b"TJ")
    resources = page.get("/Resources")
    # Resources written into each page are compared by what they say, when that is short.
    shown = getattr(resources, "idnum", None) or repr(resources)
    key.append(shown if len(str(shown)) < 2000 else None)
    return (() if None in key else tuple(key)), size, operators


def _page_lines(page: Any, number: int) -> list[_Line]:
    """The page's lines in content order, each with the position and font of its words."""
    runs: list[tuple[int, int, float, float, float, str]] = []
    parts: list[str] = []
    length = 0

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        nonlocal length
        if text:
            m = _multiply(tm, cm)
            scale = math.hypot(m[2], m[3]) or 1.0
            base = str(font.get("/BaseFont", "")) if font else ""
            runs.append((length, length + len(text), m[4], m[5], (size or 0) * scale, base))
            parts.append(text)
            length += len(text)

    page.extract_text(visitor_text=visit)
    text = "".join(parts)
    lines: list[_Line] = []
    start = 0
    run_index = 0
    for raw in text.split("\n"):
        end = start + len(raw)
        while run_index < len(runs) and runs[run_index][1] <= start:
            run_index += 1
        sizes: Counter[float] = Counter()
        bold = mono = chars = 0
        where: tuple[float, float] | None = None
        index = run_index
        while index < len(runs) and runs[index][0] < end:
            run_start, run_end, x, y, size, font = runs[index]
            visible = sum(1 for c in text[max(run_start, start) : min(run_end, end)] if not c.isspace())
            if visible:
                where = where or (x, y)
                sizes[round(size, 1)] += visible
                chars += visible
                bold += visible if _BOLD.search(font) else 0
                mono += visible if _MONOSPACE.search(font) else 0
            index += 1
        if where is not None and raw.strip():
            size = sizes.most_common(1)[0][0]
            text_of_line = _SPACE.sub(" ", raw).strip()
            lines.append(_Line(text_of_line, where[0], where[1], size, bold * 2 > chars, number, mono * 5 >= chars * 4))
        start = end + 1
    return lines


def _multiply(tm: list[float], cm: list[float]) -> tuple[float, ...]:
    a, b, c, d, e, f = (float(v) for v in tm)
    p, q, r, s, t, u = (float(v) for v in cm)
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _drop_running_heads(pages: list[list[_Line]]) -> list[_Line]:
    """Drop running heads and footers, page numbers and the dot-leader lines of a contents page.

    A running head is a line among the two top or two bottom lines of a page that repeats,
    digits aside, on other pages: on two when it is a page's very first or last line (as a
    chapter's running head may be), on three otherwise.
    """
    edges: list[dict[int, int]] = []
    seen: Counter[tuple[str, float]] = Counter()
    for lines in pages:
        by_height = sorted(range(len(lines)), key=lambda i: -lines[i].y)
        edge = {i: 3 for i in by_height[:2] + by_height[-2:]}
        edge.update({i: 2 for i in by_height[:1] + by_height[-1:]})
        edges.append(edge)
        seen.update({_key(lines[i]) for i in edge})
    kept: list[_Line] = []
    for lines, edge in zip(pages, edges, strict=True):
        for index, line in enumerate(lines):
            if _DOT_LEADERS.search(line.text):
                continue
            if index in edge and (
                _PAGE_NUMBER.match(line.text) or (len(pages) > 1 and seen[_key(line)] >= edge[index])
            ):
                continue
            kept.append(line)
    return kept


def _key(line: _Line) -> tuple[str, float]:
    """Running heads repeat in the same words, digits aside, and the same size: a title page
    that shows the document's name in large type keeps it."""
    return _DIGITS.sub("#", _SPACE.sub(" ", line.text).strip().lower()), line.size


def _layout(lines: list[_Line]) -> BlockWriter:
    """Group lines into headings, list items and paragraphs."""
    body = _body_size(lines)
    leading = _leading(lines, body)
    compounds = _compounds("\n".join(line.text for line in lines).lower())
    writer = BlockWriter()
    # A block is kept as its lines and the spaces between them, joined once when it is
    # written: adding each line to a growing string made a long paragraph quadratic.
    kind, parts, first = "", [], lines[0] if lines else None
    previous: _Line | None = None
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        line_kind = _kind(line, previous, following, body, leading)
        if line_kind == kind == "heading" and previous is not None and _continues(previous, line, leading):
            parts += [" ", line.text]  # a heading that wraps onto a second line
        elif (
            previous is None
            or first is None
            or line_kind in ("heading", "item")
            or kind == "heading"
            or (line_kind == "code") != (kind == "code")
            or _breaks(previous, line, first, kind, body, leading)
        ):
            _write(writer, kind, "".join(parts))
            kind, parts, first = line_kind, [_BULLET.sub("", line.text) if line_kind == "item" else line.text], line
        else:
            _join(parts, line.text, compounds)
        previous = line
    _write(writer, kind, "".join(parts))
    return writer


def _write(writer: BlockWriter, kind: str, text: str) -> None:
    if text and kind != "code":  # code, set in a monospaced font, is not prose to summarise
        writer.add(kind, text)


def _kind(line: _Line, previous: _Line | None, following: _Line | None, body: float, leading: float) -> str:
    if line.mono:
        return "code"
    words = len(line.text.split())
    has_letter = any(c.isalpha() for c in line.text)
    if has_letter and words <= 20 and line.size >= body * 1.15:
        return "heading"
    if (
        has_letter
        and line.bold
        and words <= 12
        and not _TERMINAL.search(line.text)
        and (following is None or not following.bold or following.size > line.size)
        and (previous is None or previous.page != line.page or previous.y - line.y > leading * 1.3)
    ):
        return "heading"
    if _BULLET.match(line.text) or _ENUMERATED.match(line.text):
        return "item"
    return "prose"


def _breaks(previous: _Line, line: _Line, first: _Line, kind: str, body: float, leading: float) -> bool:
    """Does ``line`` start a new paragraph after ``previous`` (``first`` began the current block)?"""
    if previous.page != line.page:
        return bool(_TERMINAL.search(previous.text))  # a paragraph running on to the next page
    gap = previous.y - line.y
    if gap <= 0 or gap > leading * 1.4:
        return True  # a new column, or a blank line's worth of space
    if abs(line.size - previous.size) > body * 0.15:
        return True
    if kind == "item":
        return line.x <= first.x + 1  # an item's own lines are indented past its bullet
    return line.x > previous.x + body * 0.8 and bool(_TERMINAL.search(previous.text))


def _continues(previous: _Line, line: _Line, leading: float) -> bool:
    return previous.page == line.page and 0 < previous.y - line.y <= max(leading, line.size) * 1.6


def _join(parts: list[str], line: str, compounds: set[tuple[str, str]]) -> None:
    """Add a line to its paragraph's parts, repairing a word hyphenated across the line break.

    ``parts[-1]`` is always the previous line, so the search for its last word reads one line.
    """
    last = parts[-1]
    hyphenated = _HYPHENATED.search(last, max(0, len(last) - _LONGEST_WORD))
    after = _WORD_START.match(line)
    if hyphenated and after and after.group(1)[0].islower():
        if last.endswith("-") and (hyphenated.group(1).lower(), after.group(1).lower()) in compounds:
            parts.append(line)  # a real compound, such as "well-known", kept whole
        else:
            parts[-1] = last[:-1]
            parts.append(line)
        return
    parts += [" ", line]


def _compounds(corpus: str) -> set[tuple[str, str]]:
    """Every pair of words joined by a hyphen within a line of the document, such as
    ("well", "known"): a word hyphenated at a line break that is also written so elsewhere
    is a compound, and keeps its hyphen. One pass, where a search of the whole text for
    each hyphenated line had made long documents quadratic."""
    return {(m.group(1), m.group(2)) for m in _COMPOUND.finditer(corpus)}


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _leading(lines: list[_Line], body: float) -> float:
    """The usual distance between two lines of a paragraph in the body text."""
    gaps = sorted(
        round(a.y - b.y, 1)
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.size == body == b.size and 0 < a.y - b.y < body * 3
    )
    return gaps[len(gaps) // 4] if gaps else body * 1.2
