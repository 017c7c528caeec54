"""`brief` against another checkout as fresh processes, round by round: the ratio that a drifting,
shared machine cannot fake.

    python benchmarks/speed_against.py BASE_SRC [--rounds 21]

BASE_SRC is another checkout's ``src`` folder (a worktree of the issue's baseline, say). Each
round runs ``python -m briefer FILE`` once with that tree and once with this one, one BLAS
thread each, on three texts: one CNN article, 80 CNN articles joined by blank lines and one
GovReport report (from ../shared/data; the bundled sample and it repeated 40 times without it).
It prints the medians of each tree's CPU and wall time and the median of the per-round CPU
ratios with their quartiles: this machine's speed drifts by 10-20% from minute to minute, and
a ratio taken within one round cancels most of it.
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import data_dir  # noqa: E402

SAMPLE = ROOT / "src" / "briefer" / "data" / "china-tajikistan-strategic-dialogue.txt"


def texts(folder: Path) -> dict[str, Path]:
    data = data_dir()
    if data is None:
        sample = SAMPLE.read_text(encoding="utf-8")
        made = {"the sample": sample, "the sample x 40": "\n\n".join([sample] * 40)}
    else:
        with (data / "cnndm_validation_1000.jsonl").open(encoding="utf-8") as handle:
            cnn = [json.loads(line)["text"] for _, line in zip(range(80), handle, strict=False)]
        with (data / "govreport_dev_150.jsonl").open(encoding="utf-8") as handle:
            report = json.loads(handle.readline())["text"]
        made = {"one CNN article": cnn[0], "80 CNN articles joined": "\n\n".join(cnn), "a GovReport report": report}
    paths = {}
    for number, (name, text) in enumerate(made.items()):
        paths[name] = folder / f"text{number}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def run(src: Path, path: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh `python -m briefer FILE` with ``src`` first on the path."""
    env = dict(os.environ, PYTHONPATH=str(src), OPENBLAS_NUM_THREADS="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "briefer", str(path)], env=env, capture_output=True, check=False)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{src}: brief failed on {path.name}: {done.stderr.decode()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the other checkout's src folder")
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    trees = {"base": args.base.resolve(), "this": ROOT / "src"}
    with tempfile.TemporaryDirectory() as folder:
        paths = texts(Path(folder))
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(args.rounds):
            for name, path in paths.items():
                for tree, src in trees.items():
                    times.setdefault((name, tree), []).append(run(src, path))
    print(f"{args.rounds} rounds, load after: {os.getloadavg()}")
    print("| text | base CPU | this CPU | base wall | this wall | per-round CPU ratio, median (quartiles) |")
    print("|---|---|---|---|---|---|")
    for name in paths:
        base, this = times[(name, "base")], times[(name, "this")]
        ratios = [b[1] and t[1] / b[1] for b, t in zip(base, this, strict=True)]
        low, _, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
        print(
            f"| {name} | {statistics.median(b[1] for b in base):.2f} s | {statistics.median(t[1] for t in this):.2f} s"
            f" | {statistics.median(b[0] for b in base):.2f} s | {statistics.median(t[0] for t in this):.2f} s"
            f" | {statistics.median(ratios):.2f}x ({low:.2f}-{high:.2f}) |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
