"""The command-line faces: ``brief`` (one-shot and ``--batch``) and what every command shares."""

from __future__ import annotations

from .brief import main

__all__ = ["main"]
