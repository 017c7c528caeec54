"""The analysis made ready in the background while the reader is idle.

An article handed over by the child process (see prefetch.py) is drawn without numpy; its
analysis, which a new length, method or subject needs, is imported and unpickled in a thread
afterwards, so that the first such key does not wait for it. That thread holds the
interpreter's lock much of its time (numpy's import is a fifth of a second of one core), and
a key that comes meanwhile waits for it: so it starts only once no key has come for
IDLE_SECONDS. The import may start before the article comes (a long text's analysis takes
seconds in the child); the unpickling, once it has come.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from .session import Article

# No key for this long: the user is reading, and a thread may take the lock for a while.
IDLE_SECONDS = 1.0
CHECK_SECONDS = 0.25


class Warmer:
    """Imports the analysis, then unpickles the article's, each once the user is idle."""

    def __init__(self, app: App) -> None:
        self._app = app
        self.last_input = time.monotonic()
        self._article: Article | None = None
        self._imported = False
        self._timer: Timer | None = None

    def input_came(self) -> None:
        """A key or a click: not idle."""
        self.last_input = time.monotonic()

    def start(self) -> None:
        """Begin watching for an idle moment (the analysis's modules are imported in it)."""
        if self._timer is None:
            self._timer = self._app.set_interval(CHECK_SECONDS, self._check)

    def article_came(self, article: Article) -> None:
        """The article whose analysis is unpickled in the next idle moment."""
        self._article = article
        self.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _check(self) -> None:
        if time.monotonic() - self.last_input < IDLE_SECONDS:
            return
        article, self._article = self._article, None
        if article is None and self._imported:
            return
        self._imported = True
        if article is not None:
            self.stop()
        threading.Thread(target=_warm, args=(article,), daemon=True).start()


def _warm(article: Article | None) -> None:
    from .. import Analysis  # noqa: F401 - what unpickling the analysis needs

    if article is not None:
        article.analysis  # noqa: B018 - unpickled now, not when a key needs it
