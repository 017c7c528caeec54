"""The evaluation's sumy cache and its length limits: reuse exactly when sumy would see the same text."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from briefer.evaluation.cache import RankCache
from briefer.evaluation.data import Record
from briefer.evaluation.runner import evaluate
from briefer.evaluation.table import as_table

TEXT = (
    "The city council approved a new budget on Monday after a long debate. "
    "The budget adds money for parks, libraries and road repairs across the city. "
    "Several members argued that the library hours should be extended on weekends. "
    "The mayor said the plan keeps taxes flat for a third year in a row. "
    "Residents will be able to comment on the road repairs at a hearing next month."
)
REFERENCE = (("The council approved a budget with money for parks and libraries.",),)


def _cached_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.npy"))


def test_a_rerun_reads_sumy_rankings_and_gives_the_same_figures(tmp_path):
    records = [Record("a", TEXT, REFERENCE)]
    first_cache = RankCache(tmp_path)
    first, _ = evaluate(records, ["topic", "luhn", "lex-rank"], 2, cache=first_cache)
    # Only sumy's two methods are kept; topic is what an evaluation measures, never cached.
    assert (first_cache.hits, first_cache.misses) == (0, 2)
    assert {p.parent.name for p in _cached_files(tmp_path)} == {"luhn", "lex-rank"}
    second_cache = RankCache(tmp_path)
    second, _ = evaluate(records, ["topic", "luhn", "lex-rank"], 2, cache=second_cache)
    assert (second_cache.hits, second_cache.misses) == (2, 0)
    assert [r.as_dict()["rouge1"] for r in first] == [r.as_dict()["rouge1"] for r in second]


def test_a_changed_text_is_ranked_afresh(tmp_path):
    cache = RankCache(tmp_path)
    evaluate([Record("a", TEXT, REFERENCE)], ["luhn"], 2, cache=cache)
    changed = TEXT.replace("Monday", "Tuesday")
    evaluate([Record("a", changed, REFERENCE)], ["luhn"], 2, cache=cache)
    assert (cache.hits, cache.misses) == (0, 2)
    assert len(_cached_files(tmp_path)) == 2


def test_a_damaged_cache_file_is_recomputed(tmp_path):
    cache = RankCache(tmp_path)
    evaluate([Record("a", TEXT, REFERENCE)], ["luhn"], 2, cache=cache)
    (path,) = _cached_files(tmp_path)
    path.write_bytes(b"not a numpy file")
    again = RankCache(tmp_path)
    evaluate([Record("a", TEXT, REFERENCE)], ["luhn"], 2, cache=again)
    assert (again.hits, again.misses) == (0, 1)
    assert np.load(path).shape == (5,)
    assert not list(tmp_path.rglob("*.tmp"))


def test_within_limits_leaves_kl_out_of_a_long_text_and_compares_on_the_same_records():
    long_text = " ".join(f"Sentence number {i} talks about the harbour and its ferries." for i in range(450))
    records = [Record("short", TEXT, REFERENCE), Record("long", long_text, REFERENCE)]
    results, _ = evaluate(records, ["topic", "kl"], 2, within_limits=True)
    topic, kl = results
    assert (kl.over_limit, kl.documents, kl.records) == (1, 1, [0])
    assert (topic.over_limit, topic.documents) == (0, 2)
    table = as_table(results, {"dataset": "x", "offset": 0, "documents": 2, "sentences": 2})
    on_same = topic.mean("r1", kl.records)
    assert "kl: left out of 1 records over its sentence limit; its figures are over the other 1" in table
    assert f"where topic scores {on_same:.2f} / " in table
    assert on_same != topic.mean("r1")


def test_brief_eval_cache_option_reads_sumy_rankings_on_a_rerun(tmp_path, capsys):
    import json

    from briefer.evaluation.cli import main

    dataset = tmp_path / "set.jsonl"
    dataset.write_text(json.dumps({"id": "a", "text": TEXT, "summary": REFERENCE[0][0]}) + "\n", encoding="utf-8")
    args = [str(dataset), "--methods", "topic,luhn", "-n", "2", "--cache", str(tmp_path / "cache"), "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert (first["cached"], second["cached"]) == (0, 1)
    assert first["results"][1]["rouge1"] == second["results"][1]["rouge1"] > 0
