"""Coverage-guided fuzzing of the decoder, the layout parser and the sentence splitter (atheris).

    pip install atheris
    mkdir -p /tmp/corpus && PYTHONPATH=src python fuzz/fuzz_text.py /tmp/corpus -max_total_time=600

A crash input it finds belongs in tests/test_robustness.py as a regression test.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from briefer.briefing.single import Budget, brief
    from briefer.errors import BrieferError
    from briefer.language.catalogue import get_language
    from briefer.language.sentences import MAX_SENTENCE_CHARS, sentence_spans
    from briefer.sources import decode
    from briefer.sources.document import build_document
    from briefer.sources.layout import parse_blocks

ENGLISH = get_language("en")


def check(data: bytes) -> None:
    """The properties each input must keep; an exception here is a finding."""
    try:
        text, _ = decode(data, "fuzz")
    except BrieferError:
        # Invalid bytes are refused; the text path still gets the same bytes as Latin-1.
        text = data.decode("latin-1")
    spans = sentence_spans(text, ENGLISH)
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text) and stop - start <= MAX_SENTENCE_CHARS
        end = stop
    for block in parse_blocks(text):
        assert 0 <= block.start <= block.end <= len(text)
    try:
        document = build_document(text)
        briefing = brief(document, method="topic", budget=Budget(sentences=2))
    except BrieferError:
        return
    for point in briefing.key_points:
        assert text[point.start : point.end] == point.text


def main() -> None:
    atheris.Setup(sys.argv, lambda data: check(bytes(data)))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
