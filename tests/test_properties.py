"""Property tests: whatever text or bytes come in, briefer quotes exactly, within budget, the same each time.

The number of cases comes from the hypothesis profile (tests/conftest.py): ``ci`` by default,
``BRIEFER_HYPOTHESIS_PROFILE=local`` for a long run. Slower properties run a fraction of it.
"""

from __future__ import annotations

import io
import json
import math
import re
import signal
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.briefing import Budget, brief
from briefer.cli import brief as cli
from briefer.errors import BrieferError, InputError
from briefer.language.catalogue import get_language
from briefer.language.sentences import MAX_SENTENCE_CHARS, sentence_spans
from briefer.rendering import render, safe, to_dict
from briefer.sources import decode
from briefer.sources.document import build_document
from briefer.sources.layout import parse_blocks
from cases import cases

EXAMPLES = settings().max_examples

# What hostile text is made of: controls, NUL, every newline convention, zero-width and
# combining marks, bidi overrides, emoji sequences, terminal escapes, and Markdown layout.
HOSTILE = [
    "\r\n", "\r", "\n", "\n\n", "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u0301", "\u0327", "\u202e", "\u202d", "\u2066", "\u200f",
    "\u2028", "\u2029", "😀", "👨‍👩‍👧", "🇫🇷", "\x1b[2J", "\x1b]0;title\x07", "\x1b[8m", "\t", "  ",
    "# ", "## ", "- ", "* ", "1. ", "===\n", "---\n", "Mr. ", "U.S. ", "...", "?! ", "。", "——",
    "“", "”", "(CNN) -- ", "\ud800",
]  # fmt: skip
WORDS = [
    "The council approved the budget on Monday.",
    "Police closed the bridge after the storm!",
    "Why did the river rise so fast?",
    "Schools reopen next week, officials said.",
    "budget", "river", "storm", "Monday", "council", "é", "naïve", "İstanbul", "ß", "ﬁnance",
]  # fmt: skip
pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12),
)
texts = st.lists(pieces, max_size=40).map("".join)
budgets = st.builds(
    Budget,
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 80),
    st.none() | st.floats(0.01, 1.0),
)
FAST_METHODS = ["topic", "lead", "random"]

# Byte strings a decoder meets: invalid UTF-8, stray continuation bytes, overlong forms,
# surrogates, byte-order marks of every kind, other single-byte encodings, NULs.
BYTE_PIECES = [
    b"\xff", b"\xfe", b"\x80", b"\xc0\xaf", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\x00",
    b"caf\xe9 cr\xe8me. ", b"\x93quoted\x94 ", b"The vote passed. ", b"\r\n", b"\r", b"\x1b[31m",
]  # fmt: skip
data = st.lists(st.one_of(st.sampled_from(BYTE_PIECES), st.binary(max_size=16)), max_size=30).map(b"".join)

# What text output may hold: printable text, newlines, and nothing that drives a terminal.
_TERMINAL_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def check_briefing(text: str, method: str, budget: Budget) -> None:
    try:
        document = build_document(text)
        briefing = brief(document, method=method, budget=budget)
    except BrieferError:
        return
    points = briefing.key_points
    for point in points:
        assert text[point.start : point.end] == point.text
        assert point.text.strip() == point.text != ""
    assert len({(p.start, p.end) for p in points}) == len(points)
    if not briefing.whole:
        assert len({p.text for p in points}) == len(points)
    n = briefing.stats.sentences
    if budget.sentences is not None:
        assert len(points) <= budget.sentences
    if budget.ratio is not None:
        assert len(points) <= max(1, math.ceil(budget.ratio * n))
    if budget.words is not None:
        assert briefing.stats.summary_words <= budget.words
    again = brief(build_document(text), method=method, budget=budget)
    assert to_dict(again) == to_dict(briefing)
    for fmt in ("text", "markdown"):
        out = render(briefing, fmt, width=40)
        assert not _TERMINAL_CONTROL.search(out), repr(out)
    coloured = _SGR.sub("", render(briefing, "text", color=True))
    assert not _TERMINAL_CONTROL.search(coloured)
    dumped = render(briefing, "json")
    assert not _TERMINAL_CONTROL.search(dumped.replace("\n", ""))
    assert [p["text"] for p in json.loads(dumped)["summary"]] == [p.text for p in points]


