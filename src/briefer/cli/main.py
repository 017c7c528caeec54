"""`brief`: the one-shot command. A thin face over the library: parse, call, print."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, NoReturn, TextIO

from .. import BrieferError, InputError, UsageError, __version__
from ..errors import EXIT_FAILURE, EXIT_INPUT, EXIT_OK, EXIT_OUTPUT

if TYPE_CHECKING:
    from .. import Briefing, Budget, Document, LoadOptions
    from .batch import BatchOptions

EPILOG = """\
methods: {methods} (default: topic)

budget: with no -n, --words or --ratio, a briefing has a fifth of the sentences,
at least 3 and at most 10. A text already within the budget is given whole.
Chinese and Japanese are counted in characters.

languages: detected from the text (--language auto, the default), or --language
CODE. Fully supported: {languages}.
Others briefer recognises (ar, he, ko, uk...) are briefed the language-neutral way.

exit codes:
  0   success
  1   internal failure, or some --batch records failed
  2   usage error (unknown option or method, bad budget, one of sumy's slower
      methods on a text longer than it takes: see --list-methods)
  3   input error (missing, unreadable, empty or binary input; a URL that cannot
      be fetched, a page with no article, an encrypted or image-only PDF)
  4   output error (cannot write the -o file; an existing file is left intact)
  130 interrupted (Ctrl-C)      143 terminated (SIGTERM)

examples:
  brief --sample                      brief the bundled sample article
  brief report.txt -n 5               five key points
  cat notes.txt | brief --words 80    read stdin, at most 80 words
  brief a.txt --format json -o a.json write JSON atomically
  brief https://example.org/post.html the article of a web page
  brief notes.md report.pdf           Markdown and PDF (pip install 'briefer[pdf]')
  brief --batch docs.jsonl > out.jsonl
  brief a.txt b.txt c.md              one briefing across several sources
  brief reports/                      every text file in a folder, as one briefing
  brief -i report.txt                 read it in the interactive reader (? shows its keys)
  cat a.txt | brief -i                the reader on piped text; with no input, the sample
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="brief",
        description="Brief an article offline: its key points as exact quotes, grouped by topic.",
        epilog=EPILOG.replace("{languages}", _language_list()).replace("{methods}", _method_list()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files, folders or http(s) URLs to brief ('-' or nothing reads stdin); several make one briefing",
    )
    parser.add_argument("--sample", action="store_true", help="brief the bundled sample article")
    parser.add_argument(
        "-i", "--interactive", action="store_true", help="open the interactive reader (a terminal app; ? for its keys)"
    )
    budget = parser.add_argument_group("length")
    budget.add_argument("-n", "--sentences", type=_int, metavar="N", help="at most N sentences")
    budget.add_argument("--words", type=_int, metavar="N", help="at most N words (CJK: characters)")
    budget.add_argument("--ratio", type=_ratio, metavar="R", help="a share of the sentences: 0.2 or 20%%")
    choice = parser.add_argument_group("method and output")
    choice.add_argument("-m", "--method", default="topic", metavar="NAME", help="ranking method (see below)")
    choice.add_argument("--list-methods", action="store_true", help="list the methods and exit")
    choice.add_argument("-f", "--format", choices=("text", "markdown", "json"), default="text")
    choice.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    choice.add_argument("--order", choices=("document", "rank"), default="document", help="order of key points")
    choice.add_argument(
        "--language", default="auto", metavar="NAME", help="language of the input: a code such as de (default: auto)"
    )
    choice.add_argument("--include-text", action="store_true", help="JSON: include the text the offsets point into")
    choice.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")
    choice.add_argument("--width", type=_int, metavar="COLS", help="wrap text output at COLS (default: terminal)")
    more = parser.add_argument_group("more")
    more.add_argument("--batch", metavar="FILE", help='JSON Lines of {"id", "text", "title"?}; "-" for stdin')
    more.add_argument("--merge", action="store_true", help="with --batch: one briefing for all the records")
    more.add_argument(
        "--jobs", type=_int, metavar="N", help="--batch: worker processes (default: all cores; 1 for none)"
    )
    more.add_argument(
        "--scheduler", metavar="ADDRESS", help="--batch on a Dask cluster (needs briefer[dask]); see the README"
    )
    more.add_argument("--max-size", type=_int, default=50, metavar="MB", help="largest input accepted (default 50)")
    more.add_argument(
        "--input-format",
        choices=("auto", "text", "markdown", "html", "pdf"),
        default="auto",
        help="read inputs as this format (default: from name, content type or first bytes)",
    )
    more.add_argument(
        "--timeout", type=_seconds, default=20.0, metavar="S", help="give up on a URL after S seconds (default 20)"
    )
    more.add_argument("--version", action="version", version=f"brief {__version__}")
    return parser


def _method_list() -> str:
    from .. import method_names

    return ", ".join(method_names())


def _language_list() -> str:
    import textwrap

    from .. import supported_languages

    codes = ", ".join(lang.code for lang in supported_languages())
    return textwrap.fill(codes, width=80, initial_indent=" " * 22)[22:]


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"a timeout must be more than 0 seconds, not {value}")
    return number


def _ratio(value: str) -> float:
    text = value.strip()
    try:
        number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a ratio: {value!r} (use 0.2 or 20%)") from None
    if number > 1 and not text.endswith("%"):
        raise argparse.ArgumentTypeError(f"a ratio is at most 1 (or 100%), not {value}")
    return number


