"""Rankers: one interface, many methods, one registry. Each gives every sentence a score."""

from __future__ import annotations

from .base import (
    Ranker,
    RankerInfo,
    check_length,
    fits,
    get_ranker,
    method_info,
    method_names,
    methods,
    rank,
    sentence_limit,
)

__all__ = [
    "Ranker",
    "RankerInfo",
    "check_length",
    "fits",
    "get_ranker",
    "method_info",
    "method_names",
    "methods",
    "rank",
    "sentence_limit",
]
