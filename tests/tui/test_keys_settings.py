"""The keys users of other Textual apps expect, and the settings that last between runs."""

from __future__ import annotations

import asyncio
import time

from rich.console import Console
from textual.containers import VerticalScroll

from briefer.tui import background, settings
from briefer.tui.app import BrieferApp
from briefer.tui.briefing_screen import BriefingScreen, BriefingView
from briefer.tui.footer import KeysFooter
from briefer.tui.help_screen import HelpScreen, HelpView, help_text
from briefer.tui.launch import make_app
from briefer.tui.open_dialog import OpenDialog, PathSuggester
from briefer.tui.reader_screen import ReaderScreen
from briefer.tui.reading_pane import ReadingPane
from briefer.tui.sentence_bar import SentenceBar
from briefer.tui.session import Article

from .conftest import SAMPLE, ready


def footer(app: BrieferApp) -> list[tuple[str, str, str]]:
    return app.screen.query_one(KeysFooter).shown()


def notices(app: BrieferApp) -> list[str]:
    return [n.message for n in app._notifications]


# --- the footer -----------------------------------------------------------------------------


async def test_footer_fits_the_width_by_rank_and_always_ends_with_quit(sample_app):
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        bar = pilot.app.screen.query_one(KeysFooter)
        for width in (160, 80, 50, 30):
            items = bar.shown(width)
            labels = [label for _, label, _ in items]
            assert labels[-1] == "Quit" and items[-1][0] == "q"
            # Every item and the gaps between them fit the line.
            assert sum(len(keys) + 1 + len(label) for keys, label, _ in items) + 2 * (len(items) - 1) <= width
            if width >= 50:
                assert "Help" in labels
        assert len(bar.shown(160)) > len(bar.shown(80)) > len(bar.shown(30))
        # At 80 columns, what a reader needs most.
        labels = [label for _, label, _ in bar.shown(78)]
        for wanted in ("Help", "Briefing", "Length", "Method", "Search", "Quit"):
            assert wanted in labels
        # Readable keys: one per entry, pairs joined by a slash.
        assert ("+/-", "Length", "plus") in bar.shown(78)
        # The line on screen is the one computed, quit at the right edge.
        line = str(bar.render())
        assert line.rstrip().endswith("q Quit") and "? Help" in line


async def test_q_and_ctrl_q_quit():
    for key in ("q", "ctrl+q"):
        app = make_app([str(SAMPLE)])
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await pilot.press(key)
            await pilot.pause()
        assert app.return_code == 0, key


async def test_escape_shows_in_the_footer_only_while_something_runs(sample_app):
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "Cancel" not in [label for _, label, _ in footer(pilot.app)]
        # Escape with nothing running does nothing (and does not quit or close the reader).
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)


# --- the help -------------------------------------------------------------------------------


