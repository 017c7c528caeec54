"""The reader's dialogs share one shape: a titled box over the screen, Esc cancels, one field
has the focus; a picker is such a dialog holding a list whose chosen entry is the answer."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

AnswerT = TypeVar("AnswerT")


class Dialog(ModalScreen[AnswerT]):
    """A modal dialog: ``box()`` is its titled frame; ``FOCUS`` selects what has the focus."""

    BOX_ID: ClassVar[str] = ""
    HEADING: ClassVar[str] = ""
    HINT: ClassVar[str | None] = None
    FOCUS: ClassVar[str] = "Input"

    def box(self) -> Vertical:
        box = Vertical(id=self.BOX_ID, classes="dialog")
        box.border_title = self.HEADING
        box.border_subtitle = self.HINT
        return box

    def on_mount(self) -> None:
        # A handler of Textual's messages runs for each class that defines it, a subclass's first.
        self.query_one(self.FOCUS).focus()


class Picker(Dialog[str | None]):
    """A dialog listing options; choosing one answers with its id."""

    LIST_ID: ClassVar[str] = ""
    FOCUS = "OptionList"

    def options(self) -> list[Option]:
        raise NotImplementedError

    def first(self) -> int:
        """The option highlighted when the dialog opens."""
        return 0

    def compose(self) -> ComposeResult:
        with self.box():
            yield OptionList(*self.options(), id=self.LIST_ID)

    def on_mount(self) -> None:
        # Textual runs this and then Dialog's on_mount, which gives the list the focus.
        self.query_one(OptionList).highlighted = self.first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
