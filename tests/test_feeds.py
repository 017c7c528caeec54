"""Feeds and the history of what was briefed, against a loopback server the tests start."""

from __future__ import annotations

import json
import sqlite3

import pytest

from pages import send, serve, slow
from test_stories import CHESS, CHESS_2, FLOOD, FLOOD_2


def _page(title: str, sentences: list[str]) -> bytes:
    paragraphs = "".join(f"<p>{s} {s}</p>" for s in sentences)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def _rss(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{summary}</description></item>"
        for t, link, summary in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{entries}</channel></rss>'.encode()


def _atom(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><summary>{summary}</summary></entry>'
        for t, link, summary in items
    )
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>{entries}</feed>'.encode()
    )


@pytest.fixture
def news():
    with serve({}) as server:
        pages = {"/flood": ("River floods the valley", FLOOD), "/flood-2": ("Rescue in the valley", FLOOD_2)}
        pages |= {"/chess": ("A queen sacrifice wins it", CHESS), "/chess-2": ("The youngest champion", CHESS_2)}
        for path, (title, sentences) in pages.items():
            server.routes[path] = send(200, _page(title, sentences))
        items = [(title, server.url(path), " ".join(sentences)) for path, (title, sentences) in pages.items()]
        server.routes["/rss.xml"] = send(200, _rss(items), "application/rss+xml")
        server.routes["/atom.xml"] = send(200, _atom(items[:2]), "application/atom+xml")
        # As many servers send them: plain XML, told a feed by its root element.
        server.routes["/plain.xml"] = send(200, _rss(items), "text/xml; charset=utf-8")
        server.routes["/app.xml"] = send(200, _atom(items[:2]), "application/xml")
        server.routes["/broken.xml"] = send(200, b"<rss><channel><item><title>half", "application/rss+xml")
        missing = [("Gone", server.url("/gone"), "The story that was taken down still has its summary in the feed.")]
        server.routes["/missing.xml"] = send(200, _rss([*items[:1], *missing]), "application/rss+xml")
        late = [("Late", server.url("/late"), "A page that answers too late is briefed from the feed instead.")]
        server.routes["/late"] = slow(5, send(200, _page("Late", FLOOD)))
        server.routes["/slow.xml"] = send(200, _rss([*items[2:3], *late]), "application/rss+xml")
        yield server


@pytest.fixture
def run(run_brief, tmp_path):
    history = tmp_path / "data"

    def go(*args: str):
        return run_brief(*args, env={"XDG_DATA_HOME": str(history)}, timeout=60)

    go.history = history / "briefer" / "history.sqlite3"
    return go


def test_an_rss_feed_is_briefed_story_by_story_with_the_feed_titles(news, run):
    result = run(news.url("/rss.xml"), "-f", "json", "-n", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["stories"]) == 2
    assert sorted(len(s["sources"]) for s in data["stories"]) == [2, 2]
    headlines = {s["headline"] for s in data["stories"]}
    titles = {"River floods the valley", "Rescue in the valley", "A queen sacrifice wins it", "The youngest champion"}
    assert headlines <= titles


def test_an_atom_feed_of_one_story_is_one_briefing(news, run):
    result = run(news.url("/atom.xml"), "-f", "json", "-n", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "stories" not in data and len(data["sources"]) == 2


@pytest.mark.parametrize(("path", "stories"), [("/plain.xml", 2), ("/app.xml", 0)])
def test_a_feed_sent_as_plain_xml_is_read_as_a_feed(news, run, path, stories):
    result = run(news.url(path), "-f", "json", "-n", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data.get("stories", [])) == stories
    assert len(data["sources"]) == 4 if stories else len(data["sources"]) == 2


def test_a_broken_feed_is_one_line_and_the_others_go_on(news, run, tmp_path):
    alone = run(news.url("/broken.xml"))
    assert alone.returncode == 3 and alone.stderr.decode().count("\n") == 1
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{news.url('/broken.xml')}\n# a comment\n{news.url('/atom.xml')}\n")
    result = run("--feeds", str(listing), "-n", "2")
    assert result.returncode == 3
    assert "broken.xml" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    assert "valley" in result.stdout.decode()


def test_an_article_that_cannot_be_fetched_is_briefed_from_the_feed(news, run):
    result = run(news.url("/missing.xml"), "-f", "json", "-n", "3")
    assert result.returncode == 0, result.stderr
    assert "/gone" in result.stderr.decode() and "summary" in result.stderr.decode()
    sources = json.loads(result.stdout)["sources"]
    assert [s["title"] for s in sources] == ["River floods the valley", "Gone"]


def test_a_slow_article_does_not_hold_the_run(news, run):
    result = run(news.url("/slow.xml"), "--timeout", "1", "-f", "json", "-n", "2")
    assert result.returncode == 0, result.stderr
    assert "/late" in result.stderr.decode()


def test_an_opml_list_of_feeds(news, run, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline text="News" xmlUrl="{news.url("/atom.xml")}"/>'
        f'<outline text="Broken" xmlUrl="{news.url("/broken.xml")}"/></body></opml>'
    )
    result = run(str(opml), "-f", "json", "-n", "2")
    assert result.returncode == 0, result.stderr
    assert "broken.xml" in result.stderr.decode()
    assert len(json.loads(result.stdout)["sources"]) == 2


def test_new_leaves_out_the_stories_seen_before(news, run, tmp_path):
    first = run(news.url("/atom.xml"), "-n", "2")
    assert first.returncode == 0 and run.history.is_file()
    again = run(news.url("/rss.xml"), "--new", "-f", "json", "-n", "2")
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    # The flood story was briefed before: only the chess story is new.
    assert "stories" not in data and len(data["sources"]) == 2
    assert {s["title"] for s in data["sources"]} == {"A queen sacrifice wins it", "The youngest champion"}
    nothing = run(news.url("/rss.xml"), "--new")
    assert nothing.returncode == 0 and "nothing new" in nothing.stdout.decode()


def test_no_history_writes_nothing_and_a_corrupt_history_starts_afresh(news, run):
    assert run(news.url("/atom.xml"), "--no-history").returncode == 0
    assert not run.history.exists()
    run.history.parent.mkdir(parents=True)
    run.history.write_bytes(b"this is not a database")
    result = run(news.url("/atom.xml"), "-n", "2")
    assert result.returncode == 0, result.stderr
    assert "set aside" in result.stderr.decode()
    with sqlite3.connect(run.history) as db:
        assert db.execute("SELECT count(*) FROM seen").fetchone()[0] == 2
    assert run("--new", "--no-history", news.url("/atom.xml")).returncode == 2
