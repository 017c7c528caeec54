"""A dialog to pick the ranking method by name, with what each one does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class MethodPicker(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="method-picker.cancel")]

    def __init__(self, current: str, sentences: int = 0) -> None:
        super().__init__()
        self.current = current
        # The longest text's sentences: a method too slow for it is shown, but cannot be picked.
        self.sentences = sentences

    def compose(self) -> ComposeResult:
        # Imported here: the rankers are loaded with the first text, not with the app.
        from .. import fits, sentence_limit
        from .session import method_description, method_names

        with Vertical(id="method-dialog", classes="dialog") as dialog:
            dialog.border_title = "Ranking method"
            dialog.border_subtitle = "enter picks · esc cancels"
            options = []
            for name in method_names():
                label = Content.assemble((f"{name:<10}", "bold"), " ", (method_description(name), "$text-muted"))
                allowed = fits(name, self.sentences)
                if not allowed:
                    label = Content.assemble(label, (f" (at most {sentence_limit(name):,} sentences)", "$text-muted"))
                options.append(Option(label, id=name, disabled=not allowed))
            yield OptionList(*options, id="method-list")

    def on_mount(self) -> None:
        from .session import method_names

        picker = self.query_one(OptionList)
        names = method_names()
        picker.highlighted = names.index(self.current) if self.current in names else 0
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
