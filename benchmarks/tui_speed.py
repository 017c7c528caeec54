"""How quickly the interactive reader answers: launch to first screen, and `+` to the new briefing.

    PYTHONPATH=src python benchmarks/tui_speed.py [--runs N]

Launch is measured in fresh processes (imports included): the time from the start of Python
to the first screen with the sample's briefing rendered, headless. The `+` figure is the time
from the key press to the briefing screen showing one more key point. A long article from
../shared/data is added when that folder is there (it is not part of the repository).
Medians over the runs; the machine is shared, so compare figures taken in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to a checkout, or two levels up from a worktree.
SHARED = next(
    (
        p / "shared" / "data" / "multinews_dev_100.jsonl"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "data" / "multinews_dev_100.jsonl").exists()
    ),
    ROOT.parent / "shared" / "data" / "multinews_dev_100.jsonl",
)

CHILD = """
import asyncio, sys, time
from briefer.tui.launch import make_app

async def main():
    app = make_app(sys.argv[1:])
    async with app.run_test(size=(100, 30)) as pilot:
        while app.briefings_shown < 1:
            await asyncio.sleep(0.002)
        await pilot.pause()
        print(time.perf_counter())

asyncio.run(main())
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def launch_seconds(args: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall seconds from process start to the first screen, its CPU seconds, and a bare start."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    totals, cpus, bare = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        bare.append(time.perf_counter() - start)
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run([sys.executable, "-c", CHILD, *args], check=True, env=env, capture_output=True)
        totals.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(totals), statistics.median(cpus), statistics.median(bare)


async def press_seconds(path: str, method: str, presses: int) -> tuple[float, float, float]:
    """Median seconds from `+`/`-` to the briefing screen showing the new length; and the first ranking."""
    from briefer.tui.briefing_screen import BriefingView
    from briefer.tui.launch import make_app

    app = make_app([path])
    async with app.run_test(size=(100, 30)) as pilot:
        while app.briefings_shown < 1:
            await asyncio.sleep(0.002)
        await pilot.pause()
        start = time.perf_counter()
        if method != app.article.method:
            app.use_method(method)
            await app.workers.wait_for_complete()
            await pilot.pause()
        first = time.perf_counter() - start
        await pilot.press("s")
        await pilot.pause()
        times, cpus = [], []
        for i in range(presses):
            key = "plus" if i % 2 == 0 else "minus"
            wanted = len(app.article.briefing.key_points) + (1 if key == "plus" else -1)
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            while (
                app.screen.query_one(BriefingView).briefing is None
                or len(app.screen.query_one(BriefingView).briefing.key_points) != wanted
            ):
                await asyncio.sleep(0.001)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
        return statistics.median(times), statistics.median(cpus), first


async def noop_press_seconds(presses: int) -> tuple[float, float]:
    """A key that only scrolls: what a press costs the test harness and one repaint."""
    from briefer.tui.launch import make_app

    app = make_app([])
    async with app.run_test(size=(100, 30)) as pilot:
        while app.briefings_shown < 1:
            await asyncio.sleep(0.002)
        await pilot.pause()
        times, cpus = [], []
        for i in range(presses):
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("j" if i % 2 == 0 else "k")
            await pilot.pause()
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
        return statistics.median(times), statistics.median(cpus)


def long_article() -> str | None:
    if not SHARED.exists():
        return None
    records = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines() if line.strip()]
    text = max(records, key=lambda r: len(r["text"]))["text"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    return handle.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from briefer.pipeline import sample_path

    inputs = [("sample", str(sample_path()))]
    long_path = long_article()
    if long_path:
        inputs.append(("long (multinews, ../shared)", long_path))
    else:
        print("note: ../shared/data is absent; only the sample is measured")

    # Wall time is what a user waits; CPU time is what it would be on an idle machine.
    print(f"{'input':<28} {'measure':<38} {'wall':>9} {'cpu':>9}  aim")
    noop, noop_cpu = asyncio.run(noop_press_seconds(args.presses))

    def row(name: str, measure: str, wall: float, cpu: float | None = None, aim: str = "") -> None:
        cpu_text = f"{cpu * 1000:>7.0f}ms" if cpu is not None else f"{'':>9}"
        print(f"{name:<28} {measure:<38} {wall * 1000:>7.0f}ms {cpu_text}  {aim}")

    for name, path in inputs:
        total, cpu, bare = launch_seconds([path], args.runs)
        row(name, "launch to first screen (a process)", total, cpu, "< 1000 ms")
        row("", "  a bare `python -c pass`", bare)
        for method in ("topic", "lex-rank"):
            press, press_cpu, first = asyncio.run(press_seconds(path, method, args.presses))
            if method != "topic":
                row("", f"switch to {method} (ranks once)", first)
            row("", f"+/- to the new briefing ({method})", press, press_cpu, "< 100 ms")
    row("reference", "a key that only scrolls (j/k)", noop, noop_cpu)
    if long_path:
        os.unlink(long_path)


if __name__ == "__main__":
    main()
