"""Issue 16, inputs that arrive as streams: named pipes, compressed bodies, batches.

No timing is asserted: a generous subprocess time-out catches only a hang, and where a fix
bounds work (a FIFO's wait, a gzip body's size) the bound itself is checked.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import gzip
import http.server
import io
import json
import os
import random
import subprocess
import sys
import threading
import time

import pytest

import hostile as H
from briefer.errors import InputError
from conftest import ROOT, SEED

HANG = 120  # seconds: far past what any of these takes; only a hang reaches it
fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def _shell(line: str, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("NO_COLOR", None)
    command = line.replace("BRIEF", f"{sys.executable} -m briefer")
    return subprocess.run(["sh", "-c", command], capture_output=True, env=env, timeout=HANG, cwd=tmp_path)


@fifo_only
def test_a_fifo_without_a_writer_is_refused_after_the_timeout(run_brief, tmp_path):
    os.mkfifo(tmp_path / "fifo")
    result = run_brief("fifo", "--timeout", "1", timeout=HANG)
    assert result.returncode == 3
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0]
    assert "fifo: a named pipe (FIFO) that no program opened to write within 1 s" in lines[0]
    assert "--timeout" in lines[0]


@fifo_only
def test_a_fifo_whose_writer_comes_later_is_read(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    result = _shell(f"(sleep 0.5; cat {SEED} > fifo) & BRIEF fifo --timeout 30; code=$?; wait; exit $code", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


@fifo_only
def test_a_fifo_whose_writer_is_slow_to_write_is_read_past_the_timeout(tmp_path):
    # The writer is there from the start: the pipe is read as it comes, like standard input.
    os.mkfifo(tmp_path / "fifo")
    result = _shell(f"{{ sleep 2; cat {SEED}; }} > fifo & BRIEF fifo --timeout 1; code=$?; wait; exit $code", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


@fifo_only
def test_a_fifo_whose_writer_writes_nothing_is_empty(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    result = _shell("(sleep 0.3; : > fifo) & BRIEF fifo --timeout 30; code=$?; wait; exit $code", tmp_path)
    assert result.returncode == 3
    assert "empty" in result.stderr.decode()


class _Trickle:
    """A response body read with read1, counting how much of it was taken."""

    def __init__(self, data: bytes) -> None:
        self.stream = io.BytesIO(data)
        self.taken = 0

    def read1(self, size: int) -> bytes:
        piece = self.stream.read(size)
        self.taken += len(piece)
        return piece


def test_a_gzip_bomb_under_a_raised_limit_is_cut_early():
    from briefer.sources import url

    bomb = H.gzip_bomb(400)  # 400 MB of spaces in about 400 KB
    body = _Trickle(bomb)
    with pytest.raises(InputError, match=r"gzip body unpacks to more than 200 times its size"):
        url._read(body, "http://x/bomb", 2**40, time.monotonic() + 600, 600, "gzip")
    # The work is cut: a small part of the body was unpacked, not all 400 MB of it.
    assert body.taken < len(bomb) // 4


def test_a_gzip_body_is_never_held_past_the_limit():
    from briefer.sources import url

    # Words in random order pack about 3 to 1, as pages do: no bomb, only too big.
    dice = random.Random(16)
    words = H.PROSE.split()
    text = " ".join(dice.choice(words) for _ in range(500_000)).encode()
    packed = gzip.compress(text)
    body = _Trickle(packed)
    with pytest.raises(InputError, match=r"larger than the 1 MB limit \(raise it with --max-size\)"):
        url._read(body, "http://x/big", 1024 * 1024, time.monotonic() + 600, 600, "gzip")
    assert body.taken < len(packed)
    # Under the limit, the same body is read whole.
    assert url._read(_Trickle(packed), "http://x/big", 4 * len(text), time.monotonic() + 600, 600, "gzip") == text


def test_a_gzip_bomb_from_a_server_costs_little_memory(tmp_path):
    bomb = H.gzip_bomb(1000)  # 1 GB of spaces
    with _server(bomb, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}) as address:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "XDG_DATA_HOME": str(tmp_path)}
        with (tmp_path / "err").open("w+b") as err:
            child = subprocess.Popen(
                [sys.executable, "-m", "briefer", address, "--max-size", "20000"],
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=env,
            )
            hang = threading.Timer(HANG, child.kill)
            hang.start()
            _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
            hang.cancel()
            err.seek(0)
            message = err.read().decode()
    assert os.waitstatus_to_exitcode(status) == 3, message
    assert "a compression bomb" in message
    # Far below the 1 GB the body inflates to (and the 3 GB the raised limit allows).
    assert usage.ru_maxrss < 400 * 1024


@contextlib.contextmanager
def _server(body: bytes, headers: dict[str, str]):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bomb"
    finally:
        server.shutdown()


# --- the pool only where it pays ------------------------------------------------------------


def _tiny_records(count: int) -> str:
    return "".join(json.dumps({"id": i, "text": H.PROSE}) + "\n" for i in range(count))


def test_the_pool_is_decided_by_the_records_length(monkeypatch):
    from briefer.cli import batch

    monkeypatch.setattr(batch, "default_jobs", lambda: 4)
    assert batch.worker_count(2, 10, batch.POOL_MIN_CHARS - 1) == 1
    assert batch.worker_count(2, 10, batch.POOL_MIN_CHARS) == 2
    assert batch.worker_count(8, 3, 10 * batch.POOL_MIN_CHARS) == 3  # never more than the chunks
    assert batch.worker_count(99, 100, 10 * batch.POOL_MIN_CHARS) == 4  # nor than the cores


class _CountedPool:
    made = 0
    real = concurrent.futures.ProcessPoolExecutor

    def __new__(cls, *args, **kwargs):
        cls.made += 1
        return cls.real(*args, **kwargs)


@pytest.mark.parametrize("long_enough", [False, True])
def test_a_batch_of_tiny_records_is_briefed_in_this_process(monkeypatch, long_enough):
    from briefer.cli import batch

    source = _tiny_records(40)  # about 14,000 characters
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    monkeypatch.setattr(batch, "CHUNK_MAX_RECORDS", 4)  # many chunks: only the length decides
    if long_enough:
        monkeypatch.setattr(batch, "POOL_MIN_CHARS", len(source) // 2)
    monkeypatch.setattr(_CountedPool, "made", 0)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountedPool)
    out = io.StringIO()
    summary = batch.run_batch(io.StringIO(source), out, batch.BatchOptions(sentences=1), jobs=2)
    assert summary.records == 40 and not summary.failed
    assert _CountedPool.made == (1 if long_enough else 0)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == list(range(40))
