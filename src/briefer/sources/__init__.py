"""Inputs: where bytes come from and how they become text."""

from .decode import decode
from .reader import DEFAULT_MAX_BYTES, RawInput, expand_folders, read_input

__all__ = ["DEFAULT_MAX_BYTES", "RawInput", "decode", "expand_folders", "read_input"]
