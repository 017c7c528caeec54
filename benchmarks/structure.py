"""Reading the structure of plain text: headings, sections and whole-sentence key points.

Runs briefer on ../shared/data/structure_dev.jsonl (RFCs, Gutenberg books, Markdown pasted as
text, US bills, papers as text; each with its gold heading lines) and prints, per genre and
overall:

- heading precision, recall and F1: a predicted section start matches a gold heading within
  ±max(80 characters, 2% of the text), one to one (closest pairs first); P, R and F1 are the
  means over documents;
- predicted vs gold section starts (totals);
- Pk at line level (every line a unit, a gold heading's line starts a segment; nltk's ``pk``,
  lower is better), mean over documents;
- fragment %: key points of a 5-sentence briefing that are not whole sentences
  (``briefer.language.fragments.is_fragment``).

Beside briefer: "no sections" and "every short line before a longer one" (a non-blank line of
at most 60 characters whose next non-blank line is longer) as baselines.

    python benchmarks/structure.py [--half even|odd|all] [--no-briefing] [--show ID]
    python benchmarks/structure.py --wrap [--limit N]
    python benchmarks/structure.py --fragments [--limit N]

``--half`` keeps the documents of even or odd index within each genre (tune on one, confirm on
the other). ``--wrap``: wrap invariance, the share of CNN articles
(cnndm_validation_1000.jsonl) whose 3 key points are the same (spacing aside) when the article
is hard-wrapped at 72 columns, and again with a four-space hanging indent. ``--fragments``:
fragment % of the key points on every summarization set in ../shared/data, each at the budget of
its human summaries. Skips (exit 0) when the data are absent.
"""

from __future__ import annotations

import argparse
import bisect
import json
import statistics
import sys
import textwrap
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import data_dir  # noqa: E402

from briefer.analysis import analyze  # noqa: E402
from briefer.briefing import Budget, brief  # noqa: E402
from briefer.language.fragments import is_fragment  # noqa: E402
from briefer.sources.document import build_document  # noqa: E402

GENRES = ("rfc", "book", "markdown-doc", "bill", "paper")
SHORT_LINE = 60


