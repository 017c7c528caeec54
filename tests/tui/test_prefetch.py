"""The first input read in a child process while the reader starts (prefetch.py): the same
article as read in the reader itself, drawn without numpy, and no process left behind."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from functools import partial

import pytest

from briefer.tui.launch import _sources, make_app
from briefer.tui.prefetch import Prefetch, PrefetchFailed
from briefer.tui.session import Article, Problem, open_briefed, open_first

from .conftest import ROOT, SAMPLE, ready

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork")


def gone(pid: int) -> bool:
    """Whether no process (not even a zombie) has this id any more."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # Alive, or a zombie nobody collected: both are processes left behind.
    return False


def sample_source():
    specs, source_for = _sources([str(SAMPLE)], None, None)
    return source_for(specs[0])


def slow() -> int:
    time.sleep(60)
    return 1


def failing() -> int:
    raise RuntimeError("broken")


def test_result_comes_back_and_the_child_is_collected():
    prefetch = Prefetch.start(partial(sum, [1, 2, 3]))
    assert prefetch is not None
    pid = prefetch.pid
    assert prefetch.result() == 6
    # Collected when the reader is done with it (it may still be keeping its result).
    prefetch.stop()
    assert prefetch.pid == 0 and gone(pid)


def test_a_failing_child_says_so_instead_of_a_result():
    prefetch = Prefetch.start(failing)
    assert prefetch is not None
    with pytest.raises(PrefetchFailed):
        prefetch.result()
    with pytest.raises(PrefetchFailed):
        prefetch.result()  # asked again: still no result, never a hang


