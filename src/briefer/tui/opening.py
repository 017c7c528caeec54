"""Opening the inputs: the raw text at once, then the analysed article; several inputs
are read together and briefed as one; `o` opens another file or URL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work

from .background import in_background, stop_all
from .inputs import Source
from .preferences import check_method
from .reader_screen import ReaderScreen
from .sources_pane import SourceRow

if TYPE_CHECKING:
    from ..model import Document
    from .collection import Collection
    from .session import Article, Problem
from .state import ReaderState


def expand_all(sources: list[Source], say: Callable[[str], None] | None) -> tuple[list[Source], list[str]]:
    """Every input as the sources it holds (a feed: one an article), with a line for each
    part that failed; an input that fails whole stays one source, which says why when opened."""
    from .. import BrieferError

    found: list[Source] = []
    notices: list[str] = []
    for source in sources:
        if source.expand is None:
            found.append(source)
            continue
        try:
            held, said = source.expand(say)
        except BrieferError as error:
            found.append(Source(source.name, _failing(error)))
            continue
        found.extend(held)
        notices.extend(said)
    return found, notices


def _failing(error: Exception) -> Callable[[], Document]:
    def load() -> Document:
        raise error

    return load


class Opening(ReaderState):
    """Reads the inputs in the background and shows them as they come."""

    def open_current(self) -> None:
        if not self.sources:
            return
        if any(s.expand is not None for s in self.sources):
            # A feed or a list of feeds is first read as the articles it holds.
            if not any(w.group == "feeds" for w in self.tasks.running()):
                self._expand()
            return
        source = self.sources[self.current]
        self.tasks.begin("opening…")
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

    @work(exclusive=True, group="feeds", exit_on_error=False)
    async def _expand(self) -> None:
        """Read the feeds among the inputs; their articles become the sources, one an article."""
        sources = list(self.sources)
        names = ", ".join(s.name for s in sources if s.expand is not None)
        self.tasks.begin(f"reading {names}…")
        self.screen_reader().update_sentence_bar(f"Reading {names}…")
        loop = asyncio.get_running_loop()

        def say(note: str) -> None:
            if not loop.is_closed():
                loop.call_soon_threadsafe(self.tasks.say, note)

        found, notices = await in_background(lambda: expand_all(sources, say))
        self.sources = found
        self.current = 0
        self.loaded = {}
        self.multi = len(found) > 1
        self.collection = None
        # A feed is read for its stories: the stories page opens once they are found.
        self.stories_first = len(found) > len(sources)
        self.screen_reader().sources_changed()
        for notice in notices[:3]:
            self.notify(notice, title="Feed", severity="warning", timeout=8)
        if len(notices) > 3:
            self.notify(f"{len(notices) - 3} more articles could not be read", title="Feed", severity="warning")
        self.open_current()

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
        self.tasks.begin(f"reading {len(sources)} sources…")
        loop = asyncio.get_running_loop()

        def say(note: str) -> None:
            # From the thread reading the sources: the progress line is the event loop's.
            if not loop.is_closed():
                loop.call_soon_threadsafe(self.tasks.say, note)

        def collect_all() -> tuple[Collection, str]:
            from .collection import collect
            from .session import open_article

            entries: list[Article | Problem] = []
            for i, s in enumerate(sources):
                say(f"reading source {i + 1} of {len(sources)}: {Path(s.name).name or s.name}…")
                entries.append(opened if i == first else open_article(s.name, s.load, method=method))
            return collect(entries, method, length, len(sources), say)

        collection, problem = await in_background(collect_all)
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
        elif collection.stories:
            count = len(collection.stories)
            self.notify(f"The sources tell {count} stories: S shows them, enter reads one.", timeout=6)
        self._show_sources()
        await self._opened(self.current, self.loaded[self.current])
        if self.stories_first and collection.stories:
            self.stories_first = False
            await self.run_action("stories")

    @work(exclusive=True, group="open", exit_on_error=False)
    async def _open(self, index: int, source: Source) -> None:
        await self._preview(index, source)
        if index == 0 and self.prefetch is not None:
            found = await self._prefetched()
            if found is not None:
                await self._opened(index, found)
                return
        method = self.method = await self._checked_method()

        def opened() -> Article | Problem:
            from .session import Problem, open_briefed

            found = open_briefed(source.name, source.load, self.loaded.get(index), method, self.length)
            if not isinstance(found, Problem):
                found.pane_plan()
            return found

        await self._opened(index, await in_background(opened))

    async def _prefetched(self) -> Article | Problem | None:
        """The first input as the child process opened it (see prefetch.py); None if it failed."""
        from .prefetch import PrefetchFailed

        prefetch, self.prefetch = self.prefetch, None
        assert prefetch is not None
        # A long text's analysis takes seconds in the child: numpy and the analysis are
        # imported meanwhile, in a moment without keys (see warming.py).
        self.warmer.start()
        try:
            sent = await in_background(prefetch.result)
        except PrefetchFailed:
            return None  # opened here instead, as if there had been no child
        found, problem = cast("tuple[Article | Problem, str]", sent)
        self._method_checked = True
        if problem:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        from .session import Article

        if isinstance(found, Article):
            # Its analysis is unpickled in the background once it is on screen and the keys
            # are still, so that the first key asking for a briefing does not wait for numpy.
            self.warmer.article_came(found)
        return found

    async def _preview(self, index: int, source: Source) -> None:
        """The raw text on screen at once, while it is read and analysed (plain text only)."""
        if self.previewed == index:
            self.previewed = None  # drawn with the first frame
        elif source.peek is not None and self.loaded.get(index) is None:
            # 16 KB of a local file or of stdin's bytes: read here, no thread to wait for.
            text = source.peek()
            if not (text and index == self.current and self.loaded.get(index) is None):
                return
            await self.screen_reader().reader.show_preview(text)
        else:
            return
        # Painted before the analysis starts: its imports would compete for the interpreter.
        painted = asyncio.Event()
        self.call_after_refresh(painted.set)
        await painted.wait()

    async def _checked_method(self) -> str:
        if not self._method_checked:
            self._method_checked = True
            method = self.method
            problem = await in_background(lambda: check_method(method))
            if problem:
                self.method = "topic"
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
            # What the pane lays out is made in a thread (a long text's is a fifth of a second
            # of work that would hold every key up); it is there already when the thread or the
            # child process that opened the article made it.
            await in_background(found.pane_plan)
            if index != self.current or self.loaded.get(index) is not found:
                return
            self.problem_message = ""
            self.method = found.method
            await screen.show_article(found)
        self._briefing_changed()

    def action_open(self) -> None:
        if self.source_for is None:
            self.notify("This reader was started without a way to open files.", severity="warning")
            return
        from .open_dialog import OpenDialog

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
        if self.prefetch is not None:
            self.prefetch.stop()
            self.prefetch = None
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
        places = list(range(len(self.sources)))
        if self.collection is not None and self.collection.story is not None:
            # A story picked: its sources are the ones to page through.
            places = [index for index, _ in self.collection.scope()]
        here = places.index(self.current) if self.current in places else -1 if step > 0 else 0
        self.current = places[(here + step) % len(places)]
        self.open_current()

    def go_to(self, index: int) -> None:
        if index == self.current and self.article is not None:
            self.screen_reader().reader.focus()
            return
        self.current = index
        self.open_current()
