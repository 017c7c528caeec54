"""The reader's settings that last between runs: theme, method, length, the sections pane, keys.

They live in ``config.toml`` in the platform's config folder (``~/.config/briefer`` on Linux,
following XDG; found with platformdirs, which Textual itself depends on), or in the file named
by ``$BRIEFER_CONFIG``. The file is written whole or not at all (``output.AtomicFile``). One
that cannot be read or parsed is never a crash: the reader says so, starts with the defaults,
and does not write over it. Keys are rebound by binding id, as posting does::

    theme = "textual-light"
    method = "lex-rank"
    length = 8          # key points; 0 chooses by the text's length
    sections = false    # the sections pane

    [keys]
    quit = "q,ctrl+q"
    "sections.toggle" = "ctrl+n"
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

ENV = "BRIEFER_CONFIG"


def config_path() -> Path:
    """Where the settings are read from and written to."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    from platformdirs import user_config_path

    return user_config_path("briefer", appauthor=False) / "config.toml"


@dataclass(frozen=True)
class Settings:
    theme: str = ""
    method: str = ""
    length: int = 0
    sections: bool = True
    keys: dict[str, str] = field(default_factory=dict)

    def changed(self, **changes) -> Settings:
        return replace(self, **changes)


@dataclass(frozen=True)
class Loaded:
    """The settings read, with what was wrong with the file; ``writable`` is False for a file
    that could not be read, which is left as the user wrote it."""

    settings: Settings
    problems: tuple[str, ...] = ()
    writable: bool = True


def load(path: Path | None = None) -> Loaded:
    """The settings in ``path`` (default :func:`config_path`); defaults when there is none."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(Settings())
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return Loaded(Settings(), (f"{path}: cannot be read ({reason}); using the defaults",), writable=False)
    try:
        data = _parse_toml(text)
    except ValueError as error:
        return Loaded(Settings(), (f"{path}: not valid TOML ({error}); using the defaults",), writable=False)
    return _settings_from(data, path)


def _parse_toml(text: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the tomli package, where it is installed
        try:
            import tomli as tomllib  # type: ignore[import-not-found]
        except ModuleNotFoundError:
            raise ValueError("reading it needs Python 3.11 or the tomli package") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(str(error)) from None


def _settings_from(data: dict, path: Path) -> Loaded:
    problems: list[str] = []
    values: dict = {}

    def wrong(name: str, wanted: str) -> None:
        problems.append(f"{path}: {name} should be {wanted}; it is ignored")

    for name, kind, wanted in (("theme", str, "a theme's name"), ("method", str, "a method's name")):
        if name in data:
            if isinstance(data[name], kind):
                values[name] = data[name]
            else:
                wrong(name, wanted)
    if "length" in data:
        length = data["length"]
        if isinstance(length, int) and not isinstance(length, bool) and length >= 0:
            values["length"] = length
        else:
            wrong("length", "a number of key points (0 or more)")
    if "sections" in data:
        if isinstance(data["sections"], bool):
            values["sections"] = data["sections"]
        else:
            wrong("sections", "true or false")
    keys = data.get("keys", {})
    if isinstance(keys, dict):
        values["keys"] = {str(k): v for k, v in keys.items() if isinstance(v, str) and v.strip()}
        bad = sorted(str(k) for k, v in keys.items() if not (isinstance(v, str) and v.strip()))
        if bad:
            problems.append(f'{path}: keys for {", ".join(bad)} should be key names such as "ctrl+o"; ignored')
    else:
        wrong("[keys]", "a table of binding ids and keys")
    unknown = sorted(set(data) - {"theme", "method", "length", "sections", "keys"})
    if unknown:
        problems.append(f"{path}: unknown settings {', '.join(unknown)} are ignored")
    return Loaded(Settings(**values), tuple(problems))


def to_toml(settings: Settings) -> str:
    """The settings as TOML, in the order documented above."""

    def quoted(value: str) -> str:
        # A JSON string is a TOML basic string for everything a theme, method or key name holds.
        return json.dumps(value, ensure_ascii=False)

    lines = ["# The reader's settings (brief -i); it rewrites this file when one changes."]
    if settings.theme:
        lines.append(f"theme = {quoted(settings.theme)}")
    if settings.method:
        lines.append(f"method = {quoted(settings.method)}")
    lines.append(f"length = {settings.length}")
    lines.append(f"sections = {'true' if settings.sections else 'false'}")
    lines += ["", "[keys]"]
    lines += [f"{quoted(name)} = {quoted(keys)}" for name, keys in sorted(settings.keys.items())]
    return "\n".join(lines) + "\n"


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, making the folder when needed (raises OutputError)."""
    from ..errors import OutputError
    from ..output import write_atomic

    path = path or config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{path.parent}: cannot make the folder ({error.strerror or error})") from None
    write_atomic(str(path), to_toml(settings))
