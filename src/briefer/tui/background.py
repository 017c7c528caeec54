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
            result = function()
        except BaseException as error:  # handed to the awaiting coroutine, which re-raises it
            if not loop.is_closed():
                loop.call_soon_threadsafe(settle, None, error)
            return
        if not loop.is_closed():
            loop.call_soon_threadsafe(settle, result, None)

    threading.Thread(target=run, name=THREAD_NAME, daemon=True).start()
    return await future


def busy() -> bool:
    """Whether a background call is still running."""
    return any(t.name == THREAD_NAME and t.is_alive() for t in threading.enumerate())
