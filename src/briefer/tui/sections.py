"""The sections pane: the article's table of contents."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..render import safe
from .session import Article


class SectionsPane(OptionList):
    """Headings where the text has them, otherwise the topic sections named by their key terms."""

    def show_article(self, article: Article | None) -> None:
        self.clear_options()
        if article is None:
            self.border_title = "Sections"
            return
        sections = article.document.sections
        keys = article.key_sentences
        count_keys = {s.index: 0 for s in sections}
        for index in keys:
            count_keys[article.sentences[index].section] = count_keys.get(article.sentences[index].section, 0) + 1
        options = []
        for section in sections:
            title = safe(section.title) or (article.document.title and safe(article.document.title)) or "(untitled)"
            keys_here = count_keys.get(section.index, 0)
            label = Content.assemble(
                (f"{section.index + 1:>2} ", "$text-muted"),
                (f"★{keys_here} " if keys_here else "   ", "$warning"),
                title,
            )
            options.append(Option(label, id=f"section-{section.index}"))
        self.add_options(options)
        origin = sections[0].origin if sections else "whole"
        self.border_title = {"topic": "Topic sections", "heading": "Sections"}.get(origin, "Sections")
        self.highlighted = 0 if options else None

    def mark(self, section: int) -> None:
        """Follow the reading position without sending a selection."""
        if 0 <= section < self.option_count and self.highlighted != section:
            self.highlighted = section
