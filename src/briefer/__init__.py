"""briefer: offline extractive briefings that quote their source, grouped by topic.

    >>> import briefer
    >>> b = briefer.summarize(text, sentences=3)
    >>> [(p.text, p.start, p.end) for p in b.key_points]

Names are loaded on first use so that ``brief --help`` stays instant.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Briefing": "model",
    "Document": "model",
    "KeyPoint": "model",
    "Section": "model",
    "Sentence": "model",
    "Topic": "model",
    "Budget": "briefing",
    "brief": "briefing",
    "build_document": "document",
    "analyze": "topics",
    "load": "pipeline",
    "summarize": "pipeline",
    "sample_path": "pipeline",
    "render": "render",
    "to_dict": "render",
    "method_names": "rankers",
    "BrieferError": "errors",
    "InputError": "errors",
    "UsageError": "errors",
    "OutputError": "errors",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefer' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
