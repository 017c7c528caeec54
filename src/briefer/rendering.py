"""Briefings as text, Markdown and JSON. Returns strings; never prints."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from .model import Briefing, Document, KeyPoint

FORMATS = ("text", "markdown", "json")

# C0 and C1 control characters other than tab and newline, and the bidi controls that
# can hide or reorder text: an article must not be able to drive the reader's terminal.
# Lone surrogates (from JSON input such as "\\ud800") cannot be written as UTF-8 at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SPACE = re.compile(r"\s+")


# JSON keeps the exact text, but printed to a terminal a raw DEL, C1 control (0x9b is an
# 8-bit CSI) or bidi override would act, and a lone surrogate cannot be encoded: these become
# \\u escapes, which decode to the same string.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON with non-ASCII text kept readable and nothing in it that can drive a terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def safe(text: str) -> str:
    """Text fit for a terminal: control characters shown as escapes, whitespace collapsed."""
    shown = _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )
    return _SPACE.sub(" ", shown).strip()


def duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    return f"{minutes} min"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(briefing: Briefing) -> str:
    s = briefing.stats
    language = language_label(briefing.document.language)
    # Chinese and Japanese are counted in characters (see model.count_words).
    unit = "character" if briefing.document.language in ("zh", "ja") else "word"
    if briefing.whole:
        return (
            f"{plural(s.sentences, 'sentence')} · {plural(s.words, unit)} · {duration(s.reading_seconds)} read"
            f" · {language}"
        )
    return (
        f"{s.summary_sentences} of {plural(s.sentences, 'sentence')} · {s.summary_words} of {plural(s.words, unit)}"
        f" · {duration(s.summary_reading_seconds)} instead of {duration(s.reading_seconds)} · {briefing.method}"
        f" · {language}"
    )


def focus_line(briefing: Briefing) -> str:
    """What a focused briefing is about: ``about “budget cuts”`` or ``topic 2: roads, bridges``."""
    if briefing.focus is None:
        return ""
    if briefing.focus_topic is not None:
        return f"topic {briefing.focus_topic + 1}: {safe(briefing.focus)}"
    return f"about \u201c{safe(briefing.focus)}\u201d"


def byline(document: Document) -> str:
    """Who wrote it, when and where it was found, as far as the input says: a web page's
    author, date and address, a PDF's author."""
    meta = document.metadata
    return " · ".join(safe(meta[key]) for key in ("author", "date", "url") if meta.get(key))


def language_label(code: str) -> str:
    """The language a briefing was made in, as the summary line names it: ``German``."""
    from .errors import UsageError
    from .language.catalogue import get_language

    if code == "und":
        return "language not recognised"
    try:
        return get_language(code).title
    except UsageError:
        return code


def display_title(briefing: Briefing) -> str:
    document = briefing.document
    if document.title:
        return safe(document.title)
    if document.source in ("", "-"):
        return "(stdin)"
    return safe(document.source)


