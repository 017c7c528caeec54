"""Short lines that look like headings and are not, and headings that look like little: the
context rules of plain-text reading (no ../shared needed)."""

from __future__ import annotations

from briefer.sources.layout import parse_blocks

BODY = (
    "The committee met on Tuesday and agreed the plan after a long debate.\n"
    "Its members will report again in the spring, when the first results are in.\n"
)


def headings(text: str) -> list[str]:
    return [text[b.title_start : b.title_end] for b in parse_blocks(text) if b.kind == "heading"]


def kinds(text: str) -> dict[str, str]:
    return {text[b.start : b.end].strip(): b.kind for b in parse_blocks(text)}


def test_a_letter_or_headline_that_a_colon_announces_is_not_a_heading():
    text = (
        f"CHAPTER ONE\n\n{BODY}\nNext morning the managers received a card from the ghost:\n\n"
        f"DEAR MR. MANAGER:\n\n{BODY}\nA newspaper appeared with this heading:\n\n"
        f"TWO HUNDRED KILOS ON THE HEAD OF A CONCIERGE\n\n{BODY}\nSUMMARY OF FINDINGS\n\n{BODY}"
    )
    assert headings(text) == ["CHAPTER ONE", "SUMMARY OF FINDINGS"]


def test_a_numbered_heading_after_a_colon_is_still_one():
    text = f"{BODY}The sections are these:\n\n2. Background\n\n{BODY}"
    assert headings(text) == ["2. Background"]


def test_a_shouted_quotation_is_not_a_heading():
    text = f'{BODY}\n"SHE IS SINGING TO-NIGHT TO BRING THE CHANDELIER DOWN!"\n\n{BODY}'
    assert headings(text) == []


def test_a_sentence_that_starts_like_a_part_is_not_one():
    text = (
        f"ACT III\n\n{BODY}\nAct third was the castle hall, and here Hagar appeared, having come to\n"
        "free the lovers and finish Hugo. She hears him coming and hides.\n\n"
        f"Chapter 4 The Storm\n\n{BODY}"
    )
    assert headings(text) == ["ACT III", "Chapter 4 The Storm"]


def test_dialogue_and_a_line_run_into_the_next_are_not_headings():
    text = (
        f"{BODY}\nTo me?  To whom?\n\n{BODY}\n"
        "Why did she laugh when he reminded her of the incident of the scarf?\n"
        "Why did she not recognize him?  And why had she written to him?\n\n"
        f"{BODY}"
    )
    assert headings(text) == []


def test_question_headings_over_short_answers():
    questions = [
        "Will enabling this feature result in any new API calls?",
        "Will enabling this feature result in new API types?",
        "Will enabling this feature add calls to the cloud provider?",
        "Does the feature depend on specific services?",
    ]
    text = f"{BODY}\n" + "".join(f"{q}\n\nNo\n\n" for q in questions) + BODY
    assert headings(text) == questions


def test_a_closing_aside_belongs_to_the_heading():
    text = f"{BODY}\nUser Stories (Optional)\n\n{BODY}\nRun tests against a running instance (not an image)\n\n{BODY}"
    assert headings(text) == ["User Stories (Optional)", "Run tests against a running instance (not an image)"]


def test_callouts_and_emoji_rules_are_not_headings():
    text = (
        f"{BODY}\nNOTE: It is a breaking change to add paging in the future\n\n{BODY}\n"
        f":white_check_mark: DO use a later date for each new preview version\n\n{BODY}"
    )
    assert headings(text) == []


def test_a_numbered_list_with_paragraphs_is_not_a_run_of_headings():
    text = (
        f"1. Overview\n\n{BODY}\n2. Design\n\n{BODY}\nFeature modes\n\n{BODY}\n"
        f"1. Disabled\n\n{BODY}\n2. Checker only\n\n{BODY}\n3. Full mode\n\n{BODY}\n"
        f"3. Compatibility\n\n{BODY}"
    )
    assert headings(text) == ["1. Overview", "2. Design", "Feature modes", "3. Compatibility"]
    assert kinds(text)["2. Checker only"] == "item"


def test_the_body_after_a_numbered_contents_list_counts_from_1_again():
    text = (
        "Table of Contents\n\n1. Introduction\n\n- 1.1. Conformance\n\n2. Mapping\n\n3. References\n\n"
        f"1. Introduction\n\n{BODY}\n1.1. Conformance\n\n{BODY}\n2. Mapping\n\n{BODY}"
    )
    blocks = parse_blocks(text)
    assert "1. Introduction" in [text[b.title_start : b.title_end] for b in blocks[5:] if b.kind == "heading"]
    # The body is not taken for the references part that the contents list names last.
    assert [b.kind for b in blocks if text[b.start : b.end].startswith("The committee")] == ["prose"] * 3


def test_parts_number_their_sections_afresh():
    text = f"PART ONE\n\n1. Arrival\n\n{BODY}\n2. The town\n\n{BODY}\nPART TWO\n\n1. Departure\n\n{BODY}"
    assert "1. Departure" in headings(text)


def test_contents_lines_with_spaced_page_numbers_are_set_aside():
    text = (
        "THE PRISON DOOR                                         1\n\n"
        "THE MARKET-PLACE                                        4\n\n"
        "“WILT THOU YET FORGIVE ME?”                            37\n\n"
        "THE RECOGNITION                                        18\n\n"
        f"I. THE PRISON DOOR\n\n{BODY}"
    )
    assert headings(text) == ["I. THE PRISON DOOR"]
    assert kinds(text)["THE RECOGNITION                                        18"] == "skip"


def test_quoted_matter_in_a_bill_is_not_a_heading():
    text = (
        "SEC. 2. ARBITRATION.\n\n    Section 651 of title 28, United States Code, is amended to read as\n"
        "follows:\n\n``Sec. 651. Authorization of alternative dispute resolution\n\n"
        "    ``(a) Authorization.--Each United States district court shall authorize the use of\n"
        "alternative dispute resolution processes in all civil actions.''.\n"
    )
    assert headings(text) == ["SEC. 2. ARBITRATION."]
