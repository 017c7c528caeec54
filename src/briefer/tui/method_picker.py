"""A dialog to pick the ranking method by name, with what each one does."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets.option_list import Option

from .dialog import Picker


class MethodPicker(Picker):
    BOX_ID = "method-dialog"
    LIST_ID = "method-list"
    HEADING = "Ranking method"
    HINT = "enter picks · esc cancels"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="method-picker.cancel")]

    def __init__(self, current: str, sentences: int = 0) -> None:
        super().__init__()
        self.current = current
        # The longest text's sentences: a method too slow for it is shown, but cannot be picked.
        self.sentences = sentences

    def options(self) -> list[Option]:
        # Imported here: the rankers are loaded with the first text, not with the app.
        from .. import fits, sentence_limit
        from .session import method_description, method_names

        options = []
        for name in method_names():
            label = Content.assemble((f"{name:<10}", "bold"), " ", (method_description(name), "$text-muted"))
            allowed = fits(name, self.sentences)
            if not allowed:
                label = Content.assemble(label, (f" (at most {sentence_limit(name):,} sentences)", "$text-muted"))
            options.append(Option(label, id=name, disabled=not allowed))
        return options

    def first(self) -> int:
        from .session import method_names

        names = method_names()
        return names.index(self.current) if self.current in names else 0