def render(briefing: Briefing, fmt: str, *, width: int = 80, color: bool = False, include_text: bool = False) -> str:
    """The briefing as ``text`` (for a terminal ``width`` wide, in colour or not), ``markdown`` or ``json``."""
    if fmt == "json":
        return dumps(to_dict(briefing, include_text=include_text), indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(briefing)
    return render_text(briefing, width=width, color=color)


def to_dict(briefing: Briefing, *, include_text: bool = False) -> dict[str, Any]:
    """The briefing as JSON-ready data, as ``--format json`` writes it."""
    document = briefing.document
    out: dict[str, Any] = {
        "title": document.title,
        "source": document.source,
        "language": document.language,
        "input_format": document.input_format,
        "method": briefing.method,
        "order": briefing.order,
        "whole": briefing.whole,
        "notes": list(briefing.notes),
        "summary": [
            {
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "score": p.score,
                "rank": p.rank,
                "topic": p.topic,
                "section": p.section,
                "sentence": p.sentence,
                **({"speaker": p.speaker} if p.speaker else {}),
                **({"relevance": p.relevance} if p.relevance is not None else {}),
                **_source_fields(briefing, p),
            }
            for p in briefing.key_points
        ],
        "topics": [
            {"id": t.id, "label": t.label, "terms": list(t.terms), "weight": round(t.weight, 4)}
            for t in briefing.topics
        ],
        "sections": [
            {"title": s.title, "start": s.start, "end": s.end, "origin": s.origin, "level": s.level}
            for s in document.sections
        ],
        "key_terms": list(briefing.key_terms),
        "stats": {
            "sentences": briefing.stats.sentences,
            "words": briefing.stats.words,
            "reading_seconds": briefing.stats.reading_seconds,
            "summary_sentences": briefing.stats.summary_sentences,
            "summary_words": briefing.stats.summary_words,
            "summary_reading_seconds": briefing.stats.summary_reading_seconds,
        },
    }
    if briefing.focus is not None:
        out["focus"] = {
            "query": briefing.focus,
            "terms": list(briefing.focus_terms),
            "topic": briefing.focus_topic + 1 if briefing.focus_topic is not None else None,
        }
    if briefing.sources:
        out["sources"] = [
            {
                "index": index,
                "title": source.title,
                "source": source.source,
                "language": source.language,
                "sentences": len(source.sentences),
                "words": source.words(),
            }
            for index, source in enumerate(briefing.sources)
        ]
        if include_text:
            for entry, source in zip(out["sources"], briefing.sources, strict=True):
                entry["text"] = source.text
    if document.metadata:
        out["metadata"] = dict(document.metadata)
    if include_text and not briefing.sources:
        out["text"] = document.text
    return out


def _source_fields(briefing: Briefing, point: KeyPoint) -> dict[str, Any]:
    if not briefing.sources:
        return {}
    return {
        "source": point.source,
        "sources": [{"source": m.source, "start": m.start, "end": m.end} for m in point.mentions],
        "only_source": point.only_source,
    }


def source_tag(briefing: Briefing, point: KeyPoint) -> str:
    """``[1]``, ``[1, 3]`` or ``[2 only]``: which sources, numbered from 1, stand behind a point."""
    if len(briefing.sources) < 2:
        return ""
    numbers = sorted({m.source + 1 for m in point.mentions} | {point.source + 1})
    listed = ", ".join(str(n) for n in numbers)
    return f"[{listed} only]" if point.only_source and len(numbers) == 1 else f"[{listed}]"


def source_name(document: Document) -> str:
    return safe(document.title) or safe(document.source) or "(stdin)"


def render_text(briefing: Briefing, *, width: int = 80, color: bool = False) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    buffer = StringIO()
    console = Console(
        file=buffer,
        width=max(20, width),
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )
    document = briefing.document
    if briefing.focus is not None and not briefing.key_points:
        # Nothing is about the focus: one line says so, not a briefing of nothing.
        return "".join(f"{safe(note)}\n" for note in briefing.notes if note.startswith("nothing in the"))
    console.print(Text(display_title(briefing), style="bold"))
    if byline(document):
        console.print(Text(byline(document), style="dim"))
    console.print(Text(summary_line(briefing), style="dim"))
    if focus_line(briefing):
        console.print(Text(focus_line(briefing), style="bold"))
    for note in briefing.notes:
        console.print(Text(f"note: {note}", style="yellow"))
    for topic, points in briefing.groups():
        console.print()
        console.print(Text(safe(topic.label) or "(no topic words)", style="bold cyan"))
        bullets = Table.grid(padding=(0, 1, 0, 0))
        bullets.add_column(width=3, justify="right")
        bullets.add_column(overflow="fold")
        for point in points:
            line = Text(f"{safe(point.speaker)}: ", style="bold") if point.speaker else Text()
            line.append(safe(point.text))
            tag = source_tag(briefing, point)
            if tag:
                line.append(f" {tag}", style="dim")
            bullets.add_row(Text("•", style="cyan"), line)
        console.print(bullets)
    if briefing.key_terms:
        console.print()
        terms = Text("Key terms: ", style="bold")
        terms.append(", ".join(safe(t) for t in briefing.key_terms))
        console.print(terms)
    if len(briefing.sources) > 1:
        console.print(Text("Sources:", style="bold"))
        # One print for the whole list: rich's cost is per print, and a list can be long.
        listed = "\n".join(f"[{number}] {source_name(source)}" for number, source in enumerate(briefing.sources, 1))
        console.print(Padding(Text(listed), (0, 0, 0, 2)))
        return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
    named = [s for s in document.sections if s.title]
    if len(document.sections) > 1 and named:
        console.print(Text("Sections:", style="bold"))
        names = [section_name(document, i) for i in range(len(document.sections))]
        console.print(Text(_numbered_list(names, max(20, width))))
    # Rich pads nothing on the right once soft-wrapping is off, but strip to be sure.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def section_name(document: Document, index: int) -> str:
    """A section's name as shown: its title, the document's own title for an untitled opening
    part (a book's title page, a report's summary before its first heading), else "(untitled)"."""
    title = safe(document.sections[index].title)
    if not title and index == 0:
        title = safe(document.title)
    return title or "(untitled)"


def _numbered_list(titles: Sequence[str], width: int) -> str:
    """``  1. title`` a line each, a title too long for the width wrapped under its own first word
    rather than under the number (one string: rich's cost is per print, and a book has hundreds)."""
    import textwrap

    lines = []
    for number, title in enumerate(titles, 1):
        head = f"  {number}. "
        lines += textwrap.wrap(title, width=width, initial_indent=head, subsequent_indent=" " * len(head)) or [
            head.rstrip()
        ]
    return "\n".join(lines)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", safe(text))


def _speaker_md(point: KeyPoint) -> str:
    return f"**{_md(point.speaker)}:** " if point.speaker else ""


def render_markdown(briefing: Briefing) -> str:
    document = briefing.document
    lines = [f"# {_md(display_title(briefing))}", "", f"*{summary_line(briefing)}*", ""]
    if byline(briefing.document):
        lines[2:2] = [_md(byline(briefing.document)), ""]
    if focus_line(briefing):
        lines += [f"**{_md(focus_line(briefing))}**", ""]
    for note in briefing.notes:
        lines += [f"> **Note:** {_md(note)}", ""]
    for topic, points in briefing.groups():
        lines += [f"## {_md(topic.label) or 'Other'}", ""]
        lines += [f"- {_speaker_md(point)}{_md(point.text)} {source_tag(briefing, point)}".rstrip() for point in points]
        lines.append("")
    if briefing.key_terms:
        lines += [f"**Key terms:** {', '.join(_md(t) for t in briefing.key_terms)}", ""]
    if len(briefing.sources) > 1:
        lines += ["### Sources", ""]
        lines += [f"{n}. {_md(source_name(s))}" for n, s in enumerate(briefing.sources, 1)]
        lines.append("")
    elif len(document.sections) > 1:
        lines += ["### Sections", ""]
        lines += [f"{n}. {_md(section_name(document, n - 1))}" for n in range(1, len(document.sections) + 1)]
        lines.append("")
    return "\n".join(lines)
