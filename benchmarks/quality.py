"""Summary quality on every evaluation set present in ../shared/data, as `brief-eval` measures it.

For each JSON Lines set with a reference summary (CNN/DailyMail, Multi-News, ...) it runs all
methods — briefer's, sumy's, lead, random and the greedy oracle — side by side and prints
the table; for the CNN set it also shows the topic ranker and the lead on the two halves
(rows 0-499 tuned on, rows 500-999 held out). The bill, paper, meeting and report sets are
run as two halves (first half of each file tuned on, second half held out), every method on
each, at the length of their human summaries. Sets that are absent are skipped.

sumy's rankings are kept in benchmarks/.cache (see briefer.evaluation.cache: keyed by exactly
what sumy is shown, so a rerun after a change to briefer's own ranker reads them rather than
spending most of an hour on the transcripts again); a method is left out of records longer
than it takes (KL: 400 sentences), and the table says on how many, with topic's figures over
the records the method did take.

    python benchmarks/quality.py [--sets billsum,scisumm] [--methods topic,lead,...] [--limit N]
                                 [--half first|second] [--no-halves] [--no-cache] [--no-limits]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import data_dir  # noqa: E402

from briefer.evaluation.cache import RankCache  # noqa: E402
from briefer.evaluation.cli import parse_methods  # noqa: E402
from briefer.evaluation.data import read_records  # noqa: E402
from briefer.evaluation.runner import evaluate  # noqa: E402
from briefer.evaluation.table import as_table  # noqa: E402

# Sentences a summary: 3 for single news articles (Lead-3); Multi-News references run to
# about 260 words, so 9 sentences for its clusters; the other sets as their human summaries
# (../shared/data/README.md): bills 5, papers 4, meetings 6, reports 15.
SENTENCES = {
    "cnndm_validation_1000.jsonl": 3,
    "multinews_dev_100.jsonl": 9,
    "billsum_dev_100.jsonl": 5,
    "scisumm_dev_100.jsonl": 4,
    "meetings_dev_100.jsonl": 6,
    "govreport_dev_150.jsonl": 15,
}
# Sets measured as two halves, each with every method: tune on the first, confirm on the second.
HALVED = ("billsum_dev_100.jsonl", "scisumm_dev_100.jsonl", "meetings_dev_100.jsonl", "govreport_dev_150.jsonl")


def record_count(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


CACHE = ROOT / "benchmarks" / ".cache"


def run_set(records, methods: list[str], n: int, cache: RankCache | None, within_limits: bool):
    """``evaluate`` with the run's cache and limits; the results, skipped count and cache reads."""
    before = cache.hits if cache else 0
    results, skipped = evaluate(records, methods, n, cache=cache, within_limits=within_limits)
    return results, skipped, (cache.hits - before if cache else 0)


def run_halves(
    path: Path,
    methods: list[str],
    n: int,
    limit: int | None,
    which: str | None,
    cache: RankCache | None,
    within_limits: bool,
) -> None:
    """Every method on the first and on the second half of ``path`` (each at most ``limit`` records)."""
    total = record_count(path)
    half = total // 2
    for offset, role in ((0, "first half, tuned on"), (half, "second half, held out")):
        if which and not role.startswith(which):
            continue
        size = half if offset == 0 else total - half
        records = read_records(path, offset=offset, limit=min(size, limit or size))
        began = time.perf_counter()
        results, skipped, cached = run_set(records, methods, n, cache, within_limits)
        meta = {"dataset": f"{path.name} ({role})", "offset": offset, "documents": len(records) - skipped}
        print(as_table(results, {**meta, "skipped": skipped, "sentences": n, "cached": cached}))
        print(f"({time.perf_counter() - began:.0f} s in all)\n", flush=True)


def summarization_sets(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            first = json.loads(handle.readline() or "{}")
        if isinstance(first, dict) and "text" in first and {"summary", "highlights", "summaries"} & set(first):
            found.append(path)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", help="comma-separated methods (default: all and the oracle)")
    parser.add_argument("--limit", type=int, help="at most N records a set")
    parser.add_argument("--no-halves", action="store_true", help="skip the tuning/held-out halves of the CNN set")
    parser.add_argument("--sets", help="comma-separated parts of set names to run (default: every set)")
    parser.add_argument("--half", choices=("first", "second"), help="halved sets: run only this half")
    parser.add_argument("--no-cache", action="store_true", help="compute sumy's rankings afresh, keep none")
    parser.add_argument("--no-limits", action="store_true", help="run every method on every record, however long")
    args = parser.parse_args()
    cache = None if args.no_cache else RankCache(CACHE)
    within_limits = not args.no_limits
    folder = data_dir()
    if folder is None:
        print("skipped: ../shared/data is absent (the evaluation sets are not part of the repository)")
        return 0
    methods = parse_methods(args.methods)
    print(f"{datetime.date.today().isoformat()}, briefer at {ROOT.name}, rouge-score F1 with stemming\n")
    wanted = [w.strip() for w in (args.sets or "").split(",") if w.strip()]
    for path in summarization_sets(folder):
        if wanted and not any(w in path.name for w in wanted):
            continue
        n = SENTENCES.get(path.name, 3)
        if path.name in HALVED:
            run_halves(path, methods, n, args.limit, args.half, cache, within_limits)
            continue
        records = read_records(path, limit=args.limit)
        began = time.perf_counter()
        results, skipped, cached = run_set(records, methods, n, cache, within_limits)
        meta = {"dataset": path.name, "offset": 0, "documents": len(records) - skipped, "skipped": skipped}
        print(as_table(results, {**meta, "sentences": n, "cached": cached}))
        print(f"({time.perf_counter() - began:.0f} s in all)\n", flush=True)
        if path.name.startswith("cnndm") and not args.no_halves and len(records) >= 1000:
            for offset, role in ((0, "tuning half"), (500, "held-out half")):
                half = read_records(path, offset=offset, limit=500)
                results, skipped = evaluate(half, ["topic", "lead"], n)
                meta = {"dataset": f"{path.name} ({role})", "offset": offset, "documents": len(half) - skipped}
                print(as_table(results, {**meta, "skipped": skipped, "sentences": n}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
