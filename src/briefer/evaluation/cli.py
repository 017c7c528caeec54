"""`brief-eval`: score briefer's methods, sumy's, the lead and the oracle on a JSON Lines set."""

from __future__ import annotations

import argparse
import sys

from .. import UsageError
from ..cli.command import UsageParser
from ..errors import EXIT_OK

EPILOG = """\
input: JSON Lines, one object a line: "id", "text" and a reference — "highlights" (one
summary as a list of sentences), "summaries" (several summaries: scores are averaged over
them) or "summary" (one string). Methods see only "text". A transcript's key point is scored as shown: "Speaker: words".

figures: ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 in percent (rouge-score, Porter-stemmed);
dangling = share of summaries whose first sentence opens with a pronoun or connective
("He", "This", "However", ...) after any dateline; fragment % = share of key points that
are no whole sentence (three words or fewer, a lower-case start after any enumerator or quote
mark, mostly capitals, or no closing . ! ? …; ; and : allowed for list items); label fit =
share of key points whose topic label shares a word stem with them; junk label terms % =
share of the shown labels' words and key terms that are numbers, section markers (SEC),
one or two letters, or all-capital abbreviations; seconds = time spent in briefer's
brief() for that method (topic analysis included), or in the greedy oracle search.

exit codes: 0 ok, 2 usage, 3 unreadable or malformed set, 4 output error, 130/143 interrupted.

example:
  brief-eval cnndm.jsonl --methods topic,lead,lex-rank,oracle -n 3 --limit 500
"""


def build_parser() -> argparse.ArgumentParser:
    parser = UsageParser(
        prog="brief-eval",
        description="Compare summarization methods on a set of texts with human summaries (ROUGE).",
        epilog=EPILOG,
    )
    parser.add_argument("dataset", metavar="FILE", help="JSON Lines evaluation set")
    parser.add_argument("--methods", metavar="LIST", help="comma-separated methods (default: all, and oracle)")
    parser.add_argument("-n", "--sentences", type=int, default=3, metavar="N", help="sentences a summary (default 3)")
    parser.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N records")
    parser.add_argument("--limit", type=int, metavar="N", help="use at most N records")
    parser.add_argument(
        "--multi",
        action="store_true",
        help="one summary a cluster: each record's 'documents' are the input (Multi-News)",
    )
    parser.add_argument("--words", type=int, default=260, metavar="N", help="--multi: words a summary (default 260)")
    parser.add_argument(
        "--cache",
        metavar="DIR",
        help="keep sumy's rankings in DIR, keyed by exactly what sumy is shown: a rerun reuses them",
    )
    parser.add_argument(
        "--within-limits",
        action="store_true",
        help="leave a method out of records longer than it takes (KL: 400 sentences) rather than wait",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    return parser


def main(argv: list[str] | None = None) -> int:
    from ..cli.command import run_command

    return run_command("brief-eval", _run, argv)


def parse_methods(value: str | None, multi: bool = False) -> list[str]:
    from .multi import all_multi_methods
    from .runner import ORACLE, all_methods

    known = all_multi_methods() if multi else all_methods()
    if not value:
        return known
    methods: list[str] = []
    for name in value.split(","):
        name = name.strip().lower().replace("_", "-")
        if not name:
            continue
        if name not in known:
            raise UsageError(f"unknown method {name!r}; choose from: {', '.join(known)}")
        if name not in methods:
            methods.append(name)
    if not methods:
        raise UsageError(f"--methods names no method; choose from: {', '.join(known)} ({ORACLE} is the ceiling)")
    return methods


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.sentences <= 0:
        raise UsageError(f"-n must be at least 1, not {args.sentences}")
    if args.offset < 0:
        raise UsageError("--offset must be 0 or more")
    if args.limit is not None and args.limit <= 0:
        raise UsageError("--limit must be at least 1")
    if args.words <= 0:
        raise UsageError(f"--words must be at least 1, not {args.words}")
    methods = parse_methods(args.methods, args.multi)

    from .cache import RankCache
    from .data import read_records
    from .multi import evaluate_multi
    from .runner import evaluate
    from .table import as_json, as_table

    records = read_records(args.dataset, offset=args.offset, limit=args.limit)
    if not records:
        raise UsageError(f"{args.dataset}: no records at offset {args.offset}")

    cache = RankCache(args.cache) if args.cache else None

    def run(on_record=None):
        if args.multi:
            return evaluate_multi(records, methods, args.words, on_record=on_record)
        limits = args.within_limits
        return evaluate(records, methods, args.sentences, on_record=on_record, cache=cache, within_limits=limits)

    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("evaluating", total=len(records))
            results, skipped = run(on_record=lambda _: progress.advance(task))
    else:
        results, skipped = run()
    meta = {
        "dataset": args.dataset,
        "offset": args.offset,
        "documents": len(records) - skipped,
        "skipped": skipped,
        "sentences": args.sentences,
        "cached": cache.hits if cache else 0,
    }
    if args.multi:
        meta = {**meta, "multi": True, "words": args.words}
        del meta["sentences"]
    content = as_json(results, meta) if args.json else as_table(results, meta)
    if args.output and args.output != "-":
        from .. import write_atomic

        write_atomic(args.output, content)
    else:
        sys.stdout.write(content)
        sys.stdout.flush()
    return EXIT_OK
