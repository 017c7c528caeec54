"""Hostile and unusual inputs for every reader, each built at a chosen size.

Shared by the regression tests (tests/test_hostile.py, at moderate sizes) and by
benchmarks/hostile.py (at the full sizes of issue 16, and at n and 4n to measure growth).
Every builder returns the bytes of a file; the name's suffix tells briefer its format.
"""

from __future__ import annotations

import gzip
import zlib

PROSE = (
    "The council met on Tuesday to discuss the new budget for the city's libraries. "
    "Members agreed that opening hours should be extended during the winter months. "
    "A report from the treasurer showed that costs had risen by nine percent since last year. "
    "Several residents spoke in favour of a mobile library for the outlying villages. "
)


def prose(chars: int) -> str:
    """Paragraphs of plain English prose, about ``chars`` characters long."""
    paragraph = PROSE * 2
    count = max(1, chars // (len(paragraph) + 2))
    return "\n\n".join(paragraph for _ in range(count)) + "\n"


def _html(body: str) -> bytes:
    return f"<!doctype html><html><head><title>Council budget</title></head><body>{body}</body></html>".encode()


def _article() -> str:
    return "<article><h1>Council budget</h1>" + "".join(f"<p>{PROSE}</p>" for _ in range(4))


# --- HTML ---------------------------------------------------------------------------------


def html_article(paragraphs: int) -> bytes:
    """An ordinary article page, the baseline HTML shape."""
    return _html("<article><h1>Council budget</h1>" + f"<p>{PROSE}</p>" * paragraphs + "</article>")


def html_many_attributes(attributes: int) -> bytes:
    """One element carrying a great many attributes (the issue's manyattrs.html at 200,000)."""
    attrs = " ".join(f'a{i}="v"' for i in range(attributes))
    return _html(_article() + f"<p {attrs}>{PROSE}</p></article>")


def html_tables(rows: int) -> bytes:
    """A page made mostly of one table's rows, after a short article."""
    row = "<tr><td>Library budget line</td><td>Opening hours extended</td><td>Costs 9%</td></tr>"
    return _html(_article() + "<table>" + row * rows + "</table></article>")


def html_many_tables(tables: int) -> bytes:
    """A page made mostly of small tables."""
    table = "<table><tr><td>Budget</td><td>Hours</td></tr><tr><td>Costs rose</td><td>Nine</td></tr></table>"
    return _html(_article() + table * tables + "</article>")


def html_deep_nesting(depth: int) -> bytes:
    """Elements nested ``depth`` deep around the article."""
    return _html("<div>" * depth + _article() + "</article>" + "</div>" * depth)


# --- Markdown -----------------------------------------------------------------------------


def markdown_prose(chars: int) -> bytes:
    return ("# Council budget\n\n" + prose(chars)).encode()


def markdown_brackets(count: int) -> bytes:
    """Long runs of ``[`` (the issue's brackets.md), with some prose to brief."""
    return ("# Brackets\n\n" + PROSE + "\n\n" + "[" * count + "\n\n" + PROSE + "\n").encode()


def markdown_wiki_links(count: int) -> bytes:
    """A paragraph of many ``[[wiki links]]`` (some left open)."""
    links = " ".join(f"[[Page {i}|page {i}]] and [[open {i}" for i in range(count))
    return ("# Links\n\n" + PROSE + "\n\n" + links + "\n\n" + PROSE + "\n").encode()


def markdown_wiki_open(count: int) -> bytes:
    """``[[`` repeated with nothing closing it: briefer's own wiki-link pattern backtracked here."""
    return ("# Links\n\n" + PROSE + "\n\n" + "[[a" * count + "\n\n" + PROSE + "\n").encode()


def markdown_footnote_open(count: int) -> bytes:
    """``[^`` repeated with nothing closing it: briefer's own footnote pattern backtracked here."""
    return ("# Notes\n\n" + PROSE + "\n\n" + "[^" * count + "\n\n" + PROSE + "\n").encode()


def markdown_footnotes(count: int) -> bytes:
    """A paragraph with ``count`` footnote marks, then their definitions."""
    marks = " ".join(f"Costs rose[^{i}] and [^open{i}" for i in range(count))
    notes = "\n".join(f"[^{i}]: Note {i}." for i in range(count))
    return ("# Notes\n\n" + PROSE + "\n\n" + marks + "\n\n" + notes + "\n").encode()


def markdown_headings(count: int) -> bytes:
    """Headings, each over one short sentence (the issue's 390 KB of headings at about 6,000)."""
    return "".join(f"## Heading number {i}\n\nThe council met on day {i}.\n\n" for i in range(count)).encode()


def markdown_table(rows: int) -> bytes:
    """A long table after a short note (the issue's 9 MB table at about 200,000 rows)."""
    head = "| Item | Budget | Hours | Note |\n|---|---|---|---|\n"
    row = "| Library budget line | 9,000 | Opening hours extended | Costs rose by nine percent |\n"
    return ("# Table\n\n" + PROSE + "\n\n" + head + row * rows + "\n" + PROSE + "\n").encode()


def markdown_link_references(count: int) -> bytes:
    """A long table of link reference definitions (the issue's 2 MB at about 50,000)."""
    refs = "".join(f'[ref{i}]: https://example.com/page/{i} "Title {i}"\n' for i in range(count))
    return ("# Links\n\n" + PROSE + " See [ref1] and [ref2].\n\n" + refs).encode()


def markdown_emphasis(count: int) -> bytes:
    """Runs of unmatched emphasis markers, the classic CommonMark worst case."""
    return ("# Stars\n\n" + PROSE + "\n\n" + "*a _b " * count + "\n\n" + PROSE + "\n").encode()


# --- PDF ----------------------------------------------------------------------------------


def pdf_pages(pages: int, *, shared: bool = False) -> bytes:
    """``pages`` pages of one running paragraph, many of its lines ending in a hyphenated word
    (the shape that made the hyphen repair quadratic in pages). Each page has its own content
    stream, or with ``shared`` all pages show the same one."""
    words = (PROSE * 2).split()
    lines = []
    for i in range(0, len(words) - 8, 8):
        line = " ".join(words[i : i + 8]).rstrip(".")
        lines.append(line + " coun-" if i % 16 == 0 else line)
        if i % 16 == 0:
            words[i + 8] = "cil " + words[i + 8]
    page = [line.replace(".", ",") for line in lines[:48]]
    if shared:
        return _raw_pdf([_stream(_text_ops(page), compress=True)], [0] * pages)
    streams = [_stream(_text_ops([f"{line} {n}" for line in page]), compress=True) for n in range(pages)]
    return _raw_pdf(streams, list(range(pages)))


def _raw_pdf(contents: list[bytes], page_contents: list[int]) -> bytes:
    """A minimal PDF: content streams (already encoded, with their dictionaries' extras), and
    pages each pointing at one of them by index."""
    objects: list[bytes] = []
    font = 3
    first_stream = 4
    first_page = first_stream + len(contents)
    kids = " ".join(f"{first_page + i} 0 R" for i in range(len(page_contents)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_contents)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for stream in contents:
        objects.append(stream)
    for index in page_contents:
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >>"
            f" /Contents {first_stream + index} 0 R >>".encode()
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(content: bytes, *, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(content, 9)
        return f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"
    return f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"


def _text_ops(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*".encode("latin-1"))
    ops.append(b"ET")
    return b"\n".join(ops)


def pdf_spaces(pages: int, spaces: int = 200_000) -> bytes:
    """Pages whose text is long runs of spaces (the issue's 5-page PDF of spaces)."""
    lines = ["The council met on Tuesday to discuss the new budget for the libraries."]
    lines += [" " * 1000] * (spaces // 2000)
    # and as many runs of one space each, every one a separate text-showing operator
    runs = b" ( ) Tj" * (spaces // 2)
    stream = _stream(_text_ops(lines)[:-2] + runs + b" ET", compress=True)
    return _raw_pdf([stream], [0] * pages)


def pdf_shared_stream(pages: int, megabytes: int = 70) -> bytes:
    """``pages`` pages sharing one content stream that inflates to ``megabytes`` MB."""
    line = b"BT /F1 11 Tf 72 700 Td (The council met on Tuesday to discuss the budget.) Tj ET\n"
    body = line * (megabytes * 1024 * 1024 // len(line))
    return _raw_pdf([_stream(body, compress=True)], [0] * pages)


# --- Plain text and decoding --------------------------------------------------------------


def text_prose(chars: int) -> bytes:
    return prose(chars).encode()


def text_one_line(chars: int) -> bytes:
    """One line with no paragraph breaks and no sentence ends."""
    return ("word " * (chars // 5)).encode()


def utf8_with_bad_byte() -> bytes:
    """UTF-8 prose with curly quotes and one stray 0xFF byte."""
    text = ("The council’s report said “costs rose” in the city’s libraries. " * 20).encode()
    return text[:500] + b"\xff" + text[500:]


def cyrillic_with_bad_byte() -> bytes:
    text = ("Совет собрался во вторник, чтобы обсудить новый бюджет городских библиотек. " * 20).encode()
    return text[:501] + b"\xff" + text[501:]


LATIN1_TEXT = "Le café était fermé. Les élèves sont partis à midi. " * 5


def latin1_short() -> bytes:
    return LATIN1_TEXT.encode("latin-1")


def text_with_nul() -> bytes:
    """About 3 KB of prose with one stray NUL byte."""
    data = prose(3000).encode()
    return data[:1500] + b"\x00" + data[1500:]


# --- URL bodies ---------------------------------------------------------------------------


def gzip_multi_member(text: str) -> bytes:
    """``text`` in two gzip members, as concatenating two .gz files gives."""
    half = len(text) // 2
    return gzip.compress(text[:half].encode()) + gzip.compress(text[half:].encode())


def gzip_bomb(megabytes: int) -> bytes:
    """A small gzip body that inflates to ``megabytes`` MB of spaces."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * (1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(megabytes)]
    parts.append(compressor.flush())
    return b"".join(parts)