def main(argv: list[str] | None = None) -> int:
    from .command import run_command

    return run_command("brief", _run, argv)


def _error(message: str) -> None:
    from .command import report

    report("brief", message)


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.list_methods:
        from .. import methods

        for info in methods():
            limit = f" (at most {info.max_sentences:,} sentences)" if info.max_sentences else ""
            print(f"{info.name:<10} {info.description}{limit}")
        return EXIT_OK
    from .. import AUTO, Budget, get_language, method_info

    budget = Budget(args.sentences, args.words, args.ratio)
    if args.max_size <= 0:
        raise UsageError("--max-size must be at least 1 (MB)")
    if args.width is not None and args.width < 20:
        raise UsageError("--width must be at least 20")
    method_info(args.method)
    if args.language.strip().lower() != AUTO:
        get_language(args.language)

    if args.interactive:
        return _run_interactive(args)
    if args.batch is not None:
        if args.inputs or args.sample:
            raise UsageError("--batch takes its records from one JSON Lines file; give no other inputs")
        return _run_batch(args, budget)

    inputs = _inputs(args)
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: give a file, '-' for stdin, or --sample (see brief --help)")
        inputs = ["-"]
    if inputs.count("-") > 1:
        raise UsageError("'-' (stdin) can be given only once")

    options = _load_options(args)
    if len(inputs) == 1:
        from .. import brief, load

        document = load(inputs[0], options)
        _emit(_render(brief(document, method=args.method, budget=budget, order=args.order), args), args.output)
        return EXIT_OK
    # Several inputs make one briefing; an input that cannot be read is reported and the
    # briefing comes from the others.
    from .. import load

    documents = []
    failures: list[str] = []
    for spec in inputs:
        try:
            documents.append(load(spec, options))
        except InputError as error:
            _error(error.message)
            failures.append(error.message)
    _emit(_brief_collection(documents, failures, args, budget), args.output)
    return EXIT_INPUT if failures else EXIT_OK


def _run_interactive(args: argparse.Namespace) -> int:
    if args.batch is not None or args.output is not None:
        raise UsageError("-i opens the interactive reader; save from inside it (w) instead of --batch or -o")
    # Imported here so that a plain `brief` never pays for textual.
    from ..tui import run

    # Each input (each file of a folder) is a source of its own; several are listed and briefed as one.
    return run(_inputs(args), method=args.method, length=args.sentences or 0, options=_load_options(args))


def _inputs(args: argparse.Namespace) -> list[str]:
    """The inputs named on the command line, folders expanded, the sample last if asked for."""
    from .. import expand_folders, sample_path

    inputs = expand_folders(list(args.inputs))
    if args.sample:
        inputs.append(str(sample_path()))
    return inputs


def _load_options(args: argparse.Namespace) -> LoadOptions:
    from .. import LoadOptions

    return LoadOptions(
        language=args.language,
        max_bytes=args.max_size * 1024 * 1024,
        input_format=None if args.input_format == "auto" else args.input_format,
        timeout=args.timeout,
    )


def _brief_collection(documents: list[Document], failures: list[str], args: argparse.Namespace, budget: Budget) -> str:
    from .. import brief_many

    if not documents:
        raise InputError("none of the inputs could be read")
    notes = tuple(f"not included: {message}" for message in failures)
    briefing = brief_many(documents, method=args.method, budget=budget, order=args.order, notes=notes)
    return _render(briefing, args)


def _render(briefing: Briefing, args: argparse.Namespace) -> str:
    from ..render import render

    color, width = _terminal_style(args)
    return render(briefing, args.format, width=width, color=color, include_text=args.include_text)


def _terminal_style(args: argparse.Namespace) -> tuple[bool, int]:
    to_terminal = args.output is None and sys.stdout.isatty()
    if args.color == "always":
        color = True
    elif args.color == "never" or os.environ.get("NO_COLOR"):
        color = False
    else:
        color = to_terminal and os.environ.get("TERM") != "dumb"
    width = args.width
    if width is None:
        width = os.get_terminal_size(sys.stdout.fileno()).columns if to_terminal else 80
    return color, width


def _emit(content: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    from .. import write_atomic

    write_atomic(output, content)


def _run_batch(args: argparse.Namespace, budget: Budget) -> int:
    """JSON Lines in, JSON Lines out in input order; a bad record gets an error object."""
    from .batch import BatchOptions, default_jobs

    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    options = BatchOptions(
        method=args.method,
        sentences=args.sentences,
        words=args.words,
        ratio=args.ratio,
        order=args.order,
        language=args.language,
        max_chars=args.max_size * 1024 * 1024,
    )
    if args.merge and args.scheduler:
        raise UsageError("--merge makes one briefing on this machine; it does not take --scheduler")
    if args.scheduler:
        from .distributed import run_on_cluster

        summary = run_on_cluster(args.scheduler, args.batch, args.output, options)
        _error(summary.line())
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
    _error(summary.line())
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
            _error(message)
            failures.append(message)
    out.write(_brief_collection(documents, failures, args, budget))
    out.flush()
    return EXIT_INPUT if failures else EXIT_OK


__all__ = ["EXIT_OUTPUT", "build_parser", "main"]
