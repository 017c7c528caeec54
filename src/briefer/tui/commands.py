"""The reader's entries in the command palette (ctrl+p): every action by name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from .app import BrieferApp


def reader_commands(app: BrieferApp) -> Iterable[SystemCommand]:
    """The palette's commands for the reader, after Textual's own (theme, quit, screenshot)."""
    from .. import fits
    from .session import method_names

    reader = app.screen_reader()
    yield SystemCommand("Show the briefing", "Key points grouped by topic, key terms, counts (s)", app.action_briefing)
    yield SystemCommand("Longer briefing", "One more key point (+)", lambda: app.action_length(1))
    yield SystemCommand("Shorter briefing", "One key point fewer (-)", lambda: app.action_length(-1))
    yield SystemCommand("Next method", "Cycle the ranking method (m)", app.action_next_method)
    longest = app.longest_text()
    for name in method_names():
        if fits(name, longest):
            yield SystemCommand(
                f"Method: {name}", "Rank the sentences with this method", lambda n=name: app.use_method(n)
            )
    yield SystemCommand("Save the briefing", "Text, Markdown or JSON, written atomically (w)", app.action_save)
    yield SystemCommand("Copy the briefing", "To the clipboard as text (c)", app.action_copy)
    yield SystemCommand(
        "Toggle highlights", "Key sentences highlighted in the text (h)", reader.action_toggle_highlights
    )
    yield SystemCommand("Search", "Find text in the article (/)", reader.action_search)
    yield SystemCommand("Next section", "n or ]", lambda: reader.action_section(1))
    yield SystemCommand("Previous section", "p or [", lambda: reader.action_section(-1))
    yield SystemCommand("Toggle light/dark", "Switch theme (t)", app.action_toggle_theme)
    yield SystemCommand("Open a file or URL", "Read another input instead (o or ctrl+o)", app.action_open)
    yield SystemCommand(
        "Hide or show the sections pane", "The sections beside the text (\\ or F9)", reader.action_toggle_side
    )
    yield SystemCommand("Keys", "Show the keys (? or F1)", app.action_help)
    for number, source in enumerate(app.sources):
        if len(app.sources) > 1:
            yield SystemCommand(
                f"Open: {source.name}", f"Source {number + 1} of {len(app.sources)}", lambda i=number: app.go_to(i)
            )
