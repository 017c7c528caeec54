"""Plain text as people keep it: one small hand-made text per layout (no ../shared needed)."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.briefing import Budget, brief
from briefer.language.fragments import is_fragment
from briefer.sources.document import build_document
from briefer.sources.layout import parse_blocks
from cases import cases


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in parse_blocks(text)]


def headings(text: str) -> list[str]:
    return [text[b.title_start : b.title_end] for b in parse_blocks(text) if b.kind == "heading"]


def flat(text: str) -> str:
    return " ".join(text.split())


def whole_key_points(document, sentences: int = 3) -> list[str]:
    points = brief(document, budget=Budget(sentences=sentences)).key_points
    kinds = {p.index: p.kind for p in document.paragraphs}
    for point in points:
        assert document.text[point.start : point.end] == point.text
        assert not is_fragment(point.text, kinds[document.sentences[point.sentence].paragraph] == "item"), point.text
    return [flat(p.text) for p in points]


PROSE = (
    "The harbour authority said on Tuesday that the new quay would open next spring. "
    "Work on the breakwater had been delayed by two winter storms and a shortage of stone. "
    "Fishermen, who had asked for the quay for a decade, welcomed the news. "
    "The town council will pay a third of the cost, and the port will borrow the rest. "
    "A public meeting on the plans is set for the first week of March."
)


def test_hard_wrapped_prose_is_one_paragraph_and_line_ends_are_not_sentence_ends():
    text = textwrap.fill(PROSE, 50) + "\n\n" + textwrap.fill(PROSE.replace("harbour", "river"), 50)
    kinds = blocks(text)
    assert [k for k, _ in kinds] == ["prose", "prose"]
    document = build_document(text)
    assert [flat(s.text) for s in document.sentences][:5] == [flat(s.text) for s in build_document(PROSE).sentences]


def test_a_ragged_right_edge_ends_a_paragraph_only_where_the_next_word_would_have_fit():
    text = (
        "The first paragraph has lines that are all of\n"
        "about the same length until its very last one.\n"
        "A second paragraph starts here although no blank\n"
        "line stands between the two of them at all.\n"
    )
    assert [body for _, body in blocks(text)] == [
        "The first paragraph has lines that are all of\nabout the same length until its very last one.\n"
        "A second paragraph starts here although no blank\nline stands between the two of them at all."
    ] or len(blocks(text)) == 1
    ragged = "A short paragraph ends here.\nThe next one begins on this line, which is long enough to show the width.\n"
    assert len(blocks(ragged)) == 2


def test_first_line_and_hanging_indents_and_email_quotes():
    first_line = (
        "    The first paragraph opens with an indent and then\n"
        "runs on flush left for another line of words.\n"
        "    The second paragraph also opens with an indent and\n"
        "runs on flush left as well until it ends.\n"
    )
    assert len(blocks(first_line)) == 2
    hanging = textwrap.fill(PROSE, 60, subsequent_indent="    ")
    assert len(blocks(hanging)) == 1
    quoted = "> He wrote that the meeting\n> would be moved to Friday.\n>\n> Then he signed off.\n"
    assert len(blocks(quoted)) == 2
    assert flat(build_document(quoted).sentences[0].text) == "> He wrote that the meeting > would be moved to Friday."


RFC_PAGE = """\




Network Working Group                                          J. Author
Request for Comments: 9999                                  Example Inc.
Category: Informational                                       March 2001


                     A Small Protocol for Examples

Status of this Memo

   This memo provides information for the Internet community.  It does
   not specify an Internet standard of any kind.

1. Introduction

   The protocol described here lets two hosts agree on an example.  It
   is deliberately simple, so that implementations stay small and
   easy to check.



Author                       Informational                      [Page 1]
\f
RFC 9999              A Small Protocol for Examples           March 2001


2.  Message Format

   Every message starts with a one-octet type.  The type is followed by
   a length and the data.

   Code

      The Code field is one octet and identifies the message.

2.1.  Error Handling

   A host that receives a message it does not understand drops it.  It
   never answers such a message.



