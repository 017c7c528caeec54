"""The reader driven as a user would: keys in, widget contents checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from textual.binding import Binding
from textual.widgets import Input, OptionList

from briefer.tui.app import BrieferApp
from briefer.tui.briefing_screen import BriefingScreen, BriefingView
from briefer.tui.footer import KeysFooter
from briefer.tui.help_screen import HelpScreen, help_text
from briefer.tui.launch import make_app
from briefer.tui.method_picker import MethodPicker
from briefer.tui.open_dialog import OpenDialog
from briefer.tui.reader_screen import ReaderScreen
from briefer.tui.reading_pane import ParagraphView, ReadingPane
from briefer.tui.save_dialog import SaveDialog
from briefer.tui.search_bar import SearchBar
from briefer.tui.sentence_bar import SentenceBar
from briefer.tui.title_bar import TitleBar

from .conftest import ROOT, SAMPLE, ready


def bar_text(app: BrieferApp) -> str:
    return str(app.screen.query_one(SentenceBar).render())


def key_points(app: BrieferApp) -> list[str]:
    return [p.text for p in app.article.briefing.key_points]


async def test_opens_sample_with_sections_text_and_highlights(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app = pilot.app
        assert isinstance(app.screen, ReaderScreen)
        sections = app.screen.query_one("#sections", OptionList)
        assert sections.option_count == len(app.article.document.sections) >= 1
        paragraphs = app.screen.query(ParagraphView)
        assert len(paragraphs) == len(app.article.document.paragraphs)
        first = str(paragraphs.first().render())
        assert first.startswith("China and Tajikistan advanced")
        # The key sentences are styled in place; the others are not.
        content = paragraphs.first().render()
        keys = app.article.key_sentences
        assert 0 in keys
        assert any("warning" in str(span.style) for span in content.spans)
        assert "1/26" in bar_text(app) and "key" in bar_text(app)
        # The footer lists the keys, the most useful first.
        shown = [label for _, label, _ in app.screen.query_one(KeysFooter).shown()]
        assert shown[:2] == ["Help", "Briefing"] and "Search" in shown and shown[-1] == "Quit"
        assert app.status == f"topic · {len(keys)}/26 sentences"
        assert app.status in str(app.screen.query_one(TitleBar).render())


async def test_with_no_input_it_opens_the_bundled_sample():
    app = make_app([])
    async with app.run_test() as pilot:
        await ready(pilot)
        assert app.article is not None
        assert app.article.document.text.startswith("China and Tajikistan")


async def test_sentence_focus_shows_score_rank_and_topic(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app = pilot.app
        await pilot.press("right_parenthesis", "right_parenthesis")
        reader = app.screen.query_one(ReadingPane)
        assert reader.cursor == 2
        info = app.article.sentence_info(2)
        text = bar_text(app)
        assert text.startswith("3/26")
        assert f"score {info.score:.2f}" in text and f"rank {info.rank}" in text and info.topic in text
        await pilot.press("left_parenthesis")
        assert reader.cursor == 1
        # `.` jumps to the next key point.
        await pilot.press("full_stop")
        assert reader.cursor in app.article.key_sentences and reader.cursor > 1


async def test_highlight_toggle(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        reader = pilot.app.screen.query_one(ReadingPane)
        first = pilot.app.screen.query(ParagraphView).first()
        await pilot.press("h")
        assert reader.highlights is False
        assert not any("warning" in str(span.style) for span in first.render().spans)
        assert "highlights off" in bar_text(pilot.app)
        await pilot.press("h")
        assert any("warning" in str(span.style) for span in first.render().spans)


async def test_sections_next_previous_and_selection(headed):
    app = make_app([str(headed)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        sections = app.screen.query_one("#sections", OptionList)
        reader = app.screen.query_one(ReadingPane)
        assert [s.title for s in app.article.document.sections] == ["Harbour plans", "Costs", "Objections"]
        assert sections.border_title == "Sections"
        await pilot.press("n")
        await pilot.pause()
        assert sections.highlighted == 1
        assert app.article.sentences[reader.cursor].section == 1
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.article.sentences[reader.cursor].section == 2
        await pilot.press("p")
        await pilot.pause()
        assert app.article.sentences[reader.cursor].section == 1
        # Choosing a section in the pane shows it.
        sections.focus()
        sections.highlighted = 2
        await pilot.press("enter")
        await pilot.pause()
        assert app.article.sentences[reader.cursor].section == 2


async def test_scroll_keys_move_the_long_text(tmp_path):
    text = "\n\n".join(
        f"Paragraph {i} talks about topic {i % 7} at some length. It has a second sentence." for i in range(80)
    )
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    app = make_app([str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        reader = app.screen.query_one(ReadingPane)
        assert reader.scroll_y == 0
        await pilot.press("j", "j")
        assert reader.scroll_y == 2
        await pilot.press("k")
        assert reader.scroll_y == 1
        await pilot.press("space")
        assert reader.scroll_y > 10
        await pilot.press("b")
        assert reader.scroll_y < 10
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y > 0
        await pilot.press("g")
        assert reader.scroll_y == 0


async def test_longer_shorter_and_method_update_the_briefing(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app = pilot.app
        before = len(key_points(app))
        await pilot.press("plus")
        await ready(pilot)
        assert len(key_points(app)) == before + 1
        await pilot.press("minus", "minus")
        await ready(pilot)
        assert len(key_points(app)) == before - 1
        assert app.article.method == "topic"
        await pilot.press("m")
        await ready(pilot)
        assert app.article.method == "lead"
        assert key_points(app)[0].startswith("China and Tajikistan advanced")
        assert app.status.startswith("lead")
        # The highlights follow the new briefing.
        assert app.screen.query_one(ReadingPane).article.key_sentences == frozenset(range(before - 1))


async def test_pick_method_from_the_list(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MethodPicker)
        picker = pilot.app.screen.query_one(OptionList)
        picker.highlighted = [o.id for o in picker._options].index("lex-rank")
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert pilot.app.article.method == "lex-rank"


async def test_a_method_too_slow_for_the_text_cannot_be_picked_or_cycled_to(sample_app, monkeypatch):
    import dataclasses

    from briefer.rankers import base

    # As if the 26-sentence sample were too long for LSA.
    monkeypatch.setitem(base._REGISTRY, "lsa", dataclasses.replace(base._REGISTRY["lsa"], max_sentences=10))
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("M")
        await pilot.pause()
        picker = pilot.app.screen.query_one(OptionList)
        options = {o.id: o for o in picker._options}
        assert options["lsa"].disabled and "at most 10 sentences" in str(options["lsa"].prompt)
        assert not options["lex-rank"].disabled
        await pilot.press("escape")
        pilot.app.use_method("lex-rank")
        await ready(pilot)
        await pilot.press("m")
        await ready(pilot)
        assert pilot.app.article.method == "text-rank"


async def test_briefing_screen_groups_points_and_follows_changes(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app = pilot.app
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        view = app.screen.query_one(BriefingView)
        shown = " ".join(view.plain_text(width=400).split())
        order = [shown.index(t.label) for t, _ in app.article.briefing.groups()]
        assert order == sorted(order)
        for topic, points in app.article.briefing.groups():
            for point in points:
                # Each point comes under its own topic's label, with its score.
                assert shown.index(point.text) > shown.index(topic.label)
                assert f"{point.text} {point.score:.2f}" in shown
        assert "Key terms" in shown and "article 26 300" in shown
        before = len(app.article.briefing.key_points)
        await pilot.press("plus")
        await ready(pilot)
        shown = " ".join(app.screen.query_one(BriefingView).plain_text(width=400).split())
        assert f"briefing {before + 1} " in shown
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_search_marks_matches_and_moves_between_them(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app = pilot.app
        reader = app.screen.query_one(ReadingPane)
        await pilot.press("slash")
        search = app.screen.query_one(SearchBar)
        assert search.display and search.has_focus
        await pilot.press(*"wang")
        wanted = [i for i, s in enumerate(app.article.sentences) if "wang" in s.text.lower()]
        assert {m.sentence for m in reader.matches} == set(wanted)
        assert "matches for “wang”" in bar_text(app)
        await pilot.press("enter")
        assert reader.cursor == wanted[0]
        await pilot.press("enter")
        assert reader.cursor == wanted[1]
        assert f"match 2 of {len(wanted)} sentences" in bar_text(app)
        await pilot.press("ctrl+r")
        assert reader.cursor == wanted[0]
        await pilot.press("escape")
        assert not search.display and reader.matches == []


async def test_save_writes_the_chosen_format_atomically(sample_app, tmp_path):
    target = tmp_path / "out.json"
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SaveDialog)
        field = pilot.app.screen.query_one("#save-path", Input)
        assert field.value == "china-tajikistan-strategic-dialogue-briefing.md"
        field.value = str(target)
        await pilot.pause()
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(pilot.app.screen, ReaderScreen)
        data = json.loads(target.read_text(encoding="utf-8"))
        text = SAMPLE.read_text(encoding="utf-8")
        assert [p["text"] for p in data["summary"]] == key_points(pilot.app)
        assert all(text[p["start"] : p["end"]] == p["text"] for p in data["summary"])
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".briefer-tmp")]


async def test_save_names_the_file_for_the_format_and_asks_before_replacing_one(sample_app, tmp_path):
    from textual.widgets import Select

    target = tmp_path / "brief.md"
    target.write_text("keep me")
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await pilot.pause()
        dialog = pilot.app.screen
        field = dialog.query_one("#save-path", Input)
        field.value = str(target)
        await pilot.pause()
        # Choosing JSON for a .md name makes it a .json name.
        dialog.query_one("#save-format", Select).value = "json"
        await pilot.pause()
        assert field.value == str(tmp_path / "brief.json")
        dialog.query_one("#save-format", Select).value = "markdown"
        await pilot.pause()
        assert field.value == str(target)
        # The file is there: the first Save asks, the second replaces it.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SaveDialog)
        assert target.read_text() == "keep me"
        assert any("Save again to replace it" in n.message for n in pilot.app._notifications)
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert target.read_text().startswith("# china tajikistan strategic dialogue")


async def test_save_to_a_missing_folder_says_so_and_keeps_running(sample_app, tmp_path):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await pilot.pause()
        pilot.app.screen.query_one("#save-path", Input).value = str(tmp_path / "nope" / "b.md")
        await pilot.press("enter")
        await ready(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any("no such folder" in m for m in messages)
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_quitting_finishes_a_save_in_progress(sample_app, tmp_path):
    target = tmp_path / "quick.md"
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await pilot.pause()
        pilot.app.screen.query_one("#save-path", Input).value = str(target)
        # Enter starts the save in a worker; q follows at once.
        await pilot.press("enter", "q")
    assert target.read_text(encoding="utf-8").startswith("# china tajikistan strategic dialogue")


async def test_copy_puts_the_briefing_on_the_clipboard(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        clip = pilot.app.clipboard
        assert clip.startswith("china tajikistan strategic dialogue")
        assert all(point in " ".join(clip.split()) for point in key_points(pilot.app))


async def test_help_on_question_mark_and_f1(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, HelpScreen)
            text = help_text(pilot.app)
            assert "next section" in text and "q or ^q" in text
            await pilot.press("escape")
            assert isinstance(pilot.app.screen, ReaderScreen)


async def test_command_palette_offers_the_actions(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        titles = [c.title for c in pilot.app.get_system_commands(pilot.app.screen)]
        for wanted in ("Show the briefing", "Longer briefing", "Method: lex-rank", "Save the briefing", "Search"):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"longer")
        await pilot.pause(0.3)
        before = len(key_points(pilot.app))
        await pilot.press("enter")
        await ready(pilot)
        assert len(key_points(pilot.app)) == before + 1


async def test_theme_toggle(sample_app):
    async with sample_app.run_test() as pilot:
        await ready(pilot)
        assert pilot.app.current_theme.dark
        await pilot.press("t")
        assert not pilot.app.current_theme.dark


async def test_missing_file_is_a_message_not_a_crash(tmp_path):
    app = make_app([str(tmp_path / "missing.txt"), str(SAMPLE)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        reader = app.screen.query_one(ReadingPane)
        shown = str(reader.query_one(".problem").render())
        assert "missing.txt" in shown and "no such file" in shown
        # The keys work on the briefing of the input that did open; it says what was left out.
        await pilot.press("plus", "m", "s")
        await ready(pilot)
        assert "no such file" in app.screen.query_one(BriefingView).plain_text(width=400)
        await pilot.press("escape", "f")
        await ready(pilot)
        assert app.article is not None and "[2/2]" in app.title


async def test_empty_stdin_is_a_message():
    app = make_app(["-"], stdin=b"  \n\n")
    async with app.run_test() as pilot:
        await ready(pilot)
        assert app.article is None
        assert "empty" in str(app.screen.query_one(".problem").render())


async def test_piped_text_is_read():
    app = make_app([], stdin=b"The first sentence is here. The second one follows it. A third ends the text.")
    async with app.run_test() as pilot:
        await ready(pilot)
        assert app.article.document.source == "-"
        assert app.title == "(stdin)"


async def test_resizes_cleanly(sample_app):
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert pilot.app.screen.query_one(ReadingPane).size.width > 20


def test_every_binding_has_an_id_and_shows():
    from briefer.tui.search_bar import SearchBar as Search

    for owner in (BrieferApp, ReaderScreen, BriefingScreen, HelpScreen, MethodPicker, SaveDialog, OpenDialog, Search):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.id, (owner.__name__, binding.key)
            assert binding.show, (owner.__name__, binding.key)


def test_interactive_flag_needs_a_terminal(run_brief):
    result = run_brief("-i", "--sample")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("brief: the interactive reader (-i) needs a terminal")


def test_plain_brief_does_not_import_textual():
    code = "import sys; from briefer.cli import main; main(['--sample']); print('textual' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip().endswith("False")


def test_help_documents_the_interactive_reader(run_brief):
    out = run_brief("--help").stdout.decode()
    assert "-i, --interactive" in out and "brief -i report.txt" in out and "cat a.txt | brief -i" in out


async def test_next_section_visits_every_section_of_a_text_with_an_empty_heading(tmp_path):
    # "Design" has no text of its own: it joins "The Unwrap Method", so every section the
    # pane lists has sentences, and n walks through all of them in order.
    path = tmp_path / "design.txt"
    path.write_text(
        "Summary\n\nThis proposal adds a way to unwrap errors. It is small.\n\n"
        "Design\n\n"
        "The Unwrap Method\n\nAn error may wrap another error. Unwrap returns it.\n\n"
        "Discussion\n\nOther designs were weighed. They were more complex.\n",
        encoding="utf-8",
    )
    app = make_app([str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        reader = app.screen.query_one(ReadingPane)
        sections = app.article.document.sections
        assert [s.title for s in sections] == ["Summary", "Design: The Unwrap Method", "Discussion"]
        visited = [app.article.sentences[reader.cursor].section]
        for _ in range(len(sections) - 1):
            await pilot.press("n")
            await pilot.pause()
            visited.append(app.article.sentences[reader.cursor].section)
        assert visited == list(range(len(sections)))


async def test_the_sentence_under_focus_stays_in_view_when_the_text_is_wrapped_again(sample_app):
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        # A page down: the focus follows to the first sentence at the top of the view.
        await pilot.press("space")
        await pilot.pause(0.3)
        assert pane.cursor in pane.visible_sentences() and pane.scroll_y > 0
        # Wider without the sections pane: the text is shorter, and moves under the view.
        await pilot.press("backslash")
        await pilot.pause(0.3)
        assert pane.cursor in pane.visible_sentences()
        await pilot.press("backslash")
        await pilot.pause(0.3)
        assert pane.cursor in pane.visible_sentences()


async def test_a_transcripts_key_points_say_who_said_them_in_the_briefing_view(tmp_path):
    turns = []
    for n, subject in enumerate(("battery", "rubber case", "price", "buttons", "screen", "colour")):
        speaker = ("Project Manager", "Marketing", "Industrial Designer")[n % 3]
        turns += [
            f"{speaker}: The {subject} decides how well the remote control sells to young users this year.",
            "Marketing: Okay.",
            f"{speaker}: We tested the {subject} with twelve users and most of them liked it a lot.",
        ]
    path = tmp_path / "meeting.txt"
    path.write_text("\n\n".join(turns) + "\n")
    async with make_app([str(path)]).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        shown = " ".join(pilot.app.screen.query_one(BriefingView).plain_text(width=400).split())
        points = pilot.app.article.briefing.key_points
        assert points and all(p.speaker for p in points)
        for point in points:
            assert f"{point.speaker}: {point.text}" in shown


async def test_a_bug_in_briefing_is_a_notice_and_the_reader_goes_on(sample_app, monkeypatch):
    from briefer.tui import session

    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app = pilot.app

        def broken(self, method, length):
            raise RuntimeError("broken ranking")

        monkeypatch.setattr(session.Article, "make_briefing", broken)
        # A method not ranked yet: the briefing is made by a worker, which fails.
        await pilot.press("m")
        await ready(pilot)
        await pilot.pause(0.3)
        assert "ranking" not in str(app.screen.query_one(TitleBar).render())
        # A method ranked already: the briefing is made at once, and fails too.
        app.use_method("topic")
        await pilot.press("plus")
        await pilot.pause()
        assert app.is_running
        notices = [n.message for n in app._notifications]
        assert sum("broken ranking" in m for m in notices) >= 2
