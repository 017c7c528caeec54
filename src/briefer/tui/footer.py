"""The keys line at the bottom: as many of the screen's footer entries as fit, by rank.

Textual's Footer shows every binding in order and cuts the line at the window's edge (at 80
columns the reader lost `q Quit`); it also rebuilds a widget per key on every focus change.
This one is a single line of text: the screen's entries (see keys.py) whose keys are active,
the lowest ranks first when there is no room for all, shown in their own order, and
`q Quit` always at the right end. Keys are named as the keymap has rebound them.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

from .keys import Entry

GAP = 2


class KeysFooter(Widget):
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def __init__(self, entries: tuple[Entry, ...] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries = entries

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.refresh()

    def active_keys(self) -> dict[str, list[Binding]]:
        """The screen's enabled bindings by id, in the order of their keys."""
        found: dict[str, list[Binding]] = {}
        for active in self.screen.active_bindings.values():
            if active.binding.id and active.enabled:
                found.setdefault(active.binding.id, []).append(active.binding)
        return found

    def shown(self, width: int | None = None) -> list[tuple[str, str, str]]:
        """The (keys, label, key to press) items that fit ``width`` cells, quit last."""
        width = width if width is not None else self.content_region.width or self.size.width or 80
        active = self.active_keys()
        app = self.app

        def item(ids: tuple[str, ...], label: str) -> tuple[str, str, str] | None:
            firsts = [active[i][0] for i in ids if i in active]
            if not firsts:
                return None
            return "/".join(app.get_key_display(b) for b in firsts), label, firsts[0].key

        quit_item = item(("quit",), "Quit")
        room = width - (_cells(quit_item) + GAP if quit_item else 0)
        candidates = [(e, found) for e in self.entries if (found := item(e.ids, e.label)) is not None]
        chosen: set[int] = set()
        for index, (_, found) in sorted(enumerate(candidates), key=lambda pair: pair[1][0].rank):
            need = _cells(found) + GAP
            if need <= room:
                chosen.add(index)
                room -= need
        items = [found for index, (_, found) in enumerate(candidates) if index in chosen]
        return [*items, quit_item] if quit_item else items

    def render(self) -> Content:
        items = self.shown()
        parts: list[Content] = []
        for keys, label, press in items[:-1] if items and items[-1][1] == "Quit" else items:
            parts.append(self._item(keys, label, press))
        line = Content(" " * GAP).join(parts)
        if items and items[-1][1] == "Quit":
            keys, label, press = items[-1]
            width = self.content_region.width or self.size.width or 80
            quit_part = self._item(keys, label, press)
            padding = max(GAP, width - line.cell_length - quit_part.cell_length)
            line = Content.assemble(line, " " * padding, quit_part)
        return line

    @staticmethod
    def _item(keys: str, label: str, press: str) -> Content:
        return Content.assemble((keys, "bold $accent"), " ", label).stylize(f"@click=press({press!r})")

    def action_press(self, key: str) -> None:
        self.app.simulate_key(key)


def _cells(found: tuple[str, str, str]) -> int:
    keys, label, _ = found
    return Content(keys).cell_length + 1 + Content(label).cell_length
