"""Automatic sections: briefer's topic-shift section starts against TextTiling, scored with Pk.

The classic test (Choi 2000): join several unrelated articles, paragraphs kept and headings
removed, and see whether the segmenter finds where one article ends and the next begins.
Texts are built from ../shared/data/multinews_dev_100.jsonl (each article from a different
cluster, so neighbours are unrelated), 4-7 articles each, with a fixed seed. Both segmenters
see the same texts in the same run; boundaries are compared at paragraph granularity with
``nltk.metrics.segmentation.pk`` (lower is better; k is half the mean reference segment).
Single articles are segmented too: a coherent article should stay in one or a few sections.

    python benchmarks/sections.py [--texts 40] [--seed 7] [--briefer-only]

Skips (exit 0) when the data set is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import data_dir  # noqa: E402

from briefer.analysis.topics import analyze  # noqa: E402
from briefer.language.catalogue import get_language  # noqa: E402
from briefer.language.stopwords import stop_words  # noqa: E402
from briefer.sources.document import build_document  # noqa: E402
from briefer.sources.layout import parse_blocks  # noqa: E402


def headless(text: str) -> list[str]:
    """An article's paragraphs without heading-like lines (captions, bylines, titles)."""
    for _ in range(3):
        blocks = parse_blocks(text)
        paragraphs = [text[b.start : b.end].strip() for b in blocks if b.kind != "heading"]
        paragraphs = [" ".join(p.split()) for p in paragraphs if p.strip()]
        joined = "\n\n".join(paragraphs)
        if joined == text:
            break
        text = joined
    return paragraphs


def articles(path: Path) -> list[list[list[str]]]:
    """Per cluster, its articles as lists of paragraphs (articles of two paragraphs or more)."""
    clusters = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            docs = [headless(d["text"]) for d in record.get("documents", [])]
            docs = [d for d in docs if len(d) >= 2]
            if docs:
                clusters.append(docs)
    return clusters


def build_texts(clusters: list[list[list[str]]], count: int, seed: int) -> list[tuple[str, list[int]]]:
    """``count`` texts of 4-7 articles from distinct clusters, with the paragraphs that start each article."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        chosen = rng.sample(range(len(clusters)), rng.randint(4, 7))
        tagged: list[tuple[str, int]] = []
        for number, c in enumerate(chosen):
            tagged.extend((paragraph, number) for paragraph in rng.choice(clusters[c]))
        tagged = _without_headings(tagged)
        starts = [i for i, (_, number) in enumerate(tagged) if i == 0 or tagged[i - 1][1] != number]
        texts.append(("\n\n".join(p for p, _ in tagged), starts))
    return texts


def _without_headings(tagged: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Drop paragraphs that briefer would read as headings once the articles are joined."""
    while True:
        text = "\n\n".join(p for p, _ in tagged)
        offsets = unit_starts(text)
        headings = {offsets.index(b.start) for b in parse_blocks(text) if b.kind == "heading" and b.start in offsets}
        if not headings:
            return tagged
        tagged = [item for i, item in enumerate(tagged) if i not in headings]


def as_string(starts: list[int], units: int) -> str:
    marks = ["0"] * units
    for s in starts:
        if 0 < s < units:
            marks[s] = "1"
    return "".join(marks)


def unit_starts(text: str) -> list[int]:
    """Character offsets where each blank-line paragraph starts."""
    offsets, position = [], 0
    for paragraph in text.split("\n\n"):
        offsets.append(position)
        position += len(paragraph) + 2
    return offsets


def briefer_starts(text: str) -> list[int]:
    document = analyze(build_document(text)).document
    offsets = unit_starts(text)
    starts = []
    for section in document.sections[1:]:
        starts.append(max(i for i, o in enumerate(offsets) if o <= section.start))
    return starts


class TextTiling:
    def __init__(self) -> None:
        from nltk.tokenize.texttiling import TextTilingTokenizer

        self.tokenizer = TextTilingTokenizer(stopwords=sorted(stop_words(get_language("en"))))

    def starts(self, text: str) -> list[int]:
        try:
            segments = self.tokenizer.tokenize(text)
        except ValueError:
            # NLTK refuses texts shorter than its block size: one segment.
            return []
        offsets = unit_starts(text)
        starts, position = [], 0
        for segment in segments[:-1]:
            position += len(segment)
            # The next segment starts at the first paragraph at or after this offset.
            later = [i for i, o in enumerate(offsets) if o >= position - 2]
            if later:
                starts.append(later[0])
        return sorted(set(starts))


def pk(reference: str, hypothesis: str) -> float:
    from nltk.metrics.segmentation import pk as nltk_pk

    return nltk_pk(reference, hypothesis, boundary="1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--briefer-only", action="store_true", help="skip TextTiling (minutes on a loaded machine): briefer's row only"
    )
    args = parser.parse_args()
    folder = data_dir()
    if folder is None or not (folder / "multinews_dev_100.jsonl").exists():
        print("skipped: ../shared/data/multinews_dev_100.jsonl is absent (it is not part of the repository)")
        return 0
    clusters = articles(folder / "multinews_dev_100.jsonl")
    texts = build_texts(clusters, args.texts, args.seed)
    segmenters: dict[str, Callable[[str], list[int]]] = {"briefer": briefer_starts}
    if not args.briefer_only:
        segmenters["TextTiling"] = TextTiling().starts
    scores: dict[str, list[float]] = {name: [] for name in segmenters}
    found: dict[str, list[int]] = {name: [] for name in segmenters}
    seconds = dict.fromkeys(scores, 0.0)
    true_segments = []
    for text, starts in texts:
        units = len(text.split("\n\n"))
        reference = as_string(starts, units)
        true_segments.append(len(starts))
        for name, segmenter in segmenters.items():
            began = time.perf_counter()
            hypothesis = as_string(segmenter(text), units)
            seconds[name] += time.perf_counter() - began
            scores[name].append(pk(reference, hypothesis))
            found[name].append(hypothesis.count("1") + 1)

    singles = [a for cluster in clusters for a in cluster][:: max(1, sum(map(len, clusters)) // 100)][:100]
    per_article: dict[str, list[int]] = {name: [] for name in segmenters}
    for article in singles:
        text = "\n\n".join(article)
        for name, segmenter in segmenters.items():
            per_article[name].append(len(segmenter(text)) + 1)

    paragraphs = statistics.mean(len(a) for a in singles)
    print(
        f"{len(texts)} texts of 4-7 Multi-News articles (seed {args.seed}), "
        f"{statistics.mean(true_segments):.1f} articles a text on average; "
        f"{len(singles)} single articles of {paragraphs:.1f} paragraphs on average\n"
    )
    print("| segmenter | Pk (mean) | sections found / true | sections per single article | seconds |")
    print("|---|---|---|---|---|")
    for name in scores:
        print(
            f"| {name} | {statistics.mean(scores[name]):.3f} | "
            f"{statistics.mean(found[name]):.1f} / {statistics.mean(true_segments):.1f} | "
            f"{statistics.mean(per_article[name]):.1f} (max {max(per_article[name])}) | {seconds[name]:.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
