"""One line under the reading pane about the sentence under focus: its score, rank and topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:  # the analysis is imported once the first text is on screen
    from .session import Article


class SentenceBar(Widget):
    """One line, two when the window is narrow; it changes on every move of the focus, so it
    asks for a new layout only when its number of lines changes."""

    DEFAULT_CSS = "SentenceBar { height: auto; max-height: 2; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._content = Content("")
        self._lines = 1

    def render(self) -> Content:
        return self._content

    def update(self, content: Content) -> None:
        self._content = content
        width = max(1, self.content_region.width or self.size.width or 80)
        lines = 1 if content.cell_length <= width else 2
        if lines != self._lines:
            # Set, not left to `height: auto`: an auto height measured for a long note while the
            # text was opening could stay when a shorter line replaced it.
            self.styles.height = lines
        else:
            self.refresh()
        self._lines = lines

    def on_resize(self) -> None:
        self.update(self._content)

    def show(self, article: Article | None, index: int, note: str = "") -> None:
        if article is None or not article.sentences:
            self.update(Content(note))
            return
        info = article.sentence_info(index)
        total = len(article.sentences)
        parts: list[tuple[str, str] | str] = [(f"{index + 1}/{total}", "bold")]
        parts += [("  ★ key", "bold $warning") if info.key else ("  ·", "$text-muted")]
        if article.has_scores(article.method):
            parts += ["  score ", (f"{info.score:.2f}", "bold"), f"  rank {info.rank}  "]
        else:
            # Not ranked yet (several sources still being briefed): no score to give.
            parts += [("  not ranked yet  ", "$text-muted")]
        parts += [(info.topic or "-", "$accent")]
        if note:
            parts += ["  ", (note, "$text-muted italic")]
        self.update(Content.assemble(*parts))
