"""Issue 16, the readers' own bounds on hostile shapes: each is exact (the text a reader
extracts is unchanged), or, where it cuts work, says so. No timing is asserted."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import hostile as H
from briefer.sources import markdown as md

BRACKET_PIECES = st.sampled_from(
    ["[", "]", "[[", "]]", "[^", "![", "(", ")", "(http://x.org)", "\\[", "\\]", "`", "<", ">", "a", " ", "\n",
     "\n\n", "*", "[x]: http://y.org\n", "Words here. "]
)  # fmt: skip


def _plain_tokens(source: str) -> list[tuple[str, str]]:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _flat(parser.parse(source))


def _guarded_tokens(source: str) -> list[tuple[str, str]]:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md._fail_fast_on_unclosed_brackets(parser)
    return _flat(parser.parse(source))


def _flat(tokens) -> list[tuple[str, str]]:
    out = []
    for token in tokens:
        out.append((token.type, token.content))
        for child in token.children or []:
            out.append((child.type, child.content + str(child.attrs)))
    return out


@settings(max_examples=max(100, settings().max_examples // 5), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(BRACKET_PIECES, max_size=60).map("".join))
def test_refusing_links_without_a_close_never_changes_the_parse(source):
    assert _guarded_tokens(source) == _plain_tokens(source)


def test_a_link_after_many_open_brackets_is_still_a_link():
    source = "[" * 500 + "[name](http://x.org) and ![pic](p.png) end"
    assert _guarded_tokens(source) == _plain_tokens(source)
    assert any(kind == "link_open" for kind, _ in _guarded_tokens(source))


def test_open_brackets_are_kept_as_text():
    text = md.read_markdown(H.markdown_brackets(2_000).decode()).text
    assert "[" * 2_000 in text
