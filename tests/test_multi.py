import json

import pytest

from briefer.briefing import Budget, brief_many, combine
from briefer.briefing import word_overlap as overlap
from briefer.sources.document import build_document
from conftest import SEED

BRIDGE_A = (
    "The old river bridge in Maplewood collapsed early on Tuesday after days of heavy rain. "
    "No one was on the bridge when it fell, the county sheriff told reporters at the scene. "
    "Engineers had warned the town council last year that the supports were badly corroded. "
    "The council had voted to delay repairs until the next budget year to save money. "
    "Residents now face a forty-minute detour to reach the hospital on the far bank."
)
BRIDGE_B = (
    "A bridge over the river in Maplewood fell into the water on Tuesday morning after heavy rain. "
    "Nobody was on the bridge when it collapsed, the county sheriff told reporters at the scene. "
    "State inspectors will examine the wreckage this week to find out why the supports failed. "
    "The governor promised emergency funds to build a temporary crossing within a month. "
    "School buses will take the long detour until a new crossing opens."
)
BRIDGE_C = (
    "Maplewood is cut in two after its river bridge gave way in Tuesday's storm. "
    "Repairs to the corroded supports had been put off by the council for a year. "
    "Drivers heading to the hospital must now take a detour through the hills. "
    "The sheriff said divers searched the river and found no vehicles in the water."
)
OFF_TOPIC = (
    "The annual pumpkin festival opened on Saturday with a record number of visitors. "
    "Bakers competed for the best pie, and a local farmer grew a pumpkin weighing 900 kilos. "
    "Children painted faces and rode a small train around the orchard all afternoon. "
    "Organisers said the festival raised money for the public library's reading program."
)


def docs(*texts):
    return [build_document(t, source=f"s{i}.txt", title=f"Source {i}") for i, t in enumerate(texts)]


def assert_traceable(briefing):
    for point in briefing.key_points:
        source_text = briefing.sources[point.source].text
        assert source_text[point.start : point.end] == point.text
        for mention in point.mentions:
            assert briefing.sources[mention.source].text[mention.start : mention.end] == mention.text


def test_combined_document_keeps_offsets():
    documents = docs(BRIDGE_A, BRIDGE_B)
    combined = combine(documents)
    for sentence in combined.sentences:
        assert combined.text[sentence.start : sentence.end] == sentence.text
    assert [s.title for s in combined.sections] == ["Source 0", "Source 1"]
    assert combined.sections[0].end == combined.sections[1].start


def test_a_shared_sentence_appears_once_naming_both_sources():
    briefing = brief_many(docs(BRIDGE_A, BRIDGE_B), budget=Budget(sentences=6))
    assert_traceable(briefing)
    sheriff = [p for p in briefing.key_points if "sheriff" in p.text]
    assert len(sheriff) <= 1
    collapsed = [p for p in briefing.key_points if len({m.source for m in p.mentions}) == 2]
    assert collapsed, "the near-duplicate pair should collapse into one point with both sources"
    texts = [p.text for p in briefing.key_points]
    both = any("Nobody was on the bridge" in t for t in texts) and any("No one was on the bridge" in t for t in texts)
    assert not both


def test_no_two_key_points_repeat_each_other():
    briefing = brief_many(docs(BRIDGE_A, BRIDGE_B, OFF_TOPIC), budget=Budget(sentences=8))
    from briefer.analysis.topics import analyzer_for

    analyzer = analyzer_for("en")
    sets = [frozenset(analyzer.terms(p.text)) for p in briefing.key_points]
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            assert overlap(sets[i], sets[j]) <= 0.5


def test_what_one_source_alone_says_is_marked():
    briefing = brief_many(docs(BRIDGE_A, BRIDGE_B, OFF_TOPIC), budget=Budget(sentences=8))
    assert_traceable(briefing)
    festival = [p for p in briefing.key_points if p.source == 2]
    assert all(p.only_source for p in festival)
    bridge_shared = [p for p in briefing.key_points if p.source in (0, 1) and not p.only_source]
    assert bridge_shared, "points the bridge stories share must not be marked as one source's"


