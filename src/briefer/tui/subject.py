"""Briefing one subject of the text: a dialog to pick one of its topics, one to type a focus."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input
from textual.widgets.option_list import Option

from .dialog import Dialog, Picker

# What a dialog gives back: a topic's number, a query, or ALL for the whole text again.
ALL = "all"


class TopicPicker(Picker):
    """The text's named topics with their share of it; choosing one briefs that topic alone."""

    BOX_ID = "topic-dialog"
    LIST_ID = "topic-list"
    HEADING = "Topics"
    HINT = "enter briefs a topic · esc cancels"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="topics.cancel")]

    def __init__(self, topics: list[tuple[str, float]], current: int | None) -> None:
        super().__init__()
        self.topics = topics
        self.current = current

    def options(self) -> list[Option]:
        options = [Option(Content.styled("the whole text: every topic", "bold"), id=ALL)]
        for number, (label, share) in enumerate(self.topics, 1):
            text = Content.assemble((f"{number:>2} ", "$text-muted"), label, (f"  {share:.0%}", "$text-muted"))
            options.append(Option(text, id=str(number)))
        return options

    def first(self) -> int:
        return 0 if self.current is None else self.current + 1


class FocusDialog(Dialog[str | None]):
    """A query to brief the text on; empty briefs the whole text again."""

    BOX_ID = "focus-dialog"
    HEADING = "Brief about…"
    HINT = "enter briefs · empty: the whole text · esc cancels"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="focus.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with self.box():
            yield Input(self.current, placeholder="words to look for, e.g. budget cuts", id="focus-input")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or ALL)
