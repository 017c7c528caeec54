"""Briefing one subject in the reader: a topic from the topics dialog, or a typed focus."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from briefer.tui.reader_screen import ReaderScreen
from briefer.tui.subject import FocusDialog, TopicPicker

from .conftest import ready


async def test_a_topic_picked_from_the_list_briefs_that_topic_and_back(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        article = pilot.app.article
        everything = set(article.key_sentences)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TopicPicker)
        picker = pilot.app.screen.query_one(OptionList)
        labels = [str(o.prompt) for o in picker._options]
        assert labels[0].startswith("the whole text")
        for topic, shown in zip(article.analysis.topics, labels[1:], strict=True):
            assert topic.label in shown and f"{topic.weight:.0%}" in shown
        picker.highlighted = 2  # the second topic
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(pilot.app.screen, ReaderScreen)
        second = article.analysis.topics[1].id
        keys = article.key_sentences
        assert keys and all(int(article.analysis.sentence_topic[i]) == second for i in keys)
        assert "topic 2" in pilot.app.status
        await pilot.press("T")
        await pilot.pause()
        assert pilot.app.screen.query_one(OptionList).highlighted == 2
        pilot.app.screen.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await ready(pilot)
        assert set(article.key_sentences) == everything and article.topic is None


async def test_a_typed_focus_rebriefs_on_it_and_says_when_nothing_matches(sample_app):
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        article = pilot.app.article
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, FocusDialog)
        await pilot.press(*"security", "enter")
        await ready(pilot)
        texts = [article.sentences[i].text.lower() for i in article.key_sentences]
        assert texts and any("security" in t for t in texts)
        assert article.briefing.focus == "security" and "security" in pilot.app.status
        await pilot.press("a")
        await pilot.pause()
        field = pilot.app.screen.query_one(Input)
        assert field.value == "security"
        field.value = "football"
        await pilot.press("enter")
        await ready(pilot)
        assert article.key_sentences == frozenset()
        assert any("nothing in the text is about" in str(n.message) for n in pilot.app._notifications)
