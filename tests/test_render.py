import json

from briefer.briefing import Budget, brief
from briefer.rendering import render, safe
from briefer.sources.document import build_document


def briefing_of(text, **kwargs):
    return brief(build_document(text, source="t.txt"), budget=Budget(sentences=2), **kwargs)


def test_json_follows_the_contract(sample_text):
    data = json.loads(render(brief(build_document(sample_text)), "json"))
    for key in ("title", "language", "method", "summary", "topics", "sections", "stats"):
        assert key in data
    for point in data["summary"]:
        assert set(point) >= {"text", "start", "end", "score", "topic", "section"}
        assert sample_text[point["start"] : point["end"]] == point["text"]
    topic_ids = {t["id"] for t in data["topics"]}
    assert all(p["topic"] in topic_ids for p in data["summary"])
    assert all({"id", "label", "terms"} <= set(t) for t in data["topics"])
    assert all({"title", "start", "end"} <= set(s) for s in data["sections"])
    assert data["stats"]["sentences"] == 26


def test_json_can_include_the_decoded_text(sample_text):
    data = json.loads(render(brief(build_document(sample_text)), "json", include_text=True))
    assert data["text"] == sample_text


def test_text_output_has_topics_bullets_and_no_colour_codes(sample_text):
    out = render(brief(build_document(sample_text)), "text", width=60)
    assert "\x1b[" not in out
    assert "•" in out
    assert all(len(line) <= 60 for line in out.splitlines())


def test_colour_only_when_asked(sample_text):
    out = render(brief(build_document(sample_text)), "text", color=True)
    assert "\x1b[" in out


def test_markdown_has_headings_and_bullets(sample_text):
    out = render(brief(build_document(sample_text)), "markdown")
    assert out.startswith("# ")
    assert "\n## " in out
    assert "\n- " in out


def test_terminal_escapes_in_the_input_never_reach_the_terminal():
    hostile = (
        "A normal opening sentence about the budget vote today.\x1b]0;pwned\x07 "
        "Another sentence hides \x1b[2J\x1b[8m text from view in the terminal. "
        "A third sentence about nothing in particular at all."
    )
    for fmt in ("text", "markdown"):
        out = render(briefing_of(hostile), fmt, color=False)
        assert "\x1b" not in out and "\x07" not in out
    # JSON keeps the exact text, escaped by the JSON encoder.
    assert "\\u001b" in render(briefing_of(hostile, order="rank"), "json")


def test_safe_shows_controls_and_bidi_overrides():
    assert safe("a\x1b[31mb") == "a\\x1b[31mb"
    assert "\u202e" not in safe("abc\u202edef")


def test_a_long_section_title_wraps_under_its_own_words_not_under_its_number():
    text = "\n\n".join(
        f"SEC. {n}. {heading}\n\nThe Secretary shall carry out the program of this section in every State each year."
        for n, heading in enumerate(
            ["SHORT TITLE", "SUSPENSION OR DEBARMENT FOR USE OF FOREIGN AGRICULTURAL COMMODITIES IN TRADE PROGRAMS"], 1
        )
    )
    shown = render(brief(build_document(text)), "text", width=40)
    listed = shown[shown.index("Sections:") :].splitlines()[1:]
    assert listed[0] == "  1. SEC. 1. SHORT TITLE"
    assert listed[1].startswith("  2. SEC. 2. SUSPENSION")
    # The rest of the long title is indented under its first word, at the width asked for.
    assert len(listed) > 2 and all(line.startswith("     ") and len(line) <= 40 for line in listed[2:])


def test_an_untitled_opening_part_is_named_by_the_documents_title_in_text_and_markdown():
    text = (
        "A history of the town's heating plant, written for its centenary by the council.\n\n"
        "Chapter 1\n\nThe council bought the plant in 1920 and ran it for sixty years at a loss.\n\n"
        "Chapter 2\n\nThe new plant cut the town's heating costs by a third in its first year."
    )
    document = build_document(text, source="old-plant.txt")
    assert document.sections[0].title == "" and document.title == "old plant"
    briefing = brief(document)
    shown = render(briefing, "text", width=100)
    assert "  1. old plant\n  2. Chapter 1\n  3. Chapter 2" in shown
    assert "1. old plant\n2. Chapter 1" in render(briefing, "markdown")
    assert "(untitled)" not in shown
