"""The interactive reader: page through an article's sections and brief it, in the terminal.

``make_app`` builds the app for the command (``brief -i``) and for the tests alike. Long work
(opening and analysing an article, ranking with a new method) runs in thread workers; a new
request replaces a stale one (``exclusive=True``), so the interface never waits on them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..errors import BrieferError
from ..model import Briefing
from ..output import write_atomic
from . import settings as config
from .background import in_background, stop_all
from .inputs import Source
from .keys import BRIEFING, CANCEL, HELP, OPEN, QUIT, SHOW_BRIEFING, THEME
from .open_dialog import OpenDialog
from .reader_screen import ReaderScreen
from .save_dialog import EXTENSIONS, SaveDialog, SaveRequest
from .sources_pane import SourceRow
from .title_bar import TitleBar

if TYPE_CHECKING:
    from .collection import Collection
    from .session import Article, Problem

# The analysis (numpy, the rankers) and the readers of formats are imported in the background
# when the first input is opened, never before the first frame: see open_current.


class BrieferApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "briefer"
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        THEME,
        QUIT,
        OPEN,
        SHOW_BRIEFING,
        CANCEL,
        *BRIEFING,
        # Named here, with an id, so that it can be rebound and the footer can show it.
        Binding("ctrl+p", "command_palette", "Commands", id="command-palette", priority=True),
    ]

    def __init__(
        self,
        sources: list[Source],
        *,
        method: str | None = None,
        length: int = 0,
        source_for: Callable[[str], Source] | None = None,
        settings: config.Loaded | None = None,
    ) -> None:
        super().__init__()
        self.sources = sources
        # How to read a path or URL the user opens from inside the app (o).
        self.source_for = source_for
        loaded = settings if settings is not None else config.load()
        self.settings = loaded.settings
        self.settings_writable = loaded.writable
        self.setting_problems = list(loaded.problems)
        self.method = method or self.settings.method or "topic"
        self.length = length or self.settings.length
        self._apply_keymap()
        if self.settings.theme:
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            else:
                self.setting_problems.append(f"theme {self.settings.theme!r} is not one of Textual's themes")
        # The long task running now (its note, and when it started), for the progress in the title bar.
        self._busy: tuple[str, float] | None = None
        # A method named in the settings is checked when the rankers are first imported.
        self._method_checked = bool(method) or not self.settings.method
        self.current = 0
        self.loaded: dict[int, Article | Problem] = {}
        # With several inputs, all are loaded and briefed as one (see _collect).
        self.multi = len(sources) > 1
        self.collection: Collection | None = None
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
        return ReaderScreen(side=self.settings.sections)

    def on_mount(self) -> None:
        for problem in self.setting_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        self.theme_changed_signal.subscribe(self, lambda theme: self.remember(theme=theme.name))

    # --- settings ------------------------------------------------------------------------

    def _check_method(self) -> str | None:
        """A method from the settings that briefer does not have is replaced by the default
        (checked in the background: the rankers are not imported before the first frame)."""
        from .session import method_names

        names = method_names()
        if self.method not in names:
            wrong, self.method = self.method, "topic"
            return f"method {wrong!r} is not one of briefer's methods: {', '.join(names)}"
        return None

    def _apply_keymap(self) -> None:
        from .keys import binding_ids

        keys = dict(self.settings.keys)
        if not keys:
            return
        unknown = sorted(set(keys) - binding_ids())
        if unknown:
            self.setting_problems.append(f"no key has the id {', '.join(unknown)} (see the README for the ids)")
        self.set_keymap({k: v for k, v in keys.items() if k not in unknown})

    def remember(self, **changes) -> None:
        """Keep a changed setting for the next start (written in the background)."""
        changed = self.settings.changed(**changes)
        if changed == self.settings:
            return
        self.settings = changed
        if self.settings_writable:
            self._save_settings(changed)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def _save_settings(self, settings: config.Settings) -> None:
        try:
            config.save(settings)
        except BrieferError as error:
            # Said once: the app goes on with the settings it has.
            self.settings_writable = False
            self.call_from_thread(
                self.notify, f"{error.message}; settings are not saved", title="Settings", severity="warning"
            )

    def get_key_display(self, binding: Binding) -> str:
        # Textual draws enter as ⏎; a word is easier to read in the footer and the help.
        names = {"enter": "enter", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup"}
        if not binding.key_display and binding.key in names:
            return names[binding.key]
        return super().get_key_display(binding)

    # --- long tasks: progress and Esc -----------------------------------------------------

    LONG = ("open", "collect", "brief")

    def running(self) -> list[Worker]:
        return [
            w for w in self.workers if w.group in self.LONG and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        ]

    def _begin(self, note: str) -> None:
        self._busy = (note, time.monotonic())
        self._set_titles(note=note)
        if not hasattr(self, "_progress_timer"):
            self._progress_timer = self.set_interval(0.5, self._tick)
        self._progress_timer.resume()
        self.refresh_bindings()

    def _tick(self) -> None:
        if self._busy is None or not self.running():
            self._busy = None
            self._progress_timer.pause()
            self.refresh_bindings()
            return
        note, since = self._busy
        elapsed = time.monotonic() - since
        if elapsed >= 1:
            self._set_titles(note=f"{note} {elapsed:.0f} s · esc stops", busy=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self._busy is not None and bool(self.running())
        return True

    def action_cancel(self) -> None:
        running = self.running()
        if not running:
            return
        groups = {w.group for w in running}
        for group in groups:
            self.workers.cancel_group(self, group)
        # The work itself runs in threads that cannot be cancelled from outside; this stops them.
        stop_all()
        self._busy = None
        self.refresh_bindings()
        if groups & {"open", "collect"}:
            source = self.sources[self.current] if self.sources else None
            message = f"Stopped opening {source.name if source else 'the input'}; o opens a file or URL."
            self.problem_message = message
            if self.multi:
                self.collection = None
            self.loaded.pop(self.current, None)
            self.call_later(self.screen_reader().show_article, None, message)
            self._set_titles()
        else:
            # The briefing shown is the one before the change.
            self.method = self.current_method()
            self._set_titles()
        self.notify("Stopped.", timeout=2)

    # --- opening -----------------------------------------------------------------------

    def open_current(self) -> None:
        if not self.sources:
            return
        source = self.sources[self.current]
        self._begin("opening…")
        # Said in the line under the text rather than with a loading overlay: an overlay moves
        # the focus, and every focus change rebuilds the footer.
        self.screen_reader().update_sentence_bar(f"Opening {source.name}…")
        if self.multi:
            self._show_sources()
            if self.collection is None:
                # Everything is read at once for the briefing across the sources; the
                # current one is shown when that is done.
                if not any(w.group == "collect" for w in self.workers):
                    self._collect()
                return
        self._open(self.current, source)

    def _show_sources(self) -> None:
        if self.collection is not None:
            rows = self.collection.rows()
        else:
            rows = [SourceRow(None, Path(s.name).name or s.name) for s in self.sources]
        self.screen_reader().show_sources(rows, self.current)

    @work(exclusive=True, group="collect", exit_on_error=False)
    async def _collect(self) -> None:
        method, length, sources = self.method, self.length, list(self.sources)
        # The one to read first is shown as soon as it is open, before the others are read
        # and the briefing across them is made (a folder of a hundred files takes a while).
        first = self.current
        await self._preview(first, sources[first])
        method = self.method = await self._checked_method()

        def open_first() -> Article | Problem:
            from .session import open_article

            return open_article(sources[first].name, sources[first].load, method=method)

        opened = await in_background(open_first)
        self.loaded[first] = opened
        if first == self.current:
            await self._opened(first, opened)
        self._begin(f"reading {len(sources)} sources…")

        def collect() -> tuple[Collection, str]:
            from .collection import Collection
            from .session import open_article

            entries = [
                opened if index == first else open_article(s.name, s.load, method=method)
                for index, s in enumerate(sources)
            ]
            collection = Collection(entries, method)
            if not collection.articles:
                return collection, f"none of the {len(sources)} inputs could be opened"
            chosen = length or collection.default_length()
            try:
                briefing = collection.make_briefing(method, chosen)
                collection.rank_each(briefing.method)
            except BrieferError as error:
                return collection, error.message
            collection.apply(briefing, chosen)
            return collection, ""

        collection, problem = await in_background(collect)
        self.collection = collection
        self.loaded = dict(enumerate(collection.entries))
        self.method, self.length = collection.method, collection.length
        from .session import Problem

        for entry in collection.entries:
            if isinstance(entry, Problem):
                self.notify(
                    f"{entry.message.removeprefix(entry.name + ': ')} (the briefing is made from the other sources)",
                    title=f"Cannot open {entry.name}",
                    severity="error",
                    timeout=8,
                )
        if problem:
            self.notify(problem, title="No briefing", severity="error", timeout=8)
        self._show_sources()
        await self._opened(self.current, self.loaded[self.current])

    def screen_reader(self) -> ReaderScreen:
        return next(s for s in self.screen_stack if isinstance(s, ReaderScreen))

    @work(exclusive=True, group="open", exit_on_error=False)
    async def _open(self, index: int, source: Source) -> None:
        await self._preview(index, source)
        method = self.method = await self._checked_method()

        def opened() -> Article | Problem:
            from .session import Article, Problem, open_article

            found = self.loaded.get(index)
            if found is None:
                found = open_article(source.name, source.load, method=method, length=self.length)
            if isinstance(found, Article) and found.briefing is None and not self.multi:
                try:
                    found.apply(found.make_briefing(method, found.length), found.length)
                except BrieferError as error:
                    found = Problem(source.name, error.message)
            return found

        await self._opened(index, await in_background(opened))

    async def _preview(self, index: int, source: Source) -> None:
        """The raw text on screen at once, while it is read and analysed (plain text only)."""
        if source.peek is None or self.loaded.get(index) is not None:
            return
        # 16 KB of a local file or of stdin's bytes: read here, no thread to wait for.
        text = source.peek()
        if text and index == self.current and self.loaded.get(index) is None:
            await self.screen_reader().reader.show_preview(text)
            # Painted before the analysis starts: its imports would compete for the interpreter.
            painted = asyncio.Event()
            self.call_after_refresh(painted.set)
            await painted.wait()

    async def _checked_method(self) -> str:
        if not self._method_checked:
            self._method_checked = True
            problem = await in_background(self._check_method)
            if problem:
                self.notify(problem, title="Settings", severity="warning", timeout=10)
        return self.method

    async def _opened(self, index: int, found: Article | Problem) -> None:
        from .session import Problem

        self.loaded[index] = found
        if index != self.current:
            return
        screen = self.screen_reader()
        if isinstance(found, Problem):
            self.problem_message = f"Cannot open {found.name}: {found.message}"
            await screen.show_article(None, self.problem_message)
            if not self.multi:  # several: said once, when they are all read
                self.notify(found.message, title=f"Cannot open {found.name}", severity="error", timeout=8)
        else:
            self.problem_message = ""
            self.method = found.method
            await screen.show_article(found)
        self._briefing_changed()

    def action_open(self) -> None:
        if self.source_for is None:
            self.notify("This reader was started without a way to open files.", severity="warning")
            return
        if not isinstance(self.screen, OpenDialog):
            self.push_screen(OpenDialog(), self._open_chosen)

    def _open_chosen(self, spec: str | None) -> None:
        if spec and self.source_for is not None:
            self.open_sources([spec])

    def open_sources(self, specs: list[str]) -> None:
        """Read ``specs`` instead of the inputs open now."""
        for group in ("open", "collect", "brief"):
            self.workers.cancel_group(self, group)
        stop_all()
        assert self.source_for is not None
        self.sources = [self.source_for(spec) for spec in specs]
        self.current = 0
        self.loaded = {}
        self.multi = len(self.sources) > 1
        self.collection = None
        if not isinstance(self.screen, ReaderScreen):
            self.switch_to_reader()
        self.screen_reader().sources_changed()
        self.open_current()

    def switch_to_reader(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ReaderScreen):
            self.pop_screen()

    def switch_file(self, step: int) -> None:
        if len(self.sources) < 2:
            return
        self.current = (self.current + step) % len(self.sources)
        self.open_current()

    # --- briefing ------------------------------------------------------------------------

    def action_length(self, step: int) -> None:
        if self.multi:
            if self.collection is None or not self.collection.articles:
                return
            total, now, method = self.collection.total_sentences(), self.collection.length, self.collection.method
        else:
            article = self.article
            if article is None:
                return
            total, now, method = len(article.sentences), article.length, article.method
        length = max(1, min(total, now + step))
        if length == now:
            self.notify(f"The briefing is already {'as long' if step > 0 else 'as short'} as it can be.", timeout=2)
            return
        self.length = length
        self.remember(length=length)
        self.rebrief(method, length)

    def current_method(self) -> str:
        if self.multi and self.collection is not None:
            return self.collection.method
        return self.article.method if self.article else self.method

    def longest_text(self) -> int:
        """Sentences of the longest text a method would rank (each source is ranked alone)."""
        if self.multi and self.collection is not None:
            return max((len(article.sentences) for _, article in self.collection.articles), default=0)
        return len(self.article.sentences) if self.article else 0

    def _still_opening(self) -> bool:
        if self.article is None and self.collection is None:
            self.notify("The text is still being read; the methods come with it.", timeout=2)
            return True
        return False

    def action_next_method(self) -> None:
        if self._still_opening():
            return
        from ..rankers import fits
        from .session import method_names

        # sumy's slower methods are skipped on a text longer than they take.
        longest = self.longest_text()
        names = [name for name in method_names() if fits(name, longest)]
        current = self.current_method()
        self.use_method(names[(names.index(current) + 1) % len(names)] if current in names else names[0])

    def action_pick_method(self) -> None:
        if self._still_opening():
            return
        from .method_picker import MethodPicker

        self.push_screen(MethodPicker(self.current_method(), self.longest_text()), self._picked)

    def _picked(self, name: str | None) -> None:
        if name:
            self.use_method(name)

    def use_method(self, name: str) -> None:
        self.method = name
        self.remember(method=name)
        if self.multi:
            if self.collection is not None:
                self.rebrief(name, self.collection.length)
            return
        article = self.article
        if article is not None:
            self.rebrief(name, article.length)

    def rebrief(self, method: str, length: int) -> None:
        if self.multi:
            if self.collection is not None and self.collection.articles:
                count = len(self.collection.articles)
                self._begin(f"{method}: briefing {count} sources…")
                self._rebrief_many(self.collection, method, length)
            return
        article = self.article
        if article is not None and article.has_scores(method):
            # Ranked already: choosing sentences takes well under a millisecond, so no worker,
            # and any stale ranking still running is dropped.
            self.workers.cancel_group(self, "brief")
            try:
                self._apply(article, article.make_briefing(method, length), length)
            except BrieferError as error:
                self.notify(error.message, severity="error")
            return
        self._begin(f"{method}: ranking…")
        self._rebrief(method, length)

    @work(exclusive=True, group="brief", exit_on_error=False)
    async def _rebrief(self, method: str, length: int) -> None:
        article = self.article
        if article is None:
            return
        try:
            briefing = await in_background(lambda: article.make_briefing(method, length))
        except BrieferError as error:
            self.notify(error.message, severity="error")
            self._set_titles()
            return
        if article is self.article:
            self._apply(article, briefing, length)

    @work(exclusive=True, group="brief", exit_on_error=False)
    async def _rebrief_many(self, collection: Collection, method: str, length: int) -> None:
        def make() -> Briefing:
            briefing = collection.make_briefing(method, length)
            collection.rank_each(briefing.method)
            return briefing

        try:
            briefing = await in_background(make)
        except BrieferError as error:
            self.notify(error.message, severity="error")
            self._set_titles()
            return
        collection.apply(briefing, length)
        self.screen_reader().update_highlights()
        self._briefing_changed()

    def _apply(self, article: Article, briefing, length: int) -> None:
        article.apply(briefing, length)
        self.screen_reader().update_highlights()
        self._briefing_changed()

    def _briefing_changed(self) -> None:
        self._set_titles()
        for screen in self.screen_stack:
            if screen.__class__.__name__ == "BriefingScreen":  # not imported until it is shown
                screen.refresh_briefing()  # type: ignore[attr-defined]
        self.briefings_shown += 1

    def _set_titles(self, note: str = "", busy: bool = False) -> None:
        source = self.sources[self.current] if self.sources else None
        name = Path(source.name).name if source and source.name not in ("-", "") else "(stdin)"
        numbered = f"[{self.current + 1}/{len(self.sources)}] " if len(self.sources) > 1 else ""
        title = f"{numbered}{name[:48]}"
        if title != self.title:
            self.title = title  # also the terminal window's title
        briefing = self.shown_briefing
        if not busy and not note and self._busy is not None:
            self._busy = None  # the long task is over: its result, or its error, is what is said
            self.refresh_bindings()  # esc no longer stops anything
        if note:
            self.status = note
        elif briefing is not None and self.multi:
            s = briefing.stats
            sources = len(briefing.sources)
            self.status = f"{briefing.method} · {s.summary_sentences}/{s.sentences} sentences · {sources} sources"
        elif briefing is not None:
            s = briefing.stats
            self.status = f"{briefing.method} · {s.summary_sentences}/{s.sentences} sentences"
        else:
            self.status = ""
        for screen in self.screen_stack:
            for bar in screen.query(TitleBar):
                bar.show(self.title, self.status)

    def action_briefing(self) -> None:
        from .briefing_screen import BriefingScreen

        if isinstance(self.screen, BriefingScreen):
            self.pop_screen()
        else:
            self.push_screen(BriefingScreen())

    # --- saving and copying ------------------------------------------------------------------

    def suggested_path(self, fmt: str = "markdown") -> str:
        if self.multi:
            return f"sources-briefing{EXTENSIONS[fmt]}"
        source = self.sources[self.current] if self.sources else None
        stem = Path(source.name).stem if source and source.name not in ("-", "") else "stdin"
        return f"{stem}-briefing{EXTENSIONS[fmt]}"

    def action_save(self) -> None:
        if self.shown_briefing is None:
            self.notify("Nothing to save yet.", severity="warning")
            return
        self.push_screen(SaveDialog(self.suggested_path()), self._save_chosen)

    def _save_chosen(self, request: SaveRequest | None) -> None:
        briefing = self.shown_briefing
        if request is not None and briefing is not None:
            self.save(request, briefing)

    @work(thread=True, group="save", exit_on_error=False)
    def save(self, request: SaveRequest, briefing) -> None:
        from ..render import render

        try:
            write_atomic(request.path, render(briefing, request.fmt, width=80))
        except BrieferError as error:
            self.call_from_thread(self.notify, error.message, title="Not saved", severity="error", timeout=8)
            return
        self.call_from_thread(self.notify, f"Saved the briefing to {request.path} ({request.fmt}).", title="Saved")

    def action_copy(self) -> None:
        from ..render import render

        briefing = self.shown_briefing
        if briefing is None:
            self.notify("Nothing to copy yet.", severity="warning")
            return
        text = render(briefing, "text", width=80)
        self.copy_to_clipboard(text)
        self.notify(
            f"Copied the briefing ({len(text)} characters), where the terminal allows it (OSC 52).", title="Copied"
        )

    # --- the rest ---------------------------------------------------------------------------

    def action_help(self) -> None:
        from .help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    async def action_quit(self) -> None:
        saving = [
            w for w in self.workers if w.group == "save" and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        ]
        if saving:
            self.notify("Finishing the save before quitting…", timeout=2)
            await self.workers.wait_for_complete(saving)
        self.exit(0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own "Keys" (its bindings panel) would be a second entry of that name.
        yield from (command for command in super().get_system_commands(screen) if command.title != "Keys")
        reader = self.screen_reader()
        yield SystemCommand(
            "Show the briefing", "Key points grouped by topic, key terms, counts (s)", self.action_briefing
        )
        yield SystemCommand("Longer briefing", "One more key point (+)", lambda: self.action_length(1))
        yield SystemCommand("Shorter briefing", "One key point fewer (-)", lambda: self.action_length(-1))
        yield SystemCommand("Next method", "Cycle the ranking method (m)", self.action_next_method)
        longest = self.longest_text()
        from ..rankers import fits
        from .session import method_names

        for name in method_names():
            if fits(name, longest):
                yield SystemCommand(
                    f"Method: {name}", "Rank the sentences with this method", lambda n=name: self.use_method(n)
                )
        yield SystemCommand("Save the briefing", "Text, Markdown or JSON, written atomically (w)", self.action_save)
        yield SystemCommand("Copy the briefing", "To the clipboard as text (c)", self.action_copy)
        yield SystemCommand(
            "Toggle highlights", "Key sentences highlighted in the text (h)", reader.action_toggle_highlights
        )
        yield SystemCommand("Search", "Find text in the article (/)", reader.action_search)
        yield SystemCommand("Next section", "n or ]", lambda: reader.action_section(1))
        yield SystemCommand("Previous section", "p or [", lambda: reader.action_section(-1))
        yield SystemCommand("Toggle light/dark", "Switch theme (t)", self.action_toggle_theme)
        yield SystemCommand("Open a file or URL", "Read another input instead (o or ctrl+o)", self.action_open)
        yield SystemCommand(
            "Hide or show the sections pane", "The sections beside the text (\\ or F9)", reader.action_toggle_side
        )
        yield SystemCommand("Keys", "Show the keys (? or F1)", self.action_help)
        for number, source in enumerate(self.sources):
            if len(self.sources) > 1:
                yield SystemCommand(
                    f"Open: {source.name}",
                    f"Source {number + 1} of {len(self.sources)}",
                    lambda i=number: self.go_to(i),
                )

    def go_to(self, index: int) -> None:
        if index == self.current and self.article is not None:
            self.screen_reader().reader.focus()
            return
        self.current = index
        self.open_current()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group in self.LONG:
            self.refresh_bindings()
        if event.state == WorkerState.ERROR:
            # A bug in a worker is shown, not allowed to take the app down with a traceback.
            self.notify(str(event.worker.error), title="Something went wrong", severity="error", timeout=10)
