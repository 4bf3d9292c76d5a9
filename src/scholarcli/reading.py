"""Paths, folders and stdin to decoded text. Encodings are dealt with here and nowhere else."""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"

# Spaces that pages paste in place of ordinary ones, and invisible characters worth dropping.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)
_BINARY_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


class InputError(Exception):
    """An input that cannot be read as text. The message is one line and names the path."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class TextInput:
    """One decoded input: its display path, its text (LF line ends, NFC) and the encoding used."""

    path: str
    text: str
    encoding: str


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes from a saved page: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1.

    Returns the normalised text and the name of the encoding. Raises InputError for binary data.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        sample = data[:65536]
        if b"\x00" in sample or _control_ratio(sample) > 0.05:
            raise InputError(path, "looks like a binary file, not saved text; give the text of a page")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    return normalise_text(text), encoding


def normalise_text(text: str) -> str:
    """LF line ends, ordinary spaces for non-breaking ones, no invisible characters, Unicode NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_SPACE_LIKE).translate(_INVISIBLE)
    return unicodedata.normalize("NFC", text)


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for b in sample if b in _BINARY_CONTROL) / len(sample)


def expand_path(raw: str) -> list[str]:
    """The files one argument names: itself, `-` for stdin, or every non-hidden file below a folder, sorted."""
    if raw == STDIN:
        return [raw]
    path = Path(raw)
    if path.is_dir():
        found: list[str] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(str(Path(root) / name) for name in sorted(files) if not name.startswith("."))
        if not found:
            raise InputError(raw, "folder holds no files")
        return found
    if path.exists():
        return [raw]
    raise InputError(raw, "no such file or folder")


def read_input(path: str) -> TextInput:
    """Read and decode one file, or stdin for `-`."""
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(path, "is empty; nothing to read")
    text, encoding = decode(data, path)
    return TextInput(path=path, text=text, encoding=encoding)
