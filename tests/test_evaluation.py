"""The evaluation: ROUGE on hand-made cases, references averaged, the oracle, dangling openings, brief-eval."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.errors import InputError
from briefer.evaluation.data import Record, read_records
from briefer.evaluation.oracle import oracle
from briefer.evaluation.rouge import score
from briefer.evaluation.runner import evaluate

ROOT = Path(__file__).resolve().parent.parent


def test_rouge_of_a_hand_made_case():
    # Reference 6 tokens, candidate 3 of them in order: R-1 P=1 R=1/2; R-2 2 of 5 bigrams; LCS 3.
    result = score(["The cat sat."], [["The cat sat on the mat."]])
    assert result.r1 == pytest.approx(2 / 3)
    assert result.r2 == pytest.approx(2 * 1 * 0.4 / 1.4)
    assert result.rlsum == pytest.approx(2 / 3)


def test_rouge_stems_and_ignores_case_and_punctuation():
    assert score(["Cats RUNNING!"], [["cat run"]]).r1 == pytest.approx(1.0)


def test_rouge_lsum_compares_sentence_by_sentence():
    # Same words, but the candidate splits them differently: R-1 is perfect, Lsum need not be.
    summary = ["b a", "d c"]
    reference = ["a b c d"]
    result = score(summary, [reference])
    assert result.r1 == pytest.approx(1.0)
    assert result.rlsum < 1.0


def test_several_references_are_averaged():
    summary = ["The council approved the budget on Monday."]
    first = ["The council approved the budget."]
    second = ["Parks will get more money next year."]
    both = score(summary, [first, second])
    one, other = score(summary, [first]), score(summary, [second])
    assert both.r1 == pytest.approx((one.r1 + other.r1) / 2)
    assert both.r2 == pytest.approx((one.r2 + other.r2) / 2)
    assert both.rlsum == pytest.approx((one.rlsum + other.rlsum) / 2)
    assert one.r1 > other.r1


def test_an_empty_summary_scores_zero():
    result = score([], [["Anything at all."]])
    assert (result.r1, result.r2, result.rlsum) == (0.0, 0.0, 0.0)
    assert score(["  "], [["Anything at all."]]).r1 == 0.0


def test_oracle_picks_the_matching_sentences_in_document_order():
    sentences = [
        "The weather was mild.",
        "The mayor resigned on Tuesday after the audit.",
        "Crowds gathered in the square.",
        "The audit found missing funds of two million dollars.",
    ]
    reference = [["The mayor resigned after an audit found two million dollars missing."]]
    chosen = oracle(sentences, reference, 2)
    assert chosen == [1, 3]
    # It stops when no sentence helps: a budget of 4 still gives only the useful ones.
    assert oracle(sentences, reference, 4) == [1, 3]


NEWS = [
    (
        "Storm floods the valley",
        "Heavy rain flooded the river valley on Sunday, forcing hundreds of families from their homes. "
        "The river rose three metres in six hours, officials said. "
        "Schools in the valley will stay closed until Wednesday. "
        "It was the worst flood since 1998. "
        "Volunteers filled sandbags through the night. "
        "The regional government promised emergency funds for the families.",
        ["Heavy rain flooded the river valley, forcing hundreds of families from their homes.", "Schools closed."],
    ),
    (
        "Library",
        "But the library will reopen in May after a two-year renovation. "
        "The building gained a new reading room and a children's wing. "
        "The renovation cost four million pounds, paid by the city. "
        "Opening hours will be longer than before.",
        ["The library reopens in May after a two-year renovation costing four million pounds."],
    ),
]


def _records() -> list[Record]:
    return [Record(str(i), text, (tuple(ref),)) for i, (_, text, ref) in enumerate(NEWS)]


def test_oracle_scores_at_least_as_well_as_every_method():
    results, skipped = evaluate(_records(), ["topic", "lead", "random", "oracle"], 2)
    assert skipped == 0
    by_name = {r.method: r for r in results}
    for name in ("topic", "lead", "random"):
        for metric in ("r1", "r2"):
            assert by_name["oracle"].mean(metric) >= by_name[name].mean(metric)


def test_dangling_rate_counts_summaries_opening_on_a_pronoun_or_connective():
    results, _ = evaluate(_records(), ["lead"], 1)
    lead = results[0]
    # The second text opens with "But": one of two one-sentence summaries dangles.
    assert lead.summaries == 2
    assert lead.dangling == 1
    assert lead.dangling_rate == pytest.approx(50.0)


def test_fragment_rate_counts_key_points_that_are_not_whole_sentences():
    from briefer import is_fragment
    from briefer.evaluation.quotes import QuoteCounts

    counts = QuoteCounts()
    counts.add_texts(["SEC. 2. DEFINITIONS.", "The council met on Monday.", "but then the rain came."])
    assert (counts.fragments, counts.points) == (2, 3)
    assert counts.fragment_rate == pytest.approx(200 / 3)
    # A legal list item may end on a semicolon; a sentence may not.
    assert not is_fragment("(a) The Secretary shall report each year;", list_item=True)
    assert is_fragment("(a) The Secretary shall report each year;")


def test_the_default_ranker_does_not_open_on_a_dangling_sentence():
    results, _ = evaluate(_records(), ["topic"], 2)
    assert results[0].dangling == 0


def test_methods_never_see_the_reference():
    # Same texts, different references: every method picks the same sentences.
    other = [Record(r.id, r.text, (("Completely unrelated words about chess openings.",),)) for r in _records()]
    first, _ = evaluate(_records(), ["topic", "lead"], 2)
    second, _ = evaluate(other, ["topic", "lead"], 2)
    assert [r.words for r in first] == [r.words for r in second]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_reader_takes_highlights_then_summaries_then_summary(tmp_path):
    path = _write(
        tmp_path / "set.jsonl",
        [
            {"id": "a", "text": "One. Two.", "summary": "ignored", "highlights": ["First line.", "Second line."]},
            {"id": "b", "text": "One. Two.", "summaries": ["A one. A two.", ["B one.", "B two."]]},
            {"id": "c", "text": "One. Two.", "summary": "Prose one. Prose two."},
        ],
    )
    a, b, c = read_records(path)
    assert a.references == (("First line.", "Second line."),)
    assert b.references == (("A one.", "A two."), ("B one.", "B two."))
    assert c.references == (("Prose one.", "Prose two."),)
    assert [r.id for r in read_records(path, offset=1, limit=1)] == ["b"]


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"id": 1, "text": "Words here."}\n', "needs a reference"),
        ('{"id": 1, "summary": "x"}\n', "needs a non-empty string 'text'"),
        ("not json\n", "not JSON"),
    ],
)
def test_reader_rejects_bad_records_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_records(path)


def _run_eval(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NLTK_DATA": str(tmp_path / "no_nltk_data")}
    return subprocess.run(
        [sys.executable, "-m", "briefer.evaluation", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )


def test_brief_eval_prints_a_table_and_json(tmp_path):
    path = _write(
        tmp_path / "tiny.jsonl",
        [{"id": str(i), "text": text, "highlights": ref} for i, (_, text, ref) in enumerate(NEWS)],
    )
    table = _run_eval(tmp_path, str(path), "--methods", "topic,lead,lex-rank,oracle", "-n", "2")
    assert table.returncode == 0, table.stderr
    assert table.stderr == ""  # no progress bar when stderr is not a terminal
    rows = [line for line in table.stdout.splitlines() if line.startswith("| ") and "method" not in line]
    assert [row.split("|")[1].strip() for row in rows] == ["topic", "lead", "lex-rank", "oracle"]

    figures = _run_eval(tmp_path, str(path), "--methods", "lead,oracle", "-n", "2", "--json")
    assert figures.returncode == 0, figures.stderr
    data = json.loads(figures.stdout)
    assert data["documents"] == 2
    lead, best = data["results"]
    assert lead["method"] == "lead" and best["method"] == "oracle"
    assert best["rouge1"] >= lead["rouge1"] > 0
    assert set(lead) >= {"rouge2", "rougeLsum", "dangling_percent", "seconds"}


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["missing.jsonl"], 3, "no such file"),
        (["tiny.jsonl", "--methods", "nonsense"], 2, "unknown method"),
        (["tiny.jsonl", "-n", "0"], 2, "at least 1"),
        (["tiny.jsonl", "--offset", "99"], 2, "no records"),
    ],
)
def test_brief_eval_errors_are_one_line_with_a_documented_code(tmp_path, args, code, message):
    _write(tmp_path / "tiny.jsonl", [{"id": "1", "text": NEWS[0][1], "summary": "Rain flooded a valley."}])
    result = _run_eval(tmp_path, *args)
    assert result.returncode == code
    assert result.stderr.startswith("brief-eval: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_brief_eval_writes_its_figures_to_a_file(tmp_path):
    path = _write(tmp_path / "tiny.jsonl", [{"id": "1", "text": NEWS[0][1], "summary": "Rain flooded a valley."}])
    result = _run_eval(tmp_path, str(path), "--methods", "lead", "-n", "1", "--json", "-o", "out.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["results"][0]["method"] == "lead"


def test_brief_eval_is_an_installed_command():
    tomllib = pytest.importorskip("tomllib")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, function = scripts["brief-eval"].partition(":")
    imported = __import__(module, fromlist=[function])
    assert callable(getattr(imported, function))
