"""Coverage-guided fuzzing of the HTML, Markdown and PDF readers with raw bytes (atheris).

    pip install atheris
    mkdir -p /tmp/readers && PYTHONPATH=src:tests python fuzz/fuzz_readers.py /tmp/readers -max_total_time=600

The first byte of an input chooses the reader; the rest is the file. Each reader may refuse
an input only with an InputError, and every block it returns is a span of its text. The
corpus is seeded with the hostile shapes of issue 16 (tests/hostile.py), small. An input that
hangs is reported by libFuzzer's -timeout (default 1200 s; give e.g. -timeout=20). A finding
belongs in tests/test_hostile.py as a regression test.
"""

from __future__ import annotations

import os
import sys

import atheris

with atheris.instrument_imports():
    from briefer.errors import InputError
    from briefer.sources.decode import decode_text
    from briefer.sources.html import read_html
    from briefer.sources.markdown import read_markdown
    from briefer.sources.pdf import read_pdf


def read(kind: int, data: bytes):  # type: ignore[no-untyped-def]
    if kind == 0:
        return read_html(data, name="fuzz.html")
    if kind == 1:
        return read_markdown(decode_text(data, "fuzz.md").text)
    return read_pdf(data, name="fuzz.pdf", max_bytes=8 * 1024 * 1024)


def check(data: bytes) -> None:
    """The properties each input must keep; an exception here is a finding."""
    if not data:
        return
    try:
        extracted = read(data[0] % 3, data[1:])
    except InputError:
        return
    for block in extracted.blocks:
        assert 0 <= block.start < block.end <= len(extracted.text)


def seed(folder: str) -> None:
    """Small hostile inputs as the corpus's first entries, one per reader."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
    import hostile

    seeds = {
        "html-attributes": b"\x00" + hostile.html_many_attributes(100),
        "html-tables": b"\x00" + hostile.html_tables(20),
        "md-brackets": b"\x01" + hostile.markdown_brackets(50),
        "md-table": b"\x01" + hostile.markdown_table(20),
        "md-wiki": b"\x01" + hostile.markdown_wiki_open(20),
        "md-footnotes": b"\x01" + hostile.markdown_footnotes(10),
        "md-references": b"\x01" + hostile.markdown_link_references(10),
        "html-many-tables": b"\x00" + hostile.html_many_tables(40),
        "pdf-pages": b"\x02" + hostile.pdf_pages(2),
        "pdf-spaces": b"\x02" + hostile.pdf_spaces(1, 2000),
    }
    for name, data in seeds.items():
        path = os.path.join(folder, f"seed-{name}")
        if not os.path.exists(path):
            with open(path, "wb") as out:
                out.write(data)


def main() -> None:
    folders = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    if folders and os.path.isdir(folders[0]):
        seed(folders[0])
    atheris.Setup(sys.argv, lambda data: check(bytes(data)))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
