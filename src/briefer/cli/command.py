"""What every briefer command does around its work: one-line errors, exit codes, signals, pipes."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable
from typing import NoReturn

from ..errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED, BrieferError, UsageError


class UsageParser(argparse.ArgumentParser):
    """An argument parser whose complaints are usage errors: one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class Terminated(BaseException):
    """Raised by the SIGTERM handler so that cleanup (atomic files, workers) runs as for Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def report(prog: str, message: str) -> None:
    """One line on standard error, with anything that could drive a terminal shown as escapes."""
    from ..render import safe

    print(f"{prog}: {safe(message)}", file=sys.stderr)


def run_command(prog: str, run: Callable[[list[str] | None], int], argv: list[str] | None) -> int:
    """Run a command's body and turn every way it can end into an exit code, never a traceback."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe in an ASCII or Latin-1 locale gets \u escapes, not a traceback.
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError):
                stream.reconfigure(errors="backslashreplace")
    try:
        return run(argv)
    except BrieferError as error:
        report(prog, error.message)
        return error.exit_code
    except KeyboardInterrupt:
        report(prog, "interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        report(prog, "terminated")
        return EXIT_TERMINATED
    except BrokenPipeError:
        # The Python docs' "Note on SIGPIPE": point stdout at devnull so that the final flush
        # at exit does not raise a second BrokenPipeError.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
