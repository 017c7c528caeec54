"""One line under the reading pane about the sentence under focus: its score, rank and topic."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from .session import Article


class SentenceBar(Static):
    def show(self, article: Article | None, index: int, note: str = "") -> None:
        if article is None or not article.sentences:
            self.update(Content(note))
            return
        info = article.sentence_info(index)
        total = len(article.sentences)
        parts: list[tuple[str, str] | str] = [(f"{index + 1}/{total}", "bold")]
        parts += [("  ★ key", "bold $warning") if info.key else ("  ·", "$text-muted")]
        parts += [
            "  score ",
            (f"{info.score:.2f}", "bold"),
            f"  rank {info.rank}  ",
            (info.topic or "-", "$accent"),
        ]
        if note:
            parts += ["  ", (note, "$text-muted italic")]
        self.update(Content.assemble(*parts))
