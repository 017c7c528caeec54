"""Every key of the reader in one place: the bindings (each with an id, so that a user can
rebind it in the config file, as in posting), what the footer shows of them, and the help.

The footer and the help are built from the bindings as the keymap has changed them, so they
always name the keys that work. Key names are Textual's (``question_mark``, ``ctrl+o``); the
screens show them as ``?`` and ``^o``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingsMap

HELP = Binding("question_mark,f1", "app.help", "Help", id="help")
QUIT = Binding("q,ctrl+q", "app.quit", "Quit", id="quit")
THEME = Binding("t", "app.toggle_theme", "Theme", id="theme")
OPEN = Binding("o,ctrl+o", "app.open", "Open", id="open")

BRIEFING = [
    Binding("plus,equals_sign", "app.length(1)", "Longer", id="length.longer"),
    Binding("minus", "app.length(-1)", "Shorter", id="length.shorter"),
    Binding("m", "app.next_method", "Next method", id="method.next"),
    Binding("M", "app.pick_method", "Pick method", id="method.pick"),
    Binding("T", "app.pick_topic", "Topics", id="topics"),
    Binding("a", "app.focus_query", "About…", id="focus"),
    Binding("w", "app.save", "Save", id="save"),
    Binding("c", "app.copy", "Copy", id="copy"),
]

SHOW_BRIEFING = Binding("s", "app.briefing", "Briefing", id="briefing")
# Enabled only when the sources tell several stories (see the app's check_action).
STORIES = Binding("S", "app.stories", "Stories", id="stories")
# Escape stops a ranking or an opening still running; enabled only then (see check_action).
CANCEL = Binding("escape", "app.cancel", "Cancel", id="cancel")

READER = [
    Binding("n,right_square_bracket", "section(1)", "Next section", id="section.next"),
    Binding("p,left_square_bracket", "section(-1)", "Previous section", id="section.previous"),
    Binding("h", "toggle_highlights", "Highlights", id="highlights"),
    Binding("slash", "search", "Search", id="search"),
    Binding("backslash,f9", "toggle_side", "Sections pane", id="sections.toggle"),
    Binding("j", "scroll('down')", "Line down", id="scroll.down"),
    Binding("k", "scroll('up')", "Line up", id="scroll.up"),
    Binding("space", "scroll('page_down')", "Page down", id="scroll.page-down"),
    Binding("b", "scroll('page_up')", "Page up", id="scroll.page-up"),
    Binding("g", "scroll('home')", "Top", id="scroll.top"),
    Binding("G", "scroll('end')", "Bottom", id="scroll.bottom"),
    Binding("right_parenthesis", "sentence(1)", "Next sentence", id="sentence.next"),
    Binding("left_parenthesis", "sentence(-1)", "Previous sentence", id="sentence.previous"),
    Binding("full_stop", "key_point(1)", "Next key point", id="key-point.next"),
    Binding("comma", "key_point(-1)", "Previous key point", id="key-point.previous"),
    Binding("f", "file(1)", "Next source", id="file.next"),
    Binding("F", "file(-1)", "Previous source", id="file.previous"),
]

# The help and the briefing scroll with the reader's own keys.
SCROLLING = [
    Binding("j,down", "scroll('down')", "Down", id="scroll.down"),
    Binding("k,up", "scroll('up')", "Up", id="scroll.up"),
    Binding("space,pagedown", "scroll('page_down')", "Page down", id="scroll.page-down"),
    Binding("b,pageup", "scroll('page_up')", "Page up", id="scroll.page-up"),
    Binding("g,home", "scroll('home')", "Top", id="scroll.top"),
    Binding("G,end", "scroll('end')", "Bottom", id="scroll.bottom"),
]


@dataclass(frozen=True)
class Entry:
    """One item of the footer: the keys of ``ids`` (joined by ``/``) and a label.

    ``rank`` decides what is left out when the line is short: the lowest ranks stay.
    """

    ids: tuple[str, ...]
    label: str
    rank: int


def entry(ids: str, label: str, rank: int) -> Entry:
    return Entry(tuple(ids.split()), label, rank)


# In the order shown; `q Quit` is always there, at the right end (see footer.py).
READER_FOOTER = (
    entry("cancel", "Cancel", 0),
    entry("help", "Help", 1),
    entry("briefing", "Briefing", 2),
    entry("stories", "Stories", 2),
    entry("length.longer length.shorter", "Length", 4),
    entry("method.next", "Method", 5),
    entry("file.next file.previous", "Source", 3),
    entry("section.next section.previous", "Section", 6),
    entry("search", "Search", 3),
    entry("sections.toggle", "Pane", 8),
    entry("open", "Open", 7),
    entry("highlights", "Highlights", 10),
    entry("save", "Save", 9),
    entry("copy", "Copy", 11),
    entry("theme", "Theme", 12),
    entry("command-palette", "Commands", 13),
)

BRIEFING_FOOTER = (
    entry("cancel", "Cancel", 0),
    entry("briefing.back", "Back", 1),
    entry("help", "Help", 2),
    entry("length.longer length.shorter", "Length", 3),
    entry("method.next", "Method", 4),
    entry("method.pick", "Pick", 7),
    entry("save", "Save", 5),
    entry("copy", "Copy", 6),
    entry("theme", "Theme", 8),
)

STORIES_FOOTER = (
    entry("stories.back", "Back", 1),
    entry("help", "Help", 2),
    entry("scroll.down scroll.up", "Scroll", 3),
    entry("scroll.page-down scroll.page-up", "Page", 4),
    entry("theme", "Theme", 5),
)

HELP_FOOTER = (
    entry("help.close", "Close", 1),
    entry("scroll.down scroll.up", "Scroll", 2),
    entry("scroll.page-down scroll.page-up", "Page", 3),
)


@dataclass(frozen=True)
class HelpRow:
    """A line of the help: the keys of ``ids`` (or ``keys`` as written) and what they do."""

    what: str
    ids: tuple[str, ...] = ()
    keys: str = ""


def row(ids: str, what: str) -> HelpRow:
    return HelpRow(what, tuple(ids.split()))


HELP_INTRO = (
    "briefer shows an article beside its sections and highlights the sentences its ranker "
    "picks. The line under the text tells you about the sentence under focus: its score "
    "(1.00 is the best sentence), its rank and its topic. Every key point is a sentence of "
    "the article, word for word; nothing is rewritten."
)

HELP_SECTIONS: tuple[tuple[str, tuple[HelpRow, ...]], ...] = (
    (
        "Reading",
        (
            row("section.next", "next section"),
            row("section.previous", "previous section"),
            row("scroll.down scroll.up", "a line down / up"),
            row("scroll.page-down scroll.page-up", "a page down / up"),
            row("scroll.top scroll.bottom", "top / bottom"),
            row("sentence.next sentence.previous", "next / previous sentence (focus)"),
            row("key-point.next key-point.previous", "next / previous key point"),
            row("highlights", "highlights on or off"),
            row("search", "search: enter next match, ctrl+r previous, esc closes"),
            row("sections.toggle", "hide or show the sections pane (hidden by itself when narrow)"),
            HelpRow("move between the sources, the sections and the text", keys="tab"),
        ),
    ),
    (
        "Briefing",
        (
            row("briefing", "the briefing: key points by topic, key terms, counts"),
            row("length.longer length.shorter", "one key point more / fewer"),
            row("method.next", "next ranking method"),
            row("method.pick", "pick the ranking method from a list"),
            row("topics", "the text's topics with their share: brief one of them"),
            row("focus", "brief about what you type (empty: the whole text again)"),
            row("cancel", "stop a ranking or an opening still running"),
            row("save", "save the briefing as text, Markdown or JSON (the file appears whole)"),
            row("copy", "copy the briefing to the clipboard, where the terminal allows it"),
        ),
    ),
    (
        "Several sources",
        (
            row("file.next file.previous", "next / previous source"),
            HelpRow("read the source chosen in the sources pane", keys="enter"),
            HelpRow("each point of the briefing names its sources: [1, 2] both say it,", keys=""),
            HelpRow("[1] another comes near it, [3 only] no other does", keys=""),
            row("stories", "the stories among the sources on one page (when they tell several)"),
            HelpRow("in the stories: ↑ ↓ pick a headline, enter reads that story's sources", keys="enter"),
        ),
    ),
    (
        "The rest",
        (
            row("open", "open another file or URL (tab completes a path)"),
            row("theme", "light or dark theme"),
            HelpRow("every action, by name", keys="^p"),
            row("help", "these keys"),
            row("quit", "quit (a save in progress is finished first)"),
        ),
    ),
)


def all_bindings() -> list[Binding]:
    """Every binding with an id in the reader, its screens and dialogs (the ids a user may rebind)."""
    from .app import BrieferApp
    from .briefing_screen import BriefingScreen
    from .help_screen import HelpScreen
    from .method_picker import MethodPicker
    from .morning import StoriesScreen
    from .open_dialog import OpenDialog
    from .reader_screen import ReaderScreen
    from .save_dialog import SaveDialog
    from .search_bar import SearchBar
    from .subject import FocusDialog, TopicPicker

    owners = (
        BrieferApp,
        ReaderScreen,
        BriefingScreen,
        HelpScreen,
        MethodPicker,
        OpenDialog,
        SaveDialog,
        SearchBar,
        StoriesScreen,
        TopicPicker,
        FocusDialog,
    )
    return [b for owner in owners for b in owner.BINDINGS if isinstance(b, Binding)]


def reader_bindings() -> list[Binding]:
    """The reader screen's bindings and the app's, which the help describes."""
    return [HELP, QUIT, THEME, OPEN, SHOW_BRIEFING, STORIES, CANCEL, *BRIEFING, *READER]


def binding_ids() -> set[str]:
    return {b.id for b in all_bindings() if b.id}


def keys_by_id(bindings: Iterable[Binding], keymap: dict[str, str]) -> dict[str, list[str]]:
    """Each binding id's keys once the keymap is applied, in the order they were given."""
    bindings_map = BindingsMap(list(bindings))
    if keymap:
        bindings_map.apply_keymap(keymap)
    found: dict[str, list[str]] = {}
    for key, bound in bindings_map.key_to_bindings.items():
        for binding in bound:
            if binding.id and key not in found.setdefault(binding.id, []):
                found[binding.id].append(key)
    return found
