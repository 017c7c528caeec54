"""The main screen: sections beside the reading pane, the focused sentence's line, the search."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList

from .footer import KeysFooter
from .keys import BRIEFING, HELP, QUIT, SHOW_BRIEFING, THEME
from .reading_pane import ReadingPane
from .search_bar import SearchBar
from .sections import SectionsPane
from .sentence_bar import SentenceBar
from .sources_pane import SourcesPane
from .title_bar import TitleBar

if TYPE_CHECKING:
    from .app import BrieferApp

SECTION = Binding.Group("Section", compact=True)
SCROLL = Binding.Group("Scroll", compact=True)
SENTENCE = Binding.Group("Sentence", compact=True)
KEY_POINT = Binding.Group("Key point", compact=True)
FILE = Binding.Group("Source", compact=True)


class ReaderScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        SHOW_BRIEFING,
        *BRIEFING[:4],
        Binding(
            "n,right_square_bracket", "section(1)", "Next section", id="section.next", key_display="n", group=SECTION
        ),
        Binding(
            "p,left_square_bracket",
            "section(-1)",
            "Previous section",
            id="section.previous",
            key_display="p",
            group=SECTION,
        ),
        Binding("h", "toggle_highlights", "Highlights", id="highlights"),
        Binding("slash", "search", "Search", id="search", key_display="/"),
        *BRIEFING[4:],
        Binding("j", "scroll('down')", "Line down", id="scroll.down", group=SCROLL),
        Binding("k", "scroll('up')", "Line up", id="scroll.up", group=SCROLL),
        Binding("space", "scroll('page_down')", "Page down", id="scroll.page-down", key_display="spc", group=SCROLL),
        Binding("b", "scroll('page_up')", "Page up", id="scroll.page-up", group=SCROLL),
        Binding("g", "scroll('home')", "Top", id="scroll.top", group=SCROLL),
        Binding("G", "scroll('end')", "Bottom", id="scroll.bottom", group=SCROLL),
        Binding(
            "right_parenthesis", "sentence(1)", "Next sentence", id="sentence.next", key_display=")", group=SENTENCE
        ),
        Binding(
            "left_parenthesis",
            "sentence(-1)",
            "Previous sentence",
            id="sentence.previous",
            key_display="(",
            group=SENTENCE,
        ),
        Binding("full_stop", "key_point(1)", "Next key point", id="key-point.next", key_display=".", group=KEY_POINT),
        Binding(
            "comma", "key_point(-1)", "Previous key point", id="key-point.previous", key_display=",", group=KEY_POINT
        ),
        Binding("f", "file(1)", "Next source", id="file.next", group=FILE),
        Binding("F", "file(-1)", "Previous source", id="file.previous", group=FILE),
        THEME,
        QUIT,
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar(classes="title-bar")
        with Horizontal(id="body"):
            with Vertical(id="side"):
                # Shown only when there are several inputs (see show_sources).
                yield SourcesPane(id="sources")
                yield SectionsPane(id="sections")
            with Vertical(id="reading"):
                yield ReadingPane(id="reader")
                yield SentenceBar(id="sentence-bar")
                yield SearchBar(
                    placeholder="Search the article (enter: next, ctrl+r: previous, esc: close)", id="search"
                )
        yield KeysFooter()

    @property
    def reader(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    def on_mount(self) -> None:
        self.query_one(SourcesPane).display = len(getattr(self.app, "sources", ())) > 1
        self.reader.focus()
        cast("BrieferApp", self.app).open_current()

    def show_sources(self, rows, current: int) -> None:
        pane = self.query_one(SourcesPane)
        if pane.display:
            pane.show(rows, current)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "file":
            return len(getattr(self.app, "sources", ())) > 1
        return True

    # --- showing an article ---------------------------------------------------------

    async def show_article(self, article, message: str = "") -> None:
        self.query_one(SectionsPane).show_article(article)
        await self.reader.show_article(article, message)
        self.update_sentence_bar()
        if self.app.screen is self and self.focused is not self.reader:
            self.reader.focus()

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
        reader = self.reader
        {
            "down": lambda: reader.scroll_down(animate=False),
            "up": lambda: reader.scroll_up(animate=False),
            "page_down": lambda: reader.scroll_page_down(animate=False),
            "page_up": lambda: reader.scroll_page_up(animate=False),
            "home": lambda: reader.scroll_home(animate=False),
            "end": lambda: reader.scroll_end(animate=False),
        }[how]()

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