def test_stop_ends_a_working_child():
    prefetch = Prefetch.start(slow)
    assert prefetch is not None
    pid = prefetch.pid
    assert prefetch.running()
    prefetch.stop()
    assert not prefetch.running() and gone(pid)
    with pytest.raises(PrefetchFailed):
        prefetch.result()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_the_child_dies_with_the_reader(tmp_path):
    # A reader that dies without stopping its child (killed, crashed): the child goes with it.
    script = (
        "import os, sys, time\n"
        "from briefer.tui.prefetch import Prefetch\n"
        "p = Prefetch.start(lambda: time.sleep(60))\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(0.5)\n"
        "os._exit(0)\n"
    )
    out = _python(script)
    child = int(out.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and os.path.exists(f"/proc/{child}") and _state(child) != "Z":
        time.sleep(0.05)
    # Killed: gone, or a zombie of init's until it is collected, but no longer running.
    assert not os.path.exists(f"/proc/{child}") or _state(child) == "Z"


def _python(script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter that imports this checkout's briefer."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def test_the_article_handed_over_is_the_one_read_here():
    source = sample_source()
    prefetch = Prefetch.start(partial(open_first, source.name, source.load, "topic", 0, False))
    assert prefetch is not None
    article, problem = prefetch.result()
    here = open_briefed(source.name, source.load, None, "topic", 0)
    assert problem == "" and isinstance(article, Article) and isinstance(here, Article)
    assert article.briefing == here.briefing
    assert article.document == here.document
    assert [article.sentence_info(i) for i in range(len(here.sentences))] == [
        here.sentence_info(i) for i in range(len(here.sentences))
    ]
    assert article.topic_shares() == here.topic_shares()
    # The analysis comes whole, on the article's own document, when first needed.
    assert article.analysis.document is article.document
    assert article.make_briefing("topic", 3) == here.make_briefing("topic", 3)
    assert article.scores("lex-rank") == here.scores("lex-rank")


def test_a_method_named_in_the_settings_is_checked_by_the_child():
    source = sample_source()
    article, problem = open_first(source.name, source.load, "no-such-method", 0, True)
    assert "no-such-method" in problem and isinstance(article, Article) and article.method == "topic"


def test_the_handed_over_article_is_drawn_without_numpy(tmp_path):
    source = sample_source()
    found, _ = open_first(source.name, source.load, "topic", 0, False)
    path = tmp_path / "article.pickle"
    path.write_bytes(pickle.dumps(found))
    script = (
        "import pickle, sys\n"
        f"article = pickle.loads(open({str(path)!r}, 'rb').read())\n"
        "info = article.sentence_info(0); shares = article.topic_shares(); keys = article.key_sentences\n"
        "print('numpy' in sys.modules, info.key, len(shares) > 0, len(keys))\n"
        "article.analysis\n"
        "print('numpy' in sys.modules)\n"
    )
    out = _python(script)
    first, second = out.stdout.splitlines()
    assert first == f"False True True {len(found.key_sentences)}"
    assert second == "True"


async def test_the_reader_shows_what_the_child_read(tmp_path):
    calls: list[str] = []
    source = sample_source()

    def load():
        calls.append("here")  # in the child, this list is the child's copy
        return source.load()

    prefetch = Prefetch.start(partial(open_first, source.name, load, "topic", 0, False))
    app = make_app([str(SAMPLE)])
    app.prefetch = prefetch
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        here = open_briefed(source.name, source.load, None, "topic", 0)
        assert isinstance(here, Article) and app.article is not None
        assert app.article.briefing == here.briefing
        # Not read in the reader: the child did it.
        assert calls == [] and app.prefetch is None
        await pilot.press("plus")
        await ready(pilot)
        assert len(app.article.briefing.key_points) == len(here.briefing.key_points) + 1


async def test_the_reader_reads_the_input_itself_when_the_child_fails():
    app = make_app([str(SAMPLE)])
    app.prefetch = Prefetch.start(failing)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.article is not None and app.article.briefing is not None


async def test_esc_while_the_child_reads_ends_it():
    prefetch = Prefetch.start(slow)
    assert prefetch is not None
    pid = prefetch.pid
    app = make_app([str(SAMPLE)])
    app.prefetch = prefetch
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert prefetch.running()
        await pilot.press("escape")
        await pilot.pause(0.3)
        deadline = time.monotonic() + 5
        while not gone(pid) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert gone(pid) and app.article is None
        assert isinstance(app.loaded.get(0), (type(None), Problem))


def kept_entries() -> list:
    from briefer.tui.article_cache import SUFFIX, cache_dir

    return sorted(cache_dir().glob(f"*{SUFFIX}")) if cache_dir().exists() else []


def launch_prefetch(path):
    from briefer.tui import settings as config
    from briefer.tui.launch import _prefetch

    specs, source_for = _sources([str(path)], None, None)
    return _prefetch(source_for(specs[0]), None, 0, config.load())


def wait_for_entries(count: int) -> list:
    deadline = time.monotonic() + 20
    while len(kept_entries()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return kept_entries()


def test_an_article_opened_again_comes_from_the_cache(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    first = launch_prefetch(path)
    assert first is not None and first.pid != 0  # a child reads it
    made, _ = first.result()
    assert len(wait_for_entries(1)) == 1
    first.stop()
    again = launch_prefetch(path)
    assert again is not None and again.pid == 0  # no child: the kept article
    kept, problem = again.result()
    assert problem == "" and kept.briefing == made.briefing and kept.document == made.document
    assert kept.analysis.document is kept.document
    # Another text at the same place is another entry.
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("China", "Chile"), encoding="utf-8")
    changed = launch_prefetch(path)
    assert changed is not None and changed.pid != 0
    other, _ = changed.result()
    assert "Chile" in other.document.text
    assert len(wait_for_entries(2)) == 2
    changed.stop()


def test_an_unreadable_cache_entry_is_dropped_and_the_text_read_again(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    first = launch_prefetch(path)
    assert first is not None
    first.result()
    (entry,) = wait_for_entries(1)
    first.stop()
    entry.write_bytes(b"not a pickle")
    again = launch_prefetch(path)
    assert again is not None and again.pid == 0
    with pytest.raises(PrefetchFailed):
        again.result()
    assert not entry.exists()


def test_a_text_that_cannot_be_briefed_is_not_kept(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   \n", encoding="utf-8")
    prefetch = launch_prefetch(path)
    assert prefetch is not None
    found, _ = prefetch.result()
    assert isinstance(found, Problem)
    time.sleep(0.5)
    prefetch.stop()
    assert kept_entries() == []
