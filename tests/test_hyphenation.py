"""A word hyphenated at a line end in hard-wrapped text: quoted as written, analysed whole."""

from __future__ import annotations

from briefer.analysis import analyze
from briefer.briefing import Budget, brief
from briefer.sources.document import build_document

TEXT = (
    "The committee met to discuss the in-\n"
    "creasing costs of the harbour. A well-\n"
    "known engineer, a well-known man, spoke about the harbour.\n"
    "The final re-\n"
    "    port on the harbour is due in May. The costs of the harbour\n"
    "keep increasing, the report says.\n"
)


def test_sentences_keep_the_hyphen_and_line_break_as_written():
    document = build_document(TEXT)
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
    assert "in-\ncreasing" in document.sentences[0].text


def test_the_words_analysed_are_whole_but_a_compound_keeps_its_hyphen():
    document = build_document(TEXT)
    texts = [document.analysis_text(s) for s in document.sentences]
    assert "the increasing costs" in texts[0]
    assert "A well-\nknown engineer" in texts[1]
    assert "The final report on" in texts[2]
    analysis = analyze(document)
    # "in-creasing" and "increasing" are one term, counted in both sentences.
    increasing = [t for t in analysis.terms if t.startswith("increas")]
    assert len(increasing) == 1
    assert not any(t in ("creas", "port", "re") for t in analysis.terms)


def test_key_points_stay_verbatim_with_their_offsets():
    document = build_document(TEXT)
    for point in brief(document, budget=Budget(sentences=2)).key_points:
        assert document.text[point.start : point.end] == point.text


def test_an_analysis_text_after_a_skipped_prefix():
    document = build_document("Anna: we saw the in-\ncrease today.\n")
    sentence = document.sentences[0]
    assert document.analysis_text(sentence, len("Anna: ")) == "we saw the increase today."


def test_text_without_line_end_hyphens_is_unchanged():
    document = build_document("Plain words here. No hyphen at a line end - none at all.\n")
    assert document.soft_hyphens == ()
    assert [document.analysis_text(s) for s in document.sentences] == [s.text for s in document.sentences]
