"""The reading pane: the article's sections and paragraphs, key sentences highlighted in place."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from .lazy_layout import LazyLayout
from .pane_plan import HEADING, Part
from .preview import Preview, preview_widgets, sentence_at_word

if TYPE_CHECKING:  # the analysis is imported once the first text is on screen
    from .session import Article

KEY_STYLE = "bold on $warning 25%"
CURSOR_STYLE = "underline on $primary 40%"
MATCH_STYLE = "$text on $success 60%"


@dataclass(frozen=True)
class Match:
    sentence: int
    start: int
    end: int


def _click(index: int) -> Style:
    # A Style rather than "@click=..." markup: markup is parsed once per sentence drawn (the
    # first screens of a long text are hundreds of sentences, each a new string to parse).
    return Style.from_meta({"@click": f"focus_sentence({index})"})


class SectionHeading(Static):
    """A section's title in the text; topic sections say they were found, not written."""

    def __init__(self, section: int, title: str, origin: str) -> None:
        label = Content(title)
        if origin == "topic":
            label = Content.assemble(("§ ", "$text-muted"), label, ("  · topic section", "$text-muted italic"))
        super().__init__(label, classes=f"section-heading -{origin}")
        self.section = section


class ParagraphView(Widget):
    """One paragraph; it asks the pane how each of its sentences should look."""

    def __init__(self, index: int, sentences: list[int], kind: str) -> None:
        super().__init__(classes=f"paragraph -{kind}")
        self.index = index
        self.sentence_ids = sentences
        self.kind = kind

    def render(self) -> Content:
        pane = self.query_ancestor(ReadingPane)
        return pane.paragraph_content(self)

    def action_focus_sentence(self, index: int) -> None:
        self.query_ancestor(ReadingPane).cursor = index


