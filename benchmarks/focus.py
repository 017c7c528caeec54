"""Briefings with a focus, against human answers to questions about meetings.

For each question of ``meetings_queries_dev.jsonl`` (QMSum's specific queries about the
meetings of ``meetings_dev_100.jsonl``), under a budget of 80 words: briefer with
``--focus QUESTION``; the same briefing without a focus; sentences ranked by BM25 against the
question (a plain query-overlap baseline); sumy's LexRank; and the greedy oracle (a ceiling).
ROUGE-1/2/Lsum F1 against the answer, on the two halves of the meetings (the first half tuned
on, the second held out), and briefer's time a question once the transcript is analysed.

The baseline quotes whole sentences, so a turn's first sentence carries its speaker's name
("Marketing: ...") and the others do not, while briefer keeps the name beside each quote.
The rows "as read" score every method's quotes with their speaker's name before each, as a
reader sees them (as briefer.evaluation scores meetings).

    python benchmarks/focus.py [--limit N] [--no-lexrank] [--half tune|test|both]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import data_dir  # noqa: E402

from briefer import Budget, analyze, analyzer_for, brief, build_document, get_language, rank, sentence_spans  # noqa: E402
from briefer.evaluation.oracle import oracle  # noqa: E402
from briefer.evaluation.rouge import score  # noqa: E402

WORDS = 80
METHODS = ("focus", "no focus", "bm25", "lex-rank", "oracle")
AS_READ = ("focus", "no focus", "bm25")


def as_read(analysis, indices: list[int]) -> list[str]:
    """Sentences as a reader sees them: the quote with its speaker's name before it."""
    turns = analysis.turns
    out = []
    for i in indices:
        text = analysis.document.sentences[i].text[analysis.quote_start(i) :]
        out.append(f"{turns.speakers[i]}: {text}" if turns is not None and turns.speakers[i] else text)
    return out


def bm25_choice(document, analyzer, query: str, words: int, k1: float = 1.2, b: float = 0.75) -> list[int]:
    """Sentences ranked by Okapi BM25 against the query's terms, best first, under the word
    budget: their indices in document order."""
    term_lists = [analyzer.terms(s.text) for s in document.sentences]
    n = len(term_lists)
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    mean_length = sum(len(t) for t in term_lists) / max(n, 1)
    query_terms = set(analyzer.terms(query))
    scores = []
    for terms in term_lists:
        counts = Counter(terms)
        total = 0.0
        for term in query_terms:
            tf = counts.get(term, 0)
            if not tf:
                continue
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            total += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(terms) / max(mean_length, 1e-9)))
        scores.append(total)
    order = sorted(range(n), key=lambda i: -scores[i])
    chosen, used = [], 0
    for i in order:
        if scores[i] <= 0:
            break
        length = len(document.sentences[i].text.split())
        if used + length > words:
            continue
        chosen.append(i)
        used += length
    return sorted(chosen)


def reference(summary: str) -> list[str]:
    return [summary[a:b] for a, b in sentence_spans(summary, get_language("en"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most N meetings a half")
    parser.add_argument("--no-lexrank", action="store_true", help="skip sumy's LexRank (the slowest column)")
    parser.add_argument("--half", choices=("tune", "test", "both"), default="both")
    args = parser.parse_args()
    folder = data_dir()
    if folder is None or not (folder / "meetings_queries_dev.jsonl").is_file():
        print("skipped: ../shared/data/meetings_queries_dev.jsonl is absent")
        return 0
    with (folder / "meetings_dev_100.jsonl").open(encoding="utf-8") as handle:
        meetings = [json.loads(line) for line in handle]
    with (folder / "meetings_queries_dev.jsonl").open(encoding="utf-8") as handle:
        questions = [json.loads(line) for line in handle]
    by_meeting: dict[str, list[dict]] = {}
    for q in questions:
        by_meeting.setdefault(q["meeting"], []).append(q)
    halves = {"tune": meetings[: len(meetings) // 2], "test": meetings[len(meetings) // 2 :]}
    wanted = ("tune", "test") if args.half == "both" else (args.half,)
    methods = [m for m in METHODS if not (args.no_lexrank and m == "lex-rank")]
    analyzer = analyzer_for("en")
    budget = Budget(words=WORDS)
    print(f"{WORDS}-word briefings, ROUGE F1 (rouge-score, stemmed) against the human answers\n")
    for half in wanted:
        rows = methods + [f"{m}, as read" for m in AS_READ]
        totals = {m: [0.0, 0.0, 0.0] for m in rows}
        lengths = {m: 0 for m in rows}
        timings: list[float] = []
        count = 0
        chosen_meetings = halves[half][: args.limit] if args.limit else halves[half]
        for meeting in chosen_meetings:
            asked = by_meeting.get(meeting["id"], [])
            if not asked:
                continue
            document = build_document(meeting["text"], language="en")
            analysis = analyze(document)
            document = analysis.document
            importance = rank(analysis, "topic")
            lexrank = rank(analysis, "lex-rank") if "lex-rank" in methods else None
            general_points = brief(document, budget=budget, analysis=analysis, scores=importance).key_points
            general = [p.text for p in general_points]
            texts = [s.text for s in document.sentences]
            for q in asked:
                refs = [reference(q["summary"])]
                picks: dict[str, list[str]] = {}
                started = time.perf_counter()
                focused = brief(document, budget=budget, analysis=analysis, scores=importance, focus=q["query"])
                timings.append(time.perf_counter() - started)
                picks["focus"] = [p.text for p in focused.key_points]
                picks["no focus"] = general
                baseline = bm25_choice(document, analyzer, q["query"], WORDS)
                picks["bm25"] = [texts[i] for i in baseline]
                picks["focus, as read"] = as_read(analysis, [p.sentence for p in focused.key_points])
                picks["no focus, as read"] = as_read(analysis, [p.sentence for p in general_points])
                picks["bm25, as read"] = as_read(analysis, baseline)
                if lexrank is not None:
                    picks["lex-rank"] = [
                        p.text
                        for p in brief(
                            document, method="lex-rank", budget=budget, analysis=analysis, scores=lexrank
                        ).key_points
                    ]
                picks["oracle"] = [texts[i] for i in oracle(texts, refs, len(texts), max_words=WORDS)]
                for m in rows:
                    r = score(picks[m], refs)
                    totals[m][0] += r.r1
                    totals[m][1] += r.r2
                    totals[m][2] += r.rlsum
                    lengths[m] += sum(len(t.split()) for t in picks[m])
                count += 1
        label = "first half (tuned on)" if half == "tune" else "second half (held out)"
        print(f"{label}: {len(chosen_meetings)} meetings, {count} questions")
        print("| method | R-1 | R-2 | R-Lsum | words |")
        print("|---|---|---|---|---|")
        for m in rows:
            r1, r2, rl = (100 * t / max(count, 1) for t in totals[m])
            print(f"| {m} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {lengths[m] / max(count, 1):.1f} |")
        if timings:
            print(
                f"\nbriefer --focus, a question once the transcript is analysed: median "
                f"{1000 * statistics.median(timings):.0f} ms, max {1000 * max(timings):.0f} ms\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
