"""The sections pane: the article's table of contents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the analysis is imported once the first text is on screen
    from .session import Article


class SectionsPane(OptionList):
    """Headings where the text has them, otherwise the topic sections named by their key terms."""

    def show_article(self, article: Article | None) -> None:
        shown: Article | None = getattr(self, "_article", None)
        if article is not None and shown is article:
            # The same sections: only the counts of key points may have changed.
            for index, label in enumerate(self._labels(article)):
                self.replace_option_prompt_at_index(index, label)
            return
        self._article = article
        self.clear_options()
        if article is None:
            self.border_title = "Sections"
            return
        self.add_options([Option(label, id=f"section-{i}") for i, label in enumerate(self._labels(article))])
        origin = article.document.sections[0].origin if article.document.sections else "whole"
        self.border_title = {"topic": "Topic sections", "heading": "Sections"}.get(origin, "Sections")
        self.highlighted = 0 if self.option_count else None

    def _labels(self, article: Article) -> list[Content]:
        sections = article.document.sections
        keys = article.key_sentences
        count_keys = {s.index: 0 for s in sections}
        for index in keys:
            count_keys[article.sentences[index].section] = count_keys.get(article.sentences[index].section, 0) + 1
        labels = []
        for section in sections:
            title = article.section_title(section.index)
            keys_here = count_keys.get(section.index, 0)
            label = Content.assemble(
                (f"{section.index + 1:>2} ", "$text-muted"),
                (f"★{keys_here} " if keys_here else "   ", "$warning"),
                # A part inside another is indented under it, as a table of contents shows it.
                "  " * (min(section.level, 4) - 1),
                title,
            )
            labels.append(label)
        return labels

    def mark(self, section: int) -> None:
        """Follow the reading position without sending a selection."""
        if 0 <= section < self.option_count and self.highlighted != section:
            self.highlighted = section
