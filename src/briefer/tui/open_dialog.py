"""Open another file or URL from inside the reader (o or ctrl+o), with path completion."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input, Label

from .dialog import Dialog


class PathSuggester(Suggester):
    """Completes the last part of a path with the first entry of its folder that starts with it
    (folders end with ``/``, so that the next part can be completed in turn). URLs are left alone."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value or "://" in value:
            return None
        folder, _, start = value.rpartition(os.sep)
        where = Path(os.path.expanduser(folder + os.sep if folder or value.startswith(os.sep) else "."))
        try:
            names = sorted(entry.name for entry in os.scandir(where))
        except OSError:
            return None
        # Hidden entries only when asked for with a leading dot.
        hidden = start.startswith(".")
        prefix = value[: len(value) - len(start)]
        for name in names:
            if not name.startswith(start) or (name.startswith(".") and not hidden):
                continue
            folder_entry = (where / name).is_dir()
            if name != start or folder_entry:  # a folder named in full still gains its "/"
                return prefix + name + (os.sep if folder_entry else "")
        return None


class OpenDialog(Dialog[str | None]):
    BOX_ID = "open-dialog"
    HEADING = "Open a file or URL"
    HINT = "tab completes · enter opens · esc cancels"
    FOCUS = "#open-path"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="open.cancel"),
        Binding("tab", "complete", "Complete", id="open.complete", priority=True),
    ]

    def __init__(self, start: str = "") -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        with self.box():
            yield Label("Path or URL:")
            yield Input(
                self.start, placeholder="report.txt, ~/notes/, https://…", id="open-path", suggester=PathSuggester()
            )

    def action_complete(self) -> None:
        field = self.query_one("#open-path", Input)
        field.cursor_position = len(field.value)
        field.action_cursor_right()  # at the end, this takes the suggestion

    @on(Input.Submitted, "#open-path")
    def submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.notify("Give a file or a URL to open.", severity="warning")
            return
        self.dismiss(value if "://" in value else os.path.expanduser(value))
