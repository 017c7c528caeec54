"""Many articles into stories: grouping and briefing measured on mixes of Multi-News clusters.

For k = 5, 10 and 20, several seeded mixes of the articles of k clusters (shuffled) are
grouped into stories by briefer and compared with the true clusters: the adjusted Rand index,
the share of mixes whose number of stories is right, ROUGE of each story's briefing (260
words a story) against its cluster's human summary beside the briefing of the true cluster
alone, the share of repeated key points (pairs sharing over half their content words) and
the time an article. Clusters 0-49 are the tuning half, 50-99 the held-out half.

The grouping is scored on the articles whose true story is defined (``ARI``): an article of
at least 50 words whose text is filed under no other cluster of the file. Multi-News files
a site's boilerplate (an archive's crawl note, "Tweet with a location") under every cluster
it was crawled with, and a 30-word notice says nothing anyone could file under one story;
no grouping can put one text in five stories. ``ARI all`` scores every article as filed;
``all, at best`` is the ARI all of a grouping that put every other article in its true story
and kept each such text apart (the same text together), the most any grouping that reads the
articles could score. ``ARI all lost to`` splits what ARI all lacks of 1 three ways: to the
texts filed under several clusters (placed as briefer placed them), to the other articles
under 50 words, and to the articles of 50 words or more grouped wrong (each part: what ARI all
gains when that kind of article is put right, the others as briefer placed them). ``all, text
once`` is an extra view, not the measure: ARI all with each text that occurs more than once in
a mix (the same notice filed under two clusters, or twice under one) counted once, as its first
copy in the shuffled mix and that copy's cluster.

    python benchmarks/stories.py [--mixes N] [--half tune|test|both] [--threshold T] [--command]

``--command`` also times ``brief FOLDER`` and ``brief --batch FILE --merge`` on one mix a k.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import data_dir  # noqa: E402

from briefer import (  # noqa: E402
    Budget,
    InputError,
    analyzer_for,
    brief_many,
    build_document,
    get_language,
    sentence_spans,
)
from briefer.briefing.selection import word_overlap  # noqa: E402
from briefer.briefing.stories import brief_stories, group_stories, story_vectors  # noqa: E402
from briefer.evaluation.rouge import score  # noqa: E402

WORDS = 260
# Fewer words than this and an article has no story the grouping could be scored on.
STORY_WORDS = 50


def adjusted_rand(truth: list[int], predicted: list[int]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labellings of the same items."""
    t = np.asarray(truth)
    p = np.asarray(predicted)
    _, t = np.unique(t, return_inverse=True)
    _, p = np.unique(p, return_inverse=True)
    table = np.zeros((t.max() + 1, p.max() + 1))
    np.add.at(table, (t, p), 1)

    def pairs(x):
        return (x * (x - 1) / 2).sum()

    index = pairs(table)
    rows, cols = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = pairs(np.asarray([len(t)]))
    expected = rows * cols / total if total else 0.0
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else float((index - expected) / (maximum - expected))