@given(texts, st.sampled_from(FAST_METHODS), budgets)
def test_any_text_is_quoted_exactly_within_budget_and_repeatably(text, method, budget):
    check_briefing(text, method, budget)


@settings(max_examples=cases(max(20, EXAMPLES // 25)))
@given(texts, st.sampled_from(["lex-rank", "lsa", "text-rank", "luhn", "edmundson", "kl", "sum-basic", "reduction"]))
def test_sumy_methods_keep_the_same_promises(text, method):
    check_briefing(text, method, Budget(sentences=3))


@given(data)
def test_any_bytes_decode_to_text_or_an_input_error(raw):
    try:
        text, encoding = decode(raw, "t")
    except InputError as error:
        assert error.message.startswith("t: ")
        return
    assert isinstance(text, str) and encoding
    assert "\x00" not in text[:8192]


@settings(max_examples=cases(max(20, EXAMPLES // 5)))
@given(data, st.sampled_from(FAST_METHODS), budgets)
def test_decoded_bytes_are_briefed_by_their_own_offsets(raw, method, budget):
    try:
        text, _ = decode(raw)
    except InputError:
        return
    check_briefing(text, method, budget)


@given(st.text())
def test_safe_leaves_no_terminal_control_and_is_stable(text):
    shown = safe(text)
    assert not _TERMINAL_CONTROL.search(shown)
    assert "\n" not in shown and shown == shown.strip()
    assert safe(shown) == shown


@given(texts)
def test_sentences_are_trimmed_ordered_bounded_spans(text):
    spans = sentence_spans(text, get_language("en"))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert end - start <= MAX_SENTENCE_CHARS
        previous_end = end


@given(texts)
def test_blocks_are_ordered_spans_of_the_text(text):
    previous_end = 0
    for block in parse_blocks(text):
        assert previous_end <= block.start <= block.end <= len(text)
        if block.kind == "heading":
            assert block.start <= block.title_start <= block.title_end <= block.end
        previous_end = block.end


OPTIONS = [
    ["-n", "2"], ["--words", "15"], ["--ratio", "30%"], ["-m", "lead"], ["-m", "random"], ["-f", "json"],
    ["-f", "markdown"], ["--order", "rank"], ["--width", "30"], ["--color", "always"], ["--include-text"],
    ["-n", "0"], ["--bogus"], ["--width", "3"],
]  # fmt: skip
ARGS = st.lists(st.sampled_from(OPTIONS), max_size=4).map(lambda chosen: [a for option in chosen for a in option])


@settings(max_examples=cases(max(20, EXAMPLES // 10)))
@given(data, ARGS)
def test_the_command_answers_any_stdin_with_a_code_and_at_most_one_line(raw, args):
    old_in, old_out, old_err = sys.stdin, sys.stdout, sys.stderr
    old_handler = signal.getsignal(signal.SIGTERM)
    sys.stdin = io.TextIOWrapper(io.BytesIO(raw))
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        code = cli.main([*args, "-"])
        out, err = sys.stdout.getvalue(), sys.stderr.getvalue()
    finally:
        sys.stdin, sys.stdout, sys.stderr = old_in, old_out, old_err
        signal.signal(signal.SIGTERM, old_handler)
    assert code in (0, 2, 3)
    if code == 0:
        assert out and err == ""
    else:
        assert out == "" and err.startswith("brief: ") and err.count("\n") == 1
        assert not _TERMINAL_CONTROL.search(err[:-1])
