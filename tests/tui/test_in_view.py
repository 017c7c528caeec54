"""What a jump lands on is on screen whole, and the lines under and beside the text fit."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region

from briefer.tui.reading_pane import ParagraphView, ReadingPane
from briefer.tui.sentence_bar import SentenceBar, fit

from .conftest import ready


def on_screen(pane: ReadingPane) -> str:
    """The words the pane shows, as drawn: every paragraph's lines inside the view, joined."""
    top, bottom = pane.scroll_y, pane.scroll_y + pane.scrollable_content_region.height
    lines: list[str] = []
    for view in pane.query(ParagraphView):
        region = view.virtual_region
        if region.bottom <= top or region.y >= bottom:
            continue
        strips = view.render_lines(Region(0, 0, region.width, region.height))
        for row, strip in enumerate(strips):
            if top <= region.y + row < bottom:
                lines.append(strip.text.strip())
    return " ".join(" ".join(lines).split())


def whole(text: str) -> str:
    return " ".join(text.split())


async def test_a_jump_to_a_key_point_or_a_match_shows_the_whole_sentence(sample_app):
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app = pilot.app
        pane = app.screen.query_one(ReadingPane)
        keys = sorted(app.article.key_sentences)
        assert len(keys) >= 3
        # Every key point in turn, down the text and back up: each lands whole in the view.
        for _ in range(len(keys) + 1):
            await pilot.press("full_stop")
            await pilot.pause()
            assert pane.cursor in keys
            assert whole(app.article.sentences[pane.cursor].text) in on_screen(pane)
        for _ in range(len(keys)):
            await pilot.press("comma")
            await pilot.pause()
            assert whole(app.article.sentences[pane.cursor].text) in on_screen(pane)
        # A search match takes the same way to the sentence.
        await pilot.press("slash", *"tajik")
        matched = sorted({m.sentence for m in pane.matches})
        assert len(matched) >= 3
        for _ in matched:
            await pilot.press("enter")
            await pilot.pause()
            assert pane.cursor in matched
            assert whole(app.article.sentences[pane.cursor].text) in on_screen(pane)


async def test_the_line_under_the_text_stays_one_line_and_keeps_the_search_note(sample_app):
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app = pilot.app
        bar = app.screen.query_one(SentenceBar)
        pane = app.screen.query_one(ReadingPane)
        await pilot.press("slash", *"wang", "enter", "enter")
        await pilot.pause()
        matched = len({m.sentence for m in pane.matches})
        shown = str(bar.render())
        info = app.article.sentence_info(pane.cursor)
        # Everything would take more than the line: the note and where the sentence is stay
        # whole, the topic's label gives way.
        assert len(f"{shown}  {info.topic}") > bar.content_region.width
        assert bar.size.height == 1 and len(shown) <= bar.content_region.width
        assert shown.startswith(f"{pane.cursor + 1}/{len(app.article.sentences)}")
        assert shown.endswith(f"match 2 of {matched} sentences")
        assert info.topic not in shown
        # Without a note the label has the room left, cut with an ellipsis if it must be.
        await pilot.press("escape")
        await pilot.pause()
        shown = str(bar.render())
        assert bar.size.height == 1 and len(shown) <= bar.content_region.width
        assert info.topic in shown or shown.endswith("…")


def test_the_line_gives_up_the_topic_first_then_the_scores_never_where_or_the_note():
    where, scores = Content("35/722  ★ key"), Content("score 0.15  rank 4")
    topic, note = Content("homeless, chronically, individuals"), Content("match 8 of 18 sentences")

    def line(width: int) -> str:
        return str(fit(where, scores, topic, note, width))

    assert line(200).endswith("individuals  match 8 of 18 sentences")
    for width in (90, 70, 60, 45):
        assert len(line(width)) <= width
        assert line(width).startswith("35/722  ★ key") and line(width).endswith("match 8 of 18 sentences")
    assert len(line(90)) == 90 and "homeless, chronically, indiv" in line(90) and "individuals" not in line(90)
    assert "rank 4" in line(60) and "homeless" not in line(60)
    assert "rank" not in line(45)
    # A note alone keeps both its ends: what is happening and to which file.
    opening = str(fit(Content(""), Content(""), Content(""), Content("Opening /a/long/folder/name/harbour.txt…"), 30))
    assert len(opening) <= 30 and opening.startswith("Opening") and opening.endswith("harbour.txt…")
