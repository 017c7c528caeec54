"""``--batch`` beyond one machine: JSON Lines partitions briefed on a Dask cluster.

Each input file is a partition and one task: a worker reads it line by line, briefs every
record and either writes ``<output folder>/<name>.jsonl`` (atomically) or returns the lines
for the client to print in order. Workers need briefer installed and, when writing, a folder
they all see (a shared file system). Dask is an optional extra: ``pip install 'briefer[dask]'``.
"""

from __future__ import annotations

import glob
import os
import time

from .. import BrieferError, InputError, UsageError, numbered_lines
from .batch import BatchOptions, BatchSummary, brief_line


def partitions(pattern: str) -> list[str]:
    """The files a batch names: one path, a folder of ``*.jsonl``, or a glob, in sorted order."""
    if pattern == "-":
        raise UsageError("--scheduler reads files (a path, a folder or a glob), not stdin")
    if os.path.isdir(pattern):
        pattern = os.path.join(pattern, "*.jsonl")
    files = sorted(path for path in glob.glob(pattern) if os.path.isfile(path))
    if not files:
        raise InputError(f"{pattern}: no such file")
    return files


def brief_partition(path: str, options: BatchOptions, output: str | None = None) -> tuple[int, int, list[str]]:
    """Brief one partition; ``(records, failed, lines)``, the lines empty when written to ``output``."""
    from .. import AtomicFile, open_input

    lines: list[str] = []
    records = failed = 0
    with open_input(path, text=True) as source:
        if output is None:
            for number, line in numbered_lines(source, options.max_chars):
                text, bad = brief_line(number, line, options)
                lines.append(text)
                records, failed = records + 1, failed + bad
            return records, failed, lines
        with AtomicFile(output) as sink:
            for number, line in numbered_lines(source, options.max_chars):
                text, bad = brief_line(number, line, options)
                sink.write(text + "\n")
                records, failed = records + 1, failed + bad
    return records, failed, lines


def run_on_cluster(address: str, pattern: str, output: str | None, options: BatchOptions, *, sink=None) -> BatchSummary:
    """Brief every partition on the cluster at ``address``; print to ``sink`` or write to folder ``output``."""
    import sys

    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'briefer[dask]'") from None
    files = partitions(pattern)
    if output is not None and output != "-":
        if not os.path.isdir(output):
            raise UsageError(f"{output}: with --scheduler, -o names an existing folder for the partitions")
        targets: list[str | None] = [os.path.join(output, _part_name(path)) for path in files]
        if len(set(targets)) != len(targets):
            raise UsageError("two partitions share a file name; give them distinct names")
    else:
        targets = [None] * len(files)
    started = time.perf_counter()
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise BrieferError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    summary = BatchSummary()
    out = sink or sys.stdout
    with client:
        futures = client.map(brief_partition, files, [options] * len(files), targets, pure=False)
        try:
            for future in futures:  # in input order; later partitions run meanwhile
                try:
                    records, failed, lines = future.result()
                except BrieferError:
                    raise
                except Exception as error:  # a worker without briefer, a lost worker, a full disk there
                    message = str(error).splitlines()[0] if str(error) else ""
                    raise BrieferError(f"the cluster failed: {type(error).__name__}: {message}") from None
                for line in lines:
                    out.write(line + "\n")
                summary.records += records
                summary.failed += failed
            out.flush()
        finally:
            client.cancel(futures)
    summary.seconds = time.perf_counter() - started
    return summary


def _part_name(path: str) -> str:
    stem = os.path.basename(path)
    return stem if stem.endswith(".jsonl") else stem + ".jsonl"
