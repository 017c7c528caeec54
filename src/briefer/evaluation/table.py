"""The evaluation's figures as a Markdown table or as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .runner import MethodResult


def as_table(results: Sequence[MethodResult], meta: dict) -> str:
    if meta.get("multi"):
        return _multi_table(results, meta)
    lines = [
        f"{meta['dataset']}: {meta['documents']} documents from record {meta['offset']}, "
        f"{meta['sentences']} sentences a summary"
        + (f" ({meta['skipped']} without sentences skipped)" if meta.get("skipped") else ""),
        "",
        "| method | R-1 | R-2 | R-Lsum | dangling % | fragment % | label fit | junk label terms % | words | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
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
    return "\n".join(lines) + "\n"


def _multi_table(results: Sequence[MethodResult], meta: dict) -> str:
    lines = [
        f"{meta['dataset']}: {meta['documents']} clusters from record {meta['offset']}, "
        f"at most {meta['words']} words a summary"
        + (f" ({meta['skipped']} without sentences skipped)" if meta.get("skipped") else ""),
        "",
        "| method | R-1 | R-2 | R-Lsum | repeated % | words | seconds |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        d = result.as_dict()
        lines.append(
            f"| {d['method']} ({d['how']}) | {d['rouge1']:.2f} | {d['rouge2']:.2f} | {d['rougeLsum']:.2f} | "
            f"{d['repeated_percent']:.2f} | {d['mean_words']:.1f} | {d['seconds']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def as_json(results: Sequence[MethodResult], meta: dict) -> str:
    return json.dumps({**meta, "results": [r.as_dict() for r in results]}, indent=2) + "\n"
