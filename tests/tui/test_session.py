"""The reader's model of an article, without the widgets."""

from __future__ import annotations

from briefer.briefing import Budget
from briefer.pipeline import load
from briefer.tui.session import Article, Problem, method_names, open_article

from .conftest import SAMPLE


def test_article_brief_matches_library_and_quotes_source():
    article = Article.from_document(load(str(SAMPLE)))
    assert article.length == Budget().sentence_limit(len(article.sentences))
    briefing = article.make_briefing("topic", 4)
    assert len(briefing.key_points) == 4
    for point in briefing.key_points:
        assert article.document.text[point.start : point.end] == point.text


def test_scores_are_cached_per_method_and_info_agrees_with_briefing():
    article = Article.from_document(load(str(SAMPLE)))
    briefing = article.make_briefing("lead", 3)
    article.apply(briefing, 3)
    assert article.method == "lead"
    assert list(article._scores) == ["lead"]
    first = article.sentence_info(0)
    assert first.key and first.rank == 1 and first.score == 1.0
    assert not article.sentence_info(10).key
    # The ranks of the key points are the ranks the sentence line reports.
    for point in briefing.key_points:
        assert article.sentence_info(point.sentence).rank == point.rank


def test_open_article_turns_errors_into_problems(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    found = open_article(str(empty), lambda: load(str(empty)))
    assert isinstance(found, Problem)
    assert "empty" in found.message
    assert "topic" in method_names() and "lead" in method_names() and "lex-rank" in method_names()


def test_an_untitled_opening_section_takes_the_document_title(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("An opening paragraph comes first. It has no heading.\n\n## Later\n\nThen a section follows.\n")
    article = Article.from_document(load(str(path)))
    assert [s.title for s in article.document.sections] == ["", "Later"]
    assert article.section_title(0) == article.document.title != ""
    assert article.section_title(1) == "Later"


def test_a_slow_method_on_a_long_article_is_a_message_not_a_hang(monkeypatch):
    import dataclasses

    import pytest

    from briefer.errors import BrieferError
    from briefer.rankers import base

    monkeypatch.setitem(base._REGISTRY, "lsa", dataclasses.replace(base._REGISTRY["lsa"], max_sentences=10))
    article = Article.from_document(load(str(SAMPLE)))
    with pytest.raises(BrieferError, match="at most 10 sentences"):
        article.make_briefing("lsa", 3)
    assert not article.has_scores("lsa")
