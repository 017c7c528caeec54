"""Briefing a corpus: JSON Lines in, JSON Lines out in input order, on every core, in flat memory.

Records are read one line at a time and handed to worker processes in small chunks; at most
a few chunks per worker are in flight, so memory stays the same for ten records or ten
million. A record that cannot be briefed becomes ``{"id", "error"}`` and the run goes on.
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from .. import BrieferError, numbered_lines

# Records a worker takes at once: enough to make the hand-over cheap next to the work.
CHUNK_RECORDS = 8
# Chunks in flight for each worker: keeps every core busy while memory stays bounded.
CHUNKS_PER_JOB = 4


@dataclass(frozen=True)
class BatchOptions:
    """What every record is briefed with; small and picklable, sent to each worker."""

    method: str = "topic"
    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None
    order: str = "document"
    language: str = "en"
    focus: str | None = None
    topic: str | None = None
    max_chars: int = 50 * 1024 * 1024


@dataclass
class BatchSummary:
    records: int = 0
    failed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = f", {self.records / self.seconds:.0f} a second" if self.seconds > 0 and self.records else ""
        failed = f"{self.failed} of {self.records} records failed" if self.failed else f"{self.records} records"
        return f"{failed} in {self.seconds:.1f} s{rate}"


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def brief_line(line_number: int, line: str, options: BatchOptions) -> tuple[str, bool]:
    """One JSON Lines record to one output line; ``(json, failed)``. Never raises for bad data."""
    from .. import Budget, brief, dumps, parse_record, record_document, record_id, to_dict

    record: dict | None = None
    try:
        record = parse_record(line_number, line, options.max_chars)
        document = record_document(record, line_number, options.language)
        budget = Budget(options.sentences, options.words, options.ratio)
        method, order = options.method, options.order
        briefing = brief(document, method=method, budget=budget, order=order, focus=options.focus, topic=options.topic)
        return dumps({"id": record_id(record, line_number), **to_dict(briefing)}), False
    except BrieferError as error:
        message = error.message
    except RecursionError:
        message = f"line {line_number}: JSON nested too deeply"
    except Exception as error:  # a bug must cost one record, not the whole corpus
        message = f"internal error: {type(error).__name__}: {error}"
    return dumps({"id": record_id(record, line_number), "error": message}), True


def _brief_chunk(chunk: list[tuple[int, str]], options: BatchOptions) -> list[tuple[str, bool]]:
    return [brief_line(number, line, options) for number, line in chunk]


def _chunks(records: Iterable[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_MASKABLE = hasattr(signal, "pthread_sigmask")  # not on Windows


def _worker_init() -> None:
    # Ctrl-C (and a SIGTERM to the process group) reaches every worker; only the parent acts
    # on it. A worker killed while it sends a result would leave half a message in the result
    # pipe, on which the pool's thread in the parent then waits forever, so workers never die
    # mid-chunk: the parent cancels what has not started and they end after the chunk in hand.
    # The parent forked this process with both signals blocked (see _submit), so none came
    # in before this point.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if _MASKABLE:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _submit(executor, chunk: list[tuple[int, str]], options: BatchOptions):
    # A submit may fork a worker, and a forked worker starts with the parent's handlers, which
    # raise exceptions: a signal arriving before _worker_init would print a traceback there.
    # Blocked signals wait, and reach the parent as soon as they are unblocked.
    if not _MASKABLE:
        return executor.submit(_brief_chunk, chunk, options)
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        return executor.submit(_brief_chunk, chunk, options)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def briefed_lines(records: Iterable[tuple[int, str]], options: BatchOptions, jobs: int) -> Iterator[tuple[str, bool]]:
    """Output lines in input order, from ``jobs`` worker processes (in this process for 1)."""
    if jobs <= 1:
        for number, line in records:
            yield brief_line(number, line, options)
        return
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    pending: deque[Future] = deque()
    finished = False
    try:
        chunks = _chunks(records, CHUNK_RECORDS)
        for chunk in chunks:
            pending.append(_submit(executor, chunk, options))
            if len(pending) >= jobs * CHUNKS_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    except BrokenProcessPool:
        raise BrieferError("a worker process died (out of memory?); the output is incomplete") from None
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            # Interrupted, or the reader of a pipe went away: drop the chunks not yet started;
            # the workers end after the one in hand (see _worker_init for why not sooner).
            executor.shutdown(wait=False, cancel_futures=True)


def run_batch(
    source: TextIO,
    sink: TextIO,
    options: BatchOptions,
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Brief every record of ``source`` into ``sink``; ``progress`` is called once a record."""
    summary = BatchSummary()
    started = time.perf_counter()
    for line, failed in briefed_lines(numbered_lines(source, options.max_chars), options, jobs):
        sink.write(line + "\n")
        summary.records += 1
        summary.failed += failed
        if progress is not None:
            progress(summary.records)
    sink.flush()
    summary.seconds = time.perf_counter() - started
    return summary
