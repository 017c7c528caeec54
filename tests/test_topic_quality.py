"""The default ranker, topic labels and topic sections: determinism, coverage, boundaries, openings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from briefer.analysis.topics import analyze
from briefer.briefing import Budget, brief
from briefer.language.openings import dateline_length, is_dangling
from briefer.sources.document import build_document

ROOT = Path(__file__).resolve().parent.parent

_PROGRAM = """
import json, sys
from briefer.briefing import Budget, brief
from briefer.sources.document import build_document
from briefer.analysis.topics import analyze
from briefer.rankers import get_ranker
text = sys.stdin.read()
analysis = analyze(build_document(text))
b = brief(analysis.document, budget=Budget(sentences=4), analysis=analysis)
print(json.dumps({
    "scores": [round(float(s), 12) for s in get_ranker("topic").scores(analysis)],
    "points": [p.sentence for p in b.key_points],
    "topics": [t.label for t in b.topics],
    "sections": [s.start for s in b.document.sections],
}))
"""


def test_default_ranker_is_deterministic_across_processes_and_hash_seeds(sample_text):
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", _PROGRAM], input=sample_text, capture_output=True, text=True, env=env, timeout=60
        )
        assert result.returncode == 0, result.stderr
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(outputs[0]["points"]) == 4


def test_default_ranker_is_deterministic_in_process(sample_text):
    first = brief(build_document(sample_text), budget=Budget(sentences=5))
    second = brief(build_document(sample_text), budget=Budget(sentences=5))
    assert first.key_points == second.key_points
    assert first.topics == second.topics


def test_sample_topic_labels_name_what_its_paragraphs_are_about(sample_text):
    analysis = analyze(build_document(sample_text))
    labels = " ".join(t.label for t in analysis.topics).lower()
    for subject in ("trade", "security", "cultural", "dialogue"):
        assert subject in labels, labels


def test_sample_default_briefing_spans_its_topics(sample_text):
    briefing = brief(build_document(sample_text))
    topics = {p.topic for p in briefing.key_points}
    assert len(topics) >= 3
    # Not just the opening: some key point comes from the second half of the article.
    assert max(p.sentence for p in briefing.key_points) >= len(briefing.document.sentences) // 2


def _article(words: list[str], paragraphs: int, seed: int) -> list[str]:
    """Paragraphs of sentences drawn from one vocabulary: a coherent article."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(3):
            picked = rng.choice(words, size=6, replace=False)
            sentences.append(
                f"The {picked[0]} and the {picked[1]} met {picked[2]}, {picked[3]} and {picked[4]} {picked[5]}."
            )
        out.append(" ".join(sentences))
    return out


FARMING = [
    "harvest",
    "wheat",
    "tractor",
    "barley",
    "soil",
    "rain",
    "field",
    "farmer",
    "crop",
    "seed",
    "barn",
    "cattle",
    "orchard",
    "plough",
]
SPACE = [
    "rocket",
    "orbit",
    "launch",
    "satellite",
    "astronaut",
    "capsule",
    "booster",
    "moon",
    "telescope",
    "comet",
    "galaxy",
    "planet",
    "crater",
]
MUSIC = [
    "violin",
    "orchestra",
    "concert",
    "melody",
    "piano",
    "symphony",
    "choir",
    "rhythm",
    "composer",
    "opera",
    "tenor",
    "ballad",
    "guitar",
]


def test_topic_sections_start_where_unrelated_articles_meet():
    paragraphs = _article(FARMING, 5, 1) + _article(SPACE, 5, 2) + _article(MUSIC, 5, 3)
    document = analyze(build_document("\n\n".join(paragraphs))).document
    starts = [document.paragraphs.index(p) for p in document.paragraphs if p.index and _starts_section(document, p)]
    assert starts == [5, 10]
    assert all(s.origin == "topic" for s in document.sections)


def _starts_section(document, paragraph) -> bool:
    return document.paragraphs[paragraph.index - 1].section != paragraph.section


def test_a_coherent_article_is_not_cut_into_sections():
    document = analyze(build_document("\n\n".join(_article(FARMING, 10, 4)))).document
    assert len(document.sections) == 1


def test_datelines_are_skipped_before_judging_the_opening():
    assert is_dangling("(CNN)It was the coldest night of the year.")
    assert not is_dangling("(CNN)The storm arrived at night.")
    assert is_dangling("LONDON, England (CNN) -- He denied everything.")
    assert is_dangling("March 10, 2015 . This week we look at the news.")
    assert is_dangling("It's official: the show is back.")
    assert not is_dangling("Mary (pictured) said nothing.")
    text = "(The Hollywood Reporter)Melissa Benoist is suited up."
    assert text[dateline_length(text) :] == "Melissa Benoist is suited up."


def test_a_dangling_first_sentence_does_not_open_the_briefing():
    text = (
        "It was a record year for the harbour. "
        "The harbour handled two million containers in 2024, a record. "
        "Port officials expect more ships next year as the new quay opens. "
        "The new quay cost three hundred million euros. "
        "Dock workers won a pay rise in March."
    )
    briefing = brief(build_document(text), budget=Budget(sentences=2))
    assert not is_dangling(briefing.key_points[0].text)
