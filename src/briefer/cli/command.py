"""What every briefer command does around its work: one-line errors, exit codes, signals, pipes."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import signal
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from ..errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_TERMINATED, BrieferError, UsageError


class UsageParser(argparse.ArgumentParser):
    """An argument parser whose complaints are usage errors: one line, exit code 2.

    Its epilog is printed as written: briefer's commands lay out their examples by hand."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class Terminated(BaseException):
    """Raised by the SIGTERM handler so that cleanup (atomic files, workers) runs as for Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


class _ClosedOutput(io.TextIOBase):
    """Standard output when the command was started with it closed (``>&-``): writing to it
    fails as writing to a closed descriptor does, so the command says so and exits 4."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def guard_standard_streams() -> None:
    """Give a closed stdin, stdout or stderr a stand-in, before anything opens a file.

    Otherwise the next file opened takes the closed descriptor's number: output meant for
    a file lands on what the caller thinks is standard output, and Python's ``print`` to a
    missing stderr writes to stdout (error lines inside JSON Lines).
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            if fd == 0:
                sys.stdin = open(0, closefd=False)  # noqa: SIM115 - lives as long as the process
            elif fd == 1:
                sys.stdout = _ClosedOutput()
            else:
                sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 - messages vanish, as asked


def report(prog: str, message: str) -> None:
    """One line on standard error, with anything that could drive a terminal shown as escapes."""
    from ..rendering import safe

    if sys.stderr is None:  # started with stderr closed, outside run_command
        return
    with contextlib.suppress(OSError):  # a full or broken stderr: nowhere left to say it
        print(f"{prog}: {safe(message)}", file=sys.stderr, flush=True)


def run_command(prog: str, run: Callable[[list[str] | None], int], argv: list[str] | None) -> int:
    """Run a command's body and turn every way it can end into an exit code, never a traceback."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    guard_standard_streams()
    batch = sys.modules.get("briefer.cli.batch")
    if batch is not None:
        setattr(batch, "pool_abandoned", False)  # noqa: B010 - only a pool of this run counts
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe in an ASCII or Latin-1 locale gets \u escapes, not a traceback.
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError):
                stream.reconfigure(errors="backslashreplace")
    try:
        code = run(argv)
    except BrieferError as error:
        code = error.exit_code
        report(prog, error.message)
    except KeyboardInterrupt:
        report(prog, "interrupted")
        code = EXIT_INTERRUPTED
    except Terminated:
        report(prog, "terminated")
        code = EXIT_TERMINATED
    except BrokenPipeError:
        # The Python docs' "Note on SIGPIPE": point stdout at devnull so that the final flush
        # at exit does not raise a second BrokenPipeError.
        _silence_stdout()
        code = EXIT_OK
    except OSError as error:
        # Reading and fetching turn their errors into InputError; what is left is writing
        # the result: a full disk (/dev/full), a closed or failing standard output.
        report(prog, f"cannot write the output: {error.strerror or error}")
        _silence_stdout()
        code = EXIT_OUTPUT
    _leave_if_pool_abandoned(code)
    return code


def _leave_if_pool_abandoned(code: int) -> None:
    """End the process now when a batch's workers were killed mid-chunk.

    A worker killed while it sent a result leaves half a message in the pool's pipe, and the
    pool's thread in this process would wait for the rest at exit, for ever: the files are
    closed and the message said by now, so nothing is lost by skipping the exit handlers.
    """
    batch = sys.modules.get("briefer.cli.batch")
    if batch is not None and getattr(batch, "pool_abandoned", False):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def _silence_stdout() -> None:
    """Point stdout at devnull, so that the final flush at exit cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if isinstance(sys.stdout, _ClosedOutput):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
