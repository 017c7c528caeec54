"""Summary quality on every evaluation set present in ../shared/data, as `brief-eval` measures it.

For each JSON Lines set with a reference summary (CNN/DailyMail, Multi-News, ...) it runs all
methods — briefer's, sumy's, lead, random and the greedy oracle — side by side and prints
the table; for the CNN set it also shows the topic ranker and the lead on the two halves
(rows 0-499 tuned on, rows 500-999 held out). Sets that are absent are skipped.

    python benchmarks/quality.py [--methods topic,lead,...] [--limit N] [--no-halves]
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

from briefer.evaluation.cli import parse_methods  # noqa: E402
from briefer.evaluation.data import read_records  # noqa: E402
from briefer.evaluation.runner import evaluate  # noqa: E402
from briefer.evaluation.table import as_table  # noqa: E402

# Sentences a summary: 3 for single news articles (Lead-3); Multi-News references run to
# about 260 words, so 9 sentences for its clusters.
SENTENCES = {"cnndm_validation_1000.jsonl": 3, "multinews_dev_100.jsonl": 9}


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
    args = parser.parse_args()
    folder = data_dir()
    if folder is None:
        print("skipped: ../shared/data is absent (the evaluation sets are not part of the repository)")
        return 0
    methods = parse_methods(args.methods)
    print(f"{datetime.date.today().isoformat()}, briefer at {ROOT.name}, rouge-score F1 with stemming\n")
    for path in summarization_sets(folder):
        n = SENTENCES.get(path.name, 3)
        records = read_records(path, limit=args.limit)
        began = time.perf_counter()
        results, skipped = evaluate(records, methods, n)
        meta = {"dataset": path.name, "offset": 0, "documents": len(records) - skipped, "skipped": skipped}
        print(as_table(results, {**meta, "sentences": n}))
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
