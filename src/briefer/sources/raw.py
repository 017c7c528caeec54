"""Read an input's bytes from a path or from standard input, within a size limit."""

from __future__ import annotations

import os
import stat
import sys
import time
from dataclasses import dataclass
from typing import BinaryIO, Literal, TextIO, overload

from ..errors import InputError

# Large enough for a book, small enough that a mistaken `brief /dev/zero` ends quickly.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Seconds a URL may take, all told: long enough for a slow site, short enough to notice.
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True)
class RawInput:
    name: str
    data: bytes


def read_input(
    spec: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> RawInput:
    """Read ``spec``: a path, or ``-`` for standard input.

    A named pipe (FIFO) must have a program writing to it within ``timeout`` seconds; one
    that has none is refused then, instead of waiting for ever as ``cat`` would.
    """
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return RawInput("-", _read_limited(stream, max_bytes, "stdin"))
    handle, first = _open_fifo(spec, timeout) if _is_fifo(spec) else (open_input(spec), b"")
    with handle:
        try:
            return RawInput(spec, _read_limited(handle, max_bytes, spec, first))
        except OSError as exc:
            raise InputError(f"{spec}: cannot read: {exc.strerror or exc}") from None


def _is_fifo(path: str) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False  # open_input says what is wrong with it


# How often a FIFO without a writer is looked at again while waiting for one.
_FIFO_POLL = 0.05


def _open_fifo(path: str, timeout: float) -> tuple[BinaryIO, bytes]:
    """A FIFO opened to read once a writer has come, and its first bytes; or an InputError
    after ``timeout`` seconds without a writer.

    A plain open() blocks until some program opens the FIFO to write, with no way to give
    up. Opened without blocking, a read tells the cases apart: bytes (or, once a writer has
    come and gone, the end) mean there is input; EAGAIN means a writer is there but has not
    written yet, which is a pipe like any other and is read as it comes; an empty read
    means no writer yet. Only that last case is waited out, and only for ``timeout``.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return open_input(path), b""  # the same one-line errors as any other file
    deadline = time.monotonic() + timeout
    first = b""
    try:
        while True:
            try:
                first = os.read(fd, _CHUNK)
            except BlockingIOError:
                break  # a writer is connected
            if first or _writer_came_and_went(fd):
                break
            if time.monotonic() >= deadline:
                raise InputError(
                    f"{path}: a named pipe (FIFO) that no program opened to write within {timeout:g} s"
                    " (start its writer, or raise --timeout)"
                )
            time.sleep(_FIFO_POLL)
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return handle, first


def _writer_came_and_went(fd: int) -> bool:
    """Whether a writer has connected and closed (POLLHUP): the input has ended, empty."""
    import select

    if not hasattr(select, "poll"):
        return False
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return any(event & select.POLLHUP for _, event in poller.poll(0))


@overload
def open_input(path: str | os.PathLike[str], *, text: Literal[False] = False) -> BinaryIO: ...
@overload
def open_input(path: str | os.PathLike[str], *, text: Literal[True]) -> TextIO: ...


def open_input(path: str | os.PathLike[str], *, text: bool = False) -> BinaryIO | TextIO:
    """Open a file to read, every way it can fail said in one line (an :class:`InputError`).

    ``text`` opens it as UTF-8, a bad byte replaced rather than ending the read.
    """
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        if text:
            return open(path, encoding="utf-8", errors="replace")
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


_CHUNK = 1024 * 1024


def _read_limited(stream: BinaryIO, max_bytes: int, name: str, first: bytes = b"") -> bytes:
    """Up to ``max_bytes`` of ``stream``, after ``first`` (bytes already read from it)."""
    # In chunks: one read of max_bytes + 1 asks for that much memory up front, whatever the
    # input's size, and a high --max-size made that a MemoryError.
    chunks: list[bytes] = [first]
    size = len(first)
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes / (1024 * 1024):g} MB limit (raise it with --max-size)")
    return b"".join(chunks)


# What a folder given as an input contributes: files that read as documents.
DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst", ".html", ".htm", ".pdf")


def expand_folders(specs: list[str]) -> list[str]:
    """Replace each folder by the document files directly inside it, sorted by name."""
    out: list[str] = []
    for spec in specs:
        if spec != "-" and os.path.isdir(spec):
            try:
                names = sorted(os.listdir(spec))
            except OSError as exc:
                raise InputError(f"{spec}: cannot list the folder: {exc.strerror or exc}") from None
            found = [
                os.path.join(spec, name)
                for name in names
                if not name.startswith(".")
                and name.lower().endswith(DOCUMENT_SUFFIXES)
                and os.path.isfile(os.path.join(spec, name))
            ]
            if not found:
                raise InputError(f"{spec}: a folder with no document files ({', '.join(DOCUMENT_SUFFIXES)})")
            out.extend(found)
        else:
            out.append(spec)
    return out
