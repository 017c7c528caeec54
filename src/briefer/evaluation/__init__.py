"""Measuring briefings against human summaries: ROUGE, the oracle ceiling, dangling openings.

Used by the ``brief-eval`` command and the quality benchmark; nothing here is on the path of
``brief`` itself, so rouge-score and NLTK load only when an evaluation runs.
"""

from __future__ import annotations

from .data import Record, read_records
from .runner import MethodResult, evaluate

__all__ = ["MethodResult", "Record", "evaluate", "read_records"]
