"""A transcript's topics and sections are named by its subjects, never by the talk around them.

A meeting is full of turns that only keep it going ("Kay.", "Alright.", "Nice."): their words
come back often enough to look like a topic of their own, and three such turns make a section
by the paragraph count. Outside a transcript the same words are words like any other.
"""

from __future__ import annotations

import random

import pytest

from briefer import analyze, brief, build_document
from briefer.analysis.segments import MIN_SECTION_TERMS

_SPEAKERS = ("Project Manager", "Marketing", "Industrial Designer", "User Interface")
_SUBJECTS = (
    ("battery", "charger", "dock", "power", "solar", "cell", "lithium", "voltage"),
    ("rubber", "case", "plastic", "grip", "texture", "colour", "yellow", "material"),
    ("price", "budget", "euros", "cost", "margin", "profit", "market", "sales"),
)
_TALK = ("Yeah.", "Kay.", "Alright.", "Mm-hmm.", "Nice.", "Okay.", "Uh-huh.", "That'll do.")


def meeting(seed: int) -> str:
    """Three subjects in turn, each ended by a run of turns that say nothing."""
    rng = random.Random(seed)
    turns = []
    for words in _SUBJECTS:
        for _ in range(14):
            w = rng.sample(words, 4)
            turns.append(
                f"{rng.choice(_SPEAKERS)}: The {w[0]} and the {w[1]} decide how we handle the {w[2]} "
                f"of the {w[3]} this year."
            )
            if rng.random() < 0.5:
                turns.append(f"{rng.choice(_SPEAKERS)}: {rng.choice(_TALK)}")
        turns.extend(f"{rng.choice(_SPEAKERS)}: {rng.choice(_TALK)}" for _ in range(4))
    return "\n\n".join(turns) + "\n"


_TALK_WORDS = {"kay", "alright", "nice", "yeah", "okay", "that'll"}


@pytest.mark.parametrize("seed", range(1, 6))
def test_no_topic_label_or_section_title_of_a_meeting_is_talk(seed):
    analysis = analyze(build_document(meeting(seed)))
    assert analysis.turns is not None
    named = [t.label for t in analysis.topics] + [s.title for s in analysis.document.sections]
    words = {w.strip().lower() for label in named for w in label.split(",")}
    assert not words & _TALK_WORDS, named
    # Every topic is one of the subjects.
    subjects = {w for words in _SUBJECTS for w in words}
    assert all(set(t.terms) & subjects for t in analysis.topics)
    briefing = brief(build_document(meeting(seed)))
    shown = {w.strip().lower() for t in briefing.topics for w in t.label.split(",")}
    assert not shown & _TALK_WORDS


@pytest.mark.parametrize("seed", range(1, 6))
def test_every_topic_section_of_a_meeting_says_something_and_is_named(seed):
    analysis = analyze(build_document(meeting(seed)))
    document = analysis.document
    topic_sections = [s for s in document.sections if s.origin == "topic"]
    for section in topic_sections:
        terms = sum(len(analysis.term_lists[i]) for i, s in enumerate(document.sentences) if s.section == section.index)
        assert terms >= MIN_SECTION_TERMS, (section.title, document.text[section.start : section.end])
        assert section.title


def test_a_word_that_is_talk_in_a_meeting_names_a_topic_in_prose():
    text = "\n\n".join(
        [
            "Nice is a city on the French Riviera. Nice has a long promenade by the sea.",
            "Tourists come to Nice for its old town and its markets. Hotels in Nice are full in summer.",
            "The mayor of Nice wants a new tram line to the airport. The tram would cross Nice in twenty minutes.",
        ]
    )
    analysis = analyze(build_document(text))
    assert analysis.turns is None
    assert any("Nice" in t.label for t in analysis.topics)


def test_a_sentence_ending_in_an_ellipsis_and_a_full_stop_is_prose_not_a_contents_line():
    document = build_document("The cat sat on the mat. So much for....")
    assert [s.text for s in document.sentences] == ["The cat sat on the mat.", "So much for...."]
    contents = "Contents\n\nIntroduction ........ 3\n\nMethods .......... 9\n\nThe study began in May and ended."
    assert "Introduction" not in " ".join(s.text for s in build_document(contents).sentences)
