"""The keys, on ? and F1: built from the bindings as the keymap has them, so it names the keys
that work; it scrolls with the reader's own keys and fits 80x24 (the key column never wraps)."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .footer import KeysFooter
from .keys import HELP_FOOTER, HELP_INTRO, HELP_SECTIONS, SCROLLING, keys_by_id, reader_bindings
from .scrolling import scroll_by


def help_rows(app) -> list[tuple[str, list[tuple[str, str]]]]:
    """The help's sections as (title, [(keys, what they do)]), with the keys as rebound."""
    # The reader's keys: the help and the briefing scroll with the same ids, and more keys.
    keys = keys_by_id(reader_bindings(), getattr(app, "_keymap", {}))

    def shown(binding_id: str) -> str:
        return " or ".join(app.get_key_display(Binding(key, "")) for key in keys.get(binding_id, []))

    sections = []
    for title, rows in HELP_SECTIONS:
        lines = []
        for row in rows:
            label = row.keys or " / ".join(k for k in (shown(i) for i in row.ids) if k)
            if row.ids and not label:
                continue  # a key the keymap has taken away
            lines.append((label, row.what))
        sections.append((title, lines))
    return sections


def help_text(app) -> str:
    """The help as plain text (for tests and logs)."""
    lines = [HELP_INTRO, ""]
    for title, rows in help_rows(app):
        lines.append(title)
        lines += [f"  {keys:<14} {what}" for keys, what in rows]
        lines.append("")
    return "\n".join(lines)


class HelpView(Static):
    def on_mount(self) -> None:
        self.update(self.renderable())

    def renderable(self) -> RenderableType:
        theme = self.app.current_theme
        accent = Style(color=theme.accent or theme.primary, bold=True)
        parts: list[RenderableType] = [Text(HELP_INTRO, style=Style(dim=True))]
        sections = help_rows(self.app)
        # One width for the key column of every section, so that the descriptions line up.
        width = max((Text(keys).cell_len for _, rows in sections for keys, _ in rows), default=1)
        for title, rows in sections:
            parts += [Text(), Text(title, style="bold")]
            grid = Table.grid(padding=(0, 2, 0, 0), expand=True)
            grid.add_column(no_wrap=True, style=accent, min_width=width)
            grid.add_column(ratio=1)
            for keys, what in rows:
                grid.add_row(keys, what)
            parts.append(grid)
        return Group(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
        *SCROLLING,
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog") as scroll:
            scroll.border_title = "briefer keys"
            scroll.border_subtitle = "j/k space/b scroll · esc closes"
            yield HelpView(id="help-view")
        yield KeysFooter(HELP_FOOTER)

    def on_mount(self) -> None:
        self.query_one("#help-dialog").focus()

    def action_scroll(self, how: str) -> None:
        scroll_by(self.query_one("#help-dialog", VerticalScroll), how)
