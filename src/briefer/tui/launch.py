"""Starting the reader from the command line, including under a pipe (``cat a.txt | brief -i``).

Piped text is read to the end first; then the keyboard is taken from the terminal by putting
``/dev/tty`` in place of standard input, which is where Textual reads keys from.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING

from .. import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from .. import Document, LoadOptions
    from . import settings as config
    from .app import BrieferApp
    from .inputs import Source
    from .prefetch import Prefetch


def run(
    inputs: list[str],
    *,
    method: str | None = None,
    length: int = 0,
    options: LoadOptions | None = None,
    max_articles: int | None = None,
) -> int:
    """Open the reader on ``inputs`` in this terminal; its exit code when it closes."""
    from .. import LoadOptions

    options = options or LoadOptions()
    if not sys.stdout.isatty():
        raise UsageError("the interactive reader (-i) needs a terminal for its output")
    if inputs.count("-") > 1:
        raise UsageError("'-' (stdin) can be given only once")
    stdin = None
    piped = sys.stdin is None or not sys.stdin.isatty()
    if "-" in inputs or (not inputs and piped):
        stdin = _read_stdin(options.max_bytes)
    if piped:
        # Whether or not the pipe was read, keys must come from the terminal, not from it.
        _keyboard_from_terminal()
    from . import settings as config
    from .background import busy

    loaded = config.load()
    specs, source_for = _sources(inputs, stdin, options, max_articles)
    first = source_for(specs[0])
    # One input: read and analysed in a child process while textual starts (see prefetch.py).
    # Forked here, before textual is imported and any thread started. Not for a feed or a
    # list of feeds: those open as several sources, read in the reader's background.
    alone = len(specs) == 1 and first.expand is None
    prefetch = _prefetch(first, method, length, loaded, stdin, options) if alone else None
    app = make_app(
        inputs, stdin=stdin, method=method, length=length, options=options, settings=loaded, max_articles=max_articles
    )
    app.prefetch = prefetch
    try:
        code = app.run() or 0
    finally:
        if prefetch is not None:
            prefetch.stop()  # quit before its result came (or it came): no process left behind
    if busy():
        # A ranking still running in a worker thread (a slow method on a long text) would hold
        # the exit until it ends, long after the screen has gone; its result is no longer
        # wanted, and a save is always finished before the app quits.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _read_stdin(max_bytes: int) -> bytes:
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("'-' reads a pipe; with -i, give files or pipe text in (cat a.txt | brief -i)")
    # Over the limit, the reader shows the library's message; one byte more is enough to know.
    return sys.stdin.buffer.read(max_bytes + 1)


def _keyboard_from_terminal() -> None:
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise UsageError(f"cannot open the terminal for the keyboard: {error.strerror or error}") from None
    os.dup2(terminal, 0)
    os.close(terminal)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115


def make_app(
    inputs: list[str] | None = None,
    *,
    stdin: bytes | None = None,
    method: str | None = None,
    length: int = 0,
    options: LoadOptions | None = None,
    settings: config.Loaded | None = None,
    max_articles: int | None = None,
) -> BrieferApp:
    """The reader on ``inputs`` (paths, URLs, or ``-`` with ``stdin``'s bytes); the sample when empty.

    ``method`` and ``length`` left out (None, 0) come from the settings (see settings.py). The
    library's readers are imported when an input is first read, in the background, so that the
    first frame does not wait for them.
    """
    from .app import BrieferApp

    specs, source_for = _sources(inputs, stdin, options, max_articles)
    return BrieferApp(
        [source_for(spec) for spec in specs], method=method, length=length, source_for=source_for, settings=settings
    )


def _prefetch(
    source: Source,
    method: str | None,
    length: int,
    loaded: config.Loaded,
    stdin: bytes | None = None,
    options: LoadOptions | None = None,
) -> Prefetch | None:
    """The first input's article: kept from an earlier run, or being made by a child process."""
    from . import article_cache
    from .preferences import starting_choice
    from .prefetch import Prefetch

    chosen, size, check = starting_choice(method, length, loaded.settings)
    max_bytes = options.max_bytes if options else _default_max_bytes()
    entry = article_cache.entry_for(source.name, stdin, max_bytes, (chosen, size, check, repr(options)))
    if entry is not None and (kept := article_cache.read(entry)) is not None:
        return Prefetch.ready(kept, lambda: article_cache.forget(entry))
    made: list[bool] = []

    def work() -> object:
        # Imported in the child: the reader needs it only once the child's article comes.
        from .session import Article, open_first

        found = open_first(source.name, source.load, chosen, size, check)
        made.append(isinstance(found[0], Article))  # a problem is said again next time, not kept
        if isinstance(found[0], Article):
            found[0].pane_plan()  # sent with it: the reader's event loop need not make it
        return found

    def keep(data: bytes) -> None:
        if entry is not None and made == [True]:
            article_cache.write(entry, data)

    return Prefetch.start(work, keep)


def _default_max_bytes() -> int:
    from .. import LoadOptions  # the command line always gives its options: only without it

    return LoadOptions().max_bytes


def _sources(
    inputs: list[str] | None, stdin: bytes | None, options: LoadOptions | None, max_articles: int | None = None
) -> tuple[list[str], Callable[[str], Source]]:
    """The inputs to open (the sample when none), and how to read each (no textual imported).

    A URL or an OPML file is read first as what it holds: a feed's articles (at most
    ``max_articles``) are sources of their own, as ``brief URL`` briefs them."""
    from .inputs import Source, may_hold_several, plain_text_start

    specs = list(inputs or [])
    if not specs:
        if stdin is not None:
            specs = ["-"]
        else:
            from .. import sample_path

            specs = [str(sample_path())]

    def source_for(spec: str) -> Source:
        def load_it() -> Document:
            from .. import LoadOptions, load

            chosen = options or LoadOptions(language="en")
            if spec == "-":
                return load("-", chosen, stdin=io.BytesIO(stdin or b""))
            return load(spec, chosen)

        def peek() -> str | None:
            return plain_text_start(spec, stdin, options.input_format if options else None)

        def expand(say: Callable[[str], None] | None) -> tuple[list[Source], list[str]]:
            from .. import LoadOptions, load_all

            chosen = options or LoadOptions(language="en")
            documents, notices = load_all(spec, chosen, max_articles=max_articles, progress=say)
            if len(documents) == 1:
                return [Source(spec, lambda: documents[0])], notices
            return [Source(d.source, _given(d)) for d in documents], notices

        held = expand if may_hold_several(spec) and (options is None or options.input_format is None) else None
        return Source(spec, load_it, peek, held)

    return specs, source_for


def _given(document: Document) -> Callable[[], Document]:
    return lambda: document