def test_an_off_topic_source_is_damped_and_noted():
    briefing = brief_many(docs(BRIDGE_A, BRIDGE_B, OFF_TOPIC), budget=Budget(sentences=4))
    assert sum(1 for p in briefing.key_points if p.source == 2) <= 1
    assert any("source 3" in note and "little in common" in note for note in briefing.notes)
    related = brief_many(docs(BRIDGE_A, BRIDGE_B, BRIDGE_C))
    assert not any("little in common" in note for note in related.notes)


def test_a_single_source_is_an_ordinary_briefing_with_its_source():
    briefing = brief_many(docs(BRIDGE_A), budget=Budget(sentences=2))
    assert len(briefing.sources) == 1 and len(briefing.key_points) == 2
    assert_traceable(briefing)


def test_word_budget_holds_across_sources():
    briefing = brief_many(docs(BRIDGE_A, BRIDGE_B, OFF_TOPIC), budget=Budget(words=60))
    assert 0 < briefing.stats.summary_words <= 60


def test_cli_several_inputs_make_one_json_briefing(run_brief, tmp_path):
    paths = []
    for name, text in (("a.txt", BRIDGE_A), ("b.txt", BRIDGE_B), ("c.txt", OFF_TOPIC)):
        path = tmp_path / name
        path.write_text(text)
        paths.append(str(path))
    result = run_brief(*paths, "--format", "json", "-n", "5")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["source"] for s in data["sources"]] == paths
    for point in data["summary"]:
        for where in point["sources"]:
            text = (tmp_path / ["a.txt", "b.txt", "c.txt"][where["source"]]).read_text()
            assert text[where["start"] : where["end"]]
        own = (tmp_path / ["a.txt", "b.txt", "c.txt"][point["source"]]).read_text()
        assert own[point["start"] : point["end"]] == point["text"]


def test_cli_an_input_that_fails_is_reported_and_the_rest_briefed(run_brief, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(BRIDGE_A)
    other = tmp_path / "b.txt"
    other.write_text(BRIDGE_B)
    result = run_brief(str(good), str(tmp_path / "missing.txt"), str(other), "-f", "json")
    assert result.returncode == 3
    assert b"missing.txt: no such file" in result.stderr
    data = json.loads(result.stdout)
    assert len(data["sources"]) == 2
    assert any("missing.txt" in note for note in data["notes"])


def test_cli_a_folder_is_its_document_files(run_brief, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIDGE_A)
    (folder / "b.md").write_text(BRIDGE_B)
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".hidden.txt").write_text(OFF_TOPIC)
    result = run_brief(str(folder), "-f", "json")
    assert result.returncode == 0, result.stderr
    names = [s["source"].rsplit("/", 1)[-1] for s in json.loads(result.stdout)["sources"]]
    assert names == ["a.txt", "b.md"]


def test_cli_text_output_lists_sources_and_tags_points(run_brief, tmp_path):
    (tmp_path / "a.txt").write_text(BRIDGE_A)
    (tmp_path / "b.txt").write_text(BRIDGE_B)
    out = run_brief(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-n", "4").stdout.decode()
    assert "Sources:" in out and "[1] Source" not in out  # titles come from file names here
    assert "[1" in out and "[2" in out


def test_batch_merge_gives_one_briefing(run_brief, tmp_path):
    lines = [
        json.dumps({"id": "a", "text": BRIDGE_A, "title": "Gazette"}),
        json.dumps({"id": "b", "text": BRIDGE_B, "title": "Herald"}),
        json.dumps({"id": "c", "text": " "}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    result = run_brief("--batch", str(source), "--merge", "-f", "json", "-n", "4")
    data = json.loads(result.stdout)
    assert [s["title"] for s in data["sources"]] == ["Gazette", "Herald"]
    assert result.returncode == 3 and b"record c" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_rendering_several_sources(fmt, run_brief, tmp_path):
    (tmp_path / "a.txt").write_text(BRIDGE_A)
    result = run_brief(str(tmp_path / "a.txt"), str(SEED), "-f", fmt)
    assert result.returncode == 0
    assert b"Sources" in result.stdout


def test_a_collection_over_the_sentence_limit_is_refused(monkeypatch):
    from briefer.briefing import several as multi
    from briefer.errors import InputError

    monkeypatch.setattr(multi, "MAX_SENTENCES", 8)
    with pytest.raises(InputError, match="more than the 8 briefer handles"):
        brief_many(docs(BRIDGE_A, BRIDGE_B))
