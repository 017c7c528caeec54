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
        self._input_name = ""
        self._status_text = ""

    def show(self, name: str, status: str) -> None:
        """Name the input and say its status (the method and size, or a task's progress)."""
        self._input_name, self._status_text = name, status
        self.refresh()  # one line whatever it says: a repaint, never a new layout

    def render(self) -> Content:
        # On a narrow window the status (a task's seconds, "esc stops") matters more than the
        # end of a long file name, which is shortened to leave it room.
        width = self.content_region.width or 80
        status = f"  ·  {self._status_text}" if self._status_text else ""
        room = max(8, width - len("briefer  ") - len(status))
        name = self._input_name if len(self._input_name) <= room else self._input_name[: room - 1] + "…"
        return Content.assemble(("briefer", "bold $accent"), "  ", (name, "bold"), (status, "$text-muted"))