class ReadingPane(LazyLayout, can_focus=True):
    """The article itself. ``cursor`` is the sentence under focus. A long one is mounted
    as the view comes near its parts (see lazy_layout.py)."""

    highlights: reactive[bool] = reactive(True)
    cursor: reactive[int] = reactive(0)
    query_text: reactive[str] = reactive("")

    class CursorMoved(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class SectionInView(Message):
        def __init__(self, section: int) -> None:
            super().__init__()
            self.section = section

    def __init__(self, first_look: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._first_look = first_look
        self.article: Article | None = None
        self.matches: list[Match] = []
        self._texts: list[str] = []
        self._paragraph_of: dict[int, ParagraphView] = {}
        self._views: list[ParagraphView] = []
        self._headings: list[SectionHeading] = []
        # Where each sentence and each section's heading is among the parts laid out.
        self._sentence_part: dict[int, int] = {}
        self._part_of_section: dict[int, int] = {}
        self._shown_section = -1

    # --- content ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The first frame already shows the text given to the pane (see show_preview).
        yield from preview_widgets(self._first_look)

    async def show_preview(self, text: str) -> None:
        """The raw text, paragraph by paragraph, while the article is read and analysed: what
        the first screens show, at once; the analysed article replaces it."""
        self.article = None
        self.forget_parts()
        await self.remove_children()
        self._paragraph_of, self._headings, self.matches, self._views, self._texts = {}, [], [], [], []
        await self.mount_all(preview_widgets(text))
        self.scroll_home(animate=False)

    async def show_article(self, article: Article | None, message: str = "") -> None:
        """Replace the pane's content with ``article``, or with ``message`` when there is none;
        the words at the top of a preview scrolled down stay at the top."""
        word = self._preview_top_word()
        self.article = article
        self.forget_parts()
        await self.remove_children()
        self._paragraph_of, self._headings, self.matches, self._views = {}, [], [], []
        self._shown_section = -1
        if article is None:
            self._texts = []
            await self.mount(Static(Content(message), classes="problem"))
            return
        document = article.document
        # Made off the event loop for a long text (see pane_plan.py); here only when it was not.
        plan = article.pane_plan()
        self._texts = plan.texts
        self._sentence_part, self._part_of_section = plan.sentence_part, plan.part_of_section
        await self.lay_out(plan.parts, plan.lengths)
        start = sentence_at_word(document, word)
        self.set_reactive(ReadingPane.cursor, start)
        self.search(self.query_text)
        if start:
            self._to_top(start)
        else:
            self.scroll_home(animate=False)
        self.post_message(self.CursorMoved(start))

    def _preview_top_word(self) -> int:
        """The number of the first word at the top of the view, when a preview is shown."""
        preview = next((c for c in self.children if isinstance(c, Preview)), None)
        if preview is None or self.article is not None:
            return 0
        return preview.word_at_line(int(self.scroll_y) - preview.virtual_region.y)

    def _to_top(self, index: int) -> None:
        """Scroll so that sentence ``index``'s line is the view's first (once it is laid out)."""
        view = self._paragraph_of.get(index)
        if view is None:
            part = self._part_of_sentence(index)
            if part is not None and not self.is_mounted_part(part):
                self.reveal(part, lambda: self._to_top(index))
            return

        def place() -> None:
            self.scroll_to(y=self._sentence_region(view, index).y, animate=False, immediate=True)
            # The focus may have followed the view on its way here (a long text's parts mounted).
            if self.cursor != index:
                old = self.cursor
                self.set_reactive(ReadingPane.cursor, index)
                self.refresh_sentences(old, index)
                self.post_message(self.CursorMoved(index))

        self.call_after_refresh(place)

    def make_part(self, part: Part) -> Widget:
        kind, index, name, ids = part
        if kind == HEADING:
            assert self.article is not None
            return SectionHeading(index, self.article.section_title(index), name)
        return ParagraphView(index, ids, name)

    def parts_changed(self) -> None:
        self._views = [c for c in self.children if isinstance(c, ParagraphView)]
        self._headings = [c for c in self.children if isinstance(c, SectionHeading)]
        self._paragraph_of = {i: view for view in self._views for i in view.sentence_ids}

    def revealed(self) -> None:
        # The view may not have scrolled at all (g from a window far below: the new one is at
        # the top already), so the cursor and the section are brought to it here.
        self._keep_cursor_in_view()
        self._announce_section()

    def fully_laid_out(self) -> bool:
        """Whether every paragraph of the article is mounted (a long one is mounted as it is read)."""
        return self.laid_out()

    def paragraph_content(self, view: ParagraphView) -> Content:
        keys = self.article.key_sentences if (self.article and self.highlights) else frozenset()
        parts: list[Content | tuple[str, str] | str] = []
        if view.kind.startswith("item"):
            parts.append(("• ", "$text-muted"))
        for position, index in enumerate(view.sentence_ids):
            if position:
                parts.append(" ")
            text = Content(self._texts[index])
            if index in keys:
                text = text.stylize(KEY_STYLE)
            for match in self.matches:
                if match.sentence == index:
                    text = text.stylize(MATCH_STYLE, match.start, match.end)
            if index == self.cursor and self.has_focus_within:
                text = text.stylize(CURSOR_STYLE)
            parts.append(text.stylize(_click(index)))
        return Content.assemble(*parts)

    def refresh_sentences(self, *indexes: int) -> None:
        for index in indexes:
            view = self._paragraph_of.get(index)
            if view is not None:
                view.refresh()

    def refresh_all(self) -> None:
        # Styles change, never the words, so no paragraph changes size: no layout needed.
        for view in self.query(ParagraphView):
            view.refresh()

    # --- reactives ---------------------------------------------------------------

    def watch_highlights(self) -> None:
        self.refresh_all()

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_sentences(old, new)
        self.scroll_to_sentence(new)
        self.post_message(self.CursorMoved(new))

    def on_resize(self) -> None:
        self.grow_near_view()
        if self.article is not None and self._texts:
            # Wrapped again at another width (the sections pane hidden, the window resized),
            # the text moves under the view: the sentence under focus is brought back into it.
            self.call_after_refresh(self.scroll_to_sentence, min(self.cursor, len(self._texts) - 1))

    def on_focus(self) -> None:
        self.refresh_sentences(self.cursor)

    def on_blur(self) -> None:
        self.refresh_sentences(self.cursor)

    # --- search ------------------------------------------------------------------

    def search(self, text: str) -> int:
        """Mark every case-insensitive occurrence of ``text``; returns how many there are."""
        self.query_text = text
        self.matches = []
        if text.strip():
            pattern = re.compile(re.escape(text.strip()), re.IGNORECASE)
            for index, sentence in enumerate(self._texts):
                self.matches.extend(Match(index, m.start(), m.end()) for m in pattern.finditer(sentence))
        self.refresh_all()
        return len(self.matches)

    def next_match(self, step: int = 1) -> int | None:
        """Move the cursor to the next (or previous) sentence holding a match; its number, from 1."""
        if not self.matches:
            return None
        sentences = sorted({m.sentence for m in self.matches})
        if step > 0:
            target = next((s for s in sentences if s > self.cursor), sentences[0])
        else:
            target = next((s for s in reversed(sentences) if s < self.cursor), sentences[-1])
        self.jump_to(target)
        return sentences.index(target) + 1

    # --- movement ----------------------------------------------------------------

    def scroll_to_sentence(self, index: int, centre: bool = False) -> None:
        """Bring every line of sentence ``index`` into view; ``centre`` it (a jump to a key
        point, a match) so that it lands with the text around it rather than on the last line."""
        view = self._paragraph_of.get(index)
        if view is None:
            part = self._part_of_sentence(index)
            if part is not None and not self.is_mounted_part(part):
                self.reveal(part, lambda: self.scroll_to_sentence(index, centre) if index == self.cursor else None)
            return
        # Centred, a sentence taller than the view would lose its first lines: Textual then
        # keeps the region's top in view (origin_visible).
        self.scroll_to_region(self._sentence_region(view, index), animate=False, spacing=None, center=centre)

    def jump_to(self, index: int) -> None:
        """Focus sentence ``index`` and centre it in the view."""
        old = self.cursor
        # Set without the watcher, whose scroll brings the sentence only just into view.
        self.set_reactive(ReadingPane.cursor, index)
        self.refresh_sentences(old, index)
        self.scroll_to_sentence(index, centre=True)
        self.post_message(self.CursorMoved(index))

    def _sentence_region(self, view: ParagraphView, index: int) -> Region:
        """The lines sentence ``index`` takes in ``view``, found by wrapping the paragraph as
        it is drawn: its first line alone left the rest of a long sentence below the view."""
        region = view.virtual_region
        width = view.content_region.width
        if region.height <= 1 or width <= 0:
            return region
        plain = self.paragraph_content(view).plain
        start = 2 if view.kind.startswith("item") else 0
        for i in view.sentence_ids[: view.sentence_ids.index(index)]:
            start += len(self._texts[i]) + 1
        end = start + len(self._texts[index])
        first = last = None
        position = 0
        for number, line in enumerate(Content(plain).wrap(width)):
            text = line.plain.rstrip()
            # A wrapped line is the paragraph's text from where the last one ended, less the
            # spaces at the break; find() steps over them.
            found = plain.find(text, position) if text else -1
            position = found if found >= 0 else position
            line_end = position + len(text)
            if first is None and line_end > start:
                first = number
            if line_end >= end or number == region.height - 1:
                last = number
                break
            position = line_end
        first = min(first or 0, region.height - 1)
        last = max(first, last if last is not None else region.height - 1)
        return Region(region.x, region.y + first, region.width, last - first + 1)

    def _part_of_sentence(self, index: int) -> int | None:
        return self._sentence_part.get(index)

    def visible_sentences(self) -> list[int]:
        """Sentences of the paragraphs in view; a binary search, so long texts stay quick."""
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        views = self._views
        first = bisect.bisect_right(views, top, key=lambda view: view.virtual_region.bottom)
        shown: list[int] = []
        for view in views[first:]:
            if view.virtual_region.y >= bottom:
                break
            shown.extend(view.sentence_ids)
        return shown

    def move_cursor(self, step: int) -> None:
        """The next or previous sentence; from the view's first sentence when the cursor is off screen."""
        if not self._texts:
            return
        visible = self.visible_sentences()
        if visible and self.cursor not in visible:
            self.cursor = min(visible) if step > 0 else max(visible)
            return
        self.cursor = max(0, min(len(self._texts) - 1, self.cursor + step))

    def move_to_key(self, step: int) -> None:
        keys = sorted(self.article.key_sentences) if self.article else []
        if not keys:
            return
        if step > 0:
            self.jump_to(next((k for k in keys if k > self.cursor), keys[0]))
        else:
            self.jump_to(next((k for k in reversed(keys) if k < self.cursor), keys[-1]))

    def current_section(self) -> int:
        """The section of the focused sentence when it is in view, else the one at the top of the view."""
        if not self._headings:
            return 0
        if self.article is not None and self.cursor in self.visible_sentences():
            return self.article.sentences[self.cursor].section
        return self.scrolled_section()

    def scrolled_section(self) -> int:
        if not self._headings:
            return 0
        top = self.scroll_y + 1
        current = self._headings[0].section
        for heading in self._headings:
            if heading.virtual_region.y <= top:
                current = heading.section
            else:
                break
        return current

    def go_to_section(self, section: int) -> None:
        heading = next((h for h in self._headings if h.section == section), None)
        if heading is None:
            part = self._part_of_section.get(section)
            if part is not None and not self.is_mounted_part(part):
                self.reveal(part, lambda: self.go_to_section(section))
            return
        self.scroll_to(y=heading.virtual_region.y, animate=False)
        if self.article is not None:
            first = next((s.index for s in self.article.sentences if s.section == section), None)
            if first is not None:
                self.set_reactive(ReadingPane.cursor, first)
                self.refresh_all()
                self.post_message(self.CursorMoved(first))
        self._shown_section = section
        self.post_message(self.SectionInView(section))

    def section_count(self) -> int:
        return len(self._part_of_section)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.grow_near_view()
        self._keep_cursor_in_view()
        self._announce_section()

    def _announce_section(self) -> None:
        """Tell the app when the section at the top of the view changes (the pane follows it)."""
        section = self.current_section()
        if section != self._shown_section:
            self._shown_section = section
            self.post_message(self.SectionInView(section))

    def _keep_cursor_in_view(self) -> None:
        """Scrolled away from the sentence under focus: the focus follows to the first sentence
        in view, so that the line under the text never describes one that cannot be seen."""
        if not self._texts:
            return
        visible = self.visible_sentences()
        if visible and self.cursor not in visible:
            old, new = self.cursor, visible[0]
            self.set_reactive(ReadingPane.cursor, new)
            self.refresh_sentences(old, new)
            self.post_message(self.CursorMoved(new))
