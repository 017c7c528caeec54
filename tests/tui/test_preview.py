"""The raw text shown while the article is read (preview.py), and the place in it that the
analysed article keeps."""

from __future__ import annotations

import threading

import pytest

from briefer.tui.app import BrieferApp
from briefer.tui.inputs import Source
from briefer.tui.launch import _sources
from briefer.tui.preview import Preview
from briefer.tui.reading_pane import ReadingPane

from .conftest import SAMPLE, ready


def held_source(path) -> tuple[Source, threading.Event]:
    """The input, read only once the test lets it (the preview stays until then)."""
    specs, source_for = _sources([str(path)], None, None)
    plain = source_for(specs[0])
    release = threading.Event()

    def load():
        release.wait(60)
        return plain.load()

    return Source(plain.name, load, plain.peek), release


# Three copies of the sample: laid out whole; twenty: more than the pane lays out at once, so
# the place may be below the first parts mounted.
@pytest.mark.parametrize(("copies", "lines"), [(3, 25), (20, 150)])
async def test_the_place_scrolled_to_in_the_preview_stays_when_the_article_comes(tmp_path, copies, lines):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([SAMPLE.read_text(encoding="utf-8")] * copies), encoding="utf-8")
    source, release = held_source(path)
    app = BrieferApp([source])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(ReadingPane)
        preview = pane.query_one(Preview)
        pane.scroll_to(y=lines, animate=False)
        await pilot.pause()
        assert pane.scroll_y == lines
        top_words = preview.render_line(lines - preview.virtual_region.y).text.split()
        release.set()
        await ready(pilot)
        await pilot.pause(0.3)
        await ready(pilot)
        assert app.article is not None and not pane.query(Preview)
        cursor = pane.cursor
        # The sentence that holds the first words at the top of the preview is under focus,
        # in view, near the top (not the top of the text).
        assert cursor > 0 and top_words[0] in app.article.sentences[cursor].text
        assert cursor in pane.visible_sentences()
        assert pane.scroll_y > lines // 2
        assert app.article.sentences[cursor].start >= len(SAMPLE.read_text(encoding="utf-8")) * (lines // 40)


async def test_an_unscrolled_preview_gives_the_top_of_the_article(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([SAMPLE.read_text(encoding="utf-8")] * 3), encoding="utf-8")
    source, release = held_source(path)
    app = BrieferApp([source])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        release.set()
        await ready(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.cursor == 0 and pane.scroll_y == 0
