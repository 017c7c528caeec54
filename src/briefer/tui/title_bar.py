"""One line at the top: which file, which method, how long the briefing is.

A plain line rather than Textual's Header: the status changes on every `+` and `-`, and a
Static of fixed height repaints without a new layout of the screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class TitleBar(Widget):
    DEFAULT_CSS = "TitleBar { height: 1; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._content = Content("")

    def show(self, name: str, status: str) -> None:
        parts: list[tuple[str, str] | str] = [("briefer", "bold $accent"), "  ", (name, "bold")]
        if status:
            parts += ["  ·  ", (status, "$text-muted")]
        self._content = Content.assemble(*parts)
        self.refresh()  # one line whatever it says: a repaint, never a new layout

    def render(self) -> Content:
        return self._content
