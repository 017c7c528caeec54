"""How each screen looks, at 80x24 and 120x40 (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from textual.widgets import Input

from briefer.tui.launch import make_app

from .conftest import SAMPLE, ready

# Baselines are pictures drawn by one Textual release; another draws some things differently.
BASELINE_TEXTUAL = "8.2.8"
pytestmark = pytest.mark.skipif(
    version("textual") != BASELINE_TEXTUAL,
    reason=f"snapshot baselines were made with textual {BASELINE_TEXTUAL}, not {version('textual')}",
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def sample():
    return make_app([str(SAMPLE)])


def steady(pilot) -> None:
    """A blinking cursor would make the picture depend on the moment it is taken."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def after(*keys: str, theme: str | None = None):
    async def run_before(pilot) -> None:
        if theme:
            pilot.app.theme = theme
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await ready(pilot)
        steady(pilot)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_reader(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after())


@pytest.mark.parametrize("size", SIZES)
def test_reader_focused_sentence_and_search(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after(")", ")", "/", "w", "a", "n", "g", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_reader_light_theme(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after(theme="textual-light"))


@pytest.mark.parametrize("size", SIZES)
def test_reader_headed_sections(snap_compare, size, headed):
    assert snap_compare(make_app([str(headed)]), terminal_size=size, run_before=after("n"))


@pytest.mark.parametrize("size", SIZES)
def test_briefing(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after("s"))


@pytest.mark.parametrize("size", SIZES)
def test_briefing_longer_lead(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after("s", "plus", "plus", "m"))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_save_dialog(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after("w"))


@pytest.mark.parametrize("size", SIZES)
def test_method_picker(snap_compare, size):
    assert snap_compare(sample(), terminal_size=size, run_before=after("M"))


@pytest.mark.parametrize("size", SIZES)
def test_problem(snap_compare, size):
    # A relative name, so that the message on the screen is the same on every machine.
    app = make_app(["no-such-article.txt"])

    async def run_before(pilot) -> None:
        await ready(pilot)
        # Toasts come and go with time; the message in the pane is what is compared.
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def cluster_app(paths, *extra):
    return make_app([str(p) for p in paths] + [str(e) for e in extra])


@pytest.mark.parametrize("size", SIZES)
def test_multi_reader(snap_compare, size, cluster):
    assert snap_compare(cluster_app(cluster), terminal_size=size, run_before=after("f"))


@pytest.mark.parametrize("size", SIZES)
def test_multi_reader_missing_input(snap_compare, size, cluster, tmp_path):
    async def run_before(pilot) -> None:
        await after()(pilot)
        # The notice names the temporary folder, which differs on every run; the list says it too.
        pilot.app.clear_notifications()
        await pilot.pause()

    app = cluster_app(cluster[:2], tmp_path / "missing.txt", cluster[2])
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_multi_briefing(snap_compare, size, cluster):
    assert snap_compare(cluster_app(cluster), terminal_size=size, run_before=after("s"))
