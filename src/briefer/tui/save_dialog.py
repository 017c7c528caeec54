"""Where and how to save the briefing: a path and a format (guessed from the extension)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Select

from ..errors import BrieferError
from ..output import EXTENSIONS, format_for, write_atomic
from .dialog import Dialog

if TYPE_CHECKING:
    from textual.app import App

    from ..model import Briefing

FORMATS = (("Text", "text"), ("Markdown", "markdown"), ("JSON", "json"))


@dataclass(frozen=True)
class SaveRequest:
    path: str
    fmt: str


class SaveDialog(Dialog[SaveRequest | None]):
    BOX_ID = "save-dialog"
    HEADING = "Save the briefing"
    FOCUS = "#save-path"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="save.cancel")]

    def __init__(self, suggested: str) -> None:
        super().__init__()
        self.suggested = suggested
        # A file that is there already is replaced only on a second Save of the same name.
        self._replace: str | None = None

    def compose(self) -> ComposeResult:
        with self.box():
            yield Label("File (written whole or not at all):")
            yield Input(self.suggested, id="save-path")
            yield Label("Format:")
            yield Select(FORMATS, value=format_for(self.suggested, "markdown"), allow_blank=False, id="save-format")
            with Horizontal(id="save-buttons"):
                yield Button("Save", variant="primary", id="save-ok")
                yield Button("Cancel", id="save-cancel")

    @on(Input.Changed, "#save-path")
    def guess_format(self, event: Input.Changed) -> None:
        if Path(event.value).suffix:
            self.query_one("#save-format", Select).value = format_for(event.value, "markdown")

    @on(Select.Changed, "#save-format")
    def follow_format(self, event: Select.Changed) -> None:
        # A name ending in another format's extension takes this one's: no JSON in a .md file.
        field = self.query_one("#save-path", Input)
        path = Path(field.value)
        if format_for(field.value, "") not in ("", event.value):
            field.value = str(path.with_suffix(EXTENSIONS[str(event.value)]))

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save-ok")
    def save(self) -> None:
        path = self.query_one("#save-path", Input).value.strip()
        if not path:
            self.notify("Give a file name to save to.", severity="warning")
            return
        fmt = self.query_one("#save-format", Select).value
        target = str(Path(path).expanduser())
        if Path(target).exists() and self._replace != target:
            self._replace = target
            self.notify(f"{path} is there already: Save again to replace it.", severity="warning")
            return
        self.dismiss(SaveRequest(target, str(fmt)))

    @on(Button.Pressed, "#save-cancel")
    def cancel(self) -> None:
        self.dismiss(None)


def save_briefing(app: App, request: SaveRequest, briefing: Briefing) -> None:
    """Write the briefing atomically (in a worker thread), and say how it went."""
    from ..rendering import render

    try:
        write_atomic(request.path, render(briefing, request.fmt, width=80))
    except BrieferError as error:
        app.call_from_thread(app.notify, error.message, title="Not saved", severity="error", timeout=8)
        return
    app.call_from_thread(app.notify, f"Saved the briefing to {request.path} ({request.fmt}).", title="Saved")


def copy_briefing(app: App, briefing: Briefing | None) -> None:
    """The briefing as text on the clipboard, where the terminal allows it (OSC 52)."""
    from ..rendering import render

    if briefing is None:
        app.notify("Nothing to copy yet.", severity="warning")
        return
    text = render(briefing, "text", width=80)
    app.copy_to_clipboard(text)
    app.notify(f"Copied the briefing ({len(text)} characters), where the terminal allows it (OSC 52).", title="Copied")
