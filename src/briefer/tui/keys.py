"""Key bindings shared by the screens, in the order the footer shows them (most useful first).

The footer lists the focused screen's bindings before the app's, so each screen names the
briefing keys itself, pointing at the app's actions; the app keeps the ones every screen needs.
"""

from __future__ import annotations

from textual.binding import Binding

LENGTH = Binding.Group("Length", compact=True)
METHOD = Binding.Group("Method", compact=True)

HELP = Binding("question_mark,f1", "app.help", "Help", id="help", key_display="?")
QUIT = Binding("q", "app.quit", "Quit", id="quit")
THEME = Binding("t", "app.toggle_theme", "Theme", id="theme")

BRIEFING = [
    Binding("plus,equals_sign", "app.length(1)", "Longer", id="length.longer", key_display="+", group=LENGTH),
    Binding("minus", "app.length(-1)", "Shorter", id="length.shorter", key_display="-", group=LENGTH),
    Binding("m", "app.next_method", "Next method", id="method.next", group=METHOD),
    Binding("M", "app.pick_method", "Pick method", id="method.pick", group=METHOD),
    Binding("w", "app.save", "Save", id="save"),
    Binding("c", "app.copy", "Copy", id="copy"),
]

SHOW_BRIEFING = Binding("s", "app.briefing", "Briefing", id="briefing")
