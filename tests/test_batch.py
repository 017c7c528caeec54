"""--batch: parallel and in order, streaming, per-record errors, interrupts, full disks, Dask."""

import io
import json
import os
import pty
import resource
import signal
import subprocess
import sys
import time

import pytest

from briefer.cli import batch
from briefer.cli.batch import BatchOptions, run_batch
from conftest import ROOT, SEED


def corpus(count, *, bad_every=0):
    text = SEED.read_text()
    lines = []
    for i in range(count):
        if bad_every and i % bad_every == bad_every - 1:
            lines.append(["not json", json.dumps({"id": f"r{i}", "text": ""}), "[" * 100_000][(i // bad_every) % 3])
        else:
            # Each record a little different, so that a mix-up of order would show.
            lines.append(json.dumps({"id": f"r{i}", "text": text.replace("China", f"China{i}", 1)}))
    return "\n".join(lines) + "\n"


def run(source_text, jobs, **options):
    sink = io.StringIO()
    summary = run_batch(io.StringIO(source_text), sink, BatchOptions(**options), jobs=jobs)
    return [json.loads(line) for line in sink.getvalue().splitlines()], summary


def test_two_jobs_give_the_same_lines_in_the_same_order_as_one():
    source = corpus(40, bad_every=7)
    one, summary_one = run(source, 1, sentences=2)
    two, summary_two = run(source, 2, sentences=2)
    assert one == two
    assert [r["id"] for r in two] == [json.loads(line).get("id", n) if line.startswith("{") else n
                                      for n, line in enumerate(source.splitlines(), 1)]  # fmt: skip
    assert summary_one.records == summary_two.records == 40
    assert summary_one.failed == summary_two.failed == 5


def test_each_bad_record_gets_an_error_and_the_run_goes_on():
    records, summary = run(corpus(9, bad_every=3), 2, sentences=1)
    errors = {r["id"]: r["error"] for r in records if "error" in r}
    assert set(errors) == {3, "r5", 9}
    assert "not JSON" in errors[3] and "empty" in errors["r5"] and "nested too deeply" in errors[9]
    assert all(len(r["summary"]) == 1 for r in records if "error" not in r)
    assert summary.failed == 3 and summary.records == 9


def test_an_over_long_line_is_refused_without_being_held_whole():
    big = json.dumps({"id": "big", "text": "word " * 400_000})
    source = big + "\n" + json.dumps({"id": "ok", "text": SEED.read_text()}) + "\n"
    records, _ = run(source, 1, max_chars=1024 * 1024)
    assert records[0] == {"id": 1, "error": "line 1: larger than the 1 MB limit"}
    assert records[1]["id"] == "ok" and records[1]["summary"]


class CountingSource(io.StringIO):
    """A corpus that notes how far it has been read whenever output is written."""

    def __init__(self, text):
        super().__init__(text)
        self.lines_read = 0

    def readline(self, *args):
        line = super().readline(*args)
        self.lines_read += bool(line)
        return line


class WatchingSink(io.StringIO):
    def __init__(self, source):
        super().__init__()
        self.source = source
        self.most_ahead = 0

    def write(self, text):
        written = self.getvalue().count("\n")
        self.most_ahead = max(self.most_ahead, self.source.lines_read - written)
        return super().write(text)


@pytest.mark.parametrize("jobs", [1, 2])
def test_reading_stays_a_bounded_distance_ahead_of_writing(jobs):
    source = CountingSource(corpus(300))
    sink = WatchingSink(source)
    run_batch(source, sink, BatchOptions(sentences=1), jobs=jobs)
    bound = 1 if jobs == 1 else (jobs * batch.CHUNKS_PER_JOB + 1 + jobs) * batch.CHUNK_MAX_RECORDS
    assert 0 < sink.most_ahead <= bound
    assert sink.getvalue().count("\n") == 300


def test_summary_line_and_exit_code(run_brief, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(corpus(6, bad_every=4))
    result = run_brief("--batch", str(source), "--jobs", "2", "-n", "1")
    assert result.returncode == 1
    assert result.stderr.decode().startswith("brief: 1 of 6 records failed in ")
    assert len(result.stdout.splitlines()) == 6
    assert run_brief("--batch", str(source), "--jobs", "0").returncode == 2


def test_the_progress_bar_goes_to_a_terminal_and_never_into_the_output(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(corpus(30))
    target = tmp_path / "out.jsonl"
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "briefer", "--batch", str(source), "-o", str(target), "--jobs", "1"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=120) == 0
    os.close(master)
    assert b"briefing" in seen and b"30/30" in seen.replace(b" ", b"")
    assert b"30 records in" in seen
    assert b"\x1b" not in target.read_bytes() and len(target.read_text().splitlines()) == 30


def test_no_progress_bar_when_stderr_is_not_a_terminal(run_brief, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(corpus(3))
    result = run_brief("--batch", str(source), "--jobs", "1")
    assert result.stderr.decode().count("\n") == 1 and b"\x1b" not in result.stderr


@pytest.mark.parametrize(
    "sig, code, group", [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, True), (signal.SIGTERM, 143, False)]
)
def test_a_signal_mid_batch_leaves_the_output_untouched(tmp_path, sig, code, group):
    source = tmp_path / "in.jsonl"
    source.write_text(corpus(3000))
    target = tmp_path / "out.jsonl"
    target.write_text("the previous run's output\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "briefer", "--batch", str(source), "-o", str(target), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    # Wait until the batch is under way: its temporary file exists and has records in it.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".briefer-tmp")]
        if partial and partial[0].stat().st_size > 0:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the batch never started writing")
    # As a terminal's Ctrl-C does, to the whole process group, workers included; or as `kill` does.
    if group:
        os.killpg(process.pid, sig)
    else:
        process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert err.decode() == ("brief: interrupted\n" if sig == signal.SIGINT else "brief: terminated\n")
    assert target.read_text() == "the previous run's output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".briefer-tmp")] == []
    # No worker outlives the command.
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)


def _small_file_limit():
    # A full disk, as a file-size limit: writes past 64 KB fail with EFBIG instead of a signal.
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_mid_batch_is_an_output_error_and_keeps_the_old_file(tmp_path, jobs):
    source = tmp_path / "in.jsonl"
    source.write_text(corpus(200))
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--batch", str(source), "-o", str(target), "--jobs", jobs],
        capture_output=True,
        env=env,
        preexec_fn=_small_file_limit,
        timeout=300,
    )
    assert result.returncode == 4, result.stderr
    assert result.stderr.decode() == f"brief: {target}: cannot write: File too large\n"
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".briefer-tmp")] == []


def test_a_full_disk_for_a_single_briefing_too(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old\n")
    big = tmp_path / "big.txt"
    big.write_text(SEED.read_text() * 40)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefer", str(big), "-f", "json", "--include-text", "-o", str(target)],
        capture_output=True,
        env=env,
        preexec_fn=_small_file_limit,
        timeout=300,
    )
    assert result.returncode == 4 and b"File too large" in result.stderr
    assert target.read_text() == "old\n"


def test_the_same_batch_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    parts = tmp_path / "parts"
    parts.mkdir()
    source = corpus(12, bad_every=5).splitlines()
    (parts / "a.jsonl").write_text("\n".join(source[:7]) + "\n")
    (parts / "b.jsonl").write_text("\n".join(source[7:]) + "\n")
    expected, _ = run("\n".join(source[:7]) + "\n", 1, sentences=2)
    expected_b, _ = run("\n".join(source[7:]) + "\n", 1, sentences=2)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        command = [sys.executable, "-m", "briefer", "--batch", str(parts), "--scheduler", cluster.scheduler_address]
        printed = subprocess.run([*command, "-n", "2"], capture_output=True, env=env, timeout=300)
        written = subprocess.run([*command, "-n", "2", "-o", str(out)], capture_output=True, env=env, timeout=300)
    assert printed.returncode == written.returncode == 1  # one record of the twelve is bad
    assert [json.loads(line) for line in printed.stdout.splitlines()] == expected + expected_b
    assert printed.stderr.decode().startswith("brief: 2 of 12 records failed in ")
    assert [json.loads(line) for line in (out / "a.jsonl").read_text().splitlines()] == expected
    assert [json.loads(line) for line in (out / "b.jsonl").read_text().splitlines()] == expected_b


def test_an_unreachable_scheduler_is_one_line(run_brief, tmp_path):
    pytest.importorskip("distributed")
    source = tmp_path / "in.jsonl"
    source.write_text(corpus(1))
    result = run_brief("--batch", str(source), "--scheduler", "tcp://127.0.0.1:9", timeout=120)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.startswith("brief: cannot reach the Dask scheduler at tcp://127.0.0.1:9") and err.count("\n") == 1


def _die(chunk, options):
    os._exit(9)  # as the kernel's out-of-memory killer would end a worker


def test_a_worker_that_dies_is_an_error_not_a_hang(monkeypatch):
    from briefer.errors import BrieferError

    # Workers are forked from this process, so they run the replaced chunk function.
    monkeypatch.setattr(batch, "_brief_chunk", _die)
    monkeypatch.setattr(batch, "CHUNK_MAX_RECORDS", 4)  # several chunks, so that a pool is started
    monkeypatch.setattr(batch, "POOL_MIN_CHARS", 0)  # however short the records
    with pytest.raises(BrieferError, match="a worker process died"):
        run_batch(io.StringIO(corpus(20)), io.StringIO(), BatchOptions(), jobs=2)
