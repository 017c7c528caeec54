"""Where the evaluation data lives: ../shared/data beside the checkout (or $BRIEFER_DATA)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path | None:
    """The shared data folder, or None when this checkout has none beside it."""
    candidates = [Path(os.environ["BRIEFER_DATA"])] if os.environ.get("BRIEFER_DATA") else []
    # A git worktree sits one level deeper than the main checkout.
    candidates += [ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"]
    return next((c for c in candidates if c.is_dir()), None)
