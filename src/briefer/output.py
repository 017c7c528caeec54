"""Writing results: atomically to files, safely to pipes."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from types import TracebackType
from typing import TextIO

from .errors import OutputError

# The file name each output format takes, and what a name's ending says it holds.
EXTENSIONS = {"text": ".txt", "markdown": ".md", "json": ".json"}
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".txt": "text"}


def format_for(path: str | None, default: str = "text") -> str:
    """The output format a file's name asks for by its ending (``.md``, ``.json``, ``.txt``);
    ``default`` for any other name, and for stdout."""
    if not path or path == "-":
        return default
    return _SUFFIX_FORMATS.get(os.path.splitext(path)[1].lower(), default)


class AtomicFile:
    """A text file that appears at ``path`` complete, or not at all.

    Text goes to a temporary file in the same folder, is flushed to disk, and replaces the
    target with one rename when the block ends without error. On any failure — a full disk,
    an exception, Ctrl-C — the temporary file is removed and an existing file is left as it
    was, never truncated.

    What is at ``path`` is respected, as careful tools do: a symbolic link is written
    through (its target is replaced, the link stays); a FIFO, a device or anything else that
    is not a regular file is never replaced but written to directly, as a shell's ``>``
    would; a read-only file is refused (exit 4).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._target = path
        self._temporary = ""
        self._stream: TextIO | None = None

    def __enter__(self) -> TextIO:
        self._target = os.path.realpath(self.path) if os.path.islink(self.path) else self.path
        path = self._target
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            self._stream = self._direct(path)
            return self._stream
        if mode is not None and (not mode & 0o222 or not os.access(path, os.W_OK)):
            raise OutputError(f"{self.path}: cannot write: the file is read-only")
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
        if not temporary:  # written directly to a FIFO or device
            try:
                stream.close()
            except OSError as exc:
                if kind is None:
                    raise OutputError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
            if isinstance(error, OSError):
                raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from None
            return
        try:
            if kind is None:
                stream.flush()
                os.fsync(stream.fileno())
            stream.close()
            if kind is None:
                with contextlib.suppress(OSError):
                    # An existing file keeps its permissions; a new one gets the usual ones.
                    mode = os.stat(self._target).st_mode if os.path.exists(self._target) else 0o666 & ~_umask()
                    os.chmod(temporary, mode)
                os.replace(temporary, self._target)
                return
        except OSError as exc:
            _remove(temporary)
            raise OutputError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
        _remove(temporary)
        if isinstance(error, OSError):
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from None

    def _direct(self, path: str) -> TextIO:
        try:
            # A FIFO waits here for its reader, as `cat > fifo` would.
            return open(path, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {exc.strerror or exc}") from None


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
