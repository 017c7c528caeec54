"""One line under the reading pane about the sentence under focus: its score, rank and topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:  # the analysis is imported once the first text is on screen
    from .session import Article

GAP = "  "
# A topic label cut shorter than this says nothing: it is left out instead.
SHORTEST_TOPIC = 8


def fit(where: Content, scores: Content, topic: Content, note: Content, width: int) -> Content:
    """The line's parts in ``width`` cells, the least needed cut first: the topic's label (it
    is also in the sections pane), then the score and rank; where the sentence is and the note
    (a search's "match 3 of 9") stay, the note cut in its middle only when nothing else is left."""

    def line(*parts: Content) -> Content:
        return Content(GAP).join(part for part in parts if part)

    whole = line(where, scores, topic, note)
    if whole.cell_length <= width:
        return whole
    room = topic.cell_length - (whole.cell_length - width)
    if room >= SHORTEST_TOPIC:
        return line(where, scores, topic.truncate(room, ellipsis=True), note)
    shorter = line(where, scores, note)
    if shorter.cell_length <= width:
        return shorter
    room = width - (line(where, Content("x")).cell_length - 1)
    return line(where, middle(note, room)).truncate(width, ellipsis=True)


def middle(text: Content, width: int) -> Content:
    """``text`` in ``width`` cells, cut in the middle: a note's two ends say the most ("Opening
    /a/long/path/…/harbour.txt…" keeps what is opening and which file)."""
    if text.cell_length <= width or width < 3:
        return text
    head = (width - 1) // 2
    tail = width - 1 - head
    # Cut by characters; a wide character may leave it a cell over, which the caller trims.
    return Content.assemble(text[:head], "…", text[len(text) - tail :])


class SentenceBar(Widget):
    """Always one line, however narrow the window: it is cut to fit each time it is drawn (a
    second line moved the text above it up and down as the focus moved)."""

    DEFAULT_CSS = "SentenceBar { height: 1; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._parts = (Content(""), Content(""), Content(""), Content(""))

    def render(self) -> Content:
        width = max(1, self.content_region.width or self.size.width or 80)
        return fit(*self._parts, width)

    def _set(self, where: Content, scores: Content, topic: Content, note: Content) -> None:
        self._parts = (where, scores, topic, note)
        # The same single line whatever it says: a repaint, never a new layout.
        self.refresh()

    def show(self, article: Article | None, index: int, note: str = "") -> None:
        """Describe sentence ``index`` of ``article``; with no article only ``note`` is shown."""
        if article is None or not article.sentences:
            self._set(Content(""), Content(""), Content(""), Content(note))
            return
        info = article.sentence_info(index)
        total = len(article.sentences)
        where = Content.assemble(
            (f"{index + 1}/{total}", "bold"), ("  ★ key", "bold $warning") if info.key else ("  ·", "$text-muted")
        )
        if article.has_scores(article.method):
            scores = Content.assemble("score ", (f"{info.score:.2f}", "bold"), f"  rank {info.rank}")
        else:
            # Not ranked yet (several sources still being briefed): no score to give.
            scores = Content.styled("not ranked yet", "$text-muted")
        topic = Content.styled(info.topic or "-", "$accent")
        self._set(where, scores, topic, Content.styled(note, "$text-muted italic"))
