"""The first input read and analysed in a process of its own while the reader starts.

Textual takes most of a second of one core to show its first frame; reading the input,
importing numpy and the library, and analysing the text take about as long again. Done one
after the other in one interpreter, the ranked view comes long after the first frame. A child
forked before textual is imported does the second half on the other core meanwhile and hands
the result back through a pipe, pickled, so that the reader only has to unpickle it (without
numpy: see ``Article.__getstate__``) and draw it.

The child is the reader's alone and never outlives it: it is killed when the reader no longer
wants its result (Esc, another file opened, quitting), the kernel kills it if the reader dies
(Linux), and it writes to a pipe whose reader is gone at worst, which ends it. It never touches
the terminal: its standard streams are /dev/null.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
from collections.abc import Callable

# How often the thread waiting for the child looks up: short enough that Esc, which stops that
# thread at its next bytecode, is answered at once.
POLL_SECONDS = 0.05
CHUNK = 1 << 20
# How much the child gives way to the reader (see _child).
NICE = 10


class PrefetchFailed(Exception):
    """The child gave no result (killed, crashed, or unable to pickle it): do the work here."""


class Prefetch:
    """A child process working on one result; ``result`` waits for it, ``stop`` ends it."""

    def __init__(
        self, pid: int, fd: int | None, data: bytes | None = None, bad: Callable[[], None] | None = None
    ) -> None:
        self.pid = pid
        self._fd = fd
        # A result there already (kept from an earlier run), and what to do if it is unreadable.
        self._data = data
        self._bad = bad

    @classmethod
    def ready(cls, data: bytes, bad: Callable[[], None] | None = None) -> Prefetch:
        """A result there already, as a child would have sent it; ``bad`` is called if it cannot be read."""
        return cls(0, None, data, bad)

    @classmethod
    def start(cls, work: Callable[[], object], keep: Callable[[bytes], None] | None = None) -> Prefetch | None:
        """Fork a child that runs ``work`` and sends back its pickled result (which it then
        hands to ``keep``, in the child); None where processes cannot be forked (or fork
        fails), and the caller does the work itself.

        Call it before any thread is started (before textual is imported): only the thread
        that forks lives on in the child."""
        if not hasattr(os, "fork") or sys.platform == "darwin":
            # macOS's system libraries are not safe to use in a forked child without exec.
            return None
        try:
            read_fd, write_fd = os.pipe()
        except OSError:
            return None
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return None
        if pid == 0:  # pragma: no cover - the child: measured by what it sends back
            _child(read_fd, write_fd, parent, work, keep)
        os.close(write_fd)
        return cls(pid, read_fd)

    def result(self) -> object:
        """The child's result, once it has sent it (blocking: call it in a thread)."""
        if self._data is not None:
            data, self._data = self._data, None
            try:
                return pickle.loads(data)
            except Exception as error:
                if self._bad is not None:
                    self._bad()
                raise PrefetchFailed(f"the result kept cannot be read: {error}") from error
        fd = self._fd
        if fd is None:
            raise PrefetchFailed("stopped")
        chunks: list[bytes] = []
        try:
            while True:
                ready, _, _ = select.select([fd], [], [], POLL_SECONDS)
                if not ready:
                    continue
                chunk = os.read(fd, CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
        except BaseException:
            self.stop()  # stopped meanwhile (Esc): the child's work is not wanted any more
            raise
        self._close()
        # Not waited for: the child may still be keeping its result (see ``start``); it is
        # collected by ``stop``, when the reader quits.
        self._reap(block=False)
        if not chunks:
            raise PrefetchFailed("the child ended without a result")
        try:
            return pickle.loads(b"".join(chunks))
        except Exception as error:  # a result cut short is never a crash of the reader
            raise PrefetchFailed(f"the child's result cannot be read: {error}") from error

    def stop(self) -> None:
        """End the child (if it still runs) and collect it, so that no process is left behind."""
        self._close()
        if self.pid:
            with contextlib.suppress(OSError):  # ended already
                os.kill(self.pid, signal.SIGKILL)
            self._reap(block=True)

    def running(self) -> bool:
        """Whether the child is still at work (not yet collected)."""
        return bool(self.pid) and not self._reap(block=False)

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _reap(self, block: bool) -> bool:
        """Collect the child if it has ended; whether it is gone."""
        if not self.pid:
            return True
        try:
            done, _ = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            done = self.pid  # collected already
        if done:
            self.pid = 0
        return not self.pid


def _child(  # pragma: no cover
    read_fd: int, write_fd: int, parent: int, work: Callable[[], object], keep: Callable[[bytes], None] | None
) -> None:
    """The child's whole life: work, send, exit (never returns, never runs the parent's exit code)."""
    code = 1
    try:
        # Second to the reader's own start: on a free core the child runs at full speed all the
        # same, but where the two share one (a busy machine; Linux's autogroups put them in one
        # group), the first frame must not wait for the analysis, which can wait for it.
        with contextlib.suppress(OSError):
            os.nice(NICE)
        os.close(read_fd)
        _quiet()
        from .. import die_with_parent

        die_with_parent(parent)  # and if the reader died meanwhile, end here
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(write_fd, view) :]
        os.close(write_fd)  # the reader has it all: what follows does not hold it up
        if keep is not None:
            keep(data)
        code = 0
    except BaseException:
        pass  # nothing sent: the reader does the work itself
    finally:
        os._exit(code)


def _quiet() -> None:
    """Standard streams to /dev/null: the terminal is the reader's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
