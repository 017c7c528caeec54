"""jusText's context-sensitive paragraph classification, in linear time.

trafilatura falls back on jusText for pages its own extractor finds thin. jusText's
``revise_paragraph_classification`` looks for each short paragraph's nearest good or bad
neighbour by walking outwards from it, afresh every time: on a page of thousands of short
paragraphs in a row (a long table, a long list) that walk is quadratic, and a 1 MB page of
tables took minutes. This is the same classification with each neighbour found by one pass
in each direction; tests/test_hostile.py checks it against jusText's own on random pages.
"""

from __future__ import annotations

from typing import Any

_GOOD_OR_BAD = ("good", "bad")


def _nearest(classes: list[str], ignore_neargood: bool, backwards: bool) -> list[str]:
    """For each paragraph, the class of the nearest one before it (or after it) that is good
    or bad, or neargood when those count too; ``bad`` at the edge of the page."""
    found = ["bad"] * len(classes)
    last = "bad"
    order = range(len(classes) - 1, -1, -1) if backwards else range(len(classes))
    for i in order:
        found[i] = last
        c = classes[i]
        if c in _GOOD_OR_BAD or (c == "neargood" and not ignore_neargood):
            last = c
    return found


def revise_paragraph_classification(paragraphs: list[Any], max_heading_distance: int = 200) -> None:
    """jusText's revise_paragraph_classification, with the same results, in linear time."""
    # Good headings: the walk is bounded by the distance in characters, as in jusText.
    for i, paragraph in enumerate(paragraphs):
        paragraph.class_type = paragraph.cf_class
        if paragraph.heading and paragraph.class_type == "short" and _good_within(paragraphs, i, max_heading_distance):
            paragraph.class_type = "neargood"
    _revise_short(paragraphs)
    _revise_neargood(paragraphs)
    # More good headings, as in jusText.
    for i, paragraph in enumerate(paragraphs):
        revisable = paragraph.heading and paragraph.class_type == "bad" and paragraph.cf_class != "bad"
        if revisable and _good_within(paragraphs, i, max_heading_distance):
            paragraph.class_type = "good"


def _good_within(paragraphs: list[Any], i: int, max_distance: int) -> bool:
    """True when a good paragraph follows paragraph ``i`` within ``max_distance`` characters."""
    j = i + 1
    distance = 0
    while j < len(paragraphs) and distance <= max_distance:
        if paragraphs[j].class_type == "good":
            return True
        distance += len(paragraphs[j].text)
        j += 1
    return False


def _revise_short(paragraphs: list[Any]) -> None:
    """Short paragraphs take their class from their neighbours, every one read before any changes."""
    classes = [p.class_type for p in paragraphs]
    prev_strict = _nearest(classes, True, backwards=False)
    next_strict = _nearest(classes, True, backwards=True)
    prev_loose = _nearest(classes, False, backwards=False)
    next_loose = _nearest(classes, False, backwards=True)
    for i, c in enumerate(classes):
        if c != "short":
            continue
        before, after = prev_strict[i], next_strict[i]
        if before == "good" and after == "good":
            paragraphs[i].class_type = "good"
        elif before == "bad" and after == "bad":
            paragraphs[i].class_type = "bad"
        elif (before == "bad" and prev_loose[i] == "neargood") or (after == "bad" and next_loose[i] == "neargood"):
            paragraphs[i].class_type = "good"
        else:
            paragraphs[i].class_type = "bad"


def _revise_neargood(paragraphs: list[Any]) -> None:
    """jusText revises neargood paragraphs in order, so a revised one is the good or bad
    neighbour of the next; the ones after are still neargood and do not count."""
    classes = [p.class_type for p in paragraphs]
    following = _nearest(classes, True, backwards=True)
    last = "bad"
    for i, paragraph in enumerate(paragraphs):
        if paragraph.class_type == "neargood":
            paragraph.class_type = "bad" if (last, following[i]) == ("bad", "bad") else "good"
        if paragraph.class_type in _GOOD_OR_BAD:
            last = paragraph.class_type


def install() -> None:
    """Make trafilatura's jusText fallback use the linear classification."""
    from trafilatura import external

    if external.revise_paragraph_classification is not revise_paragraph_classification:
        external.revise_paragraph_classification = revise_paragraph_classification
