"""The briefing screen: key points grouped by topic, the key terms and the counts."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..model import Briefing
from ..render import display_title, duration, safe, summary_line
from .keys import BRIEFING, HELP, QUIT, THEME

SCROLL = Binding.Group("Scroll", compact=True)


def _counts(briefing: Briefing) -> Content:
    s = briefing.stats
    rows = [
        f"  briefing {s.summary_sentences:>6} sentences {s.summary_words:>7} words "
        f"{duration(s.summary_reading_seconds):>7}",
        f"  article  {s.sentences:>6} sentences {s.words:>7} words {duration(s.reading_seconds):>7}",
        f"  {len(briefing.topics)} topics, {len(briefing.document.sections)} sections",
    ]
    return Content.assemble(("Counts", "bold"), "\n", "\n".join(rows))


class BriefingView(Vertical):
    """Key points under their topics; each point hangs from its bullet so wrapped lines align."""

    def show(self, briefing: Briefing | None, message: str = "") -> None:
        self.briefing, self.message = briefing, message
        self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        briefing = getattr(self, "briefing", None)
        if briefing is None:
            yield Static(Content(getattr(self, "message", "")), classes="briefing-message")
            return
        yield Static(Content.styled(display_title(briefing), "bold"), classes="briefing-title")
        yield Static(Content.styled(summary_line(briefing), "$text-muted"))
        for note in briefing.notes:
            yield Static(Content.styled(f"note: {note}", "$warning"))
        for topic, points in briefing.groups():
            yield Static(Content(safe(topic.label) or "(no topic words)"), classes="topic-label")
            for point in points:
                with Horizontal(classes="point"):
                    yield Static("•", classes="bullet")
                    yield Static(Content(safe(point.text)), classes="point-text")
                    yield Static(Content(f"{point.score:.2f}"), classes="point-score")
        if briefing.key_terms:
            terms = ", ".join(safe(t) for t in briefing.key_terms)
            yield Static(Content.assemble(("Key terms  ", "bold"), terms), classes="key-terms")
        yield Static(_counts(briefing), classes="counts")


class BriefingScreen(Screen):
    """Shown on a key; it follows the app's briefing as the length or method changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,s", "app.pop_screen", "Back", id="briefing.back", key_display="esc"),
        HELP,
        *BRIEFING,
        Binding("j", "scroll('down')", "Down", id="briefing.down", group=SCROLL),
        Binding("k", "scroll('up')", "Up", id="briefing.up", group=SCROLL),
        THEME,
        QUIT,
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="briefing-scroll"):
            yield BriefingView(id="briefing-view")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_briefing()
        self.query_one("#briefing-scroll").focus()

    def refresh_briefing(self) -> None:
        app = self.app
        article = getattr(app, "article", None)
        view = self.query_one(BriefingView)
        if article is None or article.briefing is None:
            view.show(None, "No briefing: " + (getattr(app, "problem_message", "") or "nothing is open."))
        else:
            view.show(article.briefing)

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#briefing-scroll", VerticalScroll)
        scroll.scroll_down(animate=False) if direction == "down" else scroll.scroll_up(animate=False)
