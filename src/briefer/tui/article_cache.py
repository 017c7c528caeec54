"""Articles the reader has opened, kept in the platform's cache folder, so that a text opened
again is shown ranked at once, without reading or analysing it again.

An entry is what the child process that opened the text sent back (see prefetch.py), under a
key made of the text's bytes, where it came from, how it was read and briefed, and briefer's
own code (its files' sizes and times): any change to one of them is another key, so an entry
never gives a briefing that the reader would not make now. Only local files and piped text
are kept (a URL's page may change), and only the newest ``KEEP`` entries.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path

ENV = "BRIEFER_CACHE"
KEEP = 32
SUFFIX = ".article"


def cache_dir() -> Path:
    """Where the entries are kept (``$BRIEFER_CACHE`` when set)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("briefer", appauthor=False) / "reader"


def entry_for(spec: str, stdin: bytes | None, max_bytes: int, choices: tuple[object, ...]) -> Path | None:
    """The entry's path for an input read and briefed with ``choices``; None for a URL or an
    input that cannot be read here (the library says why, when it reads it)."""
    digest = hashlib.blake2b(digest_size=20)
    if spec == "-":
        data = stdin or b""
    elif "://" in spec:
        return None
    else:
        try:
            with open(spec, "rb") as handle:
                data = handle.read(max_bytes + 1)
            spec = os.path.abspath(spec)
        except OSError:
            return None
    digest.update(repr((spec, choices, _code())).encode())
    digest.update(data)
    return cache_dir() / f"{digest.hexdigest()}{SUFFIX}"


def read(path: Path) -> bytes | None:
    """The entry's bytes, if it is there."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path, data: bytes) -> None:
    """Keep an entry (atomically), dropping the oldest beyond ``KEEP``; never raises: a cache
    that cannot be written is only slower."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(data)
        os.replace(partial, path)
        entries = sorted(path.parent.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
        # Beyond the newest, and any entry left half-written by a child killed on its way.
        stale = [p for p in path.parent.glob(f".*{SUFFIX}.*") if time.time() - p.stat().st_mtime > 3600]
        for old in entries[KEEP:] + stale:
            old.unlink(missing_ok=True)


def forget(path: Path) -> None:
    """Drop an entry that could not be read back."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _code() -> tuple[int, int]:
    """briefer's files (code and data), as their count and newest change: a new version is a new key."""
    root = Path(__file__).resolve().parent.parent
    count = newest = 0
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if f != "__pycache__"]
        for name in files:
            count += 1
            newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return count, newest
