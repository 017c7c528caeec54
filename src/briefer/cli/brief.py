"""`brief`: the one-shot command. A thin face over the library: parse, call, print."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from .. import UsageError
from ..errors import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT
from .options import build_parser, load_options, validate

if TYPE_CHECKING:
    from .. import Briefing


def main(argv: list[str] | None = None) -> int:
    from .command import run_command

    return run_command("brief", _run, argv)


def report_error(message: str) -> None:
    """One line on standard error, as every failure of ``brief`` is said."""
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
    # The reader takes a method given here over its saved setting; without -m, the setting.
    given_method, args.method = args.method, args.method or "topic"
    validate(args)
    if args.interactive:
        # Before the briefing's imports (numpy and the analysis): the reader draws its first
        # frame without them and imports them in the background.
        return _run_interactive(args, given_method)
    from .. import Budget

    budget = Budget(args.sentences, args.words, args.ratio)
    if args.batch is not None:
        if args.inputs or args.sample:
            raise UsageError("--batch takes its records from one JSON Lines file; give no other inputs")
        from .batch_command import run_batch_command

        return run_batch_command(args, budget)

    inputs = _inputs(args)
    if not inputs and args.feeds is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: give a file, '-' for stdin, or --sample (see brief --help)")
        inputs = ["-"]
    if inputs.count("-") > 1:
        raise UsageError("'-' (stdin) can be given only once")

    from .gather import brief_collection, check, feed_inputs, load_inputs

    check(args)
    options = load_options(args)
    feeds = feed_inputs(args)
    if len(inputs) == 1 and not feeds and not args.new:
        from .. import brief, load_all

        documents, notices = load_all(inputs[0], options, max_articles=args.max_articles)
        for notice in notices:
            report_error(notice)
        if len(documents) == 1:
            briefing = brief(
                documents[0], method=args.method, budget=budget, order=args.order, focus=args.focus, topic=args.topic
            )
            _emit(render_briefing(briefing, args), args.output)
            return EXIT_OK
        _emit(brief_collection(documents, [], args, budget), args.output)
        return EXIT_OK
    # Several inputs make one briefing, or one a story; an input that cannot be read is
    # reported and the briefing comes from the others.
    documents, failures = load_inputs([*inputs, *feeds], options, args)
    _emit(brief_collection(documents, failures, args, budget), args.output)
    return EXIT_INPUT if failures else EXIT_OK


def _run_interactive(args: argparse.Namespace, method: str | None) -> int:
    if args.batch is not None or args.output is not None:
        raise UsageError("-i opens the interactive reader; save from inside it (w) instead of --batch or -o")
    # Imported here so that a plain `brief` never pays for textual.
    from ..tui import run
    from .gather import feed_inputs

    # Each input (each file of a folder, each article of a feed) is a source of its own;
    # several are listed and briefed as one, or story by story.
    inputs = [*_inputs(args), *feed_inputs(args)]
    options = load_options(args)
    return run(inputs, method=method, length=args.sentences or 0, options=options, max_articles=args.max_articles)


def _inputs(args: argparse.Namespace) -> list[str]:
    """The inputs named on the command line, folders expanded, the sample last if asked for."""
    from .. import expand_folders, sample_path

    inputs = expand_folders(list(args.inputs))
    if args.sample:
        inputs.append(str(sample_path()))
    return inputs


def render_briefing(briefing: Briefing, args: argparse.Namespace) -> str:
    """A briefing in the format and style this run asks for."""
    from ..rendering import render

    color, width = terminal_style(args)
    return render(briefing, args.format, width=width, color=color, include_text=args.include_text)


def terminal_style(args: argparse.Namespace) -> tuple[bool, int]:
    """Colour and width for text output: the terminal's, or none and 80 for a pipe or file."""
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


__all__ = ["EXIT_OUTPUT", "build_parser", "main"]
