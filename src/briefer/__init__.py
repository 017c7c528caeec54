"""briefer: offline extractive briefings that quote their source, grouped by topic.

    >>> import briefer
    >>> b = briefer.summarize(text, sentences=3)
    >>> [(p.text, p.start, p.end) for p in b.key_points]

This module is the public API: the command line, the reader and the evaluation use these
names and nothing deeper. Names are loaded on first use so that ``brief --help`` stays instant.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    # the data passed around
    "Briefing": "model",
    "Document": "model",
    "KeyPoint": "model",
    "Mention": "model",
    "Section": "model",
    "Sentence": "model",
    "Topic": "model",
    "count_words": "model",
    "BrieferError": "errors",
    "InputError": "errors",
    "UsageError": "errors",
    "OutputError": "errors",
    # inputs: bytes to documents
    "LoadOptions": "pipeline",
    "load": "pipeline",
    "load_all": "pipeline",
    "summarize": "pipeline",
    "sample_path": "pipeline",
    "build_document": "sources.document",
    "expand_folders": "sources.raw",
    "open_input": "sources.raw",
    "numbered_lines": "sources.records",
    "parse_record": "sources.records",
    "record_document": "sources.records",
    "record_id": "sources.records",
    "feed_list": "sources.feeds",
    # languages
    "AUTO": "language.catalogue",
    "get_language": "language.catalogue",
    "supported_languages": "language.catalogue",
    "sentence_spans": "language.sentences",
    "dateline_length": "language.openings",
    "is_dangling": "language.openings",
    "is_fragment": "language.fragments",
    "is_junk_term": "analysis.labels",
    # analysis and ranking
    "Analysis": "analysis",
    "analyze": "analysis",
    "analyzer_for": "analysis",
    "RankerInfo": "rankers",
    "method_names": "rankers",
    "methods": "rankers",
    "method_info": "rankers",
    "rank": "rankers",
    "check_length": "rankers",
    "fits": "rankers",
    "sentence_limit": "rankers",
    # briefings
    "Budget": "briefing",
    "brief": "briefing",
    "brief_many": "briefing",
    "combine": "briefing",
    "word_overlap": "briefing",
    "Story": "briefing",
    "group_stories": "briefing",
    "brief_stories": "briefing",
    "story_vectors": "briefing",
    # output
    "render": "rendering",
    "to_dict": "rendering",
    "dumps": "rendering",
    "write_atomic": "output",
    # what has been briefed before
    "History": "history",
    "article_key": "history",
    "AtomicFile": "output",
    # worker processes
    "die_with_parent": "processes",
}

__all__ = [
    "AUTO",
    "Analysis",
    "AtomicFile",
    "BrieferError",
    "Briefing",
    "Budget",
    "Document",
    "History",
    "InputError",
    "KeyPoint",
    "LoadOptions",
    "Mention",
    "OutputError",
    "RankerInfo",
    "Section",
    "Sentence",
    "Story",
    "Topic",
    "UsageError",
    "__version__",
    "analyze",
    "analyzer_for",
    "article_key",
    "brief",
    "brief_many",
    "brief_stories",
    "build_document",
    "check_length",
    "combine",
    "count_words",
    "dateline_length",
    "die_with_parent",
    "dumps",
    "expand_folders",
    "feed_list",
    "fits",
    "get_language",
    "group_stories",
    "is_dangling",
    "is_fragment",
    "is_junk_term",
    "load",
    "load_all",
    "method_info",
    "method_names",
    "methods",
    "numbered_lines",
    "open_input",
    "parse_record",
    "rank",
    "record_document",
    "record_id",
    "render",
    "sample_path",
    "sentence_limit",
    "sentence_spans",
    "story_vectors",
    "summarize",
    "supported_languages",
    "to_dict",
    "word_overlap",
    "write_atomic",
]

if TYPE_CHECKING:
    from .analysis import Analysis, analyze, analyzer_for
    from .analysis.labels import is_junk_term
    from .briefing import (
        Budget,
        Story,
        brief,
        brief_many,
        brief_stories,
        combine,
        group_stories,
        story_vectors,
        word_overlap,
    )
    from .errors import BrieferError, InputError, OutputError, UsageError
    from .history import History, article_key
    from .language.catalogue import AUTO, get_language, supported_languages
    from .language.fragments import is_fragment
    from .language.openings import dateline_length, is_dangling
    from .language.sentences import sentence_spans
    from .model import Briefing, Document, KeyPoint, Mention, Section, Sentence, Topic, count_words
    from .output import AtomicFile, write_atomic
    from .pipeline import LoadOptions, load, load_all, sample_path, summarize
    from .processes import die_with_parent
    from .rankers import RankerInfo, check_length, fits, method_info, method_names, methods, rank, sentence_limit
    from .rendering import dumps, render, to_dict
    from .sources.document import build_document
    from .sources.feeds import feed_list
    from .sources.raw import expand_folders, open_input
    from .sources.records import numbered_lines, parse_record, record_document, record_id


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefer' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