def records(path: Path, half: str) -> list[dict]:
    """The documents, or those of even or odd index within their genre."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    seen: dict[str, int] = defaultdict(int)
    kept = []
    for row in rows:
        index = seen[row["genre"]]
        seen[row["genre"]] += 1
        if half == "all" or (index % 2 == 0) == (half == "even"):
            kept.append(row)
    return kept


def matches(predicted: list[int], gold: list[int], tolerance: float) -> int:
    """One-to-one matches within ``tolerance`` characters, the closest pairs first."""
    pairs = sorted(
        (abs(p - g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold) if abs(p - g) <= tolerance
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def segmentation(starts: list[int], lines: list[int]) -> str:
    marks = ["0"] * len(lines)
    for start in starts:
        line = bisect.bisect_right(lines, start) - 1
        if line > 0:
            marks[line] = "1"
    return "".join(marks)


def pk(reference: str, hypothesis: str) -> float:
    from nltk.metrics.segmentation import pk as nltk_pk

    if "1" not in reference:
        return 0.0 if "1" not in hypothesis else 1.0
    return nltk_pk(reference, hypothesis, boundary="1")


def briefer_starts(text: str) -> tuple[list[int], object]:
    document = analyze(build_document(text)).document
    # The untitled part before the first heading is not a heading found, nor is a topic
    # section cut inside a long part (its title is made of key terms, not read in the text).
    return [s.start for s in document.sections if s.title and s.origin != "topic"], document


def short_line_starts(text: str) -> list[int]:
    """Every non-blank line of at most 60 characters followed by a longer non-blank line."""
    starts = []
    previous: tuple[int, int] | None = None
    for start, line in zip(line_starts(text), text.split("\n"), strict=True):
        length = len(line.strip())
        if not length:
            continue
        if previous is not None and previous[1] <= SHORT_LINE and length > previous[1]:
            starts.append(previous[0])
        previous = (start, length)
    return starts


def fragments(document) -> tuple[int, int]:
    """Fragments among a 5-sentence briefing's key points, and the key points."""
    briefing = brief(document, budget=Budget(sentences=5))
    kinds = {p.index: p.kind for p in document.paragraphs}
    points = briefing.key_points
    count = sum(is_fragment(p.text, kinds.get(document.sentences[p.sentence].paragraph) == "item") for p in points)
    return count, len(points)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("even", "odd", "all"), default="all")
    parser.add_argument("--show", help="print predicted and gold headings of this document id")
    parser.add_argument("--no-briefing", action="store_true", help="headings and Pk only, no fragment %%")
    parser.add_argument("--wrap", action="store_true", help="wrap invariance on the CNN articles")
    parser.add_argument("--fragments", action="store_true", help="fragment %% on every summarization set")
    parser.add_argument("--limit", type=int, help="--wrap, --fragments: at most N records a set")
    args = parser.parse_args()
    folder = data_dir()
    if args.wrap:
        return wrap_invariance(folder, args.limit or 1000)
    if args.fragments:
        return fragment_sets(folder, args.limit or 100)
    if folder is None or not (folder / "structure_dev.jsonl").exists():
        print("skipped: ../shared/data/structure_dev.jsonl is absent (it is not part of the repository)")
        return 0
    rows = records(folder / "structure_dev.jsonl", args.half)
    systems = ("briefer", "no sections", "short line")
    # per system, per genre: lists of (precision, recall, f1, predicted, gold, pk)
    figures: dict[str, dict[str, list[tuple[float, ...]]]] = {s: defaultdict(list) for s in systems}
    frag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    seconds = 0.0
    for row in rows:
        text = row["text"]
        gold = [h["start"] for h in row["headings"]]
        lines = line_starts(text)
        reference = segmentation(gold, lines)
        tolerance = max(80, 0.02 * len(text))
        began = time.perf_counter()
        found, document = briefer_starts(text)
        seconds += time.perf_counter() - began
        if args.show == row["id"]:
            show(text, found, gold, tolerance)
        count, points = (0, 0) if args.no_briefing else fragments(document)
        for genre in (row["genre"], "all"):
            frag[genre][0] += count
            frag[genre][1] += points
        for system, predicted in (("briefer", found), ("no sections", []), ("short line", short_line_starts(text))):
            hits = matches(predicted, gold, tolerance)
            precision = hits / len(predicted) if predicted else 0.0
            recall = hits / len(gold) if gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            score = pk(reference, segmentation(predicted, lines))
            for genre in (row["genre"], "all"):
                figures[system][genre].append((precision, recall, f1, len(predicted), len(gold), score))

    print(f"{len(rows)} documents ({args.half}), briefer's layout and sections in {seconds:.1f} s\n")
    print_table(systems, figures, frag)
    return 0


def print_table(systems: tuple[str, ...], figures: dict, frag: dict) -> None:
    """The headings table: per genre and system, P, R, F1, counts, Pk and fragment %."""
    print("| genre | docs | system | P | R | F1 | predicted / gold | Pk | fragment % |")
    print("|---|---|---|---|---|---|---|---|---|")
    for genre in (*GENRES, "all"):
        for system in systems:
            rows_ = figures[system].get(genre)
            if not rows_:
                continue
            mean = [statistics.mean(r[k] for r in rows_) for k in (0, 1, 2, 5)]
            predicted = sum(r[3] for r in rows_)
            gold = sum(r[4] for r in rows_)
            share = ""
            if system == "briefer":
                count, points = frag[genre]
                share = f"{100 * count / points:.1f}" if points else "-"
            print(
                f"| {genre} | {len(rows_)} | {system} | {mean[0]:.2f} | {mean[1]:.2f} | {mean[2]:.2f} | "
                f"{predicted} / {gold} | {mean[3]:.2f} | {share} |"
            )


