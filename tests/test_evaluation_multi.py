import json
import subprocess
import sys

from briefer.evaluation.data import read_records
from briefer.evaluation.multi import MultiResult, evaluate_multi
from briefer.evaluation.oracle import oracle
from conftest import ROOT
from test_multi import BRIDGE_A, BRIDGE_B, BRIDGE_C, OFF_TOPIC

REFERENCE = (
    "The Maplewood river bridge collapsed on Tuesday after heavy rain. No one was on it. "
    "Engineers had warned that its supports were corroded, but the council delayed repairs."
)


def write_set(path):
    records = [
        {
            "id": "bridge",
            "text": "",
            "summary": REFERENCE,
            "documents": [{"text": t} for t in (BRIDGE_A, BRIDGE_B, BRIDGE_C)],
        },
        {"id": "mixed", "text": "", "summary": REFERENCE, "documents": [BRIDGE_A, OFF_TOPIC]},
    ]
    for record in records:
        record["text"] = "\n\n".join(d["text"] if isinstance(d, dict) else d for d in record["documents"])
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return path


def test_records_carry_their_documents(tmp_path):
    records = read_records(write_set(tmp_path / "set.jsonl"))
    assert [len(r.documents) for r in records] == [3, 2]
    assert records[1].documents[1] == OFF_TOPIC


def test_oracle_keeps_to_a_word_budget():
    sentences = [
        "the bridge collapsed on tuesday",
        "no one was on it at the time of the fall",
        "rain",
        "engineers warned",
    ]
    chosen = oracle(sentences, [[REFERENCE]], n=4, max_words=8)
    assert sum(len(sentences[i].split()) for i in chosen) <= 8
    assert chosen


def test_multi_evaluation_scores_every_method_within_the_budget(tmp_path):
    records = read_records(write_set(tmp_path / "set.jsonl"))
    results, skipped = evaluate_multi(records, ["topic", "first-3", "lex-rank", "oracle"], words=60)
    assert skipped == 0
    by_name = {r.method: r for r in results}
    assert all(isinstance(r, MultiResult) and r.documents == 2 for r in results)
    for name in ("topic", "lex-rank", "oracle"):
        assert by_name[name].words <= 2 * 60
    # first-3 is the published baseline: three sentences of every article, whatever the budget.
    assert by_name["first-3"].words > 2 * 60
    assert by_name["oracle"].mean("r2") >= max(by_name[m].mean("r2") for m in ("topic", "lex-rank"))
    assert by_name["topic"].repeated == 0


def test_repeated_points_are_counted():
    result = MultiResult("x", repeated=1, pairs=4)
    assert result.repeated_rate == 25.0
    assert result.as_dict()["repeated_percent"] == 25.0


def test_brief_eval_multi_prints_a_table_and_json(tmp_path):
    dataset = write_set(tmp_path / "set.jsonl")
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "briefer.evaluation", str(dataset), "--multi", "--words", "50"]
    table = subprocess.run([*command, "--methods", "topic,first-3,oracle"], capture_output=True, text=True, env=env)
    assert table.returncode == 0, table.stderr
    assert "2 clusters" in table.stdout and "repeated %" in table.stdout
    assert "| first-3 (first 3 sentences of each article)" in table.stdout
    figures = subprocess.run([*command, "--methods", "topic,lead", "--json"], capture_output=True, text=True, env=env)
    data = json.loads(figures.stdout)
    assert data["multi"] is True and data["words"] == 50
    assert [r["method"] for r in data["results"]] == ["topic", "lead"]
    assert all("repeated_percent" in r for r in data["results"])
    bad = subprocess.run([*command, "--methods", "nope"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "unknown method" in bad.stderr
