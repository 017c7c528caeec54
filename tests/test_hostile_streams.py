"""Issue 16, inputs that arrive as streams: named pipes, compressed bodies, batches.

No timing is asserted: a generous subprocess time-out catches only a hang, and where a fix
bounds work (a FIFO's wait, a gzip body's size) the bound itself is checked.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

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
