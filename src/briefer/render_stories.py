"""A morning briefing, story by story, as text, Markdown and JSON. Returns strings; never prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .model import Document, KeyPoint
from .rendering import _md, dumps, duration, plural, safe, source_name

if TYPE_CHECKING:
    from .briefing.stories import Story


def render_stories(
    stories: Sequence[Story], sources: Sequence[Document], fmt: str, *, notes: Sequence[str] = (), width: int = 80
) -> str:
    """The stories of several sources: each with its headline, its sources and its key points."""
    if fmt == "json":
        return dumps(stories_dict(stories, sources, notes=notes), indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(stories, sources, notes)
    return _text(stories, sources, notes, width)


def stories_dict(stories: Sequence[Story], sources: Sequence[Document], *, notes: Sequence[str] = ()) -> dict[str, Any]:
    """The stories as JSON-ready data: ``stories: [{headline, sources, key_points, topics}]``."""
    return {
        "notes": list(notes),
        "stories": [
            {
                "headline": story.headline,
                "sources": [number + 1 for number in story.sources],
                "key_points": [_point(story, point) for point in story.briefing.key_points],
                "topics": [{"id": t.id, "label": t.label, "terms": list(t.terms)} for t in story.briefing.topics],
                "words": story.briefing.stats.words,
            }
            for story in stories
        ],
        "sources": [
            {"index": index + 1, "title": d.title, "source": d.source, "language": d.language, "words": d.words()}
            for index, d in enumerate(sources)
        ],
        "stats": _stats(stories, sources),
    }


def _point(story: Story, point: KeyPoint) -> dict[str, Any]:
    return {
        "text": point.text,
        "source": story.sources[point.source] + 1,
        "start": point.start,
        "end": point.end,
        "sources": _numbers(story, point),
        "only_source": point.only_source and len(story.sources) > 1,
        "score": point.score,
    }


def _numbers(story: Story, point: KeyPoint) -> list[int]:
    """The input numbers (from 1) of every source that makes the point."""
    local = {m.source for m in point.mentions} | {point.source}
    return sorted(story.sources[i] + 1 for i in local)


def _tag(story: Story, point: KeyPoint) -> str:
    numbers = _numbers(story, point)
    listed = ", ".join(str(n) for n in numbers)
    alone = point.only_source and len(story.sources) > 1 and len(numbers) == 1
    return f"[{listed} only]" if alone else f"[{listed}]"


def _stats(stories: Sequence[Story], sources: Sequence[Document]) -> dict[str, int]:
    return {
        "stories": len(stories),
        "sources": len(sources),
        "words": sum(d.words() for d in sources),
        "key_points": sum(len(s.briefing.key_points) for s in stories),
        "summary_words": sum(s.briefing.stats.summary_words for s in stories),
        "reading_seconds": sum(s.briefing.stats.reading_seconds for s in stories),
        "summary_reading_seconds": sum(s.briefing.stats.summary_reading_seconds for s in stories),
    }


def _summary_line(stories: Sequence[Story], sources: Sequence[Document]) -> str:
    s = _stats(stories, sources)
    return (
        f"{s['stories']} {'story' if s['stories'] == 1 else 'stories'} from {plural(s['sources'], 'source')}"
        f" · {plural(s['key_points'], 'key point')} · {duration(s['summary_reading_seconds'])} instead of "
        f"{duration(s['reading_seconds'])}"
    )


def _text(stories: Sequence[Story], sources: Sequence[Document], notes: Sequence[str], width: int) -> str:
    import textwrap

    lines = [_summary_line(stories, sources)]
    lines += [f"note: {safe(note)}" for note in notes]
    for number, story in enumerate(stories, 1):
        lines.append("")
        lines += textwrap.wrap(f"{number}. {safe(story.headline)}", width=width, subsequent_indent="   ")
        names = ", ".join(f"[{i + 1}] {source_name(sources[i])}" for i in story.sources)
        lines += textwrap.wrap(names, width=width, initial_indent="   ", subsequent_indent="   ")
        for point in story.briefing.key_points:
            bullet = f"• {safe(point.text)} {_tag(story, point)}"
            lines += textwrap.wrap(bullet, width=width, initial_indent="   ", subsequent_indent="     ")
    return "\n".join(lines) + "\n"


def _markdown(stories: Sequence[Story], sources: Sequence[Document], notes: Sequence[str]) -> str:
    lines = ["# Briefing", "", f"*{_summary_line(stories, sources)}*", ""]
    for note in notes:
        lines += [f"> **Note:** {_md(note)}", ""]
    for story in stories:
        lines += [f"## {_md(story.headline)}", ""]
        lines += ["*" + ", ".join(f"[{i + 1}] {_md(source_name(sources[i]))}" for i in story.sources) + "*", ""]
        lines += [f"- {_md(point.text)} {_tag(story, point)}" for point in story.briefing.key_points]
        lines.append("")
    return "\n".join(lines)