Author                       Informational                      [Page 2]
\f
RFC 9999              A Small Protocol for Examples           March 2001


3.  Security Considerations

   This protocol offers no security of its own.
"""


def test_rfc_page_furniture_is_set_aside_and_numbered_headings_are_found():
    found = headings(RFC_PAGE)
    assert found == [
        "Status of this Memo",
        "1. Introduction",
        "2.  Message Format",
        "2.1.  Error Handling",
        "3.  Security Considerations",
    ]
    skipped = [body for kind, body in blocks(RFC_PAGE) if kind == "skip"]
    assert any("[Page 1]" in body for body in skipped)
    assert any(body.startswith("RFC 9999") for body in skipped)
    levels = [b.level for b in parse_blocks(RFC_PAGE) if b.kind == "heading"]
    assert levels[2:4] == [1, 2]
    document = build_document(RFC_PAGE)
    assert all("[Page" not in s.text and "RFC 9999" not in s.text for s in document.sentences)
    whole_key_points(document)


BILL = """\
SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Harbour Safety Act of 2001''.

SEC. 2. INSPECTIONS OF VESSELS CARRYING PASSENGERS ON INLAND
              WATERS.

    (a) In General.--The Secretary shall inspect each vessel that--
            (1) carries more than 12 passengers;
            (2) operates on inland waters; and
            (3) is longer than 20 meters.
    (b) Reports.--The Secretary shall report to Congress each year on
the inspections carried out under this section.

SEC. 3. AUTHORIZATION OF APPROPRIATIONS.

    There are authorized to be appropriated such sums as may be
necessary to carry out this Act.
"""


def test_legal_headings_and_items_that_continue_a_sentence():
    assert headings(BILL) == [
        "SECTION 1. SHORT TITLE.",
        "SEC. 2. INSPECTIONS OF VESSELS CARRYING PASSENGERS ON INLAND\n              WATERS.",
        "SEC. 3. AUTHORIZATION OF APPROPRIATIONS.",
    ]
    items = [body.strip() for kind, body in blocks(BILL) if kind == "item"]
    # The lead-in ending in "--" and its three items are one sentence for quoting.
    assert items[0].startswith("(a) In General.--") and items[0].endswith("is longer than 20 meters.")
    assert items[1].startswith("(b) Reports.--")
    document = build_document(BILL)
    assert [s.title for s in document.sections][1].startswith("SEC. 2. INSPECTIONS")
    for point in whole_key_points(document, 2):
        assert not point.startswith("SEC.")


def test_a_run_of_short_lines_is_not_a_heading_each():
    text = (
        "Saturday's results were as follows.\n\n"
        "Arsenal 2 Chelsea 1\n\nLeeds 0 Everton 0\n\nFulham 3 Burnley 2\n\nWolves 1 Spurs 1\n\n"
        "The title race is now open again after a weekend of surprises across the league."
    )
    assert headings(text) == []
    document = build_document(text)
    assert len(document.sections) == 1


def test_lone_line_before_a_body_is_a_heading_but_dialogue_is_not():
    text = (
        "The Arrival\n\n"
        "The ship came into the harbour at dawn. Nobody was on the quay to meet it.\n\n"
        "“Where is everybody”\n\n"
        "The captain looked along the empty street and said nothing for a while."
    )
    assert headings(text) == ["The Arrival"]


def test_a_heading_without_text_of_its_own_joins_the_next():
    text = (
        "Design\n\n"
        "The Unwrap Method\n\n"
        "An error may wrap another error. The Unwrap method returns the wrapped one.\n\n"
        "Discussion\n\n"
        "Several designs were weighed before this one. Most were more complex."
    )
    document = build_document(text)
    assert [s.title for s in document.sections] == ["Design: The Unwrap Method", "Discussion"]
    for section in document.sections:
        assert any(s.section == section.index for s in document.sentences)


BOOK = """\
The Project Gutenberg eBook of A Short Tale

This eBook is for the use of anyone anywhere at no cost and with almost
no restrictions whatsoever.

Title: A Short Tale

*** START OF THE PROJECT GUTENBERG EBOOK A SHORT TALE ***




                              A SHORT TALE

                                   BY

                              A. N. AUTHOR



