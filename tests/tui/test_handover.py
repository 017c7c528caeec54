"""The analysed article handed to the reading pane without holding the event loop: its plan
made off the loop (pane_plan.py), the article unpickled in slices (packing.py), the analysis
unpickled only while the keys are idle (warming.py)."""

from __future__ import annotations

import pickle
import threading

from briefer.tui import warming
from briefer.tui.launch import _sources, make_app
from briefer.tui.packing import SLICE, pack_document, unpack_document
from briefer.tui.pane_plan import HEADING, PARAGRAPH, plan_document
from briefer.tui.prefetch import Prefetch
from briefer.tui.reading_pane import ReadingPane
from briefer.tui.session import Article, open_briefed, open_first

from .conftest import SAMPLE, ready


def opened(path=SAMPLE) -> Article:
    specs, source_for = _sources([str(path)], None, None)
    source = source_for(specs[0])
    article = open_briefed(source.name, source.load, None, "topic", 0)
    assert isinstance(article, Article)
    return article


def long_text(tmp_path, paragraphs: int = 120):
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Part {i}. {sample}" for i in range(paragraphs // 10)), encoding="utf-8")
    return path


def test_an_article_comes_back_whole_from_its_slices(tmp_path):
    article = opened(long_text(tmp_path))
    article.pane_plan()
    head, slices = pack_document(article.document)
    # A long text's sentences go in several slices, each unpickled on its own.
    assert len(slices) == -(-len(article.sentences) // SLICE) > 1
    assert unpack_document((head, slices)) == article.document
    back = pickle.loads(pickle.dumps(article))
    assert back.document == article.document and back.briefing == article.briefing
    # The briefing and the analysis refer to the article's own document, not to copies.
    assert back.briefing.document is back.document
    assert back.analysis.document is back.document
    assert back.pane_plan() == article.pane_plan()
    assert back.make_briefing("topic", 3) == article.make_briefing("topic", 3)


def test_the_plan_lists_every_sentence_once_under_its_headings():
    article = opened()
    plan = plan_document(article.document)
    shown = [i for kind, _, _, ids in plan.parts if kind == PARAGRAPH for i in ids]
    assert shown == [s.index for s in article.sentences]
    assert all(plan.parts[plan.sentence_part[i]][3].count(i) == 1 for i in shown)
    assert all(plan.parts[part][0] == HEADING for part in plan.part_of_section.values())
    assert len(plan.lengths) == len(plan.parts)


def test_the_child_sends_the_plan_with_the_article():
    from briefer.tui import settings as config
    from briefer.tui.launch import _prefetch

    specs, source_for = _sources([str(SAMPLE)], None, None)
    prefetch = _prefetch(source_for(specs[0]), None, 0, config.load())
    assert prefetch is not None
    try:
        article, _ = prefetch.result()
    finally:
        prefetch.stop()
    assert isinstance(article, Article)
    assert article._plan == plan_document(article.document)


async def test_the_pane_plan_is_never_made_on_the_event_loop(tmp_path, monkeypatch):
    import briefer.tui.pane_plan as pane_plan

    threads: list[str] = []
    made = pane_plan.plan_document

    def recording(document):
        threads.append(threading.current_thread().name)
        return made(document)

    monkeypatch.setattr(pane_plan, "plan_document", recording)
    app = make_app([str(long_text(tmp_path))])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.article is not None
        await pilot.press("o")
        await pilot.press(*str(SAMPLE))
        await pilot.press("enter")
        await ready(pilot)
        assert app.article is not None and app.article.name == str(SAMPLE)
        assert app.screen.query_one(ReadingPane).article is app.article
    assert len(threads) == 2 and threading.main_thread().name not in threads


class FakeApp:
    def set_interval(self, seconds, callback):
        return FakeTimer()


class FakeTimer:
    def stop(self) -> None:
        pass


def test_the_analysis_waits_for_the_keys_to_be_idle(monkeypatch):
    source_specs, source_for = _sources([str(SAMPLE)], None, None)
    source = source_for(source_specs[0])
    found, _ = open_first(source.name, source.load, "topic", 0, False)
    article = pickle.loads(pickle.dumps(found))
    assert article._analysis is None  # still packed, as the child sends it
    now = [100.0]
    monkeypatch.setattr(warming.time, "monotonic", lambda: now[0])
    started: list[threading.Thread] = []
    real_thread = warming.threading.Thread

    def thread(*args, **kwargs):
        started.append(real_thread(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(warming.threading, "Thread", thread)
    warmer = warming.Warmer(FakeApp())  # type: ignore[arg-type]
    warmer.article_came(article)
    for _ in range(5):  # keys keep coming: nothing starts
        now[0] += warming.IDLE_SECONDS / 2
        warmer.input_came()
        warmer._check()
    assert started == [] and article._analysis is None
    now[0] += warming.IDLE_SECONDS
    warmer._check()
    assert len(started) == 1
    started[0].join()
    assert article._analysis is not None
    warmer._check()  # done once: not again
    assert len(started) == 1


async def test_keys_tell_the_warmer_the_user_is_busy():
    app = make_app([str(SAMPLE)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        before = app.warmer.last_input
        await pilot.press("j")
        assert app.warmer.last_input > before


async def test_a_handed_over_article_is_warmed_once_idle(monkeypatch):
    monkeypatch.setattr(warming, "IDLE_SECONDS", 0.05)
    monkeypatch.setattr(warming, "CHECK_SECONDS", 0.02)
    source_specs, source_for = _sources([str(SAMPLE)], None, None)
    source = source_for(source_specs[0])
    app = make_app([str(SAMPLE)])
    app.prefetch = Prefetch.ready(pickle.dumps(open_first(source.name, source.load, "topic", 0, False)))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        article = app.article
        assert article is not None
        for _ in range(200):
            if article._analysis is not None:
                break
            await pilot.pause(0.02)
        assert article._analysis is not None
