"""The sources pane: every input given, numbered as the briefing's tags number them."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True)
class SourceRow:
    """One line of the sources list."""

    number: int | None  # the source's number in the briefing, None for an input that failed
    title: str
    problem: str = ""
    # A source of another story than the one picked: listed, but dimmed and not numbered.
    aside: bool = False


class SourcesPane(OptionList):
    """Shown only with two or more inputs; the one being read is marked, a failed one says why."""

    def show(self, rows: list[SourceRow], current: int) -> None:
        digits = len(str(len(rows)))
        labels = [self._label(row, index == current, digits) for index, row in enumerate(rows)]
        if self.option_count == len(labels):
            for index, label in enumerate(labels):
                self.replace_option_prompt_at_index(index, label)
        else:
            self.clear_options()
            self.add_options([Option(label, id=f"source-{i}") for i, label in enumerate(labels)])
        loaded = sum(1 for row in rows if row.number is not None)
        if any(row.aside for row in rows):
            self.border_title = f"Story: {loaded} of {len(rows)} sources"
        else:
            self.border_title = f"Sources {loaded}" if loaded == len(rows) else f"Sources {loaded} of {len(rows)}"
        if 0 <= current < self.option_count and self.highlighted != current:
            self.highlighted = current

    @staticmethod
    def _label(row: SourceRow, current: bool, digits: int) -> Content:
        # Narrow at 80 columns: one cell for the mark, the number, then as much title as fits.
        marker = ("▶ ", "bold $accent") if current else "  "
        if row.number is None and row.problem:
            mark = ("✗".rjust(digits) + " ", "bold $error")
            return Content.assemble(marker, mark, row.title, (f" — {row.problem}", "$error"))
        if row.aside:
            return Content.assemble(marker, ("·".rjust(digits) + " ", "$text-muted"), (row.title, "$text-muted"))
        number = str(row.number) if row.number is not None else "…"
        return Content.assemble(marker, (f"{number:>{digits}} ", "$text-muted"), (row.title, "bold" if current else ""))
