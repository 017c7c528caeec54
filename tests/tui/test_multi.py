"""The reader given several inputs: a sources list, one briefing across them, failures shown."""

from __future__ import annotations

import json

from textual.widgets import Input

from briefer.tui.briefing_screen import BriefingScreen, BriefingView
from briefer.tui.launch import make_app
from briefer.tui.reader_screen import ReaderScreen
from briefer.tui.reading_pane import ParagraphView
from briefer.tui.sources_pane import SourcesPane

from .conftest import CLUSTER, SHARED, ready


def prompts(app) -> list[str]:
    pane = app.screen.query_one(SourcesPane)
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


def first_paragraph(app) -> str:
    return str(app.screen.query(ParagraphView).first().render())


async def test_sources_are_listed_and_the_current_one_marked(cluster):
    app = make_app([str(p) for p in cluster])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        pane = app.screen.query_one(SourcesPane)
        assert pane.display
        shown = prompts(app)
        assert len(shown) == 3
        for number, (line, text) in enumerate(zip(shown, CLUSTER.values(), strict=True), 1):
            assert f"{number} {text.splitlines()[0]}" in line
        assert shown[0].startswith("▶") and not shown[1].startswith("▶")
        assert "3 sources" in app.status


async def test_one_input_has_no_sources_list(headed):
    app = make_app([str(headed)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert not app.screen.query_one(SourcesPane).display


async def test_switching_sources_changes_the_reading_pane(cluster):
    app = make_app([str(p) for p in cluster])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert first_paragraph(app).startswith("The city council approved") and "long debate" in first_paragraph(app)
        await pilot.press("f")
        await ready(pilot)
        assert "lengthy debate" in first_paragraph(app) and "[2/3]" in app.title
        assert prompts(app)[1].startswith("▶")
        await pilot.press("F", "F")
        await ready(pilot)
        assert first_paragraph(app).startswith("The harbour plan costs") and "[3/3]" in app.title
        # Choosing in the list does the same.
        pane = app.screen.query_one(SourcesPane)
        pane.focus()
        await pilot.press("home", "enter")
        await ready(pilot)
        assert "long debate" in first_paragraph(app) and "[1/3]" in app.title
        # And a click on a source's line (inside the border: the second line is source 2).
        await pilot.click(SourcesPane, offset=(6, 2))
        await ready(pilot)
        assert "lengthy debate" in first_paragraph(app) and "[2/3]" in app.title


async def test_briefing_is_across_the_sources_and_says_a_shared_point_once(cluster):
    app = make_app([str(p) for p in cluster])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await ready(pilot)
        assert isinstance(app.screen, BriefingScreen)
        text = app.screen.query_one(BriefingView).plain_text(width=400)
        assert text.count(SHARED) == 1
        shared_line = next(line for line in text.splitlines() if SHARED in line)
        assert "[1, 2]" in shared_line
        for number, body in enumerate(CLUSTER.values(), 1):
            assert f"[{number}] {body.splitlines()[0]}" in text
        briefing = app.shown_briefing
        assert len(briefing.sources) == 3
        # What is highlighted in each source is what the briefing took from it, near-duplicates included.
        for index, article in app.collection.articles:
            position = app.collection.number(index) - 1
            behind = {
                article.document.text[m.start : m.end]
                for p in briefing.key_points
                for m in p.mentions
                if m.source == position
            }
            highlighted = {article.sentences[i].text for i in article.key_sentences}
            assert highlighted == behind
        assert any(SHARED in s for s in highlighted_in(app, 1))


def highlighted_in(app, index: int) -> list[str]:
    article = app.collection.entries[index]
    return [article.sentences[i].text for i in sorted(article.key_sentences)]


async def test_length_and_method_rebrief_across_the_sources(cluster):
    app = make_app([str(p) for p in cluster])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        before = len(app.shown_briefing.key_points)
        await pilot.press("s", "plus")
        await ready(pilot)
        after = app.shown_briefing
        assert len(after.key_points) == before + 1 and len(after.sources) == 3
        assert f"{before + 1} of 12 sentences" in app.screen.query_one(BriefingView).plain_text(width=400)
        keys = sum(len(a.key_sentences) for _, a in app.collection.articles)
        assert keys >= before + 1
        await pilot.press("m")
        await ready(pilot)
        assert app.shown_briefing.method != after.method and len(app.shown_briefing.sources) == 3
        assert app.shown_briefing.method in app.screen.query_one(BriefingView).plain_text(width=400)


async def test_a_missing_input_is_reported_and_the_rest_briefed(cluster, tmp_path):
    missing = tmp_path / "gone.txt"
    app = make_app([str(cluster[0]), str(missing), str(cluster[1])])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.article is not None
        shown = prompts(app)
        assert "✗" in shown[1] and "gone.txt" in shown[1] and "no such file" in shown[1]
        assert "1 Harbour council" in shown[0] and "2 Residents fear" in shown[2]
        assert any("gone.txt" in n.title for n in app._notifications)
        briefing = app.shown_briefing
        assert [d.title for d in briefing.sources] == [
            CLUSTER["harbour.txt"].splitlines()[0],
            CLUSTER["residents.txt"].splitlines()[0],
        ]
        assert any("gone.txt" in note and "no such file" in note for note in briefing.notes)
        await pilot.press("s")
        await ready(pilot)
        text = app.screen.query_one(BriefingView).plain_text(width=400)
        assert "no such file" in text and "[1, 2]" in text
        await pilot.press("escape", "f")
        await ready(pilot)
        assert app.article is None and "no such file" in str(app.screen.query_one(".problem").render())


async def test_nothing_loads_is_a_message(tmp_path):
    app = make_app([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.shown_briefing is None
        await pilot.press("plus", "s")
        await ready(pilot)
        assert "No briefing" in app.screen.query_one(BriefingView).plain_text(width=400)


async def test_saving_json_keeps_every_source_and_its_offsets(cluster, tmp_path):
    target = tmp_path / "cluster.json"
    app = make_app([str(p) for p in cluster])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await pilot.pause()
        field = app.screen.query_one("#save-path", Input)
        assert field.value == "sources-briefing.md"
        field.value = str(target)
        await pilot.pause()
        await pilot.press("enter")
        await ready(pilot)
    data = json.loads(target.read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in cluster]
    assert [s["title"] for s in data["sources"]] == [t.splitlines()[0] for t in texts]
    assert [p["text"] for p in data["summary"]] == [p.text for p in app.shown_briefing.key_points]
    for point, kept in zip(data["summary"], app.shown_briefing.key_points, strict=True):
        assert texts[point["source"]][point["start"] : point["end"]] == point["text"]
        # Every place behind the point is a verbatim sentence of its own source.
        assert [texts[m["source"]][m["start"] : m["end"]] for m in point["sources"]] == [m.text for m in kept.mentions]
    shared = next(p for p in data["summary"] if SHARED in p["text"])
    assert sorted(place["source"] for place in shared["sources"]) == [0, 1]
    for place in shared["sources"]:
        assert texts[place["source"]][place["start"] : place["end"]].startswith(SHARED)


async def test_the_line_under_the_text_says_what_is_opening_until_it_is_open(cluster, monkeypatch):
    import threading

    from briefer.tui import session
    from briefer.tui.sentence_bar import SentenceBar

    release = threading.Event()
    real_open = session.open_article

    def held(*args, **kwargs):
        release.wait(20)  # the first source is still being read while the line is looked at
        return real_open(*args, **kwargs)

    monkeypatch.setattr(session, "open_article", held)
    app = make_app([str(p) for p in cluster])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        bar = app.screen.query_one(SentenceBar)
        assert "Opening" in str(bar.render()) and cluster[0].name in str(bar.render())
        release.set()
        await ready(pilot)
        assert app.article is not None and "Opening" not in str(bar.render())
