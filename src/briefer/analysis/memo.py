"""What is derived from one analysis, kept for the next call on the same analysis.

A reader or a benchmark briefs one document many times (each focus query, each length), and
some arrays depend on the analysis alone: a term index, the unquotable sentences, a
transcript's stance weights. Only the last analysis is kept, so nothing grows with a batch.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from .topics import Analysis

T = TypeVar("T")


def remember_last(build: Callable[..., T]) -> Callable[..., T]:
    """``build(analysis, *args)``, computed again only when called with another analysis (by
    identity) or other arguments.

    The remembered value is one tuple, read once and replaced whole, so that a reader's worker
    thread briefing another document meanwhile never pairs this analysis with that one's value.
    """
    last: tuple[Analysis, tuple[Any, ...], T] | None = None

    @functools.wraps(build)
    def remembered(analysis: Analysis, *args: Any) -> T:
        nonlocal last
        seen = last
        if seen is not None and seen[0] is analysis and seen[1] == args:
            return seen[2]
        value = build(analysis, *args)
        last = (analysis, args, value)
        return value

    return remembered