def _points(text: str, budget: Budget) -> list[str]:
    document = build_document(text)
    return [" ".join(p.text.split()) for p in brief(document, budget=budget).key_points]


def wrap_invariance(folder: Path | None, limit: int) -> int:
    """Same key points for an article as written and hard-wrapped (flush and hanging indent)?"""
    path = folder / "cnndm_validation_1000.jsonl" if folder else None
    if path is None or not path.exists():
        print("skipped: ../shared/data/cnndm_validation_1000.jsonl is absent")
        return 0
    same = {"72 columns": 0, "72 columns, hanging indent": 0}
    total = 0
    changed: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if total >= limit:
                break
            record = json.loads(line)
            text = record["text"]
            total += 1
            original = _points(text, Budget(sentences=3))
            wraps = {
                "72 columns": textwrap.fill(text, 72, break_long_words=False, break_on_hyphens=False),
                "72 columns, hanging indent": textwrap.fill(
                    text, 72, subsequent_indent="    ", break_long_words=False, break_on_hyphens=False
                ),
            }
            for name, wrapped in wraps.items():
                if _points(wrapped, Budget(sentences=3)) == original:
                    same[name] += 1
                else:
                    changed.append(f"{record.get('id', total)} ({name})")
    print(f"{total} CNN articles, 3 key points each\n")
    print("| layout | same key points as unwrapped |")
    print("|---|---|")
    for name, count in same.items():
        print(f"| {name} | {100 * count / total:.1f}% ({count}/{total}) |")
    if changed:
        print("\nchanged: " + ", ".join(changed[:10]) + (" ..." if len(changed) > 10 else ""))
    return 0


# The budget of each set's human summaries (../shared/data/README.md).
SETS = {
    "cnndm_validation_1000.jsonl": Budget(sentences=3),
    "multinews_dev_100.jsonl": Budget(words=260),
    "billsum_dev_100.jsonl": Budget(sentences=5),
    "scisumm_dev_100.jsonl": Budget(sentences=4),
    "meetings_dev_100.jsonl": Budget(sentences=6),
    "govreport_dev_150.jsonl": Budget(sentences=15),
}


def fragment_sets(folder: Path | None, limit: int) -> int:
    """Fragment % of the key points on each summarization set."""
    if folder is None:
        print("skipped: ../shared/data is absent")
        return 0
    print(f"first {limit} records a set\n")
    print("| set | key points | fragments | fragment % |")
    print("|---|---|---|---|")
    for name, budget in SETS.items():
        path = folder / name
        if not path.exists():
            continue
        points = fragments_found = 0
        with path.open(encoding="utf-8") as handle:
            for index, line in enumerate(handle):
                if index >= limit:
                    break
                document = build_document(json.loads(line)["text"])
                kinds = {p.index: p.kind for p in document.paragraphs}
                for point in brief(document, budget=budget).key_points:
                    item = kinds.get(document.sentences[point.sentence].paragraph) == "item"
                    fragments_found += is_fragment(point.text, item)
                    points += 1
        print(f"| {name} | {points} | {fragments_found} | {100 * fragments_found / max(1, points):.1f} |")
    return 0


def show(text: str, found: list[int], gold: list[int], tolerance: float) -> None:
    """Predicted and gold heading lines side by side, for looking at one document."""
    events = [(s, "pred") for s in found] + [(g, "gold") for g in gold]
    for start, kind in sorted(events):
        close = any(abs(start - other) <= tolerance for other in (gold if kind == "pred" else found))
        line = text[start : text.find("\n", start) if text.find("\n", start) != -1 else len(text)]
        print(f"{kind} {'ok ' if close else 'MISS'} {start:>7} {line.strip()[:90]!r}")


if __name__ == "__main__":
    raise SystemExit(main())
