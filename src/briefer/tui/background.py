"""Slow library calls off the event loop, in threads that never hold up quitting.

Textual's thread workers run in asyncio's default executor, which ``asyncio.run`` joins on
the way out: quitting during a slow ranking (sumy's KL-Sum on a long text takes a minute)
would leave a blank terminal until it ends. A daemon thread per call does not; the worker
awaiting it is still cancelled the usual way when a newer request replaces it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

THREAD_NAME = "briefer-background"

# The threads inside a call now: only these are stopped, never one on its way out.
_working: set[int] = set()
_lock = threading.Lock()


async def in_background(function: Callable[[], T]) -> T:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # the awaiting worker was cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            with _lock:
                _working.add(threading.get_ident())
            try:
                result = function()
            except Stopped:
                return  # stopped by the user: the worker that wanted it is gone
            except BaseException as error:  # handed to the awaiting coroutine, which re-raises it
                if not loop.is_closed():
                    loop.call_soon_threadsafe(settle, None, error)
                return
            finally:
                with _lock:
                    _working.discard(threading.get_ident())
            if not loop.is_closed():
                loop.call_soon_threadsafe(settle, result, None)
        except Stopped:
            pass  # arrived a moment too late, between the call's end and the thread's

    threading.Thread(target=run, name=THREAD_NAME, daemon=True).start()
    return await future


def busy() -> bool:
    """Whether a background call is still running."""
    return any(t.name == THREAD_NAME and t.is_alive() for t in threading.enumerate())


class Stopped(BaseException):
    """Raised inside a background call that the user stopped (Esc); nobody waits for its result."""


def stop_all() -> None:
    """Stop every background call still running.

    A thread cannot be cancelled from outside, and the library's rankers have no way to be
    told to stop; CPython can raise an exception in another thread at its next bytecode, which
    ends a ranking stuck in a Python loop (sumy's LexRank) within moments instead of a minute
    of a core spent on a result nobody wants. The worker awaiting it was cancelled already, so
    the exception is only handed to a future that is done, and dropped.
    """
    import ctypes

    with _lock:
        for ident in _working:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(Stopped))
