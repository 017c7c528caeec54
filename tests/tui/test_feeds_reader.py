"""The reader given a feed, a list of feeds or an OPML file: its articles are the sources, told
story by story, served by a loopback server the tests start."""

from __future__ import annotations

import asyncio

from briefer import LoadOptions
from briefer.tui.launch import make_app
from briefer.tui.morning import StoriesScreen
from briefer.tui.reader_screen import ReaderScreen
from briefer.tui.session import Problem
from test_feeds import news  # noqa: F401  (the loopback server and its feeds)

from .conftest import ready


async def settled(pilot, seconds: float = 30) -> None:
    """Wait until the feed is read, the sources briefed and nothing runs any more."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while loop.time() < end:
        await ready(pilot)
        app = pilot.app
        if app.collection is not None and not app.tasks.running():
            return
        await asyncio.sleep(0.05)


async def test_an_rss_feed_opens_on_its_stories_page(news):  # noqa: F811
    app = make_app([news.url("/rss.xml")], options=LoadOptions(language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        # One source an article, not one document of the feed's XML.
        assert len(app.sources) == 4 and app.multi
        assert {s.name for s in app.sources} == {news.url(p) for p in ("/flood", "/flood-2", "/chess", "/chess-2")}
        assert len(app.collection.stories) == 2
        assert isinstance(app.screen, StoriesScreen)
        page = " ".join(app.screen.plain_text().split())
        assert page.startswith("2 stories from 4 sources")
        assert "River floods the valley" in page or "Rescue in the valley" in page
        # Enter on the first headline reads that story, as for a folder.
        await pilot.press("down", "enter")
        await settled(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.collection.story == 0
        assert app.status.endswith("story 1 of 2")


async def test_an_opml_list_with_a_broken_feed_reads_the_others(news, tmp_path):  # noqa: F811
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline text="News" xmlUrl="{news.url("/rss.xml")}"/>'
        f'<outline text="Broken" xmlUrl="{news.url("/broken.xml")}"/></body></opml>'
    )
    app = make_app([str(opml)], options=LoadOptions(language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        assert len(app.sources) == 4
        assert len(app.collection.stories) == 2
        assert isinstance(app.screen, StoriesScreen)


async def test_a_feed_that_cannot_be_read_is_said_and_the_reader_stays(news):  # noqa: F811
    app = make_app([news.url("/broken.xml")], options=LoadOptions(language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await ready(pilot)
        assert len(app.sources) == 1 and not app.multi
        assert isinstance(app.loaded.get(0), Problem)
        assert "broken.xml" in app.problem_message
        assert isinstance(app.screen, ReaderScreen)


async def test_a_web_page_is_still_one_article(news):  # noqa: F811
    app = make_app([news.url("/flood")], options=LoadOptions(language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await ready(pilot)
        assert len(app.sources) == 1 and not app.multi
        assert app.article is not None and app.article.document.title == "River floods the valley"
        assert isinstance(app.screen, ReaderScreen)
