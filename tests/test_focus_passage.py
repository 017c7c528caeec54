"""Where a focus query is discussed: a sentence counts by how many of the query's words are said
around it, not only by its own match."""

from __future__ import annotations

import numpy as np

from briefer import Budget, analyze, brief, build_document
from briefer.briefing.query import COVER_WINDOWS, passage_coverage

FILLER = [
    "The weather report promised sunshine for the whole afternoon.",
    "Lunch was served late because the caterer missed the turning.",
    "Someone asked whether the projector cable had been returned.",
    "The room on the third floor is booked again for Friday.",
    "Coffee ran out before the second half of the morning.",
    "The parking permits will be renewed at the end of the month.",
]

# A long stretch on batteries alone, far from the one place where batteries and charging meet.
BATTERIES = [
    "Marketing: Our battery supplier sends alkaline cells in packs of twenty.",
    "Industrial Designer: That battery type is cheap and every shop stocks that battery.",
    "Marketing: The battery compartment of the old model cracked in the drop tests.",
    "Industrial Designer: A bigger battery compartment means a heavier battery inside.",
    "Marketing: Customers complained the battery cover slid off too easily.",
]
CHARGING = [
    "Project Manager: Charging the remote on a small dock would end the hunt for spare cells.",
    "User Interface: The dock keeps the battery full overnight, so it is always ready.",
    "Project Manager: And people would always know where the remote is, on its charging dock.",
]


def _text(gap: int = 5) -> str:
    """The batteries, ``gap`` rounds of filler, the charging dock, one more round of filler."""
    filler = [f"Project Manager: {line}" for line in FILLER]
    turns = BATTERIES + filler * gap + CHARGING + filler
    return "\n\n".join(turns)


def test_coverage_is_highest_where_the_query_words_meet():
    # Filler wider than the widest window between the batteries and the dock.
    analysis = analyze(build_document(_text(gap=12)))
    sentences = [s.text for s in analysis.document.sentences]
    cover = passage_coverage(analysis, ["batteri", "charg"])
    dock = next(i for i, s in enumerate(sentences) if "keeps the battery full" in s)
    supplier = next(i for i, s in enumerate(sentences) if "supplier" in s)
    assert cover[dock] == 1.0
    assert 0 < cover[supplier] < 0.5
    # Sentences farther than the widest window from any query word are not about it at all.
    assert cover[supplier + len(BATTERIES) + max(COVER_WINDOWS)] == 0.0
    assert np.all((cover >= 0) & (cover <= 1))


def test_coverage_fades_with_the_distance_to_where_the_query_words_meet():
    analysis = analyze(build_document(_text(gap=12)))
    sentences = [s.text for s in analysis.document.sentences]
    cover = passage_coverage(analysis, ["batteri", "charg"])
    meet = next(i for i, s in enumerate(sentences) if "Charging the remote" in s)
    # Filler before the charging turns: fewer windows reach both words the farther it is.
    near, nearby, far, out = (cover[meet - d] for d in (2, 8, 20, 40))
    assert near > nearby > far > out == 0.0


def test_a_query_of_one_word_is_not_weighed_by_coverage():
    analysis = analyze(build_document(_text()))
    assert np.all(passage_coverage(analysis, ["batteri"]) == 1.0)
    assert np.all(passage_coverage(analysis, ["batteri", "unheardofword"]) == 1.0)
    # The question's frame words count when the text uses none of the others.
    assert not np.all(passage_coverage(analysis, ["unheardofword"], ["batteri", "charg"]) == 1.0)


def test_key_points_come_from_where_the_query_words_meet():
    document = build_document(_text())
    briefing = brief(document, budget=Budget(sentences=3), focus="battery charging")
    chosen = [p.text for p in briefing.key_points]
    assert chosen
    # Many sentences say "battery" more often, but only the dock's passage is about charging it.
    assert all(any(text in line for line in CHARGING) for text in chosen), chosen
