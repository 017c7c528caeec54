"""Rankers: one interface, many methods. Each gives every sentence a score."""

from __future__ import annotations

from .base import Ranker, RankerInfo, available, check_length, get_ranker, method_names

__all__ = ["Ranker", "RankerInfo", "available", "check_length", "get_ranker", "method_names"]
