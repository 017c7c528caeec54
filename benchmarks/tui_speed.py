"""How quickly the interactive reader answers: launch to first frame, and `+` to the new briefing.

    PYTHONPATH=src python benchmarks/tui_speed.py [--runs N] [--no-tmux] [--only-tmux] [--baseline SRC]

In a real terminal (tmux, 80x24, when tmux is installed): the time from launching a command to
the first frame showing the text, found by polling the pane, for a minimal Textual app that
shows one line (the floor: Python and Textual starting) and for `brief -i` on the sample and
on a text of about 1 MB; then the time to the ranked view (the title bar's "n/N sentences").
Then keys while the 1 MB text is analysed: space and b pressed in turn (tmux send-keys) from
the first frame on, each timed until the pane changes, by phase: before the ranked view (the
analysis runs in a process beside the interface), in the two seconds after it (the analysed
article drawn in place of the raw text, the analysis unpickled in the background), and after.
Last, headless: the event loop's longest stall as the 1 MB text's article comes from the child
(see HANDOVER), in wall time and in the process's CPU time, which the load inflates far less.
Headless, in fresh processes: launch to the first screen with the sample's briefing rendered.
The `+` figure is the time from the key press to the briefing screen showing one more key point.
Long texts from ../shared/data are added when that folder is there (not part of the repository;
without it the 1 MB text is the sample repeated). Medians over the runs; the machine is shared,
so compare figures taken in the same run, and read the load printed with them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
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


# The child's article handed to the reader, headless at 80x24: the article is made and pickled
# first (as the child sends it), the reader started with a stand-in for the child that hands it
# over a second later, and the event loop's longest stall from then on is timed by a coroutine
# that wakes every 2 ms: its wall time and the process's CPU time over it (all threads), which
# a busy machine inflates far less than the wall time. The analysis's idle-time warming (see
# warming.py) is put off, as it would be while keys come.
HANDOVER = """
import asyncio, json, pickle, sys, threading, time
from briefer.tui.launch import _sources, make_app
from briefer.tui.prefetch import Prefetch
from briefer.tui.session import open_first
try:
    import briefer.tui.warming as warming
    warming.IDLE_SECONDS = 1000
except ImportError:
    pass

path = sys.argv[1]
specs, source_for = _sources([path], None, None)
source = source_for(specs[0])
found = open_first(source.name, source.load, "topic", 0, False)
getattr(found[0], "pane_plan", lambda: None)()
data = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
go = threading.Event()

class Late(Prefetch):
    def result(self):
        go.wait()
        return pickle.loads(data)

async def main():
    app = make_app([path])
    app.prefetch = Late(0, None)
    gaps = []
    async with app.run_test(size=(80, 24)):
        await asyncio.sleep(1.0)
        last = [time.perf_counter(), time.process_time()]
        go.set()
        shown = None
        while shown is None or time.perf_counter() - shown < 1.0:
            await asyncio.sleep(0.002)
            now, cpu = time.perf_counter(), time.process_time()
            gaps.append((now - last[0], cpu - last[1]))
            last = [now, cpu]
            if shown is None and app.briefings_shown:
                shown = now
    print(json.dumps(max(gaps)))

asyncio.run(main())
"""


def handover_stall(path: str, src: Path) -> tuple[float, float]:
    """The longest event-loop stall as the child's article for ``path`` is handed over (wall, CPU)."""
    env = {**os.environ, "PYTHONPATH": str(src), "BRIEFER_CONFIG": f"{tempfile.gettempdir()}/tui-speed-handover.toml"}
    env["BRIEFER_CACHE"] = _fresh_cache()
    out = subprocess.run([sys.executable, "-c", HANDOVER, path], check=True, env=env, capture_output=True, text=True)
    wall, cpu = json.loads(out.stdout.strip().splitlines()[-1])
    return wall, cpu


MINIMAL = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("minimal app ready")

