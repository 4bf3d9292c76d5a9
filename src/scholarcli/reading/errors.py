"""The one error reading raises: an input that cannot be read as text."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be read as text. The message is one line and names the path."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
