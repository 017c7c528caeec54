"""Writing results: atomically to files, safely to pipes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from types import TracebackType
from typing import TextIO

from .errors import OutputError


class AtomicFile:
    """A text file that appears at ``path`` complete, or not at all.

    Text goes to a temporary file in the same folder, is flushed to disk, and replaces the
    target with one rename when the block ends without error. On any failure — a full disk,
    an exception, Ctrl-C — the temporary file is removed and an existing file is left as it
    was, never truncated.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._temporary = ""
        self._stream: TextIO | None = None

    def __enter__(self) -> TextIO:
        path = self.path
        folder = os.path.dirname(os.path.abspath(path))
        if os.path.isdir(path):
            raise OutputError(f"{path}: is a directory")
        if not os.path.isdir(folder):
            raise OutputError(f"{path}: no such folder: {folder}")
        try:
            handle, self._temporary = tempfile.mkstemp(prefix=".", suffix=".briefer-tmp", dir=folder)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        self._stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        return self._stream

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        stream, temporary = self._stream, self._temporary
        assert stream is not None
        try:
            if kind is None:
                stream.flush()
                os.fsync(stream.fileno())
            stream.close()
            if kind is None:
                with contextlib.suppress(OSError):
                    # An existing file keeps its permissions; a new one gets the usual ones.
                    mode = os.stat(self.path).st_mode if os.path.exists(self.path) else 0o666 & ~_umask()
                    os.chmod(temporary, mode)
                os.replace(temporary, self.path)
                return
        except OSError as exc:
            _remove(temporary)
            raise OutputError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
        _remove(temporary)
        if isinstance(error, OSError):
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from None


def write_atomic(path: str, content: str) -> None:
    """Write ``content`` to ``path`` whole or not at all: a temporary file, then a rename."""
    with AtomicFile(path) as stream:
        stream.write(content)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
