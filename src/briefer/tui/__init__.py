"""The interactive reader (``brief -i``): imported only when asked for, so ``brief`` stays fast."""

from __future__ import annotations

from .launch import run

__all__ = ["run"]
