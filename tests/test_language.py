import json

import pytest

from briefer.errors import UsageError
from briefer.language.catalogue import get_language
from briefer.language.sentences import MAX_SENTENCE_CHARS, sentence_spans
from briefer.language.stopwords import stop_words
from briefer.language.words import Analyzer
from conftest import SHARED

EN = get_language("en")


def test_spans_are_exact_and_respect_abbreviations():
    text = "Mr. Smith went to Washington. He said “hi.” Then he left at 8 p.m. on Friday."
    spans = sentence_spans(text, EN)
    pieces = [text[a:b] for a, b in spans]
    assert pieces[0] == "Mr. Smith went to Washington."
    assert all(text[a:b] == p for (a, b), p in zip(spans, pieces, strict=True))
    assert len(pieces) == 3


def test_overlong_sentence_is_cut_into_passages_at_breaks():
    text = ", ".join(["a clause of several words"] * 200)
    spans = sentence_spans(text, EN)
    assert len(spans) > 1
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(not text[a:b][0].isspace() and not text[a:b][-1].isspace() for a, b in spans)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "").replace(",", "") == text.replace(" ", "").replace(
        ",", ""
    )


def test_a_line_with_no_spaces_at_all_is_still_cut():
    text = "x" * (MAX_SENTENCE_CHARS * 3 + 5)
    spans = sentence_spans(text, EN)
    assert "".join(text[a:b] for a, b in spans) == text


def test_analyzer_stems_and_drops_stop_words():
    analyzer = Analyzer(EN)
    assert analyzer.terms("The ministers were discussing trade, and Tajikistan’s security.") == [
        "minist",
        "discuss",
        "trade",
        "tajikistan",
        "secur",
    ]
    assert "said" in stop_words(EN)


def test_unknown_language_names_the_supported_ones():
    with pytest.raises(UsageError, match="supported: en"):
        get_language("klingon")


@pytest.mark.skipif(not (SHARED / "data" / "sentences" / "gum_news.json").exists(), reason="shared data absent")
def test_splitting_quality_on_gum_news_is_at_least_punkt_level():
    blocks = json.loads((SHARED / "data" / "sentences" / "gum_news.json").read_text())
    tp = fp = fn = 0
    for block in blocks:
        text, gold = _block(block)
        predicted = {b for _, b in sentence_spans(text, EN)}
        gold_ends = set(gold)
        tp += len(predicted & gold_ends)
        fp += len(predicted - gold_ends)
        fn += len(gold_ends - predicted)
    f1 = 2 * tp / (2 * tp + fp + fn)
    # The research file measures Punkt with its tables at F1 .952 on this set.
    assert f1 >= 0.94


def _block(block):
    text = block["text"]
    ends = []
    position = 0
    for sentence in block["sents"]:
        start = text.find(sentence, position)
        if start < 0:
            continue
        position = start + len(sentence)
        ends.append(position)
    return text, ends


def test_a_sentence_does_not_end_inside_its_brackets_nor_before_a_lower_case_continuation():
    text = (
        "Chapter 2 of the Foreign Assistance Act of 1961 (22 U.S.C. 2151 et seq.) is amended by adding a "
        "section. The land lies in Sec. 4, T. 10 N., R. 5 W., Winn Parish. It was sold in 1995. "
        "1996 was better (see the table)."
    )
    pieces = [text[a:b] for a, b in sentence_spans(text, EN)]
    assert pieces == [
        "Chapter 2 of the Foreign Assistance Act of 1961 (22 U.S.C. 2151 et seq.) is amended by adding a section.",
        "The land lies in Sec. 4, T. 10 N., R. 5 W., Winn Parish.",
        "It was sold in 1995.",
        "1996 was better (see the table).",
    ]


def test_a_sentence_does_not_end_at_a_laws_dotted_citation_before_its_number():
    text = (
        "On December 5, 2012, the Senate approved S.Res. 609 (Moran) by voice vote. The House passed "
        "H.R. 1234 and H.J.Res. 12 in May. See P.L. 111-148 for the rest. They fought in Iraq. "
        "12 soldiers died."
    )
    pieces = [text[a:b] for a, b in sentence_spans(text, EN)]
    assert pieces == [
        "On December 5, 2012, the Senate approved S.Res. 609 (Moran) by voice vote.",
        "The House passed H.R. 1234 and H.J.Res. 12 in May.",
        "See P.L. 111-148 for the rest.",
        "They fought in Iraq.",
        "12 soldiers died.",
    ]


def test_a_bracket_left_open_joins_at_most_a_few_pieces():
    text = "An aside (never closed. " + " ".join(f"Sentence number {i} ends here." for i in range(8)) + " Closing) now."
    pieces = [text[a:b] for a, b in sentence_spans(text, EN)]
    assert pieces[0] == "An aside (never closed."
    assert len(pieces) >= 8


def test_the_function_word_table_gives_the_same_answers_in_any_order():
    from briefer.language import detection

    texts = [
        "The council met on Tuesday and it agreed that the library should stay open in the winter.",
        "Le conseil s'est réuni mardi et il a décidé que la bibliothèque resterait ouverte.",
        "Der Rat hat sich am Dienstag getroffen und er hat beschlossen, dass die Bibliothek offen bleibt.",
        "El consejo se reunió el martes y decidió que la biblioteca seguiría abierta en invierno.",
    ]
    detection._OWNERS.clear()
    fresh = [detection.detect(text) for text in texts]
    assert [detection.detect(text) for text in reversed(texts)] == fresh[::-1]
    assert [d.code for d in fresh] == ["en", "fr", "de", "es"]


def test_remembered_scripts_give_the_same_answers():
    from briefer.language import detection

    texts = [
        "Совет города собрался во вторник и обсудил бюджет.",
        "Το συμβούλιο συνεδρίασε την Τρίτη.",
        "市议会周二开会讨论预算。",
    ]
    detection._SCRIPT_OF.clear()
    fresh = [detection.detect(text) for text in texts]
    assert [detection.detect(text) for text in texts] == fresh
    assert [d.script for d in fresh] == ["cyrillic", "greek", "han"]
