"""Briefing a corpus: JSON Lines in, JSON Lines out in input order, on every core, in flat memory.

Records are read one line at a time and handed to worker processes in small chunks; at most
a few chunks per worker are in flight, so memory stays the same for ten records or ten
million. A record that cannot be briefed becomes ``{"id", "error"}`` and the run goes on.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from .. import BrieferError, die_with_parent, numbered_lines

# Characters a worker takes at once (and at most so many records): enough to make the
# hand-over cheap next to the work.
CHUNK_CHARS = 64 * 1024
CHUNK_MAX_RECORDS = 256
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_MASKABLE = hasattr(signal, "pthread_sigmask")  # not on Windows
# Characters of records below which a batch is briefed in this process: each worker costs
# a start and its own imports. Measured with 2 jobs against 1 on records of 330 characters
# (medians of 3, load 11-15 on 2 cores): 33 KB 1.26 and 82 KB 1.12 times as long with the
# pool, 158 KB 0.78 and 328 KB 0.81; 1,000 records of 160 characters (180 KB) 1.00.
POOL_MIN_CHARS = 2 * CHUNK_CHARS
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


def _chunks(records: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """Records in chunks of about CHUNK_CHARS characters: a worker's hand-over costs the same
    for a short record as for a long one, so short records travel many to a chunk."""
    chunk: list[tuple[int, str]] = []
    chars = 0
    for record in records:
        chunk.append(record)
        chars += len(record[1])
        if chars >= CHUNK_CHARS or len(chunk) >= CHUNK_MAX_RECORDS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _worker_init() -> None:
    # Ctrl-C and a SIGTERM to the process group reach every worker; only the parent acts on
    # them, by killing the workers itself (a worker dying first would turn "terminated" into
    # "a worker process died"). A worker whose parent is gone obeys SIGTERM at once.
    global _PARENT
    _PARENT = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_worker_sigterm)
    die_with_parent()
    if _MASKABLE:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


_PARENT = 0


def _on_worker_sigterm(signum: int, frame: object) -> None:
    if os.getppid() != _PARENT:
        os._exit(128 + signum)


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


def worker_count(jobs: int, chunks_ahead: int, chars_ahead: int | None = None) -> int:
    """Workers for a run: never more than the cores, nor than the chunks there are to brief
    (``chunks_ahead`` were read ahead, fewer than asked for when the input ended), and none
    at all (1: this process) when the records read ahead, ``chars_ahead`` characters in all,
    are the whole input and less than POOL_MIN_CHARS."""
    if chars_ahead is not None and chars_ahead < POOL_MIN_CHARS:
        return 1
    return max(1, min(jobs, default_jobs(), chunks_ahead))


def _read_ahead(chunks: Iterator[list[tuple[int, str]]], jobs: int) -> tuple[list[list[tuple[int, str]]], int]:
    """Chunks read before the pool is decided on: at least ``jobs``, and enough for
    POOL_MIN_CHARS characters unless the input ends first; and their characters."""
    ahead: list[list[tuple[int, str]]] = []
    chars = 0
    for chunk in chunks:
        ahead.append(chunk)
        chars += sum(len(line) for _, line in chunk)
        if len(ahead) >= jobs and chars >= POOL_MIN_CHARS:
            break
    return ahead, chars


def briefed_lines(records: Iterable[tuple[int, str]], options: BatchOptions, jobs: int) -> Iterator[tuple[str, bool]]:
    """Output lines in input order, from worker processes when that pays (in this process else)."""
    if min(jobs, default_jobs()) <= 1:
        for number, line in records:
            yield brief_line(number, line, options)
        return
    chunks = _chunks(records)
    ahead, chars = _read_ahead(chunks, min(jobs, default_jobs()))
    workers = worker_count(jobs, len(ahead), chars)
    if workers <= 1:
        # Little work: starting a pool would cost more than it gives.
        for chunk in itertools.chain(ahead, chunks):
            for number, line in chunk:
                yield brief_line(number, line, options)
        return
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    pending: deque[Future] = deque()
    finished = False
    try:
        for chunk in itertools.chain(ahead, chunks):
            pending.append(_submit(executor, chunk, options))
            if len(pending) >= workers * CHUNKS_PER_JOB:
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
            # Interrupted, or the reader of a pipe went away: end the workers now rather than
            # after the chunk in hand, which on long records took a minute and more.
            _stop(executor)


# Set once workers were killed mid-chunk: the command then ends without the interpreter's exit
# handlers, one of which would wait for ever on the pool (see command._leave_if_pool_abandoned).
pool_abandoned: bool = False


def _stop(executor: Any) -> None:
    global pool_abandoned
    pool_abandoned = True
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        # Reaped here, so that none is left behind even for a moment once the command ends.
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(timeout=2)
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
