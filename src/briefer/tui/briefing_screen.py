"""The briefing screen: key points grouped by topic, the key terms and the counts.

Across several sources, each point carries the tag of the sources behind it (``[1, 3]``,
``[2 only]``) as the text output does, and the sources are listed under the key terms.
"""

from __future__ import annotations

import io
from typing import ClassVar

from rich.console import Console, Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..model import Briefing
from ..rendering import display_title, duration, safe, source_name, source_tag, summary_line
from .footer import KeysFooter
from .keys import BRIEFING, BRIEFING_FOOTER, CANCEL, HELP, OPEN, QUIT, SCROLLING, THEME
from .scrolling import scroll_by
from .title_bar import TitleBar


class BriefingView(Static):
    """Key points under their topics, each hanging from its bullet so that wrapped lines align.

    One widget rendering a Rich table, rather than widgets per point: a change of length then
    costs one repaint, not a re-layout of dozens of widgets. Colours come from the theme.
    """

    def on_mount(self) -> None:
        self.briefing: Briefing | None = None
        self.message = ""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self.briefing, self.message))

    def show(self, briefing: Briefing | None, message: str = "") -> None:
        self.briefing, self.message = briefing, message
        self.update(self.renderable_for(briefing, message))

    def renderable_for(self, briefing: Briefing | None, message: str = "") -> RenderableType:
        if briefing is None:
            return Text(message)
        theme = self.app.current_theme
        accent = Style(color=theme.accent or theme.primary, bold=True)
        muted = Style(dim=True)
        parts: list[RenderableType] = [
            Text(display_title(briefing), style="bold"),
            Text(summary_line(briefing), style=muted),
        ]
        parts += [Text(f"note: {note}", style=Style(color=theme.warning)) for note in briefing.notes]
        several = len(briefing.sources) > 1
        for topic, points in briefing.groups():
            parts.append(Text())
            parts.append(Text(safe(topic.label) or "(no topic words)", style=accent))
            grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
            grid.add_column(width=3, justify="right")
            grid.add_column(ratio=1, overflow="fold")
            if several:
                # A column of its own, so that a tag such as "[1 only]" is never split by wrapping.
                grid.add_column(no_wrap=True)
            grid.add_column(width=5, justify="right")
            for point in points:
                # A transcript's point says who said it, as the command's output does.
                said = Text(f"{safe(point.speaker)}: ", style="bold") if point.speaker else Text()
                said.append(safe(point.text))
                cells = [Text("•", style=accent), said]
                if several:
                    tag = source_tag(briefing, point)
                    cells.append(Text(tag, style=Style(color=theme.secondary or theme.primary)))
                grid.add_row(*cells, Text(f"{point.score:.2f}", style=muted))
            parts.append(grid)
        if briefing.key_terms:
            parts.append(Text())
            terms = Text("Key terms  ", style="bold")
            terms.append(", ".join(safe(t) for t in briefing.key_terms))
            parts.append(terms)
        if several:
            parts += [Text(), Text("Sources", style="bold")]
            legend = Table.grid(padding=(0, 1, 0, 0), expand=True)
            legend.add_column(width=3, justify="right")
            legend.add_column(ratio=1, overflow="fold")
            for number, source in enumerate(briefing.sources, 1):
                legend.add_row(Text(f"[{number}]", style=muted), Text(source_name(source)))
            parts.append(legend)
        s = briefing.stats
        counts = Table("", "sentences", "words", "reading", box=None, padding=(0, 2, 0, 0), header_style=muted)
        counts.add_row("briefing", str(s.summary_sentences), str(s.summary_words), duration(s.summary_reading_seconds))
        counts.add_row("sources" if several else "article", str(s.sentences), str(s.words), duration(s.reading_seconds))
        parts += [Text(), Text("Counts", style="bold"), counts]
        spread = (
            _count(len(briefing.sources), "source") if several else _count(len(briefing.document.sections), "section")
        )
        parts.append(Text(f"{_count(len(briefing.topics), 'topic')} · {spread}", style=muted))
        return Group(*parts)

    def plain_text(self, width: int = 100) -> str:
        """What the view shows, without colour (for tests and for reading in a log)."""
        console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
        console.print(self.renderable_for(self.briefing, self.message))
        return console.export_text()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class BriefingScreen(Screen):
    """Shown on a key; it follows the app's briefing as the length or method changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Escape stops a ranking still running first; only when none is, it goes back.
        CANCEL,
        Binding("escape,s", "app.pop_screen", "Back", id="briefing.back"),
        HELP,
        *BRIEFING,
        *SCROLLING,
        OPEN,
        THEME,
        QUIT,
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar(classes="title-bar")
        with VerticalScroll(id="briefing-scroll"):
            yield BriefingView(id="briefing-view")
        yield KeysFooter(BRIEFING_FOOTER)

    def on_mount(self) -> None:
        if not self.query(TitleBar):
            return  # pushed while the app was quitting (q then s): nothing was composed
        self.query_one(TitleBar).show(self.app.title, getattr(self.app, "status", ""))
        self.refresh_briefing()
        self.query_one("#briefing-scroll").focus()

    def refresh_briefing(self) -> None:
        app = self.app
        briefing = getattr(app, "shown_briefing", None)
        view = self.query_one(BriefingView)
        if briefing is None:
            if getattr(app, "multi", False) and getattr(app, "collection", None) is None:
                view.show(None, "No briefing yet: the sources are still being read.")
            else:
                view.show(None, "No briefing: " + (getattr(app, "problem_message", "") or "nothing is open."))
        else:
            view.show(briefing)

    def action_scroll(self, how: str) -> None:
        scroll_by(self.query_one("#briefing-scroll", VerticalScroll), how)
