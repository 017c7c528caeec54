"""A briefing on one subject: --focus QUERY and --topic N."""

from __future__ import annotations

import json

import pytest

from briefer import Budget, UsageError, analyze, brief, build_document, render

ROADS = [
    "The council approved a plan to repair the roads of the old town before winter.",
    "Road crews will resurface the main bridge and fill the potholes on the ring road.",
    "Drivers should expect closures on the bridge while the asphalt is laid.",
    "The repairs to the roads will cost the council four million pounds.",
]
SCHOOLS = [
    "The school board hired twelve new teachers for the primary schools.",
    "Pupils in the primary schools will get smaller classes from September.",
    "Teachers welcomed the hiring, saying classes had grown too large.",
    "The new teachers start their training at the schools next month.",
]


def _text() -> str:
    # The two subjects alternate paragraph by paragraph, so that neither is simply "the start".
    paragraphs = []
    for road, school in zip(ROADS, SCHOOLS, strict=True):
        paragraphs += [road, school]
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def document():
    return build_document(_text(), title="Council news")


@pytest.mark.parametrize(
    ("query", "subject", "other"), [("road repairs", ROADS, SCHOOLS), ("teachers", SCHOOLS, ROADS)]
)
def test_a_focus_briefs_only_what_the_text_says_about_it(document, query, subject, other):
    briefing = brief(document, budget=Budget(sentences=3), focus=query)
    chosen = [p.text for p in briefing.key_points]
    assert chosen, briefing.notes
    assert all(text in subject for text in chosen)
    assert not any(text in other for text in chosen)
    assert briefing.focus == query
    for point in briefing.key_points:
        assert document.text[point.start : point.end] == point.text
        assert point.relevance is not None and 0 < point.relevance <= 1


def test_query_words_are_matched_through_their_stems(document):
    briefing = brief(document, budget=Budget(sentences=2), focus="bridges")
    assert briefing.key_points and all("bridge" in p.text for p in briefing.key_points)
    assert briefing.focus_terms == ("bridge",)


def test_nothing_about_the_query_gives_an_empty_briefing_and_a_note(document):
    briefing = brief(document, budget=Budget(sentences=3), focus="football stadium")
    assert briefing.key_points == ()
    assert any("nothing in the text is about" in note for note in briefing.notes)


def test_a_topic_briefs_the_sentences_of_that_topic(document):
    analysis = analyze(document)
    for number, topic in enumerate(analysis.topics, 1):
        briefing = brief(document, budget=Budget(sentences=2), topic=number, analysis=analysis)
        assert briefing.key_points
        assert {int(analysis.sentence_topic[p.sentence]) for p in briefing.key_points} == {topic.id}
        assert briefing.focus_topic == topic.id
    by_word = brief(document, budget=Budget(sentences=2), topic=analysis.topics[0].terms[0], analysis=analysis)
    assert by_word.focus_topic == analysis.topics[0].id
    with pytest.raises(UsageError, match="choose a topic from 1 to"):
        brief(document, topic=len(analysis.topics) + 1, analysis=analysis)
    with pytest.raises(UsageError, match="no topic is named"):
        brief(document, topic="zeppelin", analysis=analysis)


def test_the_command_takes_a_focus_and_says_when_nothing_matches(run_brief, tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(_text())
    result = run_brief(str(path), "--focus", "teachers", "-n", "2", "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["focus"] == {"query": "teachers", "terms": ["teachers"], "topic": None}
    assert data["summary"] and all(p["text"] in SCHOOLS and 0 < p["relevance"] <= 1 for p in data["summary"])

    nothing = run_brief(str(path), "--focus", "football")
    assert nothing.returncode == 0
    assert nothing.stdout.decode().strip().splitlines() == ["nothing in the text is about “football”"]
    as_json = json.loads(run_brief(str(path), "--focus", "football", "-f", "json").stdout)
    assert as_json["summary"] == [] and any("nothing in the text" in n for n in as_json["notes"])

    both = run_brief(str(path), "--focus", "roads", "--topic", "1")
    assert both.returncode == 2 and b"not both" in both.stderr
    topic = json.loads(run_brief(str(path), "--topic", "1", "-f", "json").stdout)
    assert topic["focus"]["topic"] == 1


def test_several_sources_take_a_focus(run_brief, tmp_path):
    (tmp_path / "roads.txt").write_text("\n\n".join(ROADS))
    (tmp_path / "schools.txt").write_text("\n\n".join(SCHOOLS))
    result = run_brief(str(tmp_path), "--focus", "teachers", "-n", "2", "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"] and all(p["text"] in SCHOOLS for p in data["summary"])


@pytest.mark.parametrize(("word", "subject"), [("potholes", ROADS), ("asphalt", ROADS), ("classes", SCHOOLS)])
def test_a_sentence_about_the_subject_counts_without_the_query_word(document, word, subject):
    # One sentence holds the word; the others of its subject are found through their topic.
    briefing = brief(document, budget=Budget(sentences=3), focus=word)
    chosen = [p.text for p in briefing.key_points]
    assert len(chosen) == 3 and all(text in subject for text in chosen)
    assert any(word not in text.lower() for text in chosen)


def test_with_no_budget_a_focus_is_as_long_as_the_part_of_the_text_about_it():
    # A long text mostly about roads, with four sentences on the schools in its middle: the
    # default length of the whole text (11 here) is not the default of a briefing on the schools.
    filler = [
        f"Crews on the {street} resurfaced the lane and repainted the crossing by the depot."
        for street in ("north street", "mill lane", "quay road", "station hill", "church row", "bank street")
    ]
    roads = [*ROADS, *filler] * 3
    document = build_document("\n\n".join([*roads, *SCHOOLS, *roads]))
    analysis = analyze(document)
    assert len(brief(document, analysis=analysis).key_points) > 5
    focused = brief(document, analysis=analysis, focus="teachers")
    # Four sentences are about the schools: the default length of a four-sentence text is 3.
    assert len(focused.key_points) == 3
    assert all(p.text in SCHOOLS for p in focused.key_points)
    # A budget given is the reader's choice: it bounds the briefing instead.
    chosen = brief(document, analysis=analysis, focus="teachers", budget=Budget(sentences=20)).key_points
    assert sorted(p.text for p in chosen) == sorted(SCHOOLS)


def test_a_topic_briefing_is_about_its_topic_as_the_label_over_its_key_points_names_it():
    from briefer import sample_path

    document = build_document(sample_path().read_text(encoding="utf-8"))
    for number in range(1, len(analyze(document).topics) + 1):
        briefing = brief(document, topic=number)
        shown = [t.label for t in briefing.topics if t.id == briefing.focus_topic]
        # The label is fitted to the key points (see fit_labels): the line saying what the
        # briefing is about names the topic with the same words, not the whole text's.
        assert shown and briefing.focus == shown[0]
        assert render(briefing, "text", width=200).count(shown[0]) >= 2
