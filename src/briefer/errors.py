"""Errors the library raises; each carries the exit code the command maps it to."""

from __future__ import annotations

# Exit codes are a public contract (documented in the README and `brief --help`).
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class BrieferError(Exception):
    """A failure worth one clear line to the user, never a traceback."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(BrieferError):
    """The request itself is wrong: an unknown method, a zero budget, a bad flag value."""

    exit_code = EXIT_USAGE


class InputError(BrieferError):
    """An input cannot be read or holds nothing to brief."""

    exit_code = EXIT_INPUT


class OutputError(BrieferError):
    """The result cannot be written where it was asked to go."""

    exit_code = EXIT_OUTPUT
