"""The stories of a large collection briefed on every core: each story's briefing is its own.

A pool of forked workers inherits the loaded library, so it starts in milliseconds; the stories
go to them largest first, one at a time, and come back in order. Below a size where the pool's
start costs more than it saves, where only one core is free, where fork is not the way
processes start, or while another thread runs (a fork copies only the calling thread, and a
lock another holds would stay held in the child), the stories are briefed here, one by one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .. import die_with_parent
from .batch import default_jobs

# Articles below which the stories are briefed in this process. 100 Multi-News articles
# (40 stories) took 0.6 of the time with 2 workers on 2 cores; a pool's start is some 20 ms.
POOL_MIN_ARTICLES = 12

Mapper = Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]


@contextlib.contextmanager
def story_mapper(articles: int, stories: int) -> Iterator[Mapper | None]:
    """A ``map_each`` for :func:`briefer.brief_stories` over a pool, or None to brief in this process."""
    jobs = min(default_jobs(), stories)
    usable = "fork" in multiprocessing.get_all_start_methods() and _only_thread()
    if jobs < 2 or articles < POOL_MIN_ARTICLES or not usable:
        yield None
        return
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_signals)
    try:

        def mapped(function: Callable[[Any], Any], items: list[Any]) -> Iterable[Any]:
            return pool.imap(function, items, chunksize=1)

        yield mapped
        pool.close()
        pool.join()
    finally:
        # An error or Ctrl-C in the parent: the workers go with it, at once.
        pool.terminate()


def _only_thread() -> bool:
    return threading.active_count() == 1


def _worker_signals() -> None:
    # Ctrl-C and a SIGTERM to the process group reach every worker: only the parent acts on
    # them (it says so in one line and ends the pool). A worker forked with the parent's
    # SIGTERM handler would raise in the middle of a story and print a traceback; it just ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()  # a parent killed outright (SIGKILL) leaves no worker behind
