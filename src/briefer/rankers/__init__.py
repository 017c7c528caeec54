"""Rankers: one interface, many methods. Each gives every sentence a score."""

from __future__ import annotations

from .base import Ranker, RankerInfo, available, check_length, fits, get_ranker, method_names, sentence_limit

__all__ = [
    "Ranker",
    "RankerInfo",
    "available",
    "check_length",
    "fits",
    "get_ranker",
    "method_names",
    "sentence_limit",
]
