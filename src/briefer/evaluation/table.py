"""The evaluation's figures as a Markdown table or as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .runner import MethodResult


def as_table(results: Sequence[MethodResult], meta: dict) -> str:
    if meta.get("multi"):
        return _multi_table(results, meta)
    lines = _head(
        meta,
        f"documents from record {meta['offset']}, {meta['sentences']} sentences a summary",
        ["R-1", "R-2", "R-Lsum", "dangling %", "fragment %", "label fit", "junk label terms %", "words", "seconds"],
    )
    for result in results:
        d = result.as_dict()
        fit = "-" if result.method == "oracle" else f"{d['label_fit_percent']:.1f}"
        junk = "-" if result.method == "oracle" else f"{d['junk_label_terms_percent']:.1f}"
        lines.append(
            f"| {d['method']} | {d['rouge1']:.2f} | {d['rouge2']:.2f} | {d['rougeLsum']:.2f} | "
            f"{d['dangling_percent']:.1f} | {d['fragment_percent']:.1f} | {fit} | {junk} | "
            f"{d['mean_words']:.1f} | {d['seconds']:.1f} |"
        )
    failed = [f"{r.method} {r.failures}" for r in results if r.failures]
    if failed:
        lines += ["", "could not brief (scored as empty): " + ", ".join(failed)]
    lines += _limited(results)
    if meta.get("cached"):
        lines += ["", f"sumy rankings read from the cache: {meta['cached']} (their seconds are the reading)"]
    return "\n".join(lines) + "\n"


def _limited(results: Sequence[MethodResult]) -> list[str]:
    """A line for each method left out of records over its length limit, with the default
    method's figures over the same records beside it (the fair comparison)."""
    lines: list[str] = []
    default = next((r for r in results if r.method == "topic"), None)
    for result in results:
        if not result.over_limit:
            continue
        line = (
            f"{result.method}: left out of {result.over_limit} records over its sentence limit; "
            f"its figures are over the other {result.documents}"
        )
        if default is not None and result.documents:
            same = [f"{default.mean(m, result.records):.2f}" for m in ("r1", "r2", "rlsum")]
            line += f", where topic scores {' / '.join(same)}"
        lines += ["", line]
    return lines


def _multi_table(results: Sequence[MethodResult], meta: dict) -> str:
    lines = _head(
        meta,
        f"clusters from record {meta['offset']}, at most {meta['words']} words a summary",
        ["R-1", "R-2", "R-Lsum", "repeated %", "words", "seconds"],
    )
    for result in results:
        d = result.as_dict()
        lines.append(
            f"| {d['method']} ({d['how']}) | {d['rouge1']:.2f} | {d['rouge2']:.2f} | {d['rougeLsum']:.2f} | "
            f"{d['repeated_percent']:.2f} | {d['mean_words']:.1f} | {d['seconds']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def _head(meta: dict, what: str, columns: list[str]) -> list[str]:
    """The set's line (how many of what, and any skipped) and the table's header rows."""
    skipped = f" ({meta['skipped']} without sentences skipped)" if meta.get("skipped") else ""
    return [
        f"{meta['dataset']}: {meta['documents']} {what}{skipped}",
        "",
        "| method | " + " | ".join(columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]


def as_json(results: Sequence[MethodResult], meta: dict) -> str:
    return json.dumps({**meta, "results": [r.as_dict() for r in results]}, indent=2) + "\n"
