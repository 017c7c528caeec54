"""How a focus query is matched: BM25, feedback from the best passages, stems, short turns."""

from __future__ import annotations

import numpy as np

from briefer import Budget, analyze, brief, build_document
from briefer.briefing.query import TermIndex

MEETING = [
    "Project Manager: We need to settle the buttons of the remote today.",
    "Industrial Designer: The volume buttons and the channel buttons should be large and easy to find.",
    "User Interface: Volume and channel should sit at the top, just above the power switch.",
    "Marketing: Yeah.",
    "Project Manager: Okay.",
    "Marketing: Our case will be made of recycled plastic in three colours.",
    "Industrial Designer: The plastic case costs about twelve euros for each unit we sell.",
    "Project Manager: Then the price of the case fits within what management allowed.",
]


def _meeting() -> str:
    return "\n\n".join(MEETING)


def test_bm25_saturates_a_repeated_term_and_weighs_rare_terms_more():
    index = TermIndex.of([["budget"], ["budget", "budget"], ["road"], ["road"], ["road"], ["bridge"]])
    idf = index.idf()
    once, twice = index.bm25(idf)[:2]
    assert once < twice < 2 * once
    assert idf[index.terms["bridge"]] > idf[index.terms["road"]]


def test_a_sentence_of_the_passage_counts_without_the_query_word():
    document = build_document(_meeting())
    briefing = brief(document, budget=Budget(sentences=3), focus="buttons")
    chosen = [p.text for p in briefing.key_points]
    # The third turn says where the buttons go without the word "buttons".
    assert any("power switch" in text for text in chosen)
    assert not any("plastic" in text or "price" in text for text in chosen)
    for point in briefing.key_points:
        assert document.text[point.start : point.end] == point.text


def test_turns_of_filler_are_not_key_points():
    document = build_document(_meeting())
    briefing = brief(document, budget=Budget(words=80), focus="buttons")
    assert briefing.key_points
    assert all(p.text not in ("Yeah.", "Okay.") for p in briefing.key_points)


def test_a_text_whose_only_matches_are_short_is_still_about_the_query():
    # Two content words are too few to hold an answer, unless nothing longer matches.
    document = build_document("We must cut budgets.\n\nThe weather was fine all week long in the hills and valleys.")
    briefing = brief(document, budget=Budget(sentences=1), focus="budget")
    assert [(p.text, p.relevance) for p in briefing.key_points] == [("We must cut budgets.", 1.0)]


def test_a_hyphenated_query_word_matches_its_parts():
    text = (
        "The acoustic features were measured on every channel of the recording.\n\n"
        "The phonetic transcription took the students two weeks to finish.\n\n"
        "Lunch was served in the hall at noon for all the visitors."
    )
    briefing = brief(build_document(text), budget=Budget(sentences=2), focus="acoustic-phonetic analysis")
    chosen = [p.text for p in briefing.key_points]
    assert chosen and not any("Lunch" in t for t in chosen)


def test_another_stemming_of_the_query_word_still_matches():
    # The stemmer makes "analys" of "analyses" and "analysi" of "analysis".
    text = (
        "Our analysis of the survey shows that most readers want shorter news.\n\n"
        "The garden party was cancelled because of the rain on Saturday."
    )
    briefing = brief(build_document(text), budget=Budget(sentences=1), focus="analyses")
    assert [p.text for p in briefing.key_points] == [
        "Our analysis of the survey shows that most readers want shorter news."
    ]


def test_the_relevance_is_the_same_whichever_document_was_asked_about_before():
    first = analyze(build_document(_meeting()))
    other = analyze(build_document("Roads and bridges need repairs.\n\nThe council will pay for the roads."))
    before = brief(first.document, analysis=first, budget=Budget(sentences=2), focus="buttons")
    brief(other.document, analysis=other, budget=Budget(sentences=2), focus="roads")
    again = brief(first.document, analysis=first, budget=Budget(sentences=2), focus="buttons")
    assert [p.text for p in again.key_points] == [p.text for p in before.key_points]
    assert np.allclose([p.relevance for p in again.key_points], [p.relevance for p in before.key_points])


def test_a_sentence_matching_only_a_feedback_word_is_not_lifted_by_its_neighbours():
    # In a short news text the feedback words ("Wang", "Tajikistan") are in most sentences:
    # a sentence holding only those must not outrank the sentences that hold the query's words.
    from briefer.pipeline import load, sample_path

    document = load(str(sample_path()))
    briefing = brief(document, budget=Budget(sentences=3), focus="trade and investment")
    assert len(briefing.key_points) == 3
    assert all(("trade" in p.text or "invest" in p.text) for p in briefing.key_points)
