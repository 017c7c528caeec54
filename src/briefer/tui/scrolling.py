"""Scrolling a view with the reader's own keys (j/k, space/b, g/G): the text, the help, the briefing."""

from __future__ import annotations

from textual.containers import ScrollableContainer


def scroll_by(scroll: ScrollableContainer, how: str) -> None:
    """Scroll ``scroll`` a line, a page or to an end: ``how`` names the move as the bindings do."""
    {
        "down": lambda: scroll.scroll_down(animate=False),
        "up": lambda: scroll.scroll_up(animate=False),
        "page_down": lambda: scroll.scroll_page_down(animate=False),
        "page_up": lambda: scroll.scroll_page_up(animate=False),
        "home": lambda: scroll.scroll_home(animate=False),
        "end": lambda: scroll.scroll_end(animate=False),
    }[how]()