def reference(summary: str) -> list[str]:
    text = summary.replace("\n", " ").lstrip("– ").strip()
    return [text[a:b] for a, b in sentence_spans(text, get_language("en"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mixes", type=int, default=4, help="mixes a k (default 4)")
    parser.add_argument("--half", choices=("tune", "test", "both"), default="both")
    parser.add_argument("--threshold", type=float, help="grouping threshold (default: briefer's)")
    parser.add_argument("--ks", default="5,10,20")
    parser.add_argument("--no-rouge", action="store_true", help="grouping only (fast)")
    parser.add_argument("--command", action="store_true", help="also time the brief command on one mix a k")
    args = parser.parse_args()
    folder = data_dir()
    if folder is None or not (folder / "multinews_dev_100.jsonl").is_file():
        print("skipped: ../shared/data/multinews_dev_100.jsonl is absent")
        return 0
    with (folder / "multinews_dev_100.jsonl").open(encoding="utf-8") as handle:
        clusters = [json.loads(line) for line in handle]
    boilerplate = _filed_twice(clusters)
    halves = {"tune": clusters[:50], "test": clusters[50:]}
    wanted = ("tune", "test") if args.half == "both" else (args.half,)
    analyzer = analyzer_for("en")
    print(f"stories from mixes of Multi-News clusters, {WORDS} words a story, {args.mixes} mixes a k\n")
    for half in wanted:
        pool = [c for c in halves[half] if len(c["documents"]) >= 2]
        print(f"{'clusters 0-49 (tuned on)' if half == 'tune' else 'clusters 50-99 (held out)'}:")
        print(
            "| k | articles | scored | ARI | ARI all | all, text once | all, at best "
            "| ARI all lost to: shared texts/short/grouped wrong "
            "| stories right | R-1/R-2/R-Lsum | true cluster alone | repeats % | ms/article |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for k in (int(x) for x in args.ks.split(",")):
            aris, aris_all, aris_once, right, articles, counted, seconds = [], [], [], 0, 0, 0, 0.0
            ceilings, losses = [], []
            got, alone = np.zeros(3), np.zeros(3)
            scored = repeated = pairs = 0
            for mix in range(args.mixes):
                rng = random.Random(1000 * k + mix + (0 if half == "tune" else 7))
                chosen = rng.sample(pool, k)
                items = [(c, d["text"]) for c, cluster in enumerate(chosen) for d in cluster["documents"]]
                rng.shuffle(items)
                # An article with no sentence at all is left out, as brief FOLDER leaves it out.
                items = [(c, text) for c, text in items if _readable(text)]
                documents = [build_document(text, source=f"a{i}", language="en") for i, (_, text) in enumerate(items)]
                truth = [c for c, _ in items]
                started = time.perf_counter()
                vectors = story_vectors(documents)
                groups = group_stories(documents, args.threshold, vectors=vectors)
                if args.no_rouge:
                    stories = []
                else:
                    stories = brief_stories(documents, budget=Budget(words=WORDS), groups=groups, vectors=vectors)
                seconds += time.perf_counter() - started
                articles += len(documents)
                predicted = [0] * len(documents)
                for g, group in enumerate(groups):
                    for i in group:
                        predicted[i] = g
                aris_all.append(adjusted_rand(truth, predicted))
                once = list({_norm(text): i for i, (_, text) in reversed(list(enumerate(items)))}.values())
                aris_once.append(adjusted_rand([truth[i] for i in once], [predicted[i] for i in once]))
                story = [
                    i for i, (_, text) in enumerate(items)
                    if documents[i].words() >= STORY_WORDS and _norm(text) not in boilerplate
                ]
                shared = [i for i, (_, text) in enumerate(items) if _norm(text) in boilerplate]
                found_best, found_lost = _breakdown(truth, predicted, story, shared, [_norm(t) for _, t in items])
                ceilings.append(found_best)
                losses.append(found_lost)
                counted += len(story)
                aris.append(adjusted_rand([truth[i] for i in story], [predicted[i] for i in story]))
                # Stories right: as many stories hold a scored article as clusters do.
                right += len({predicted[i] for i in story}) == len({truth[i] for i in story})
                if args.no_rouge:
                    continue
                found = _repeats([p.text for s in stories for p in s.briefing.key_points], analyzer)
                repeated, pairs = repeated + found[0], pairs + found[1]
                for c, cluster in enumerate(chosen):
                    members = [i for i, (cc, _) in enumerate(items) if cc == c]
                    # The story holding most of the cluster's text is the one briefed for it (by
                    # articles, two notices of 30 words would outweigh the article they came with).
                    best = max(stories, key=lambda s: sum(documents[i].words() for i in set(s.sources) & set(members)))
                    refs = [reference(cluster["summary"])]
                    r = score([p.text for p in best.briefing.key_points], refs)
                    got += [r.r1, r.r2, r.rlsum]
                    own = brief_many([documents[i] for i in members], budget=Budget(words=WORDS))
                    r = score([p.text for p in own.key_points], refs)
                    alone += [r.r1, r.r2, r.rlsum]
                    scored += 1
            rouge = "/".join(f"{100 * v / max(scored, 1):.2f}" for v in got) if scored else "-"
            base = "/".join(f"{100 * v / max(scored, 1):.2f}" for v in alone) if scored else "-"
            rate = f"{100 * repeated / pairs:.2f}" if pairs else "-"
            parts = "/".join(f"{v:.3f}" for v in np.mean(losses, axis=0))
            print(
                f"| {k} | {articles / args.mixes:.0f} | {100 * counted / articles:.0f}% | {np.mean(aris):.3f} "
                f"| {np.mean(aris_all):.3f} | {np.mean(aris_once):.3f} | {np.mean(ceilings):.3f} | {parts} "
                f"| {right}/{args.mixes} | {rouge} | {base} "
                f"| {rate} | {1000 * seconds / articles:.0f} |"
            )
        print()
    if args.command:
        _time_command(clusters[50:])
    return 0


def _norm(text: str) -> str:
    return " ".join(text.split())


def _breakdown(
    truth: list[int], predicted: list[int], story: list[int], shared: list[int], texts: list[str]
) -> tuple[float, tuple[float, float, float]]:
    """The best ARI all a grouping that reads the articles could reach, and ARI all's loss split
    between the shared texts, the short articles and the story articles grouped wrong.

    An article put right joins the predicted story holding most of its cluster's scored
    articles (or its cluster's own label when none is scored). The three parts add up to 1 - ARI all.
    """
    n = len(truth)
    short = [i for i in range(n) if i not in set(story) and i not in set(shared)]
    majority: dict[int, object] = {}
    for c in set(truth):
        votes = Counter(predicted[i] for i in story if truth[i] == c)
        majority[c] = votes.most_common(1)[0][0] if votes else ("cluster", c)
    owner = {g: Counter(truth[i] for i in story if predicted[i] == g).most_common(1) for g in set(predicted)}

    def ari(labels: list) -> float:
        index = {label: j for j, label in enumerate(dict.fromkeys(labels))}
        return adjusted_rand(truth, [index[label] for label in labels])

    as_found = ari(list(predicted))
    short_right = list(predicted)
    for i in short:
        short_right[i] = majority[truth[i]]
    # Every article but the shared texts in its true story; a shared text stays where it was put:
    # in the story of the cluster owning most of its group, or apart.
    content_right: list = [("truth", truth[i]) for i in range(n)]
    for i in shared:
        found = owner[predicted[i]]
        content_right[i] = ("truth", found[0][0]) if found else ("apart", predicted[i])
    at_best: list = [("truth", truth[i]) if i not in set(shared) else ("shared", texts[i]) for i in range(n)]
    with_short, with_content = ari(short_right), ari(content_right)
    return ari(at_best), (1.0 - with_content, with_short - as_found, with_content - with_short)


def _filed_twice(clusters: list[dict]) -> set[str]:
    """The texts (spaces normalised) filed under more than one cluster of the file."""
    where: dict[str, set[int]] = {}
    for c, cluster in enumerate(clusters):
        for document in cluster["documents"]:
            where.setdefault(_norm(document["text"]), set()).add(c)
    return {text for text, found in where.items() if len(found) > 1}


def _repeats(points: list[str], analyzer) -> tuple[int, int]:
    """Pairs of key points sharing over half their content words, and all pairs."""
    terms = [frozenset(analyzer.terms(t)) for t in points]
    pairs = len(terms) * (len(terms) - 1) // 2
    repeated = sum(word_overlap(terms[i], terms[j]) > 0.5 for i in range(len(terms)) for j in range(i + 1, len(terms)))
    return repeated, pairs


def _readable(text: str) -> bool:
    try:
        build_document(text, source="check", language="en")
    except InputError:
        return False
    return True


def _time_command(pool: list[dict]) -> None:
    print("the brief command (a fresh process, wall time):")
    print("| k | articles | brief FOLDER | brief --batch --merge |")
    print("|---|---|---|---|")
    for k in (5, 10, 20):
        rng = random.Random(k)
        chosen = rng.sample([c for c in pool if len(c["documents"]) >= 2], k)
        texts = [d["text"] for c in chosen for d in c["documents"]]
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "articles"
            folder.mkdir()
            for i, text in enumerate(texts):
                (folder / f"a{i:03d}.txt").write_text(text)
            batch = Path(tmp) / "articles.jsonl"
            batch.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
            times = []
            for command in (["brief", str(folder)], ["brief", "--batch", str(batch), "--merge"]):
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "briefer", *command[1:]], capture_output=True, check=False)
                times.append(time.perf_counter() - started)
        print(f"| {k} | {len(texts)} | {times[0]:.2f} s | {times[1]:.2f} s |")


if __name__ == "__main__":
    raise SystemExit(main())
