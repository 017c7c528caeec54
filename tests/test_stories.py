"""Several unrelated articles become stories, each briefed on its own."""

from __future__ import annotations

import json

from briefer import Budget, brief_stories, build_document, group_stories
from story_texts import CHESS, CHESS_2, FLOOD, FLOOD_2


def _documents():
    texts = [FLOOD, CHESS, FLOOD_2, CHESS_2]
    return [build_document(" ".join(t), source=f"article{i}.txt") for i, t in enumerate(texts)]


def test_unrelated_articles_are_grouped_into_their_stories():
    groups = group_stories(_documents())
    assert sorted(sorted(g) for g in groups) == [[0, 2], [1, 3]]


def test_each_story_is_briefed_from_its_own_sources_with_a_verbatim_headline():
    documents = _documents()
    stories = brief_stories(documents, budget=Budget(sentences=2))
    assert len(stories) == 2
    for story in stories:
        texts = [documents[i].text for i in story.sources]
        assert any(story.headline in text for text in texts)
        for point in story.briefing.key_points:
            source = documents[story.sources[point.source]]
            assert source.text[point.start : point.end] == point.text


def test_one_story_stays_one_briefing(run_brief, tmp_path):
    (tmp_path / "a.txt").write_text(" ".join(FLOOD))
    (tmp_path / "b.txt").write_text(" ".join(FLOOD_2))
    data = json.loads(run_brief(str(tmp_path), "-f", "json", "-n", "2").stdout)
    assert "stories" not in data and len(data["sources"]) == 2


