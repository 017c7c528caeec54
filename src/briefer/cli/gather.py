"""Several sources at once: files, folders, feeds and OPML lists into one briefing or into stories.

What cannot be read is said on standard error and named in the briefing's notes; the rest is
briefed. With several stories among the sources, each is briefed on its own (``--new``:
only those with an article not briefed before). Articles of a collection are remembered in
the history unless ``--no-history`` is given.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .. import InputError, UsageError

if TYPE_CHECKING:
    from .. import Budget, Document, History, LoadOptions


def load_inputs(inputs: list[str], options: LoadOptions, args: argparse.Namespace) -> tuple[list[Document], list[str]]:
    """Every document of every input (a feed gives one an article) and a line for each failure."""
    from .. import load_all
    from .brief import report_error

    documents: list[Document] = []
    failures: list[str] = []
    for spec in inputs:
        try:
            found, notices = load_all(spec, options, max_articles=args.max_articles, progress=_progress())
        except InputError as error:
            report_error(error.message)
            failures.append(error.message)
            continue
        documents.extend(found)
        for notice in notices:
            report_error(notice)
    _progress_done()
    return documents, failures


def feed_inputs(args: argparse.Namespace) -> list[str]:
    """The feed addresses of ``--feeds FILE``: one URL a line."""
    if args.feeds is None:
        return []
    from .. import feed_list

    return feed_list(args.feeds)


def brief_collection(documents: list[Document], failures: list[str], args: argparse.Namespace, budget: Budget) -> str:
    """One briefing of several sources, or one a story; what could not be read is in the notes."""
    if not documents:
        raise InputError("none of the inputs could be read")
    history = _history(args, len(documents))
    out = _briefed(documents, failures, args, budget, history)
    _remember(history, documents)
    return out


def _briefed(
    documents: list[Document], failures: list[str], args: argparse.Namespace, budget: Budget, history: History | None
) -> str:
    from .. import brief_many, brief_stories, group_stories, story_vectors
    from .brief import render_briefing, terminal_style

    notes = tuple(f"not included: {message}" for message in failures)
    vectors = None
    if args.focus is not None or args.topic is not None or len(documents) < 2:
        groups = [list(range(len(documents)))]
    else:
        # Made once: the grouping and the stories' headlines both need them.
        vectors = story_vectors(documents)
        groups = group_stories(documents, vectors=vectors)
    if args.new:
        groups, notes = _only_new(groups, documents, history, notes)
        if not groups:
            return "".join(f"{note}\n" for note in notes) or "nothing new\n"
    if len(groups) > 1:
        from ..render_stories import render_stories
        from .parallel import story_mapper

        with story_mapper(sum(len(g) for g in groups), len(groups)) as map_each:
            stories = brief_stories(
                documents,
                method=args.method,
                budget=budget,
                order=args.order,
                groups=groups,
                vectors=vectors,
                map_each=map_each,
            )
        return render_stories(stories, documents, args.format, notes=notes, width=terminal_style(args)[1])
    members = [documents[i] for i in groups[0]]
    subject = {"focus": args.focus, "topic": args.topic}
    briefing = brief_many(members, method=args.method, budget=budget, order=args.order, notes=notes, **subject)
    return render_briefing(briefing, args)


def check(args: argparse.Namespace) -> None:
    """The option combinations a collection refuses."""
    if args.new and args.no_history:
        raise UsageError("--new compares with the history: it cannot go with --no-history")
    if args.max_articles is not None and args.max_articles < 1:
        raise UsageError("--max-articles must be at least 1")


def _history(args: argparse.Namespace, count: int) -> History | None:
    if args.no_history or (count < 2 and not args.new):
        return None
    from .. import History

    return History()


def _only_new(
    groups: list[list[int]], documents: list[Document], history: History | None, notes: tuple[str, ...]
) -> tuple[list[list[int]], tuple[str, ...]]:
    from .. import article_key

    assert history is not None
    seen = history.seen(article_key(d) for d in documents)
    fresh = [g for g in groups if any(article_key(documents[i]) not in seen for i in g)]
    skipped = len(groups) - len(fresh)
    notes = (*notes, *history.notices)
    if skipped:
        story = "story" if skipped == 1 else "stories"
        notes = (*notes, f"{skipped} {story} left out: every article briefed before")
    if not fresh:
        notes = (*notes, "nothing new since the last briefing")
    return fresh, notes


def _remember(history: History | None, documents: list[Document]) -> None:
    if history is None:
        return
    from .. import article_key
    from .brief import report_error

    history.record(article_key(d) for d in documents)
    for notice in history.notices:
        report_error(notice)
    history.notices.clear()
    history.close()


def _progress():
    if sys.stderr is None or not sys.stderr.isatty():
        return None

    def show(message: str) -> None:
        sys.stderr.write("\r\x1b[2K" + message[:100])
        sys.stderr.flush()

    return show


def _progress_done() -> None:
    if sys.stderr is not None and sys.stderr.isatty():
        sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()
