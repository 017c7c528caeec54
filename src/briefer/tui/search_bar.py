"""The `/` search field under the reading pane."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.widgets import Input

if TYPE_CHECKING:
    from .reader_screen import ReaderScreen


class SearchBar(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search.close"),
        Binding("shift+enter,ctrl+r", "previous", "Previous match", id="search.previous", key_display="ctrl+r"),
    ]

    def action_close(self) -> None:
        cast("ReaderScreen", self.screen).close_search()

    def action_previous(self) -> None:
        cast("ReaderScreen", self.screen).search_step(-1)
