"""The settings as the running app uses them: read at start, checked, kept when they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import BrieferError
from . import settings as config

if TYPE_CHECKING:
    from textual.app import App


class Preferences:
    """The settings read at start, what was wrong with them, and whether they may be written."""

    def __init__(self, loaded: config.Loaded | None = None) -> None:
        loaded = loaded if loaded is not None else config.load()
        self.settings = loaded.settings
        self.writable = loaded.writable
        self.problems = list(loaded.problems)

    def keymap(self) -> dict[str, str]:
        """The keys rebound by binding id; an id the reader does not have is a problem."""
        from .keys import binding_ids

        keys = dict(self.settings.keys)
        if not keys:
            return {}
        unknown = sorted(set(keys) - binding_ids())
        if unknown:
            self.problems.append(f"no key has the id {', '.join(unknown)} (see the README for the ids)")
        return {k: v for k, v in keys.items() if k not in unknown}

    def theme(self, available: dict) -> str | None:
        """The theme to start with, if the settings name one that Textual has."""
        wanted = self.settings.theme
        if wanted and wanted not in available:
            self.problems.append(f"theme {wanted!r} is not one of Textual's themes")
            return None
        return wanted or None

    def remember(self, app: App, **changes: object) -> None:
        """Keep a changed setting for the next start (written in a thread)."""
        changed = self.settings.changed(**changes)
        if changed == self.settings:
            return
        self.settings = changed
        if self.writable:
            app.run_worker(lambda: self._save(app, changed), thread=True, group="settings", exit_on_error=False)

    def _save(self, app: App, settings: config.Settings) -> None:
        try:
            config.save(settings)
        except BrieferError as error:
            # Said once: the app goes on with the settings it has.
            self.writable = False
            app.call_from_thread(
                app.notify, f"{error.message}; settings are not saved", title="Settings", severity="warning"
            )


def starting_choice(method: str | None, length: int, settings: config.Settings) -> tuple[str, int, bool]:
    """The method and length to open the first input with (the command line's, else the
    settings'), and whether the method must be checked (named only in the settings)."""
    return method or settings.method or "topic", length or settings.length, not method and bool(settings.method)


def check_method(method: str) -> str | None:
    """What is wrong with a method named in the settings, if briefer does not have it (this
    imports the rankers: it is called in the background, after the first frame)."""
    from .session import method_names

    names = method_names()
    if method not in names:
        return f"method {method!r} is not one of briefer's methods: {', '.join(names)}; using topic"
    return None
