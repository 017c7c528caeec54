"""The main screen: sections beside the reading pane, the focused sentence's line, the search."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList

from .footer import KeysFooter
from .keys import BRIEFING, CANCEL, HELP, OPEN, QUIT, READER, READER_FOOTER, SHOW_BRIEFING, THEME
from .reading_pane import ReadingPane
from .scrolling import scroll_by
from .search_bar import SearchBar
from .sections import SectionsPane
from .sentence_bar import SentenceBar
from .sources_pane import SourcesPane
from .title_bar import TitleBar

if TYPE_CHECKING:
    from .app import BrieferApp


class ReaderScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        SHOW_BRIEFING,
        CANCEL,
        *BRIEFING,
        *READER,
        OPEN,
        THEME,
        QUIT,
    ]

    # Below this width the sections pane hides by itself, leaving the columns to the text.
    NARROW = 80

    def __init__(self, *, side: bool = True, first_look: str = "") -> None:
        super().__init__()
        # The start of a plain text, drawn with the first frame (see inputs.plain_text_start).
        self.first_look = first_look
        # The user's choice (the setting, or the key); a narrow window hides the pane anyway.
        self.side_wanted = side
        self._side_forced: bool | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar(classes="title-bar")
        with Horizontal(id="body"):
            with Vertical(id="side"):
                # Shown only when there are several inputs (see show_sources).
                yield SourcesPane(id="sources")
                yield SectionsPane(id="sections")
            with Vertical(id="reading"):
                yield ReadingPane(self.first_look, id="reader")
                yield SentenceBar(id="sentence-bar")
                yield SearchBar(
                    placeholder="Search the article (enter: next, ctrl+r: previous, esc: close)", id="search"
                )
        yield KeysFooter(READER_FOOTER)

    @property
    def reader(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    def on_mount(self) -> None:
        self.query_one(SourcesPane).display = len(getattr(self.app, "sources", ())) > 1
        self._place_side()
        self.reader.focus()
        cast("BrieferApp", self.app).open_current()

    def sources_changed(self) -> None:
        """Another set of inputs was opened: the sources pane is there only for several."""
        pane = self.query_one(SourcesPane)
        pane.clear_options()
        pane.display = len(getattr(self.app, "sources", ())) > 1
        # The article read before is gone: its sections and its sentence line with it.
        self.reader.article = None
        self.reader.remove_children()
        self.query_one(SectionsPane).show_article(None)
        self.refresh_bindings()

    def show_sources(self, rows, current: int) -> None:
        pane = self.query_one(SourcesPane)
        if pane.display:
            pane.show(rows, current)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "file":
            return len(getattr(self.app, "sources", ())) > 1
        return True

    # --- the sections pane ------------------------------------------------------------

    def on_resize(self) -> None:
        if self.size.width >= self.NARROW:
            self._side_forced = None
        self._place_side()

    def _place_side(self) -> None:
        narrow = self.size.width < self.NARROW
        shown = self._side_forced if self._side_forced is not None else (self.side_wanted and not narrow)
        side = self.query_one("#side")
        if side.display != shown:
            side.display = shown
            if not shown and side.has_focus_within:
                self.reader.focus()

    def action_toggle_side(self) -> None:
        side = self.query_one("#side")
        shown = not side.display
        if self.size.width < self.NARROW:
            # Asked for on a narrow window: for now only, not as the setting.
            self._side_forced = shown
        else:
            self._side_forced = None
            self.side_wanted = shown
            cast("BrieferApp", self.app).remember(sections=shown)
        self._place_side()

    # --- showing an article ---------------------------------------------------------

    async def show_article(self, article, message: str = "") -> None:
        # One repaint for the whole change: between the old text's removal and the new one's
        # mounting, a frame would show an empty pane (a flash on every article opened).
        with self.app.batch_update():
            self.query_one(SectionsPane).show_article(None)
            await self.reader.show_article(article, message)
            self.update_sentence_bar()
        if article is not None:
            # The sections in a frame of their own: drawn with the text, the two are one long
            # repaint (a 1 MB text's topic sections wrapped, besides the text), which a key
            # pressed meanwhile would wait for.
            self.call_after_refresh(self._show_sections, article)
        if self.app.screen is self and self.focused is not self.reader:
            self.reader.focus()

    def _show_sections(self, article) -> None:
        if self.reader.article is article:
            pane = self.query_one(SectionsPane)
            pane.show_article(article)
            pane.mark(self.reader.current_section())

    def update_highlights(self) -> None:
        if self.app.screen is not self:
            # Hidden under the briefing: redraw once, when it is shown again.
            self._stale = True
            return
        self._stale = False
        self.reader.refresh_all()
        self.query_one(SectionsPane).show_article(self.reader.article)
        self.query_one(SectionsPane).mark(self.reader.current_section())
        self.update_sentence_bar()

    def on_screen_resume(self) -> None:
        if getattr(self, "_stale", False):
            self.update_highlights()
        self.query_one(TitleBar).show(self.app.title, getattr(self.app, "status", ""))

    def update_sentence_bar(self, note: str = "") -> None:
        bar = self.query_one(SentenceBar)
        if not note and self.query_one(SearchBar).display:
            note = getattr(self, "search_note", "")
        article = self.reader.article
        if article is None:
            bar.show(None, 0, note or getattr(self.app, "problem_message", ""))
            return
        if not note and not self.reader.highlights:
            note = "highlights off (h)"
        bar.show(article, self.reader.cursor, note)

    @on(ReadingPane.CursorMoved)
    def cursor_moved(self) -> None:
        # Without an article there is no sentence to describe: the line keeps its note
        # ("Opening a.txt…"), which the pane's first cursor, set as it mounts, would wipe.
        if self.reader.article is not None:
            self.update_sentence_bar()

    @on(ReadingPane.SectionInView)
    def section_in_view(self, event: ReadingPane.SectionInView) -> None:
        self.query_one(SectionsPane).mark(event.section)

    @on(OptionList.OptionSelected, "#sources")
    def source_chosen(self, event: OptionList.OptionSelected) -> None:
        cast("BrieferApp", self.app).go_to(event.option_index)

    @on(OptionList.OptionSelected, "#sections")
    def section_chosen(self, event: OptionList.OptionSelected) -> None:
        self.reader.go_to_section(event.option_index)

    # --- actions -----------------------------------------------------------------------

    def action_section(self, step: int) -> None:
        reader = self.reader
        if reader.article is None:
            return
        count = len(reader.article.document.sections)
        target = max(0, min(count - 1, reader.current_section() + step))
        reader.go_to_section(target)
        self.query_one(SectionsPane).mark(target)

    def action_scroll(self, how: str) -> None:
        scroll_by(self.reader, how)

    def action_sentence(self, step: int) -> None:
        self.reader.focus()
        self.reader.move_cursor(step)

    def action_key_point(self, step: int) -> None:
        self.reader.focus()
        self.reader.move_to_key(step)

    def action_toggle_highlights(self) -> None:
        self.reader.highlights = not self.reader.highlights
        self.update_sentence_bar()

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    def action_file(self, step: int) -> None:
        cast("BrieferApp", self.app).switch_file(step)

    # --- search -----------------------------------------------------------------------

    def say_search(self, note: str) -> None:
        self.search_note = note
        self.update_sentence_bar(note)

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        count = self.reader.search(event.value)
        query = event.value.strip()
        self.say_search(f"{count} match{'es' if count != 1 else ''} for “{query}”" if query else "")

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.search_step(1)

    def search_step(self, step: int) -> None:
        reader = self.reader
        number = reader.next_match(step)
        if number is None:
            self.say_search(f"no match for “{reader.query_text.strip()}”" if reader.query_text.strip() else "")
            return
        sentences = len({m.sentence for m in reader.matches})
        self.say_search(f"match {number} of {sentences} sentences")

    def close_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.value = ""
        bar.display = False
        self.search_note = ""
        self.reader.search("")
        self.reader.focus()
        self.update_sentence_bar()
