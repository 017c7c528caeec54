"""What the reader holds: its inputs, what was opened from them, the settings, and the
titles that say it. The app's opening and briefing are built on this (opening.py, app.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.screen import Screen

from . import settings as config
from .inputs import Source
from .preferences import Preferences, starting_choice
from .progress import LongTasks
from .reader_screen import ReaderScreen
from .title_bar import TitleBar
from .warming import Warmer

if TYPE_CHECKING:
    from ..model import Briefing
    from .collection import Collection
    from .prefetch import Prefetch
    from .session import Article, Problem


class ReaderState(App[int]):
    """The reader's state, shared by its parts (the app is one object: these are its layers)."""

    def __init__(
        self,
        sources: list[Source],
        *,
        method: str | None = None,
        length: int = 0,
        source_for: Callable[[str], Source] | None = None,
        settings: config.Loaded | None = None,
        prefetch: Prefetch | None = None,
    ) -> None:
        super().__init__()
        self.sources = sources
        # How to read a path or URL the user opens from inside the app (o).
        self.source_for = source_for
        self.preferences = Preferences(settings)
        self.method, self.length, check = starting_choice(method, length, self.preferences.settings)
        self.set_keymap(self.preferences.keymap())
        if theme := self.preferences.theme(self.available_themes):
            self.theme = theme
        self.tasks = LongTasks(self)
        # A method named in the settings is checked when the rankers are first imported.
        self._method_checked = not check
        # The first input, read and analysed by a child process while the app starts.
        self.prefetch = prefetch
        self.warmer = Warmer(self)
        self.current = 0
        # The input whose raw start is on screen already, drawn with the first frame.
        self.previewed: int | None = None
        self.loaded: dict[int, Article | Problem] = {}
        # With several inputs, all are loaded and briefed as one (see _collect).
        self.multi = len(sources) > 1
        self.collection: Collection | None = None
        # Set when a feed was read into several sources: its stories page opens by itself.
        self.stories_first = False
        self.problem_message = ""
        self.status = ""
        # Counts the briefings shown, so a test or benchmark can wait for the next one.
        self.briefings_shown = 0

    @property
    def article(self) -> Article | None:
        found = self.loaded.get(self.current)
        if found is None:
            return None  # nothing opened yet: the analysis need not be imported to say so
        from .session import Article

        return found if isinstance(found, Article) else None

    @property
    def shown_briefing(self) -> Briefing | None:
        """The briefing on screen: the current article's, or with several inputs the one across them."""
        if self.multi:
            return self.collection.briefing if self.collection is not None else None
        return self.article.briefing if self.article is not None else None

    def get_default_screen(self) -> Screen:
        # 16 KB of a local file or of stdin, read here so that the first frame shows the text.
        source = self.sources[self.current] if self.sources else None
        first_look = (source.peek() if source and source.peek else None) or ""
        if first_look:
            self.previewed = self.current
        return ReaderScreen(side=self.preferences.settings.sections, first_look=first_look)

    def on_mount(self) -> None:
        for problem in self.preferences.problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        self.theme_changed_signal.subscribe(self, lambda theme: self.remember(theme=theme.name))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self.warmer.input_came()  # the user is busy: background work that holds the lock waits
        await super().on_event(event)

    def remember(self, **changes: object) -> None:
        """Keep a changed setting (theme, method, length, sections) for the next start."""
        self.preferences.remember(self, **changes)

    def screen_reader(self) -> ReaderScreen:
        return next(s for s in self.screen_stack if isinstance(s, ReaderScreen))

    def current_method(self) -> str:
        """The method of the briefing shown."""
        if self.multi and self.collection is not None:
            return self.collection.method
        return self.article.method if self.article else self.method

    def longest_text(self) -> int:
        """Sentences of the longest text a method would rank (each source is ranked alone)."""
        if self.multi and self.collection is not None:
            return max((len(article.sentences) for _, article in self.collection.articles), default=0)
        return len(self.article.sentences) if self.article else 0

    def _briefing_changed(self) -> None:
        self.set_titles()
        for screen in self.screen_stack:
            if screen.__class__.__name__ == "BriefingScreen":  # not imported until it is shown
                screen.refresh_briefing()  # type: ignore[attr-defined]
        self.briefings_shown += 1

    def set_titles(self, note: str = "", busy: bool = False) -> None:
        """The window's title and the title bar: the input, the method and the briefing's size,
        or ``note`` while a long task runs (``busy`` for its progress)."""
        source = self.sources[self.current] if self.sources else None
        name = Path(source.name).name if source and source.name not in ("-", "") else "(stdin)"
        numbered = f"[{self.current + 1}/{len(self.sources)}] " if len(self.sources) > 1 else ""
        title = f"{numbered}{name[:48]}"
        if title != self.title:
            self.title = title  # also the terminal window's title
        briefing = self.shown_briefing
        if not busy and not note:
            self.tasks.end()
        if note:
            self.status = note
        elif briefing is not None and self.multi:
            s = briefing.stats
            sources = len(briefing.sources)
            self.status = f"{briefing.method} · {s.summary_sentences}/{s.sentences} sentences · {sources} source"
            self.status += "" if sources == 1 else "s"
            collection = self.collection
            if collection is not None and collection.story is not None:
                self.status += f" · story {collection.story + 1} of {len(collection.stories)}"
        elif briefing is not None:
            s = briefing.stats
            self.status = f"{briefing.method} · {s.summary_sentences}/{s.sentences} sentences"
            if briefing.focus is not None:
                from ..rendering import focus_line

                self.status += f" · {focus_line(briefing)}"
        else:
            self.status = ""
        for screen in self.screen_stack:
            for bar in screen.query(TitleBar):
                bar.show(self.title, self.status)