Contents

 Chapter I.
 Chapter II.
 Chapter III.



Chapter I.

It was a cold morning when the stranger came to the village. He asked
for a room and paid for a week in advance.

Chapter II.

Nobody knew where he had come from. The innkeeper did not ask him.

Chapter III.

On the eighth day he was gone, and the room was as clean as he found it.

*** END OF THE PROJECT GUTENBERG EBOOK A SHORT TALE ***

Section 1. General Terms of Use and Redistributing Project Gutenberg

By reading or using any part of this Project Gutenberg electronic work,
you indicate that you have read and agree to the terms of this license.
"""


def test_gutenberg_licence_title_page_and_contents_are_not_chapters():
    assert headings(BOOK) == ["Chapter I.", "Chapter II.", "Chapter III."]
    document = build_document(BOOK)
    assert all("Gutenberg" not in s.text and "license" not in s.text for s in document.sentences)


PAPER = """\
A Study of Examples
Jane Doe
University of Somewhere
jane@example.org
Abstract
We study examples and show that they are
useful for the study of other examples.
1 Introduction
Examples are everywhere. In this paper we
count them, and we find that there are many of
them in every text we read.
2 Related Work
Earlier work counted fewer examples (Roe, 2001).
References
Roe, R. 2001. Counting Examples. Journal of Examples, 1(1):1-10.
"""


def test_paper_headings_without_blank_lines_and_references_never_quoted():
    assert headings(PAPER) == ["Abstract", "1 Introduction", "2 Related Work", "References"]
    document = build_document(PAPER)
    references = [p for p in document.paragraphs if p.kind == "reference"]
    assert references
    for point in brief(document, budget=Budget(sentences=5)).key_points:
        assert "Journal of Examples" not in point.text


def test_file_name_title_keeps_its_words_as_written():
    document = build_document("Some text here. More text.", source="notes/iOS-release-notes_v2.txt")
    assert document.title == "iOS release notes v2"


SENTENCES = st.lists(
    st.lists(
        st.sampled_from(["alpha", "harbour", "council", "plans", "stone", "week", "the", "of", "and"]), min_size=4
    ).map(lambda words: " ".join([words[0].capitalize(), *words[1:]]) + "."),
    min_size=1,
    max_size=6,
)


@settings(max_examples=cases(60), deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=4), st.integers(40, 120))
def test_rewrapping_at_any_width_never_changes_the_sentences(paragraphs, width):
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    wrapped = "\n\n".join(textwrap.fill(" ".join(p), width, break_on_hyphens=False) for p in paragraphs)
    expected = [flat(s.text) for s in build_document(text).sentences]
    assert [flat(s.text) for s in build_document(wrapped).sentences] == expected


def test_an_email_signature_and_quoted_text_are_read_as_such():
    text = (
        "Thanks for the notes on the draft. I will send the new version on Monday.\n\n"
        "> Could you check the figures in the second table?\n\n"
        "-- \nJane Doe\nExample Inc.\n"
    )
    kinds = blocks(text)
    assert [k for k, _ in kinds] == ["prose", "prose", "skip", "skip", "skip"]
    assert all("Jane" not in s.text for s in build_document(text).sentences)


def test_a_heading_over_nothing_at_the_end_joins_the_section_before():
    text = "# Notes\n\nThe first part has a sentence. It has two.\n\n## Appendix\n\n----\n"
    document = build_document(text)
    assert [s.title for s in document.sections] == ["Notes"]
    assert document.sections[-1].end == len(text)
    assert {s.section for s in document.sentences} == {0}


def test_a_heading_over_nothing_between_two_sections_joins_the_next():
    text = "# Alpha\n\n----\n\n# Beta\n\nThe first sentence is here.\n\n# Gamma\n\nThe second sentence is here."
    document = build_document(text)
    assert [s.title for s in document.sections] == ["Alpha: Beta", "Gamma"]
    assert [s.section for s in document.sentences] == [0, 1]
    assert [p.section for p in document.paragraphs if p.kind == "prose"][-2:] == [0, 1]
