"""The options of ``brief``: the parser, its help text, and the checks every run starts with."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from .. import UsageError, __version__
from .command import UsageParser

if TYPE_CHECKING:
    from .. import LoadOptions

EPILOG = """\
methods: {methods} (default: topic)

budget: with no -n, --words or --ratio, a briefing has a fifth of the sentences up to
50 (at least 3), then grows with the square root of the length, to at most 25 (a
300-sentence report gets 24). A text already within the budget is given whole.
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


class _BriefParser(UsageParser):
    """The parser of ``brief``: its epilog lists the methods and languages when help is shown,
    so that parsing does not import their registries (``brief -i`` starts the reader first)."""

    def format_help(self) -> str:
        if "{methods}" in (self.epilog or ""):
            self.epilog = EPILOG.replace("{languages}", _language_list()).replace("{methods}", _method_list())
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``brief``'s command line."""
    parser = _BriefParser(
        prog="brief",
        description="Brief an article offline: its key points as exact quotes, grouped by topic.",
        epilog=EPILOG,
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
    subject = parser.add_argument_group("subject")
    subject.add_argument("--focus", metavar="QUERY", help="brief only what the text says about QUERY")
    subject.add_argument(
        "--topic", metavar="N", help="brief one of the text's topics: its number (1 = the largest) or a label word"
    )
    choice = parser.add_argument_group("method and output")
    # None when not given: the reader (-i) then starts with its saved method; otherwise topic.
    choice.add_argument("-m", "--method", default=None, metavar="NAME", help="ranking method (see below)")
    choice.add_argument("--list-methods", action="store_true", help="list the methods and exit")
    choice.add_argument(
        "-f",
        "--format",
        choices=("text", "markdown", "json"),
        help="output format (default: as -o FILE's name ends, .md or .json; else text)",
    )
    choice.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    choice.add_argument("--order", choices=("document", "rank"), default="document", help="order of key points")
    choice.add_argument(
        "--language", default="auto", metavar="NAME", help="language of the input: a code such as de (default: auto)"
    )
    choice.add_argument("--include-text", action="store_true", help="JSON: include the text the offsets point into")
    choice.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")
    choice.add_argument("--width", type=_int, metavar="COLS", help="wrap text output at COLS (default: terminal)")
    feeds = parser.add_argument_group("feeds and stories")
    feeds.add_argument("--feeds", metavar="FILE", help="RSS or Atom feeds to brief, one URL a line ('-': stdin)")
    feeds.add_argument("--max-articles", type=_int, metavar="N", help="read at most N articles from feeds (default 60)")
    feeds.add_argument("--new", action="store_true", help="only stories with an article not briefed before")
    feeds.add_argument("--no-history", action="store_true", help="do not read or write the record of briefed articles")
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
        "--timeout",
        type=_seconds,
        default=20.0,
        metavar="S",
        help="give up on a URL, or on a named pipe no program writes to, after S seconds (default 20)",
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


# Counts past this are mistakes (and --jobs past it would try to start that many processes).
MAX_COUNT = 1_000_000_000
# A day: more is a mistake, and the clock functions behind a timeout refuse huge values.
MAX_TIMEOUT = 86_400.0


def max_size_cap() -> int:
    """The largest --max-size this machine can hold, in MB: its memory, less a share for
    the work that follows reading (which takes several times the input)."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, OSError, ValueError):  # not on every platform
        return 4096
    return max(1, memory // (8 * 1024 * 1024))


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
    if not 0 < number <= MAX_TIMEOUT:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"a timeout is more than 0 and at most {MAX_TIMEOUT:g} seconds, not {value}")
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


def validate(args: argparse.Namespace) -> None:
    """The checks argparse cannot make: every bad value ends the run before any work starts."""
    from .. import AUTO, get_language, method_info

    if args.format is None:
        from ..output import format_for

        args.format = format_for(args.output)

    if args.max_size <= 0:
        raise UsageError("--max-size must be at least 1 (MB)")
    cap = max_size_cap()
    if args.max_size > cap:
        from .command import report

        report("brief", f"note: --max-size {args.max_size} is more than this machine can hold; {cap} MB is used")
        args.max_size = cap
    for name in ("sentences", "words", "jobs", "width", "max_articles"):
        if (getattr(args, name, None) or 0) > MAX_COUNT:
            raise UsageError(f"--{name.replace('_', '-')} must be at most {MAX_COUNT:,}")
    if args.width is not None and args.width < 20:
        raise UsageError("--width must be at least 20")
    method_info(args.method)
    if args.focus is not None and args.topic is not None:
        raise UsageError("give --focus or --topic, not both")
    if args.focus is not None and not args.focus.strip():
        raise UsageError("--focus needs words to look for")
    if args.language.strip().lower() != AUTO:
        get_language(args.language)


def load_options(args: argparse.Namespace) -> LoadOptions:
    """How every input of this run is read."""
    from .. import LoadOptions

    return LoadOptions(
        language=args.language,
        max_bytes=args.max_size * 1024 * 1024,
        input_format=None if args.input_format == "auto" else args.input_format,
        timeout=args.timeout,
    )
