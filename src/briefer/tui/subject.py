"""Briefing one subject of the text: a dialog to pick one of its topics, one to type a focus."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

# What a dialog gives back: a topic's number, a query, or ALL for the whole text again.
ALL = "all"


class TopicPicker(ModalScreen[str | None]):
    """The text's named topics with their share of it; choosing one briefs that topic alone."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="topics.cancel")]

    def __init__(self, topics: list[tuple[str, float]], current: int | None) -> None:
        super().__init__()
        self.topics = topics
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="topic-dialog", classes="dialog") as dialog:
            dialog.border_title = "Topics"
            dialog.border_subtitle = "enter briefs a topic · esc cancels"
            options = [Option(Content.styled("the whole text: every topic", "bold"), id=ALL)]
            for number, (label, share) in enumerate(self.topics, 1):
                text = Content.assemble((f"{number:>2} ", "$text-muted"), label, (f"  {share:.0%}", "$text-muted"))
                options.append(Option(text, id=str(number)))
            yield OptionList(*options, id="topic-list")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        picker.highlighted = 0 if self.current is None else self.current + 1
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class FocusDialog(ModalScreen[str | None]):
    """A query to brief the text on; empty briefs the whole text again."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="focus.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="focus-dialog", classes="dialog") as dialog:
            dialog.border_title = "Brief about…"
            dialog.border_subtitle = "enter briefs · empty: the whole text · esc cancels"
            yield Input(self.current, placeholder="words to look for, e.g. budget cuts", id="focus-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or ALL)