Minimal().run()
"""

# What the first frame and the ranked view show: the text's first words, and the title bar's
# count of key sentences ("topic · 5/26 sentences"), which appears once the briefing is made.
RANKED = " sentences"


# A tmux server of its own (a socket name), kept alive by an idle session between the runs: a
# server that exits with its last session races the next run's start.
TMUX = ["tmux", "-L", f"tui-speed-{os.getpid()}"]
# The reader's article caches, one per launch (see tmux_seconds), removed at the end.
CACHES = os.path.join(tempfile.gettempdir(), f"tui-speed-caches-{os.getpid()}")


def _fresh_cache() -> str:
    os.makedirs(CACHES, exist_ok=True)
    return tempfile.mkdtemp(dir=CACHES)


def _pane(session: str) -> str:
    result = subprocess.run([*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True)
    return result.stdout


def tmux_seconds(
    command: list[str], marker: str, ranked: str | None, timeout: float = 120, cache: str | None = None
) -> tuple[float, float]:
    """Seconds from launching ``command`` in an 80x24 tmux pane to ``marker`` on screen, and to ``ranked``."""
    session = f"tui-speed-{os.getpid()}"
    env_args = ["-e", f"PYTHONPATH={ROOT / 'src'}"]
    # A config of its own, so that the user's settings (theme, method, pane) do not change the run.
    env_args += ["-e", f"BRIEFER_CONFIG={tempfile.gettempdir()}/tui-speed-{os.getpid()}.toml"]
    # The reader keeps the articles it opened (article_cache.py): an empty cache each launch,
    # unless the case is a text opened again.
    env_args += ["-e", f"BRIEFER_CACHE={cache or _fresh_cache()}"]
    shell_command = " ".join(_quote(part) for part in command)
    start = time.perf_counter()
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", *env_args, shell_command], check=True
    )
    first = ranked_at = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            screen = _pane(session)
            now = time.perf_counter() - start
            if first != first and marker in screen:
                first = now
            if first == first and (ranked is None or ranked in screen):
                ranked_at = now
                break
            time.sleep(0.01)
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)
    return first, ranked_at


# The phases of the keys' probe (see tmux_key_seconds).
PHASES = ("analysis", "hand-over", "after")
HANDOVER_SECONDS = 2.0


def tmux_key_seconds(command: list[str], marker: str, after: int = 10, timeout: float = 120) -> dict[str, list[float]]:
    """Seconds from each key sent (space and b in turn) to the pane changing, from the first
    frame on, by phase: "analysis" for keys sent before the ranked view (``RANKED``) appears,
    "hand-over" for the HANDOVER_SECONDS after it (the analysed article replacing the raw text,
    the analysis unpickled in the background), then ``after`` presses a second later with
    nothing running beside them (a reference: the cost of one key and of polling tmux)."""
    session = f"tui-keys-{os.getpid()}"
    env_args = ["-e", f"PYTHONPATH={ROOT / 'src'}"]
    env_args += ["-e", f"BRIEFER_CONFIG={tempfile.gettempdir()}/tui-speed-{os.getpid()}.toml"]
    env_args += ["-e", f"BRIEFER_CACHE={_fresh_cache()}"]
    shell_command = " ".join(_quote(part) for part in command)
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", *env_args, shell_command], check=True
    )
    times: dict[str, list[float]] = {phase: [] for phase in PHASES}
    start = time.perf_counter()
    ranked_at: float | None = None
    try:
        screen = _pane(session)
        while marker not in screen and time.perf_counter() - start < timeout:
            time.sleep(0.01)
            screen = _pane(session)
        presses = lost = 0
        waited = False
        while len(times["after"]) < after and lost < 3 and time.perf_counter() - start < timeout:
            if ranked_at is None and RANKED in screen:
                ranked_at = time.perf_counter()
            phase = _phase(ranked_at)
            if phase == "after" and not waited:
                waited = True
                time.sleep(1)  # well after the hand-over: nothing else runs
                screen = _pane(session)
            sent = time.perf_counter()
            subprocess.run([*TMUX, "send-keys", "-t", session, "space" if presses % 2 == 0 else "b"], check=True)
            presses += 1
            changed = _pane(session)
            while changed == screen and time.perf_counter() - sent < 3:
                time.sleep(0.005)
                changed = _pane(session)
            if changed == screen:
                lost += 1  # not answered at all (a page up at the top): not timed
            else:
                times[phase].append(time.perf_counter() - sent)
            if ranked_at is None and RANKED in changed:
                ranked_at = time.perf_counter()
            time.sleep(0.05)
            screen = _pane(session)  # whatever else was drawn after the key (the status line)
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)
    return times


def _phase(ranked_at: float | None) -> str:
    if ranked_at is None:
        return "analysis"
    return "hand-over" if time.perf_counter() - ranked_at < HANDOVER_SECONDS else "after"


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


def megabyte_text() -> str:
    """About 1 MB of text: government reports from ../shared/data, else the sample repeated."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _data import data_dir

    from briefer import sample_path

    parts: list[str] = []
    folder = data_dir()
    if folder is not None and (folder / "govreport_dev_150.jsonl").exists():
        for line in (folder / "govreport_dev_150.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                parts.append(json.loads(line)["text"])
            if sum(len(p) for p in parts) >= 1_000_000:
                break
    else:
        sample = sample_path().read_text(encoding="utf-8")
        parts = [sample] * (1_000_000 // len(sample) + 1)
    text = "\n\n".join(parts)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    return handle.name


def first_words(path: str) -> str:
    """Words from the text's first line, as the reading pane shows them at 80 columns."""
    line = next(line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip())
    return " ".join(line.split()[:3])


def tmux_table(runs: int, baseline: str | None = None) -> None:
    from briefer import sample_path

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as handle:
        handle.write(MINIMAL)
    minimal = handle.name
    big = megabyte_text()
    # The installed command, as a user starts it (the venv's `brief` beside this Python).
    brief = [str(Path(sys.executable).with_name("brief")), "-i"]
    # The reader without the command line in front of it (its launch: the child process that
    # reads the input while textual starts, then the app): what the command adds is the rest.
    run_app = "import sys; from briefer.tui.launch import run; sys.exit(run(sys.argv[1:]))"
    bare_app = [sys.executable, "-c", run_app]
    cases = [
        ("minimal Textual app", [sys.executable, minimal], "minimal app ready", None),
        ("reader app alone, sample", [*bare_app, str(sample_path())], first_words(str(sample_path())), RANKED),
        ("brief -i sample", [*brief, str(sample_path())], first_words(str(sample_path())), RANKED),
        (f"brief -i {os.path.getsize(big) / 1e6:.1f} MB text", [*brief, big], first_words(big), RANKED),
    ]
    # The sample opened again: its article kept by the first launch (the median is of re-opens).
    reopened = "brief -i sample, re-opened"
    cases.insert(3, (reopened, [*brief, str(sample_path())], first_words(str(sample_path())), RANKED))
    if baseline:
        # Another checkout's code (its src folder), run in turn with this one's: a before and after.
        old = ["env", f"PYTHONPATH={baseline}"]
        cases.insert(4, ("  baseline: brief -i sample", [*old, *brief, str(sample_path())], cases[2][2], RANKED))
        cases.append(("  baseline: 1 MB text", [*old, *brief, big], first_words(big), RANKED))
    print(f"launch to first frame in tmux at 80x24, medians of {runs} runs (load: {_load()})")
    if baseline:
        print(f"baseline: {baseline}")
    print(f"{'command':<28} {'first frame':>12} {'vs minimal':>11} {'ranked view':>12} {'after first':>12}")
    results: dict[str, list[tuple[float, float]]] = {name: [] for name, *_ in cases}
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keep", "sleep 100000"], check=True)
    try:
        # Interleaved, so that a change of load touches every command alike.
        for _ in range(runs):
            for name, command, marker, ranked in cases:
                cache = os.path.join(CACHES, "kept") if name == reopened else None
                results[name].append(tmux_seconds(command, marker, ranked, cache=cache))
    finally:
        subprocess.run([*TMUX, "kill-server"], capture_output=True)
    floor = statistics.median(first for first, _ in results[cases[0][0]])
    for name, *_ in cases:
        first = statistics.median(f for f, _ in results[name])
        ranked_times = [r for _, r in results[name] if r == r]
        ranked_text = f"{statistics.median(ranked_times) * 1000:>10.0f}ms" if ranked_times else f"{'-':>12}"
        # Ranked view after the first frame: the median of each run's own difference.
        gaps = [r - f for f, r in results[name] if r == r and f == f]
        gap_text = f"{statistics.median(gaps) * 1000:>+10.0f}ms" if gaps and ranked_times else f"{'-':>12}"
        print(f"{name:<28} {first * 1000:>10.0f}ms {(first - floor) * 1000:>+9.0f}ms {ranked_text} {gap_text}")
    probed = {"": [*brief, big]}
    if baseline:
        probed["baseline: "] = ["env", f"PYTHONPATH={baseline}", *brief, big]
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keep", "sleep 100000"], check=True)
    try:
        keys_table(runs, probed, first_words(big))
    finally:
        subprocess.run([*TMUX, "kill-server"], capture_output=True)
    sources = {"": ROOT / "src"}
    if baseline:
        sources["baseline: "] = Path(baseline)
    handover_table(runs, big, sources)
    print(f"load after: {_load()}")
    shutil.rmtree(CACHES, ignore_errors=True)
    os.unlink(minimal)
    os.unlink(big)
    print()


def keys_table(runs: int, probed: dict[str, list[str]], marker: str) -> None:
    """Keys while the long text is analysed, as it is handed over, and after it: each command
    of ``probed`` (this checkout's, a baseline's) in turn, run after run."""
    keys: dict[tuple[str, str], list[float]] = {(who, phase): [] for who in probed for phase in PHASES}
    worst_by_run: dict[tuple[str, str], list[float]] = {(who, phase): [] for who in probed for phase in PHASES}
    for _ in range(runs):
        for who, command in probed.items():
            found = tmux_key_seconds(command, marker)
            for phase in PHASES:
                keys[who, phase] += found[phase]
                worst_by_run[who, phase] += [max(found[phase])] if found[phase] else []
    described = {
        "analysis": "during the 1 MB analysis",
        "hand-over": f"in the {HANDOVER_SECONDS:.0f} s after the ranked view",
        "after": "after it (reference)",
    }
    for who, phase in keys:
        times = sorted(keys[who, phase])
        if not times:
            print(f"{who}keys {described[phase]}: none answered")
            continue
        worsts = ", ".join(f"{w * 1000:.0f}" for w in worst_by_run[who, phase])
        print(
            f"{who}keys {described[phase]}: space/b to the pane changing, {len(times)} presses: "
            f"median {statistics.median(times) * 1000:.0f}ms, worst {times[-1] * 1000:.0f}ms "
            f"(each run's worst: {worsts} ms; aim < 100 ms)"
        )


def handover_table(runs: int, path: str, sources: dict[str, Path]) -> None:
    """The event loop's longest stall as the long text's article is handed over (see HANDOVER)."""
    stalls: dict[str, list[tuple[float, float]]] = {who: [] for who in sources}
    for _ in range(runs):
        for who, src in sources.items():
            stalls[who].append(handover_stall(path, src))
    for who, found in stalls.items():
        walls, cpus = sorted(w for w, _ in found), sorted(c for _, c in found)
        print(
            f"{who}longest event-loop stall as the 1 MB article is handed over (headless, {len(found)} runs): "
            f"wall median {statistics.median(walls) * 1000:.0f}ms, worst {walls[-1] * 1000:.0f}ms; "
            f"process CPU in it median {statistics.median(cpus) * 1000:.0f}ms, worst {cpus[-1] * 1000:.0f}ms"
        )


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


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
    parser.add_argument("--no-tmux", action="store_true", help="skip the launch times measured in tmux")
    parser.add_argument("--only-tmux", action="store_true", help="only the launch times measured in tmux")
    parser.add_argument("--baseline", metavar="SRC", help="also launch another checkout's src folder, in turn")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from briefer import sample_path

    if not args.no_tmux:
        if shutil.which("tmux"):
            tmux_table(args.runs, args.baseline)
        else:
            print("note: tmux is not installed; the launch to first frame in a terminal is not measured\n")
    if args.only_tmux:
        return

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
