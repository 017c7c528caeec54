"""Read an input's bytes from a path or from standard input, within a size limit."""

from __future__ import annotations

import os
import sys
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


def read_input(spec: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> RawInput:
    """Read ``spec``: a path, or ``-`` for standard input."""
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return RawInput("-", _read_limited(stream, max_bytes, "stdin"))
    with open_input(spec) as handle:
        try:
            return RawInput(spec, _read_limited(handle, max_bytes, spec))
        except OSError as exc:
            raise InputError(f"{spec}: cannot read: {exc.strerror or exc}") from None


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


def _read_limited(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes // (1024 * 1024)} MB limit (raise it with --max-size)")
    return data


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
