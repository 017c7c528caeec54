"""The reader given sources that tell several stories: the stories page, picking one story."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import OptionList

from briefer.rendering import source_name
from briefer.tui.briefing_screen import BriefingScreen, BriefingView
from briefer.tui.collection import Collection, collect
from briefer.tui.footer import KeysFooter
from briefer.tui.launch import make_app
from briefer.tui.morning import StoriesScreen
from briefer.tui.reader_screen import ReaderScreen
from briefer.tui.session import Article
from briefer.tui.sources_pane import SourcesPane
from story_texts import CHESS, CHESS_2, FLOOD, FLOOD_2

from .conftest import ready

TEXTS = {"a-flood.txt": FLOOD, "b-chess.txt": CHESS, "c-flood.txt": FLOOD_2, "d-chess.txt": CHESS_2}


@pytest.fixture
def two_stories(tmp_path) -> list[Path]:
    paths = []
    for name, sentences in TEXTS.items():
        path = tmp_path / name
        path.write_text(" ".join(sentences), encoding="utf-8")
        paths.append(path)
    return paths


def source_lines(app) -> list[str]:
    pane = app.screen_reader().query_one(SourcesPane)
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def test_the_stories_page_shows_every_story_with_its_headline_and_points(two_stories):
    app = make_app([str(p) for p in two_stories])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert len(app.collection.stories) == 2
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        page = app.screen.plain_text()
        assert page.startswith("2 stories from 4 sources")
        for number, story in enumerate(app.collection.stories, 1):
            assert f"{number}. {story.headline[:40]}" in " ".join(page.split())
            for point in story.briefing.key_points:
                assert " ".join(point.text.split())[:40] in " ".join(page.split())
        # Both stories' sources are named on the page, each under its own story.
        for story in app.collection.stories:
            names = [source_name(app.collection.articles[i][1].document) for i in story.sources]
            assert f"{len(names)} sources: {', '.join(names)}" in page
        listed = app.screen.query_one("#stories")
        assert listed.option_count == 3  # every source, then the two stories
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_picking_a_story_narrows_the_sources_and_the_briefing_to_it(two_stories):
    app = make_app([str(p) for p in two_stories])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the second story
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        story = app.collection.stories[1]
        members = {app.collection.articles[i][0] for i in story.sources}
        assert app.current in members
        assert app.status.endswith(f"· {len(members)} sources · story 2 of 2")
        lines = source_lines(app)
        for index, line in enumerate(lines):
            # Its sources are numbered as the story's briefing tags them; the others are set aside.
            assert (line.lstrip("▶ ")[:1].isdigit()) == (index in members)
        # The next source is the story's other one, and then back to the first.
        first = app.current
        await pilot.press("f")
        await ready(pilot)
        assert app.current in members and app.current != first
        await pilot.press("f")
        await ready(pilot)
        assert app.current == first
        await pilot.press("s")
        await ready(pilot)
        assert isinstance(app.screen, BriefingScreen)
        text = app.screen.query_one(BriefingView).plain_text(width=400)
        sources = text[text.index("\nSources\n") :]
        for index, entry in enumerate(app.collection.entries):
            assert (source_name(entry.document) in sources) == (index in members)
        # And back to every source from the stories page.
        await pilot.press("escape", "S")
        await pilot.pause()
        await pilot.press("home", "enter")
        await ready(pilot)
        assert app.collection.story is None and "story" not in app.status
        assert all(line.lstrip("▶ ")[:1].isdigit() for line in source_lines(app))


async def test_one_story_has_no_stories_key(cluster):
    app = make_app([str(p) for p in cluster])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.collection.stories == []
        assert "Stories" not in str(app.screen.query_one(KeysFooter).render())
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_the_stories_key_is_in_the_footer_when_there_are_stories(two_stories):
    app = make_app([str(p) for p in two_stories])
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert "Stories" in str(app.screen.query_one(KeysFooter).render())
        # And a notice says so, once the sources are read.
        assert any("tell 2 stories" in n.message for n in app._notifications)


def test_collecting_says_how_far_it_has_got(two_stories):
    from briefer import build_document

    entries = [Article.from_document(build_document(p.read_text(), source=str(p)), name=str(p)) for p in two_stories]
    said: list[str] = []
    collection, problem = collect(entries, "topic", 0, len(entries), said.append)
    assert not problem and isinstance(collection, Collection)
    assert any("stories" in note for note in said) and any("briefing 4 sources" in note for note in said)
    assert len(collection.stories) == 2


@pytest.mark.parametrize("size", [(110, 32), (80, 24)])
async def test_the_stories_list_shows_enough_of_each_headline_to_know_the_story(two_stories, size):
    app = make_app([str(p) for p in two_stories])
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("S")
        await pilot.pause()
        pane = app.screen.query_one("#stories", OptionList)
        # As drawn, borders left out: cut to one line, a headline was some 15 characters at 80 columns.
        drawn = " ".join(strip.text.strip(" │╭╮╰╯─") for strip in pane.render_lines(Region(0, 0, *pane.outer_size)))
        drawn = " ".join(drawn.split())
        for number, story in enumerate(app.collection.stories, 1):
            words = " ".join(story.headline.split())
            start = words[: words.rfind(" ", 0, 45)]
            assert len(start) > 30 and f"{number}. ({len(story.sources)}) {start}" in drawn
        # The keys still pick a headline and read its story.
        await pilot.press("down", "down", "enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.collection.story == 1


def test_a_long_headline_is_cut_after_a_few_lines_at_a_word():
    from textual.content import Content

    from briefer.tui.morning import HEADLINE_LINES, headline_prompt

    headline = "The LAPD early Monday declared an unlawful assembly on the streets surrounding City Hall and ordered"
    lines = str(headline_prompt(Content("1. (3) "), headline, 28)).split("\n")
    assert len(lines) == HEADLINE_LINES and all(len(line) <= 28 for line in lines)
    assert lines[0].startswith("1. (3) The LAPD") and all(line.startswith(" " * 7) for line in lines[1:])
    assert lines[-1].endswith("…") and lines[-1][:-1].split()[-1] in headline.split()
    assert str(headline_prompt(Content("2. (1) "), "A short one.", 28)) == "2. (1) A short one."
