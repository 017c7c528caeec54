"""How a focus query is matched: BM25, feedback from the best passages, stems, short turns."""

from __future__ import annotations

import numpy as np

from briefer import Budget, analyze, brief, build_document
from briefer.briefing.focus import query_focus
from briefer.briefing.query import SPEAKER_KEY, TermIndex, query_match, speaker_terms
from briefer.model import count_words

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


def test_a_transcript_budget_counts_the_quoted_words_not_the_speakers_names():
    # The speaker's name stands beside the quote: eight quoted words fit a budget of eight even
    # though the sentence, name included, runs to fourteen.
    chair = "The Chair (Hon. Anthony Rota, Lib.)"
    text = "\n\n".join(
        [
            f"{chair}: The committee will now hear about the bridge repairs.",
            "Mr. Blair: The bridge repairs will start in the spring.",
            f"{chair}: Thank you for that answer on the repairs.",
            "Mr. Blair: The repairs will cost four million dollars in total.",
        ]
    )
    briefing = brief(build_document(text), budget=Budget(words=8), focus="bridge repairs")
    assert briefing.key_points
    assert sum(count_words(p.text) for p in briefing.key_points) <= 8
    assert all(p.speaker and not p.text.startswith(p.speaker) for p in briefing.key_points)


def test_a_query_of_only_question_words_still_finds_what_it_names():
    # "Meeting" and "discuss" say how a question is asked; when the text uses none of the
    # query's other words ("agenda"), they are what it is about.
    text = "\n\n".join(
        [
            "Project Manager: The next meeting will be in thirty minutes, so prepare your slides.",
            "Industrial Designer: The battery goes under the case, next to the infrared chip.",
            "Marketing: Young buyers want a remote that looks fancy and feels spongy.",
        ]
    )
    briefing = brief(
        build_document(text), budget=Budget(sentences=1), focus="What was discussed about the meeting agenda?"
    )
    assert [
        p.text.endswith("The next meeting will be in thirty minutes, so prepare your slides.")
        for p in briefing.key_points
    ] == [True]


def test_a_question_word_still_counts_a_little_beside_the_others():
    # Both turns are about the schedule; the one also about meetings answers "scheduling meetings".
    text = "\n\n".join(
        [
            "Grad: We should schedule the recordings for Tuesday afternoons, said the professor.",
            "Grad: We should schedule the meetings for Tuesday afternoons, said the professor.",
            "PhD: The recogniser still makes errors on the far microphones and the digits.",
        ]
    )
    briefing = brief(build_document(text), budget=Budget(sentences=1), focus="scheduling meetings")
    assert [
        p.text.endswith("schedule the meetings for Tuesday afternoons, said the professor.")
        for p in briefing.key_points
    ] == [True]


def test_a_query_naming_a_speaker_prefers_that_speakers_turns():
    # Both speakers talk about the case; the question asks what one of them thought of it.
    text = "\n\n".join(
        [
            "Marketing: The case should be yellow and soft, because young buyers like fruit.",
            "Industrial Designer: The case should be rubber and curved, because it costs little.",
            "Marketing: Then we agree.",
            "Industrial Designer: Yes.",
            "Marketing: The battery is another matter for the next meeting.",
            "Industrial Designer: The battery can be a simple one.",
        ]
    )
    for speaker in ("Marketing", "Industrial Designer"):
        briefing = brief(
            build_document(text), budget=Budget(sentences=1), focus=f"What did {speaker} think of the case?"
        )
        assert [(p.speaker, "case" in p.text) for p in briefing.key_points] == [(speaker, True)]


def test_a_speaker_named_whole_is_preferred_to_one_sharing_a_word_of_the_name():
    text = "\n\n".join(
        [
            "Grad C: The parser should read the XML files and build the tree once.",
            "Grad H: The parser could read the XML files as a stream, which needs less memory.",
            "Grad C: Yes.",
            "Grad H: Right.",
            "Grad C: The lunch is at noon today in the big room downstairs.",
            "Grad H: The lunch is at noon.",
        ]
    )
    for speaker in ("Grad C", "Grad H"):
        briefing = brief(
            build_document(text), budget=Budget(sentences=1), focus=f"What did {speaker} think of the parser?"
        )
        assert [(p.speaker, "parser" in p.text) for p in briefing.key_points] == [(speaker, True)]


def test_a_stem_differing_in_its_last_letter_is_another_word():
    # "appearance" stems to "appear", "appeal" to "appeal": one letter apart, two words.
    text = "The appeal of the new design is its colour.\n\nThe budget for the design is small."
    analysis = analyze(build_document(text))
    assert not query_focus(analysis, "appearance").found
    assert query_focus(analysis, "analyses of the budgets").found


def test_a_speakers_name_is_a_field_of_the_index_not_a_word_of_the_sentence():
    index = TermIndex.of([["battery", "cradle"], ["battery"]], ["Industrial Designer", ""])
    assert index.lengths.tolist() == [2.0, 1.0]
    assert [t for t, j in index.terms.items() if index.fields[j]] == [SPEAKER_KEY + "Industrial Designer"]


def test_a_named_speaker_is_matched_in_who_says_a_sentence():
    # Both say "battery" once in sentences of the same length; the question names one of them.
    text = "\n\n".join(
        [
            "Marketing: The battery should last a whole year.",
            "Industrial Designer: The battery could charge on a cradle.",
            "Project Manager: Lunch is at noon today.",
            "Marketing: The colours come next week.",
            "Industrial Designer: Fine.",
            "Project Manager: Good.",
        ]
    )
    analysis = analyze(build_document(text))
    query = "What did the Industrial Designer think of the battery?"
    speakers = speaker_terms(analysis, query)
    assert speakers == [SPEAKER_KEY + "Industrial Designer"]
    plain, _, _ = query_match(analysis, ["batteri"])
    named, _, used = query_match(analysis, ["batteri"], (), speakers)
    assert named[1] / named[0] > plain[1] / plain[0]
    # The speaker is matched, not said: it is no query word the text uses.
    assert used == ["batteri"]
    assert not any(SPEAKER_KEY in t for t in query_focus(analysis, query).matched)


def test_only_a_speaker_named_whole_is_a_speaker_term():
    text = "\n\n".join(
        ["Grad C: The parser reads XML.", "Grad H: The parser streams XML.", "Grad C: Yes.", "Grad H: No."]
    )
    analysis = analyze(build_document(text))
    assert speaker_terms(analysis, "What did Grad H think of the parser?") == [SPEAKER_KEY + "Grad H"]
    assert speaker_terms(analysis, "What was said of the parser?") == []
    assert speaker_terms(analyze(build_document("The parser reads XML. It streams.")), "Grad H") == []
