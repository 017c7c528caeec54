"""``brief --batch``: JSON Lines from a file or stdin, briefed record by record or merged into one."""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields
from typing import TYPE_CHECKING, TextIO

from .. import BrieferError, UsageError
from ..errors import EXIT_FAILURE, EXIT_INPUT, EXIT_OK
from .brief import report_error
from .gather import brief_collection

if TYPE_CHECKING:
    from .. import Budget
    from .batch import BatchOptions


def run_batch_command(args: argparse.Namespace, budget: Budget) -> int:
    """JSON Lines in, JSON Lines out in input order; a bad record gets an error object."""
    from .batch import BatchOptions, default_jobs

    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    # Each option of a record's briefing is the command-line option of the same name.
    named = {f.name: getattr(args, f.name) for f in fields(BatchOptions) if f.name != "max_chars"}
    options = BatchOptions(**named, max_chars=args.max_size * 1024 * 1024)
    if args.merge and args.scheduler:
        raise UsageError("--merge makes one briefing on this machine; it does not take --scheduler")
    if args.scheduler:
        from .distributed import run_on_cluster

        summary = run_on_cluster(args.scheduler, args.batch, args.output, options)
        report_error(summary.line())
        return EXIT_FAILURE if summary.failed else EXIT_OK

    def run(source: TextIO, sink: TextIO | None, total: int | None) -> int:
        if args.merge:
            return _merge_records(source, args, budget, sink or sys.stdout)
        return _batch_to(source, sink, options, jobs, total)

    if args.batch == "-":
        return run(sys.stdin, None, None)
    from .. import open_input

    with open_input(args.batch, text=True) as source:
        if args.output and args.output != "-":
            from .. import AtomicFile

            with AtomicFile(args.output) as sink:
                return run(source, sink, _line_count(args.batch))
        return run(source, None, _line_count(args.batch))


def _batch_to(source: TextIO, sink: TextIO | None, options: BatchOptions, jobs: int, total: int | None) -> int:
    from .batch import run_batch

    if not _stderr_is_terminal():
        summary = run_batch(source, sink or sys.stdout, options, jobs=jobs)
    else:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (TextColumn("briefing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("batch", total=total)
            summary = run_batch(
                source,
                sink or sys.stdout,
                options,
                jobs=jobs,
                progress=lambda done: bar.update(task, completed=done),
            )
    report_error(summary.line())
    return EXIT_FAILURE if summary.failed else EXIT_OK


def _stderr_is_terminal() -> bool:
    return sys.stderr is not None and sys.stderr.isatty()


def _line_count(path: str) -> int | None:
    """Lines of a batch file, for the progress bar's total; only worth it on a terminal."""
    if not _stderr_is_terminal():
        return None
    count = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            count += block.count(b"\n")
    return count


def _merge_records(source: TextIO, args: argparse.Namespace, budget: Budget, out: TextIO) -> int:
    """--batch --merge: every record is a source of one briefing."""
    from .. import numbered_lines, parse_record, record_document, record_id

    documents = []
    failures: list[str] = []
    max_chars = args.max_size * 1024 * 1024
    for number, line in numbered_lines(source, max_chars):
        record = None
        try:
            record = parse_record(number, line, max_chars)
            documents.append(record_document(record, number, args.language))
        except BrieferError as error:
            message = f"record {record_id(record, number)}: {error.message}"
            report_error(message)
            failures.append(message)
    out.write(brief_collection(documents, failures, args, budget))
    out.flush()
    return EXIT_INPUT if failures else EXIT_OK
