"""The stories of a large collection briefed in a pool of workers: the same stories as briefed
one by one, and the pool left out where it cannot help."""

from __future__ import annotations

import json
import multiprocessing
import signal
import sys
import threading

import pytest

from briefer import Budget, UsageError, brief_stories, build_document
from briefer.cli import parallel
from story_texts import CHESS, CHESS_2, FLOOD, FLOOD_2

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the pool forks its workers"
)


def _documents():
    texts = [FLOOD, CHESS, FLOOD_2, CHESS_2]
    return [build_document(" ".join(t), source=f"article{i}.txt") for i, t in enumerate(texts)]


def _summary(stories):
    return [(s.headline, s.sources, [(p.text, p.source, p.start) for p in s.briefing.key_points]) for s in stories]


def test_the_pool_briefs_the_same_stories_as_one_process(monkeypatch):
    # A server thread another test left idle would keep the pool out; none runs during the fork.
    monkeypatch.setattr(parallel, "_only_thread", lambda: True)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    monkeypatch.setattr(parallel, "POOL_MIN_ARTICLES", 2)
    documents = _documents()
    alone = brief_stories(documents, budget=Budget(sentences=2))
    with parallel.story_mapper(len(documents), 2) as map_each:
        assert map_each is not None
        pooled = brief_stories(documents, budget=Budget(sentences=2), map_each=map_each)
    assert _summary(pooled) == _summary(alone)


def test_an_error_in_a_worker_reaches_the_caller(monkeypatch):
    monkeypatch.setattr(parallel, "_only_thread", lambda: True)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    monkeypatch.setattr(parallel, "POOL_MIN_ARTICLES", 2)
    documents = _documents()
    with pytest.raises(UsageError, match="unknown method"), parallel.story_mapper(len(documents), 2) as map_each:
        assert map_each is not None
        brief_stories(documents, method="no-such-method", map_each=map_each)


@pytest.mark.parametrize(("jobs", "articles", "threads"), [(1, 40, False), (2, 3, False), (2, 40, True)])
def test_no_pool_for_one_core_a_few_articles_or_while_another_thread_runs(monkeypatch, jobs, articles, threads):
    monkeypatch.setattr(parallel, "default_jobs", lambda: jobs)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    if threads:
        other.start()
    try:
        with parallel.story_mapper(articles, 10) as map_each:
            assert map_each is None
    finally:
        stop.set()


def test_the_command_briefs_a_large_folder_as_the_library_does(run_brief, tmp_path):
    # Three copies of each article, told apart by a line of their own: twelve sources, the
    # size at which the command uses its pool on a machine of two cores or more.
    texts = {}
    for copy in range(3):
        for name, sentences in {"flood": FLOOD, "chess": CHESS, "flood2": FLOOD_2, "chess2": CHESS_2}.items():
            texts[f"{name}-{copy}.txt"] = " ".join(sentences) + f"\n\nFiled from desk {copy + 1}."
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    result = run_brief(str(tmp_path), "-f", "json", "-n", "2", "--no-history")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    names = sorted(texts)
    documents = [build_document(texts[n], source=str(tmp_path / n)) for n in names]
    expected = brief_stories(documents, budget=Budget(sentences=2))
    assert len(data["stories"]) == len(expected) == 2
    for got, story in zip(data["stories"], expected, strict=True):
        assert got["headline"] == story.headline
        assert [p["text"] for p in got["key_points"]] == [p.text for p in story.briefing.key_points]


def _death_signal(_: object) -> int:
    import ctypes

    value = ctypes.c_int(0)
    ctypes.CDLL(None, use_errno=True).prctl(2, ctypes.byref(value), 0, 0, 0)  # PR_GET_PDEATHSIG
    return value.value


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_pool_workers_die_with_their_parent(monkeypatch):
    # A parent killed outright (SIGKILL) cannot end its pool: the kernel must, for each worker.
    monkeypatch.setattr(parallel, "_only_thread", lambda: True)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    monkeypatch.setattr(parallel, "POOL_MIN_ARTICLES", 2)
    with parallel.story_mapper(4, 2) as map_each:
        assert map_each is not None
        assert set(map_each(_death_signal, [0, 1, 2, 3])) == {signal.SIGKILL}
