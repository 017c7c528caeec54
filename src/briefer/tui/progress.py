"""Long tasks (opening, ranking): how long they have run, said in the title bar after the
first second, and Esc to stop them."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.worker import Worker, WorkerState

from .background import stop_all

if TYPE_CHECKING:
    from .state import ReaderState

# The worker groups that Esc stops.
LONG = ("feeds", "open", "collect", "brief")


class LongTasks:
    """The app's long task now, if any: its note ("lex-rank: ranking…") and when it began."""

    def __init__(self, app: ReaderState) -> None:
        self.app = app
        self.busy: tuple[str, float] | None = None
        self._timer: Timer | None = None

    def running(self) -> list[Worker]:
        """The long tasks' workers still pending or running."""
        states = (WorkerState.PENDING, WorkerState.RUNNING)
        return [w for w in self.app.workers if w.group in LONG and w.state in states]

    def begin(self, note: str) -> None:
        """Say ``note`` in the title bar; after a second, with the seconds and that Esc stops it."""
        self.busy = (note, time.monotonic())
        self.app.set_titles(note=note)
        if self._timer is None:
            self._timer = self.app.set_interval(0.5, self.tick)
        self._timer.resume()
        self.app.refresh_bindings()

    def say(self, note: str) -> None:
        """A new note for the task running (how far it has got); its seconds still count from its start."""
        if self.busy is None:
            return  # over, or stopped, before the note arrived
        since = self.busy[1]
        self.busy = (note, since)
        elapsed = time.monotonic() - since
        self.app.set_titles(note=f"{note} {elapsed:.0f} s · esc stops" if elapsed >= 1 else note, busy=True)

    def end(self) -> None:
        """The task is over: its result, or its error, is what the title bar says now."""
        if self.busy is not None:
            self.busy = None
            self.app.refresh_bindings()  # esc no longer stops anything

    def tick(self) -> None:
        """Called twice a second while a task runs."""
        if self.busy is None or not self.running():
            self.end()
            if self._timer is not None:
                self._timer.pause()
            return
        note, since = self.busy
        elapsed = time.monotonic() - since
        if elapsed >= 1:
            self.app.set_titles(note=f"{note} {elapsed:.0f} s · esc stops", busy=True)

    def can_cancel(self) -> bool:
        return self.busy is not None and bool(self.running())

    def cancel(self) -> set[str]:
        """Stop the running tasks; the groups stopped."""
        groups = {str(w.group) for w in self.running()}
        for group in groups:
            self.app.workers.cancel_group(self.app, group)
        # The work itself runs in threads that cannot be cancelled from outside; this stops them.
        stop_all()
        self.end()
        return groups
