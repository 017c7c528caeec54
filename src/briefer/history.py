"""What has been briefed before: a small SQLite record in the platform's data folder.

Each article is remembered by its address (or, without one, by a digest of its text) with the
time it was first briefed, so that ``brief --new`` can leave out the stories already read. The
database is written in one transaction a run; a file that is not a database, or one this
version cannot read, is set aside (renamed) with a notice and a fresh record started: the
history is a convenience, never a reason for a run to fail.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Document

FILE_NAME = "history.sqlite3"


def default_path() -> Path:
    """``history.sqlite3`` in the platform's data folder for briefer (XDG on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefer", appauthor=False)) / FILE_NAME


def article_key(document: Document) -> str:
    """An article's identity: its address when it has one, else a digest of its text."""
    if "://" in document.source:
        return document.source
    return "sha256:" + hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()


class History:
    """The record of briefed articles; every failure to read or write it becomes a notice."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.notices: list[str] = []
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            self._db = self._start_afresh(error)
        except OSError as error:
            self.notices.append(f"history not kept: {self.path}: {error.strerror or error}")
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5)
        try:
            db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, first_seen REAL NOT NULL)")
            db.execute("SELECT key, first_seen FROM seen LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _start_afresh(self, error: Exception) -> sqlite3.Connection | None:
        aside = self.path.with_name(f"{self.path.name}.broken-{int(time.time())}")
        try:
            os.replace(self.path, aside)
            db = self._open()
        except (OSError, sqlite3.DatabaseError) as again:
            self.notices.append(f"history not kept: {self.path}: {again}")
            return None
        self.notices.append(f"the history file could not be read ({error}): set aside as {aside.name}, a new one begun")
        return db

    def seen(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` were briefed before."""
        db = self._connect()
        wanted = list(dict.fromkeys(keys))
        if db is None or not wanted:
            return set()
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in db.execute(f"SELECT key FROM seen WHERE key IN ({marks})", chunk))
        return found

    def record(self, keys: Iterable[str]) -> None:
        """Remember ``keys`` as briefed now (those seen before keep their first time)."""
        db = self._connect()
        if db is None:
            return
        now = time.time()
        try:
            with db:
                db.executemany("INSERT OR IGNORE INTO seen (key, first_seen) VALUES (?, ?)", ((k, now) for k in keys))
        except sqlite3.DatabaseError as error:
            self.notices.append(f"history not updated: {error}")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
