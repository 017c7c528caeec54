"""A scrolling pane that mounts only the parts of a long text near its view.

A 1 MB text is hundreds of paragraphs; mounting them all is most of a second of styles and
line wrapping (several on a busy machine), and every key waits for it. Here the text is a list
of parts (a heading, a paragraph) and only a window of them is mounted: it grows a batch at a
time as the view nears either end, and a jump far from it (G, g, a section, a sentence, a
search match) moves the window instead of mounting everything between. Above the window, a
gap as tall as the parts it stands for (estimated from their length) keeps the scroll bar and
the positions below it about right; when the window grows upwards the view is kept on the
same line.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.containers import VerticalScroll
from textual.widget import Widget

from .pane_plan import HEADING, Part

# The window holds the view and AHEAD_SCREENS more (by the parts' estimated heights); it grows
# by BATCH_SCREENS when the view comes within AHEAD_SCREENS of either end, never by more than
# BATCH_WIDGETS parts at once. A jump past FAR parts moves the window.
AHEAD_SCREENS = 2
BATCH_SCREENS = 2
BATCH_WIDGETS = 40
FAR = 2 * BATCH_WIDGETS
# A text this short is laid out whole at once (an article, the sample): nothing to wait for.
WHOLE_CHARS = 30_000


class Gap(Widget):
    """Stands for the parts above the window, as tall as they are estimated to be."""

    DEFAULT_CSS = "Gap { height: 0; }"


class LazyLayout(VerticalScroll):
    """The window of mounted parts; subclasses make each part's widget (``make_part``)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._parts: list[Part] = []
        # The window: parts [_lo, _hi) are mounted, after the gap.
        self._lo = self._hi = 0
        self._gap: Gap | None = None
        self._lengths: list[int] = []
        # Set while a window is being rebuilt: a scroll meanwhile must not grow the old one.
        self._moving = False

    # --- what subclasses give ------------------------------------------------------

    def make_part(self, part: Part) -> Widget:
        """The widget for one part."""
        raise NotImplementedError

    def parts_changed(self) -> None:
        """Called after parts were mounted or the window moved (to index the widgets)."""

    def revealed(self) -> None:
        """Called once the view has moved to a part that had to be mounted first."""

    # --- the window ------------------------------------------------------------------

    async def lay_out(self, parts: list[Part], lengths: list[int]) -> None:
        """Show ``parts`` (``lengths``: each part's characters, for the estimates), from the top."""
        self._parts, self._lengths, self._moving = parts, lengths, False
        await self._window_at(0)
        if sum(lengths) <= WHOLE_CHARS:
            await self._grow_down(len(parts))

    def laid_out(self) -> bool:
        """Whether every part is mounted."""
        return self._lo == 0 and self._hi >= len(self._parts) and not self.laying_out()

    def laying_out(self) -> bool:
        return any(w.group == "layout" and w.is_running for w in self.workers)

    def forget_parts(self) -> None:
        """Before the pane's children are replaced by something else (a preview, a message)."""
        self.workers.cancel_group(self, "layout")
        self._parts, self._lengths, self._lo, self._hi, self._gap = [], [], 0, 0, None
        self._moving = False

    def estimate(self, start: int, end: int) -> int:
        """Lines that parts [start, end) take at the pane's width, roughly."""
        width = max(10, self.scrollable_content_region.width - 1)
        lines = 0
        for (kind, *_), length in zip(self._parts[start:end], self._lengths[start:end], strict=True):
            # A heading: its line and a blank one before it; a paragraph: its lines (words
            # wrap a little short of the width) and the blank line after it.
            lines += 2 if kind == HEADING else length * 11 // (10 * width) + 2
        return lines

    def _screens_from(self, start: int, screens: float, step: int = 1) -> int:
        """Where the parts from ``start`` (down, or up with ``step`` -1) fill ``screens`` views."""
        want = max(self.scrollable_content_region.height, 10) * screens
        end, lines = start, 0
        while end + min(step, 0) >= 0 and end < len(self._parts) and lines < want and abs(end - start) < BATCH_WIDGETS:
            lines += self.estimate(end + min(step, 0), end + max(step, 0))
            end += step
        return end

    async def _window_at(self, part: int) -> None:
        """Mount a fresh window around ``part`` (the gap standing for what is above it)."""
        self._moving = True
        try:
            self._lo = self._hi = self._screens_from(part, 1, -1)
            await self.remove_children()
            self._gap = Gap()
            self._gap.styles.height = self.estimate(0, self._lo)
            await self.mount(self._gap)
            await self._grow_down(self._screens_from(part, 1 + AHEAD_SCREENS))
        finally:
            self._moving = False

    async def _grow_down(self, end: int) -> None:
        end = min(end, len(self._parts))
        if end <= self._hi:
            return
        widgets = [self.make_part(p) for p in self._parts[self._hi : end]]
        self._hi = end
        await self.mount_all(widgets)
        self.parts_changed()

    async def _grow_up(self, start: int) -> None:
        start = max(0, start)
        if start >= self._lo or self._gap is None or self._gap.parent is not self:
            return
        anchor = next((c for c in self.children if c is not self._gap), None)
        before = anchor.virtual_region.y if anchor is not None else 0
        widgets = [self.make_part(p) for p in self._parts[start : self._lo]]
        self._lo = start
        self._gap.styles.height = self.estimate(0, start)
        await self.mount_all(widgets, after=self._gap)
        self.parts_changed()
        if anchor is not None:
            # The estimate and the real height differ: keep the view on the same line.
            shift = self.scroll_y - before

            def keep_view() -> None:
                self.scroll_to(y=anchor.virtual_region.y + shift, animate=False)

            self.call_after_refresh(keep_view)

    def grow_near_view(self) -> None:
        """Mount the next batch when the view nears an end of the window (on every scroll)."""
        if not self._parts or self._moving or self.laying_out():
            return
        height = self.scrollable_content_region.height
        ahead = height * (1 + AHEAD_SCREENS)
        top = self._gap.styles.height.value if self._gap is not None and self._gap.styles.height else 0
        if self._lo > 0 and self.scroll_y + height < top - ahead:
            # Far above the window (the scroll bar dragged, g): a window where the view is.
            self.run_worker(self._window_at(self._part_at(int(self.scroll_y))), group="layout")
        elif self._lo > 0 and self.scroll_y < top + ahead:
            self.run_worker(self._grow_up(self._screens_from(self._lo, BATCH_SCREENS, -1)), group="layout")
        elif self._hi < len(self._parts) and self.scroll_y + ahead >= self.virtual_size.height:
            self.run_worker(self._grow_down(self._screens_from(self._hi, BATCH_SCREENS)), group="layout")

    def _part_at(self, y: int) -> int:
        lines = 0
        for index in range(len(self._parts)):
            lines += self.estimate(index, index + 1)
            if lines > y:
                return index
        return len(self._parts) - 1

    def reveal(self, part: int, then: Callable[[], None]) -> None:
        """Mount ``part`` (moving the window when it is far from it), then call ``then`` once
        it is laid out."""

        async def reveal() -> None:
            self._moving = True  # until the view is there: a scroll on the way must not move it back
            if part < self._lo - FAR or part >= self._hi + FAR:
                await self._window_at(part)
                self._moving = True
            elif part < self._lo:
                await self._grow_up(self._screens_from(part, 1, -1))
            else:
                await self._grow_down(self._screens_from(part, 1 + AHEAD_SCREENS))
            await asyncio.sleep(0)
            self.parts_changed()

            def arrive() -> None:
                then()  # Textual scrolls after the next refresh: the window stays put till then
                self.call_after_refresh(arrived)

            def arrived() -> None:
                self._moving = False
                self.revealed()
                self.grow_near_view()

            self.call_after_refresh(arrive)

        # The latest jump wins: a window still being mounted for an earlier one is dropped.
        self.run_worker(reveal(), group="layout", exclusive=True)

    def is_mounted_part(self, part: int) -> bool:
        return self._lo <= part < self._hi

    def scroll_end(self, *args, **kwargs) -> None:
        """The end of the text: its last parts are mounted first."""
        if self._hi < len(self._parts):
            self.reveal(len(self._parts) - 1, lambda: super(LazyLayout, self).scroll_end(*args, **kwargs))
            return
        super().scroll_end(*args, **kwargs)

    def scroll_home(self, *args, **kwargs) -> None:
        """The start of the text: its first parts are mounted first."""
        if self._lo > 0:
            self.reveal(0, lambda: super(LazyLayout, self).scroll_home(*args, **kwargs))
            return
        super().scroll_home(*args, **kwargs)