def test_the_command_writes_stories_in_every_format(run_brief, tmp_path):
    for i, text in enumerate([FLOOD, CHESS, FLOOD_2, CHESS_2]):
        (tmp_path / f"article{i}.txt").write_text(" ".join(text))
    result = run_brief(str(tmp_path), "-f", "json", "-n", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [sorted(s["sources"]) for s in data["stories"]] in ([[1, 3], [2, 4]], [[2, 4], [1, 3]])
    for story in data["stories"]:
        assert story["headline"] and story["key_points"] and story["topics"]
        for point in story["key_points"]:
            assert point["source"] in story["sources"]
    text = run_brief(str(tmp_path), "-n", "2").stdout.decode()
    assert text.startswith("2 stories from 4 sources") and "\n1. " in text and "\n2. " in text
    markdown = run_brief(str(tmp_path), "-n", "2", "-f", "markdown").stdout.decode()
    assert markdown.count("\n## ") == 2


# Long enough (over grouping.SHORT words) to take part in the grouping itself.
def _long(sentences: list[str]) -> str:
    return " ".join(sentences * 4)


NOTICE = "Share this article on Twitter. Share this article on Facebook. Sign up for our newsletter."


def test_a_short_notice_saved_with_two_stories_does_not_join_them():
    # Each story's pages end with the same notice; on its own, the notice is the strongest
    # likeness between the stories' pages.
    texts = [FLOOD, CHESS, FLOOD_2, CHESS_2]
    documents = [build_document(_long(t), source=f"page{i}.html") for i, t in enumerate(texts)]
    documents += [build_document(f"{NOTICE} {t[0]}", source=f"notice{i}.html") for i, t in enumerate(texts[:2])]
    groups = group_stories(documents)
    assert {tuple(sorted(i for i in g if i < 4)) for g in groups} >= {(0, 2), (1, 3)}
    for group in groups:
        assert not ({0, 2} & set(group) and {1, 3} & set(group))
    # Each short page is attached to the story its own sentence is about.
    assert any({0, 2, 4} <= set(g) for g in groups) and any({1, 3, 5} <= set(g) for g in groups)


def test_the_same_notice_saved_twice_is_one_story_not_two():
    texts = [_long(FLOOD), _long(CHESS), _long(FLOOD_2), _long(CHESS_2), NOTICE, NOTICE]
    documents = [build_document(t, source=f"page{i}.html") for i, t in enumerate(texts)]
    groups = group_stories(documents)
    assert sorted(sorted(g) for g in groups) == [[0, 2], [1, 3], [4, 5]]


def test_a_short_article_joins_the_story_it_is_about():
    short = "The river flood ruined the harvest on the valley farms, the farmers said."
    texts = [_long(FLOOD), _long(CHESS), _long(FLOOD_2), _long(CHESS_2), short]
    documents = [build_document(t, source=f"page{i}.txt") for i, t in enumerate(texts)]
    groups = group_stories(documents)
    assert sorted(sorted(g) for g in groups) == [[0, 2, 4], [1, 3]]


def test_vectors_made_once_are_used_by_the_grouping_and_the_briefing(monkeypatch):
    from briefer import story_vectors
    from briefer.briefing import grouping, stories

    documents = _documents()
    vectors = story_vectors(documents)
    assert vectors.shape[0] == len(documents)
    groups = group_stories(documents, vectors=vectors)

    def again(_documents):
        raise AssertionError("the vectors were made a second time")

    monkeypatch.setattr(grouping, "story_vectors", again)
    monkeypatch.setattr(stories, "story_vectors", again)
    assert group_stories(documents, vectors=vectors) == groups
    made = brief_stories(documents, budget=Budget(sentences=2), groups=groups, vectors=vectors)
    assert [list(s.sources) for s in made] == groups


def _lone_article(toward_b: float) -> list[list[int]]:
    """Groups of two two-article stories (A: 0, 1; B: 2, 3) and article 4, whose likeness to
    article 0 alone (0.3) keeps its mean likeness to A (0.15) under the merging threshold."""
    import numpy as np

    vectors = np.zeros((5, 6))
    vectors[0, :2] = 0.8, 0.6
    vectors[1, [0, 2]] = 0.8, 0.6
    vectors[2, 3] = 1.0
    vectors[3, [3, 4]] = 0.8, 0.6
    vectors[4, [1, 3]] = 0.5, toward_b
    vectors[4, 5] = np.sqrt(1.0 - 0.25 - toward_b**2)
    texts = [_long(FLOOD), _long(FLOOD_2), _long(CHESS), _long(CHESS_2), _long(FLOOD)]
    documents = [build_document(t, source=f"page{i}.txt") for i, t in enumerate(texts)]
    return sorted(sorted(g) for g in group_stories(documents, vectors=vectors))


def test_an_article_left_alone_joins_the_story_it_is_clearly_most_like():
    # Like one of A's articles and nothing else: its likeness to A's centre says it is A's.
    assert _lone_article(0.0) == [[0, 1, 4], [2, 3]]


def test_an_article_about_as_like_two_stories_stays_alone():
    assert _lone_article(0.2) == [[0, 1], [2, 3], [4]]


def test_a_very_long_text_is_judged_by_its_opening():
    # A chess report whose appendix, past the opening briefer reads, tells of the flood: the
    # appendix makes it no more like the flood article than a chess report without one.
    from briefer import story_vectors
    from briefer.briefing import grouping

    opening = " ".join(CHESS * (grouping.OPENING // 20))
    texts = [f"{opening} {' '.join(FLOOD)}", _long(FLOOD_2), _long(CHESS_2)]
    documents = [build_document(t, source=f"page{i}.txt") for i, t in enumerate(texts)]
    vectors = story_vectors(documents)
    assert vectors[0] @ vectors[1] == 0.0 < vectors[0] @ vectors[2]


def test_a_storys_headline_is_never_a_photos_caption_nor_a_first_person_remark():
    from briefer.language.headlines import reads_as_headline

    caption = "Rescue boats are seen in the flooded river valley, Tuesday, May 2, 2014."
    remark = "I just wanted to let you know the valley is flooded."
    texts = [[caption, *FLOOD], [caption, remark, *FLOOD_2], CHESS, CHESS_2]
    documents = [build_document(" ".join(t), source=f"article{i}.txt") for i, t in enumerate(texts)]
    stories = brief_stories(documents, budget=Budget(sentences=4))
    flood = next(s for s in stories if 0 in s.sources)
    # The caption opens both flood articles and is their best-ranked point: a fair key point...
    assert min(flood.briefing.key_points, key=lambda p: p.rank).text == caption
    # ...but the headline is the best one that reads as a headline.
    assert flood.headline not in (caption, remark)
    assert any(flood.headline in " ".join(t) for t in texts[:2])
    for text in ("In this Tuesday, Nov. 10, 2009 file photo the inventor attends a celebration.", "Learn more"):
        assert not reads_as_headline(text)
    assert reads_as_headline("Floodwaters rose across the river valley on Monday, Nov. 3, 2014, after the rain.")
    assert reads_as_headline("Je voulais vous dire que la vallée est inondée.", "fr")
