"""The interactive reader: page through an article's sections and brief it, in the terminal.

``launch.make_app`` builds the app for the command (``brief -i``) and for the tests alike. Long
work (opening and analysing an article, ranking with a new method) runs in thread workers; a new
request replaces a stale one (``exclusive=True``), so the interface never waits on them. The
app is built in layers: its state (state.py), opening the inputs (opening.py), and here the
briefing, saving, the help and the palette.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..errors import BrieferError
from .background import in_background
from .commands import reader_commands
from .keys import BRIEFING, CANCEL, HELP, OPEN, QUIT, SHOW_BRIEFING, STORIES, THEME
from .opening import Opening
from .progress import LONG

if TYPE_CHECKING:
    from ..model import Briefing
    from .collection import Collection
    from .save_dialog import SaveRequest
    from .session import Article

# The analysis (numpy, the rankers) and the readers of formats are imported in the background
# when the first input is opened, never before the first frame: see opening.py. The dialogs
# are imported when first shown, for the same reason.


class BrieferApp(Opening):
    """The reader: the keys, the briefing's length and method, saving and copying."""

    CSS_PATH = "app.tcss"
    TITLE = "briefer"
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        THEME,
        QUIT,
        OPEN,
        SHOW_BRIEFING,
        STORIES,
        CANCEL,
        *BRIEFING,
        # Named here, with an id, so that it can be rebound and the footer can show it.
        Binding("ctrl+p", "command_palette", "Commands", id="command-palette", priority=True),
    ]

    def get_key_display(self, binding: Binding) -> str:
        # Textual draws enter as ⏎; a word is easier to read in the footer and the help.
        names = {"enter": "enter", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup"}
        if not binding.key_display and binding.key in names:
            return names[binding.key]
        return super().get_key_display(binding)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.tasks.can_cancel()
        if action == "stories":
            return self.collection is not None and bool(self.collection.stories)
        return True

    def action_cancel(self) -> None:
        if not self.tasks.can_cancel():
            return
        groups = self.tasks.cancel()
        if groups & {"feeds", "open", "collect"}:
            source = self.sources[self.current] if self.sources else None
            message = f"Stopped opening {source.name if source else 'the input'}; o opens a file or URL."
            self.problem_message = message
            if self.multi:
                self.collection = None
            self.loaded.pop(self.current, None)
            self.call_later(self.screen_reader().show_article, None, message)
        else:
            self.method = self.current_method()  # the briefing shown is the one before the change
        self.set_titles()
        self.notify("Stopped.", timeout=2)

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

    def _still_opening(self) -> bool:
        if self.article is None and self.collection is None:
            self.notify("The text is still being read; the methods come with it.", timeout=2)
            return True
        return False

    def action_next_method(self) -> None:
        if self._still_opening():
            return
        from .. import fits
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

    def action_pick_topic(self) -> None:
        article = self._one_text()
        if article is not None:
            from .subject import TopicPicker

            current = None if article.topic is None else article.topic - 1
            self.push_screen(TopicPicker(article.topic_shares(), current), self._topic_picked)

    def _topic_picked(self, choice: str | None) -> None:
        from .subject import ALL

        if choice is not None:
            self._brief_subject(topic=None if choice == ALL else int(choice))

    def action_focus_query(self) -> None:
        article = self._one_text()
        if article is not None:
            from .subject import FocusDialog

            self.push_screen(FocusDialog(article.focus or ""), self._focus_typed)

    def _focus_typed(self, query: str | None) -> None:
        from .subject import ALL

        if query is not None:
            self._brief_subject(focus=None if query == ALL else query)

    def _one_text(self) -> Article | None:
        """The article a topic or a focus applies to; None (said) while opening or among sources."""
        if self._still_opening():
            return None
        if self.multi:
            self.notify("Topics and a focus brief one text: read it alone (open it with o).", timeout=4)
            return None
        return self.article

    def _brief_subject(self, *, focus: str | None = None, topic: int | None = None) -> None:
        article = self.article
        if article is None:
            return
        article.focus, article.topic = focus, topic
        self.rebrief(article.method, article.length)

    def use_method(self, name: str) -> None:
        self.method = name
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
                self.tasks.begin(f"{method}: briefing {count} sources…")
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
            except Exception as error:  # a bug is shown, as a worker's is, not a traceback
                self.notify(str(error), title="Something went wrong", severity="error", timeout=10)
            return
        self.tasks.begin(f"{method}: ranking…")
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
            self.set_titles()
            return
        if article is self.article:
            self._apply(article, briefing, length)

    @work(exclusive=True, group="brief", exit_on_error=False)
    async def _rebrief_many(self, collection: Collection, method: str, length: int) -> None:
        def make() -> Briefing:
            briefing = collection.make_briefing(method, length)
            collection.rank_each(briefing.method)
            if collection.stories and collection.stories_method() != briefing.method:
                # The stories' page says the same method as the briefing; the story picked stays.
                picked = collection.story
                collection.make_stories(briefing.method)
                collection.story = picked if picked is not None and picked < len(collection.stories) else None
            return briefing

        try:
            briefing = await in_background(make)
        except BrieferError as error:
            self.notify(error.message, severity="error")
            self.set_titles()
            return
        collection.apply(briefing, length)
        self.remember(method=briefing.method)  # once it is made: a ranking stopped with esc is not kept
        self._show_sources()
        self.screen_reader().update_highlights()
        self._briefing_changed()

    def _apply(self, article: Article, briefing, length: int) -> None:
        article.apply(briefing, length)
        if briefing.focus is not None and not briefing.key_points:
            self.notify(briefing.notes[-1] if briefing.notes else "nothing is about it", timeout=4)
        self.remember(method=briefing.method)  # once it is made: a ranking stopped with esc is not kept
        self.screen_reader().update_highlights()
        self._briefing_changed()

    def action_briefing(self) -> None:
        from .briefing_screen import BriefingScreen

        if isinstance(self.screen, BriefingScreen):
            self.pop_screen()
        else:
            self.push_screen(BriefingScreen())

    def action_stories(self) -> None:
        from .morning import StoriesScreen, story_names

        collection = self.collection
        if collection is None or not collection.stories or isinstance(self.screen, StoriesScreen):
            return
        names = story_names(collection.articles)
        self.push_screen(StoriesScreen(collection.stories, names, collection.story), self.pick_story)

    def pick_story(self, choice: str | None) -> None:
        """Narrow the reader to one story (its number from 0, as a string) or to every source ("every")."""
        collection = self.collection
        if choice is None or collection is None or not collection.stories:
            return
        collection.story = None if choice == "every" else int(choice)
        self.length = collection.default_length()
        places = [index for index, _ in collection.scope()]
        if self.current not in places:
            self.go_to(places[0])
        self.rebrief(collection.method, self.length)
        self._show_sources()

    # --- saving and copying ------------------------------------------------------------------

    def suggested_path(self, fmt: str = "markdown") -> str:
        from ..output import EXTENSIONS

        if self.multi:
            return f"sources-briefing{EXTENSIONS[fmt]}"
        source = self.sources[self.current] if self.sources else None
        stem = Path(source.name).stem if source and source.name not in ("-", "") else "stdin"
        return f"{stem}-briefing{EXTENSIONS[fmt]}"

    def action_save(self) -> None:
        if self.shown_briefing is None:
            self.notify("Nothing to save yet.", severity="warning")
            return
        from .save_dialog import SaveDialog

        self.push_screen(SaveDialog(self.suggested_path()), self._save_chosen)

    def _save_chosen(self, request: SaveRequest | None) -> None:
        briefing = self.shown_briefing
        if request is not None and briefing is not None:
            self.save(request, briefing)

    def save(self, request: SaveRequest, briefing: Briefing) -> None:
        """Write ``briefing`` where the dialog says, in a thread (quitting waits for it)."""
        from .save_dialog import save_briefing

        self.run_worker(lambda: save_briefing(self, request, briefing), thread=True, group="save", exit_on_error=False)

    def action_copy(self) -> None:
        from .save_dialog import copy_briefing

        copy_briefing(self, self.shown_briefing)

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
        yield from reader_commands(self)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group in LONG:
            self.refresh_bindings()
        if event.state == WorkerState.ERROR:
            # A bug in a worker is shown, not allowed to take the app down with a traceback; the
            # title bar stops saying that the work is under way.
            self.notify(str(event.worker.error), title="Something went wrong", severity="error", timeout=10)
            if event.worker.group in LONG:
                self.set_titles()
