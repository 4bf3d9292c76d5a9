"""Paths, folders and stdin to decoded text. Encodings are dealt with here and nowhere else."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN = "-"

# Spaces that pages paste in place of ordinary ones, and invisible characters worth dropping.
_SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
_BINARY_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


class InputError(Exception):
    """An input that cannot be read as text. The message is one line and names the path."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class TextInput:
    """One decoded input: its display path, its text (LF line ends, NFC), the encoding used, and any repair."""

    path: str
    text: str
    encoding: str
    note: str | None = None


# Double-encoded UTF-8 read as Windows-1252: `Ã©` for é, `â€™` for ’.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac[\u0098-\u009d\u2122\u0153\u201c\u201d\u2018\u2019\u00a6]"
)
#: Share of characters that are control or unassigned code points above which text is judged undecodable.
GARBAGE_MAX = 0.01


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes from a saved page; see `decode_input`. Returns (text, encoding)."""
    text, encoding, _ = decode_input(data, path)
    return text, encoding


def decode_input(data: bytes, path: str = "<bytes>") -> tuple[str, str, str | None]:
    """Decode a saved page: UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without), else
    Windows-1252 or Latin-1. Double-encoded UTF-8 (mojibake) is repaired, with a note saying so.

    Returns (normalised text, encoding, note). Raises InputError for binary or undecodable data.
    """
    note: str | None = None
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text, encoding = data.decode("utf-32", errors="replace"), "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text, encoding = data.decode(utf16, errors="replace"), utf16
    else:
        sample = data[:65536]
        if b"\x00" in sample or _control_ratio(sample) > 0.05:
            raise InputError(path, "looks like a binary file (a PDF, image or archive?), not page text; "
                                   "copy the page's text into a .txt file")
        text, encoding = _decode_8bit(data)
        if _MOJIBAKE.search(text):
            repaired = _repair_mojibake(text)
            if repaired is not None:
                text, note = repaired, "text was UTF-8 decoded as Windows-1252 and saved again (mojibake); repaired"
    if _garbage_ratio(text) > GARBAGE_MAX:
        raise InputError(path, f"does not read as text in {encoding} or any encoding tried; re-save it as UTF-8")
    return normalise_text(text), encoding, note


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """UTF-8 if the bytes are valid UTF-8, else Windows-1252, else Latin-1 (which decodes anything)."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when every other byte of the opening is NUL, as in UTF-16 ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _repair_mojibake(text: str) -> str | None:
    """Undo one round of UTF-8 read as Windows-1252, if the result is valid and cleaner."""
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if len(_MOJIBAKE.findall(fixed)) < len(_MOJIBAKE.findall(text)) else None


def _garbage_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(
        1 for ch in sample
        if (ch not in "\n\r\t\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")) or ch == "\ufffd"
    )
    return bad / len(sample)


def normalise_text(text: str) -> str:
    """LF line ends, ordinary spaces for non-breaking ones, no invisible characters, Unicode NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _INVISIBLE.sub("", _SPACE_LIKE.sub(" ", text))
        text = unicodedata.normalize("NFC", text)
    return text


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
            raise InputError(raw, "folder holds no files; give a folder of saved pages")
        return found
    if path.exists():
        return [raw]
    raise InputError(raw, "no such file or folder; check the path")


#: How much of an input is read up front to detect its encoding and layout.
HEAD_BYTES = 1 << 18
#: The longest line read in one piece; longer lines arrive in pieces of this size.
MAX_LINE_BYTES = 1 << 21
#: The opening holds at least this many lines, unless it would grow past HEAD_MAX bytes.
HEAD_LINES = 64
HEAD_MAX = 1 << 23


class LineInput:
    """An input read lazily, line by line: memory holds its opening and the current line, not the whole file.

    The encoding is decided from the opening (`head`); each later line is decoded as UTF-8 and, if it is not
    valid UTF-8, as Windows-1252 or Latin-1, so one stray byte costs one line, not the file.
    """

    def __init__(self, path: str, head: str, encoding: str, note: str | None, lines: Iterator[str]) -> None:
        self.path = path
        self.head = head
        self.encoding = encoding
        self.note = note
        self._lines = lines
        #: Bytes read so far (for progress reporting); stays 0 for inputs decoded whole.
        self.position = 0

    @classmethod
    def from_text(cls, path: str, text: str, encoding: str = "str", note: str | None = None) -> LineInput:
        """An input whose whole text is already in memory."""
        return cls(path, text[:HEAD_MAX], encoding, note, iter(text.split("\n")))

    def lines(self) -> Iterator[str]:
        """Every line, normalised (see `normalise_text`), without its line end."""
        return self._lines


def open_input(path: str) -> LineInput:
    """Open a file (or stdin for `-`) for reading line by line; raises InputError for unreadable input."""
    from scholarcli.reading.html import html_input, is_html

    try:
        stream: BinaryIO = sys.stdin.buffer if path == STDIN else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror or exc}); check its permissions") from None
    try:
        head = stream.read(HEAD_BYTES)
        if is_html(path, head):  # a saved web page: read as the text a browser copy of it gives
            data = head + stream.read()
            _close(stream)
            return html_input(path, data)
        complete = len(head) < HEAD_BYTES
        # Detection needs whole lines, and a few of them even when some are very long.
        while not complete and (not head.endswith(b"\n") or head.count(b"\n") < HEAD_LINES):
            more = stream.readline(MAX_LINE_BYTES)
            head += more
            complete = not more
            if len(head) >= HEAD_MAX:
                break
        if not head.strip():
            rest = stream.read()
            if not rest.strip():
                raise InputError(path, "is empty; save the page's text into it, or leave it out")
            head, complete = head + rest, True
        whole_file = head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or (
            _utf16_without_bom(head) is not None
        ) or (b"\r" in head and b"\n" not in head)
        if whole_file or complete:
            if not complete:
                head += stream.read()
            text, encoding, note = decode_input(head, path)
            _close(stream)
            return LineInput.from_text(path, text, encoding, note)
        text, encoding, note = decode_input(head, path)  # checks for binary and undecodable data
    except BaseException:
        _close(stream)
        raise
    source = LineInput(path, text, encoding, note, iter(()))
    source._lines = _stream_lines(source, head, stream, note is not None)
    return source


def _close(stream: BinaryIO) -> None:
    if stream is not sys.stdin.buffer:
        stream.close()


def _decode_line(raw: bytes, repair: bool) -> str:
    line, _ = _decode_8bit(raw)
    if repair and _MOJIBAKE.search(line):
        line = _repair_mojibake(line) or line
    return normalise_text(line.rstrip("\r\n"))


def _stream_lines(source: LineInput, head: bytes, stream: BinaryIO, repair: bool) -> Iterator[str]:
    """Decode the head's lines, then the rest of the stream's, one at a time; closes the stream at the end."""
    source.position = len(head)
    try:
        if head.startswith(b"\xef\xbb\xbf"):
            head = head[3:]
        *complete, partial = head.split(b"\n")
        for raw in complete:
            yield _decode_line(raw, repair)
        first = True
        while True:
            raw = stream.readline(MAX_LINE_BYTES)
            if not raw:
                break
            source.position += len(raw)
            if first:
                raw, partial, first = partial + raw, b"", False
            yield _decode_line(raw, repair)
        if partial:
            yield _decode_line(partial, repair)
    finally:
        _close(stream)
