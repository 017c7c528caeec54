"""What a jump lands on is on screen whole, and the lines under and beside the text fit."""

from __future__ import annotations

from textual.geometry import Region

from briefer.tui.reading_pane import ParagraphView, ReadingPane

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
