"""The morning briefing: every story on one scrollable page, and a list of their headlines to
pick one from, which the reader then narrows to (its sources, its briefing).

Shown when the sources tell several stories (a folder, several files, a feed). The page is a
widget a story, so that highlighting a headline in the list can bring its story into view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..rendering import safe, source_name, source_tag
from .footer import KeysFooter
from .keys import HELP, QUIT, SCROLLING, STORIES_FOOTER, THEME
from .scrolling import scroll_by
from .title_bar import TitleBar

if TYPE_CHECKING:
    from .. import Story

# The first line of the list: back to the briefing across every source.
EVERY = "every"
# Enough of a headline to know the story at a glance, and still a short list.
HEADLINE_LINES = 3


class StoryView(Static):
    """One story of the page: its number and headline, its sources, its key points tagged."""

    def __init__(self, story: Story, number: int, names: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.story, self.number, self.names = story, number, names

    def on_mount(self) -> None:
        self.update(self.renderable())
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.update(self.renderable()))

    def renderable(self) -> RenderableType:
        theme = self.app.current_theme
        briefing = self.story.briefing
        accent = Style(color=theme.accent or theme.primary, bold=True)
        muted = Style(dim=True)
        parts: list[RenderableType] = [Text(f"{self.number}. {safe(self.story.headline)}", style=accent)]
        count = len(self.names)
        parts.append(Text(f"{count} source{'s' if count != 1 else ''}: " + ", ".join(self.names), style=muted))
        grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
        grid.add_column(width=3, justify="right")
        grid.add_column(ratio=1, overflow="fold")
        several = len(briefing.sources) > 1
        if several:
            grid.add_column(no_wrap=True)
        for point in briefing.key_points:
            cells = [Text("•", style=accent), Text(safe(point.text))]
            if several:
                cells.append(Text(source_tag(briefing, point), style=Style(color=theme.secondary or theme.primary)))
            grid.add_row(*cells)
        parts.append(grid)
        return Group(*parts)


class HeadlineList(OptionList):
    """The stories' headlines, each wrapped under its number to at most HEADLINE_LINES lines:
    cut to one line, a headline was a few words (some 30 at 110 columns)."""

    def __init__(self, every: Content, headlines: list[tuple[Content, str]], **kwargs) -> None:
        """``headlines``: each story's number and size, then its headline."""
        self.headlines = headlines
        options = [Option(every, id=EVERY)]
        options += [Option(prefix + text, id=str(i)) for i, (prefix, text) in enumerate(headlines)]
        super().__init__(*options, **kwargs)

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width - self.get_component_styles("option-list--option").padding.width
        if width <= 0:
            return
        for index, (prefix, text) in enumerate(self.headlines, 1):
            self.replace_option_prompt_at_index(index, headline_prompt(prefix, text, width))


def headline_prompt(prefix: Content, text: str, width: int) -> Content:
    """``prefix`` then ``text`` wrapped in ``width`` cells, the lines after the first indented
    under it; past HEADLINE_LINES the last line ends in an ellipsis."""
    indent = prefix.cell_length
    room = max(8, width - indent)
    lines = Content(text).wrap(room)
    if len(lines) > HEADLINE_LINES:
        lines = lines[:HEADLINE_LINES]
        last = lines[-1].rstrip()
        if last.cell_length >= room:
            # No cell left for the ellipsis: the last word gives way, not half of it.
            space = last.plain.rfind(" ")
            last = last[:space] if space > 0 else last.truncate(room - 1)
        lines[-1] = last + "…"
    return prefix + Content("\n" + " " * indent).join(line.rstrip() for line in lines)


class StoriesScreen(Screen[str | None]):
    """The stories' headlines beside the morning page; enter reads the story highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,S", "dismiss(None)", "Back", id="stories.back"),
        HELP,
        *SCROLLING,
        THEME,
        QUIT,
    ]

    def __init__(self, stories: list[Story], names: list[str], current: int | None) -> None:
        """``names`` are every loaded source's names, in the order the stories number them."""
        super().__init__()
        self.stories, self.names, self.current = stories, names, current

    def compose(self) -> ComposeResult:
        yield TitleBar(classes="title-bar")
        with Horizontal(id="stories-body"):
            every = Content.styled(f"All {len(self.names)} sources", "bold")
            headlines = []
            for number, story in enumerate(self.stories, 1):
                # The number of sources first: a long headline is cut after a few lines.
                size = Content.styled(f"({len(story.sources)}) ", "$text-muted")
                headlines.append((Content.assemble(f"{number}. ", size), safe(story.headline)))
            pane = HeadlineList(every, headlines, id="stories")
            pane.border_title = f"Stories {len(self.stories)}"
            yield pane
            with VerticalScroll(id="morning"):
                total = len(self.names)
                yield Static(f"{len(self.stories)} stories from {total} sources, largest first", id="morning-head")
                for number, story in enumerate(self.stories, 1):
                    names = [self.names[i] for i in story.sources]
                    yield StoryView(story, number, names, id=f"story-{number - 1}", classes="story")
        yield KeysFooter(STORIES_FOOTER)

    def on_mount(self) -> None:
        self.query_one(TitleBar).show(self.app.title, getattr(self.app, "status", ""))
        pane = self.query_one(OptionList)
        pane.highlighted = 0 if self.current is None else self.current + 1
        pane.focus()

    @on(OptionList.OptionHighlighted, "#stories")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        page = self.query_one("#morning", VerticalScroll)
        if event.option.id == EVERY:
            page.scroll_home(animate=False)
        else:
            page.scroll_to_widget(self.query_one(f"#story-{event.option.id}"), animate=False, top=True)

    @on(OptionList.OptionSelected, "#stories")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_scroll(self, how: str) -> None:
        scroll_by(self.query_one("#morning", VerticalScroll), how)

    def plain_text(self) -> str:
        """The page as text, without colour (for tests and for reading in a log)."""
        import io

        from rich.console import Console

        console = Console(width=100, record=True, file=io.StringIO(), color_system=None)
        console.print(str(self.query_one("#morning-head", Static).render()))
        for view in self.query(StoryView):
            console.print(view.renderable())
        return console.export_text()


def story_names(articles) -> list[str]:
    """The names the page gives the sources: as the sources pane and the briefing name them."""
    return [source_name(article.document) for _, article in articles]
