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
from briefer.tui.app import make_app

async def main():
    app = make_app(sys.argv[1:])
    async with app.run_test(size=(100, 30)) as pilot:
        while app.briefings_shown < 1:
            await asyncio.sleep(0.002)
        await pilot.pause()
        print(time.perf_counter())

asyncio.run(main())
"""


def launch_seconds(args: list[str], runs: int) -> tuple[float, float]:
    """Median seconds from process start to the first screen, and of a bare `python -c pass`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    totals, bare = [], []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", CHILD, *args], check=True, env=env, capture_output=True)
        totals.append(time.perf_counter() - start)
    return statistics.median(totals), statistics.median(bare)


async def press_seconds(path: str, method: str, presses: int) -> tuple[float, float]:
    """Median seconds from `+`/`-` to the briefing screen showing the new length; and the first ranking."""
    from briefer.tui.app import make_app
    from briefer.tui.briefing_screen import BriefingView

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
        times = []
        for i in range(presses):
            key = "plus" if i % 2 == 0 else "minus"
            wanted = len(app.article.briefing.key_points) + (1 if key == "plus" else -1)
            start = time.perf_counter()
            await pilot.press(key)
            while (
                app.screen.query_one(BriefingView).briefing is None
                or len(app.screen.query_one(BriefingView).briefing.key_points) != wanted
            ):
                await asyncio.sleep(0.001)
            await pilot.pause()
            times.append(time.perf_counter() - start)
        return statistics.median(times), first


async def noop_press_seconds(presses: int) -> float:
    """A key that only scrolls: what a press costs the test harness and one repaint."""
    from briefer.tui.app import make_app

    app = make_app([])
    async with app.run_test(size=(100, 30)) as pilot:
        while app.briefings_shown < 1:
            await asyncio.sleep(0.002)
        await pilot.pause()
        times = []
        for i in range(presses):
            start = time.perf_counter()
            await pilot.press("j" if i % 2 == 0 else "k")
            await pilot.pause()
            times.append(time.perf_counter() - start)
        return statistics.median(times)


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

    print(f"{'input':<30} {'measure':<40} {'median':>10}  aim")
    noop = asyncio.run(noop_press_seconds(args.presses))
    for name, path in inputs:
        total, bare = launch_seconds([path], args.runs)
        print(f"{name:<30} {'launch to first screen (process)':<40} {total * 1000:>8.0f}ms  < 1000 ms")
        print(f"{'':<30} {'  of which bare python start':<40} {bare * 1000:>8.0f}ms")
        for method in ("topic", "lex-rank"):
            press, first = asyncio.run(press_seconds(path, method, args.presses))
            if method != "topic":
                print(f"{'':<30} {f'switch to {method} (ranking once)':<40} {first * 1000:>8.0f}ms")
            print(f"{'':<30} {f'+/- to updated briefing ({method})':<40} {press * 1000:>8.1f}ms  < 100 ms")
    print(f"{'reference':<30} {'a key that only scrolls (j/k)':<40} {noop * 1000:>8.1f}ms")
    if long_path:
        os.unlink(long_path)


if __name__ == "__main__":
    main()
