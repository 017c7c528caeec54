"""Section levels as the numbering, the underline or the Markdown marks show them, and topic
sections inside a long part under a heading (no ../shared needed)."""

from __future__ import annotations

import json

from briefer.analysis import analyze
from briefer.briefing import Budget, brief
from briefer.rendering import render
from briefer.sources.document import build_document

BODY = "The committee met on Tuesday and agreed the plan. Its members will report again in spring.\n\n"


def levels(text: str) -> list[tuple[str, int]]:
    return [(s.title, s.level) for s in build_document(text).sections]


def test_numbering_gives_the_level():
    text = f"1.  Introduction\n\n{BODY}2.  Design\n\n{BODY}2.1.  Wire format\n\n{BODY}2.1.3.  Flags\n\n{BODY}"
    assert levels(text) == [("1. Introduction", 1), ("2. Design", 1), ("2.1. Wire format", 2), ("2.1.3. Flags", 3)]


def test_underlines_give_the_level():
    text = f"Guide\n=====\n\n{BODY}Setup\n-----\n\n{BODY}Usage\n-----\n\n{BODY}Appendix\n========\n\n{BODY}"
    assert levels(text) == [("Guide", 1), ("Setup", 2), ("Usage", 2), ("Appendix", 1)]


def test_markdown_marks_give_the_level_counted_from_the_shallowest():
    text = f"## Guide\n\n{BODY}### Setup\n\n{BODY}#### Details\n\n{BODY}## Other\n\n{BODY}"
    assert levels(text) == [("Guide", 1), ("Setup", 2), ("Details", 3), ("Other", 1)]


def test_a_joined_empty_heading_keeps_the_parents_level():
    text = f"1.  Design\n\n1.1.  Goals\n\n{BODY}1.2.  Limits\n\n{BODY}"
    assert levels(text) == [("1. Design: 1.1. Goals", 1), ("1.2. Limits", 2)]


def test_the_json_output_shows_the_level():
    text = f"# Guide\n\n{BODY}## Setup\n\n{BODY}"
    document = build_document(text, input_format="markdown")
    out = json.loads(render(brief(document, budget=Budget(sentences=2)), "json"))
    assert [(s["title"], s["level"]) for s in out["sections"]] == [("Guide", 1), ("Setup", 2)]


HARBOUR = [
    f"The harbour authority said the new quay would open next spring, after work number {n} on the "
    f"breakwater. Fishermen who had asked for the quay welcomed the harbour news. The port will "
    f"borrow to pay for the quay and the breakwater, and the harbour master will hire more crews."
    for n in range(14)
]
ORCHESTRA = [
    f"The orchestra played the symphony in the concert hall for the season's opening night {n}. "
    f"The conductor praised the violins and the choir after the symphony. Critics said the concert "
    f"hall's acoustics flattered the orchestra and its soloists."
    for n in range(14)
]


def test_a_long_part_under_one_heading_is_cut_where_the_topic_shifts():
    text = "Local news\n\n" + "\n\n".join(HARBOUR + ORCHESTRA) + "\n\nWeather\n\nRain is expected tomorrow. Wind too."
    document = analyze(build_document(text)).document
    titles = [(s.title, s.origin, s.level) for s in document.sections]
    assert titles[0] == ("Local news", "heading", 1)
    assert titles[-1] == ("Weather", "heading", 1)
    topics = [t for t in titles if t[1] == "topic"]
    assert len(topics) == 1 and topics[0][2] == 2
    # The cut falls where the orchestra begins.
    cut = next(s for s in document.sections if s.origin == "topic")
    assert document.text[cut.start :].startswith("The orchestra played")
    for section in document.sections:
        assert any(s.section == section.index for s in document.sentences)
    assert [s.section for s in document.sentences] == sorted(s.section for s in document.sentences)


def test_a_short_part_under_a_heading_is_not_cut():
    text = "Local news\n\n" + "\n\n".join(HARBOUR[:4] + ORCHESTRA[:4])
    document = analyze(build_document(text)).document
    assert [s.origin for s in document.sections] == ["heading"]


def test_html_and_markdown_readers_keep_the_heading_levels():
    from briefer.sources.html import read_html
    from briefer.sources.markdown import read_markdown

    body = "<p>" + "The committee met on Tuesday and agreed the plan after a long debate in the hall. " * 4 + "</p>"
    page = f"<html><body><article><h1>Guide</h1>{body}<h2>Setup</h2>{body}<h3>Deep</h3>{body}</article></body></html>"
    extracted = read_html(page, name="page")
    assert [b.level for b in extracted.blocks if b.kind == "heading"] == [1, 2, 3]
    note = read_markdown(f"# Guide\n\n{BODY}## Setup\n\n{BODY}### Deep\n\n{BODY}")
    assert [b.level for b in note.blocks if b.kind == "heading"] == [1, 2, 3]