async def test_help_scrolls_with_the_reader_keys_and_fits_80x24(sample_app):
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HelpScreen)
        scroll = screen.query_one("#help-dialog", VerticalScroll)
        assert scroll.region.right <= 80 and scroll.region.bottom <= 24
        assert scroll.max_scroll_y > 0  # longer than the window: it must scroll
        await pilot.press("j", "j")
        assert scroll.scroll_y == 2
        await pilot.press("k")
        assert scroll.scroll_y == 1
        await pilot.press("space")
        assert scroll.scroll_y > 5
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        assert scroll.scroll_y == 0
        # The key column never wraps: each key and its description share a line at this width.
        view = screen.query_one(HelpView)
        console = Console(width=view.content_region.width, record=True, color_system=None, file=None)
        with console.capture() as capture:
            console.print(view.renderable())
        lines = capture.get().splitlines()
        for keys, what in (("n or ]", "next section"), ("q or ^q", "quit"), ("o or ^o", "open another")):
            assert any(line.strip().startswith(keys) and what in line for line in lines), keys
        await pilot.press("q")  # closes the help, not the app
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_command_palette_has_one_keys_entry(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        titles = [c.title for c in pilot.app.get_system_commands(pilot.app.screen)]
        assert titles.count("Keys") == 1
        assert "Open a file or URL" in titles and "Hide or show the sections pane" in titles


# --- the sections pane ----------------------------------------------------------------------


async def test_sections_pane_key_hides_and_shows_it_and_is_remembered(sample_app, own_settings):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        side = pilot.app.screen.query_one("#side")
        reader = pilot.app.screen.query_one(ReadingPane)
        wide = reader.size.width
        assert side.display
        await pilot.press("backslash")
        await pilot.pause()
        assert not side.display and reader.size.width > wide
        await ready(pilot)
        assert settings.load().settings.sections is False
        await pilot.press("f9")
        await pilot.pause()
        assert side.display
    await asyncio.sleep(0)
    # Hidden, it stays hidden at the next start.
    await _wait_for(lambda: settings.load().settings.sections is True)
    settings.save(settings.Settings(sections=False))
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert not app.screen.query_one("#side").display


async def _wait_for(condition, seconds: float = 60) -> None:
    """Until ``condition`` holds (a bound on a busy machine, not a measure of speed)."""
    start = time.monotonic()
    while not condition() and time.monotonic() - start < seconds:
        await asyncio.sleep(0.02)
    assert condition()


async def test_sections_pane_collapses_on_a_narrow_window(sample_app, own_settings):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        side = pilot.app.screen.query_one("#side")
        assert side.display
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert not side.display
        # Asked for on a narrow window, it shows, without changing the setting.
        await pilot.press("backslash")
        await pilot.pause()
        assert side.display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert side.display
    assert not own_settings.exists()


# --- opening another input ------------------------------------------------------------------


async def test_open_another_file_with_path_completion(sample_app, headed):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OpenDialog)
        field = pilot.app.screen.query_one("#open-path")
        # The folder, then the first letters of the file: tab completes the rest.
        await pilot.press(*f"{headed.parent}/har")
        await pilot.pause(0.2)
        await pilot.press("tab")
        await pilot.pause()
        assert field.value == str(headed)
        await pilot.press("enter")
        await ready(pilot)
        app = pilot.app
        assert isinstance(app.screen, ReaderScreen)
        assert app.title == "harbour.md" and app.article.document.sections[1].title == "Costs"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen) and app.title == "harbour.md"


async def test_opening_a_missing_file_says_so(sample_app, tmp_path):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        pilot.app.screen.query_one("#open-path").value = str(tmp_path / "gone.txt")
        await pilot.press("enter")
        await ready(pilot)
        assert pilot.app.article is None
        assert any("no such file" in m for m in notices(pilot.app))


