"""Inputs: where bytes come from and how they become text, layout and a Document."""

from .decode import decode
from .raw import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, RawInput, expand_folders, open_input, read_input

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "RawInput", "decode", "expand_folders", "open_input", "read_input"]