async def test_path_suggester_completes_files_and_folders(tmp_path):
    (tmp_path / "report.txt").write_text("x", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    suggest = PathSuggester().get_suggestion
    assert await suggest(f"{tmp_path}/rep") == f"{tmp_path}/report.txt"
    assert await suggest(f"{tmp_path}/reports") == f"{tmp_path}/reports/"
    assert await suggest(f"{tmp_path}/.h") == f"{tmp_path}/.hidden"
    assert await suggest(f"{tmp_path}/") in (f"{tmp_path}/report.txt", f"{tmp_path}/reports/")
    assert await suggest(f"{tmp_path}/zzz") is None
    assert await suggest("https://example.org/rep") is None


# --- Esc stops a long task ------------------------------------------------------------------


async def test_escape_stops_a_slow_ranking_and_keeps_the_briefing(sample_app, monkeypatch):
    original = Article.scores
    started = []

    def slow_scores(self, method):
        if method == "lex-rank":
            started.append(method)
            while True:  # a ranking that would never end: only the stop ends it
                time.sleep(0.01)
        return original(self, method)

    monkeypatch.setattr(Article, "scores", slow_scores)
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app = pilot.app
        before = app.article.briefing
        app.use_method("lex-rank")
        await _wait_for(lambda: started)
        # Over a second: the title bar says how long it has run and that esc stops it.
        await _wait_for(lambda: "esc stops" in app.status)
        assert app.status.startswith("lex-rank: ranking…")
        assert ("esc", "Cancel", "escape") in footer(app)
        await pilot.press("escape")
        await pilot.pause()
        await _wait_for(lambda: not background.busy())
        assert app.article.briefing is before and app.current_method() == "topic"
        assert app.status.startswith("topic ·")
        assert "Cancel" not in [label for _, label, _ in footer(app)]
    # The method stopped is not the one the next start uses.
    assert settings.load().settings.method in ("", "topic")


# --- smaller things -------------------------------------------------------------------------


async def test_counts_use_the_singular_for_one(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert len(pilot.app.article.document.sections) == 1
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BriefingScreen)
        shown = pilot.app.screen.query_one(BriefingView).plain_text(width=200)
        assert "· 1 section\n" in shown and "1 sections" not in shown


async def test_a_sentence_not_ranked_yet_shows_no_score(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        fresh = Article.from_document(pilot.app.article.document)
        bar = pilot.app.screen.query_one(SentenceBar)
        bar.show(fresh, 0)
        assert "not ranked yet" in str(bar.render()) and "score" not in str(bar.render())


async def test_scrolling_away_moves_the_focus_into_view(tmp_path):
    text = "\n\n".join(f"Paragraph {i} is about topic {i % 7} for a while. It has a second one." for i in range(80))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    app = make_app([str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        reader = app.screen.query_one(ReadingPane)
        await pilot.press("G")
        await pilot.pause()
        assert reader.cursor in reader.visible_sentences()
        assert str(app.screen.query_one(SentenceBar).render()).startswith(f"{reader.cursor + 1}/")
        await pilot.press("g")
        await pilot.pause()
        assert reader.cursor == 0


# --- settings -------------------------------------------------------------------------------


async def test_theme_method_and_length_are_remembered(own_settings):
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("t", "m", "plus")
        await ready(pilot)
        length = app.article.length
        method = app.article.method
    await _wait_for(lambda: settings.load().settings.length == length)
    saved = settings.load().settings
    assert saved.theme == "textual-light" and saved.method == method != "topic"
    again = make_app([str(SAMPLE)])
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert again.theme == "textual-light" and not again.current_theme.dark
        assert again.article.method == method and again.article.length == length
    # A method given on the command line wins over the setting.
    given = make_app([str(SAMPLE)], method="text-rank")
    async with given.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert given.article.method == "text-rank"


async def test_a_corrupt_config_is_a_notice_and_the_defaults(own_settings):
    own_settings.write_text('theme = "textual-light\nmethod = [', encoding="utf-8")
    broken = own_settings.read_bytes()
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert any("not valid TOML" in m and "defaults" in m for m in notices(app))
        assert app.article.method == "topic" and app.current_theme.dark
        # A change of setting does not write over the file the user has to fix.
        await pilot.press("t")
        await ready(pilot)
    assert own_settings.read_bytes() == broken


async def test_an_unreadable_config_is_a_notice(own_settings):
    own_settings.mkdir()  # a folder where the file should be: reading it fails
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert any("cannot be read" in m for m in notices(app))
        assert app.article is not None


async def test_wrong_values_are_named_and_the_rest_is_used(own_settings):
    own_settings.write_text(
        'theme = "no-such-theme"\nmethod = "lex-rank"\nlength = -3\nsections = "yes"\ncolour = 1\n'
        '[keys]\nnonsense = "x"\n',
        encoding="utf-8",
    )
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        said = " ".join(notices(app))
        for wanted in ("no-such-theme", "length", "sections", "colour", "nonsense"):
            assert wanted in said, wanted
        assert app.article.method == "lex-rank"


async def test_keys_are_rebound_by_binding_id(own_settings):
    own_settings.write_text('[keys]\nquit = "x"\n"sections.toggle" = "ctrl+n"\n', encoding="utf-8")
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert footer(app)[-1][:2] == ("x", "Quit")
        assert any(line.split()[:2] == ["x", "quit"] for line in help_text(app).splitlines())
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not app.screen.query_one("#side").display
        await pilot.press("q")  # no longer quits
        await pilot.pause()
        assert app.is_running
        await pilot.press("x")
        await pilot.pause()
    assert app.return_code == 0


def test_settings_round_trip_and_are_written_atomically(tmp_path):
    path = tmp_path / "deeper" / "config.toml"
    wanted = settings.Settings(theme="nord", method="lead", length=7, sections=False, keys={"length.longer": "L"})
    settings.save(wanted, path)
    assert settings.load(path) == settings.Loaded(wanted)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".briefer-tmp")]


def test_config_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFER_CONFIG", str(tmp_path / "mine.toml"))
    assert settings.config_path() == tmp_path / "mine.toml"
    monkeypatch.delenv("BRIEFER_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert settings.config_path() == tmp_path / "xdg" / "briefer" / "config.toml"


def test_the_readme_lists_every_binding_id():
    import re

    from briefer.tui.keys import binding_ids

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = readme[readme.index("Binding ids:") :].split("\n\n")[0]
    assert set(re.findall(r"`([a-z.-]+)`", listed)) == binding_ids()


# --- the first frame and long texts -----------------------------------------------------------


def held_load(monkeypatch):
    """Reading an input waits for the returned event: the test sees the app while it opens."""
    import threading

    import briefer

    gate = threading.Event()
    real = briefer.load

    def load(*args, **kwargs):
        while not gate.wait(0.01):  # a Python loop, so that Esc's stop can end it
            pass
        return real(*args, **kwargs)

    monkeypatch.setattr(briefer, "load", load)
    return gate


async def test_the_first_frame_shows_the_text_before_it_is_analysed(monkeypatch):
    from briefer.tui.reading_pane import ParagraphView

    gate = held_load(monkeypatch)
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        preview = [str(w.render()) for w in app.screen.query(".-preview")]
        assert preview and preview[0].startswith("China and Tajikistan advanced")
        assert app.article is None and "opening" in app.status
        # The keys answer meanwhile.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("j")
        gate.set()
        await ready(pilot)
        assert app.article is not None and not app.screen.query(".-preview")
        assert app.screen.query(ParagraphView)


async def test_escape_stops_an_opening(monkeypatch):
    held_load(monkeypatch)  # never released: only Esc ends it
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for(lambda: "esc stops" in app.status)
        await pilot.press("escape")
        await pilot.pause()
        await _wait_for(lambda: not background.busy())
        shown = str(app.screen.query_one(".problem").render())
        assert shown.startswith("Stopped opening") and app.article is None


def test_only_plain_text_is_shown_before_it_is_read(tmp_path):
    from briefer.tui.inputs import plain_text_start

    (tmp_path / "a.txt").write_text("Plain words here.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Markup</p>", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"bin\x00ary")
    assert plain_text_start(str(tmp_path / "a.txt"), None) == "Plain words here."
    assert plain_text_start(str(tmp_path / "a.txt"), None, "html") is None
    assert plain_text_start(str(tmp_path / "b.html"), None) is None
    assert plain_text_start(str(tmp_path / "c.txt"), None) is None
    assert plain_text_start(str(tmp_path / "missing.txt"), None) is None
    assert plain_text_start("https://example.org/a.txt", None) is None
    assert plain_text_start("-", b'{"id": 1, "text": "a record"}') is None
    assert plain_text_start("-", b"Piped text.") == "Piped text."


async def test_a_long_text_is_laid_out_as_it_is_read(tmp_path):
    from briefer.tui import lazy_layout as reading_pane
    from briefer.tui.reading_pane import ParagraphView

    count = 15 * reading_pane.BATCH_WIDGETS
    text = "\n\n".join(f"Paragraph {i} is about topic {i % 9} today. It says a little more." for i in range(count))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    app = make_app([str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        reader = app.screen.query_one(ReadingPane)
        await reader.show_article(app.article)
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The first screens only: nothing far below the view is mounted, even left alone.
        first = len(reader.query(ParagraphView))
        assert 0 in reader.visible_sentences() and first < reading_pane.BATCH_WIDGETS
        assert not reader.fully_laid_out()
        # Paging down mounts more before the view reaches the end of what is mounted.
        for _ in range(10):
            await pilot.press("space")
        await app.workers.wait_for_complete()
        await pilot.pause()
        paged = len(reader.query(ParagraphView))
        assert first < paged < count
        assert reader.scroll_y < reader.max_scroll_y
        # A jump far past it (the end) mounts the last paragraphs, not everything between.
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not reader.fully_laid_out()
        assert len(reader.query(ParagraphView)) < count
        assert reader.scroll_y == reader.max_scroll_y
        assert app.article.sentences[reader.cursor].paragraph >= count - 10
        # Scrolling up from there mounts what is above, and the view moves up the text.
        last_top = min(reader.visible_sentences())
        for _ in range(8):
            await pilot.press("b")
            await app.workers.wait_for_complete()
            await pilot.pause()
            top = min(reader.visible_sentences())
            assert top < last_top
            last_top = top
        # And back to the start.
        await pilot.press("g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert reader.scroll_y == 0 and 0 in reader.visible_sentences()


async def test_a_sentence_not_laid_out_yet_is_shown_when_the_cursor_goes_there(tmp_path):
    from briefer.tui import lazy_layout as reading_pane

    count = 8 * reading_pane.BATCH_WIDGETS
    text = "\n\n".join(f"Paragraph {i} is about topic {i % 9} today. It says a little more." for i in range(count))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    app = make_app([str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        reader = app.screen.query_one(ReadingPane)
        target = next(s.index for s in app.article.sentences if s.paragraph == count - 5)
        reader.cursor = target
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target in reader.visible_sentences()
