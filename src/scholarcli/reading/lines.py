"""Inputs read lazily, line by line: memory holds the opening and the current line, never the whole file.

Lines longer than MAX_LINE_BYTES are cut there (the rest of the line is skipped, with a warning), so an
endless line cannot fill memory. Problems met while reading a line (stray bytes, NUL bytes, a cut) are
queued in `LineInput.warnings` with their line number, for the parser's caller to report.
"""

from __future__ import annotations

import io
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from scholarcli.reading.decode import (
    BINARY_MESSAGE,
    GARBAGE_MAX,
    LineDecoder,
    garbage_ratio,
    is_binary,
    normalise_text,
    wide_encoding,
)
from scholarcli.reading.errors import InputError
from scholarcli.reading.html import html_input, is_html
from scholarcli.reading.paths import STDIN

#: How much of an input is read up front to detect its encoding and layout.
HEAD_BYTES = 1 << 18
#: The longest line kept; the rest of a longer line is skipped with a warning.
MAX_LINE_BYTES = 1 << 21
#: The opening holds at least this many lines, unless it would grow past HEAD_MAX bytes.
HEAD_LINES = 64
HEAD_MAX = 1 << 23
#: At most this many undecodable lines are reported one by one in an input.
DECODE_WARNINGS_MAX = 10
MOJIBAKE_NOTE = "text was UTF-8 decoded as Windows-1252 and saved again (mojibake); repaired"


@dataclass(frozen=True, slots=True)
class TextInput:
    """One decoded input: its display path, its text (LF line ends, NFC), the encoding used, and any repair."""

    path: str
    text: str
    encoding: str
    note: str | None = None


class LineInput:
    """An input read lazily, line by line. `head` is the decoded opening, for detection."""

    def __init__(self, path: str, head: str, encoding: str, note: str | None, lines: Iterator[str]) -> None:
        self.path = path
        self.head = head
        self.encoding = encoding
        self.note = note
        self._lines = lines
        #: Bytes read so far (for progress reporting); stays 0 for inputs decoded whole.
        self.position = 0
        #: (line number, message) for lines read with a problem, oldest first; the caller empties it.
        self.warnings: deque[tuple[int, str]] = deque()
        #: Lines that were not clean in the input's encoding, so far.
        self.undecodable = 0

    @classmethod
    def from_text(cls, path: str, text: str, encoding: str = "str", note: str | None = None) -> LineInput:
        """An input whose whole text is already in memory."""
        return cls(path, text[:HEAD_MAX], encoding, note, iter(text.split("\n")))

    def lines(self) -> Iterator[str]:
        """Every line, normalised (see `normalise_text`), without its line end."""
        return self._lines


def open_input(path: str) -> LineInput:
    """Open a file (or stdin for `-`) for reading line by line; raises InputError for unreadable input."""
    try:
        stream: BinaryIO = sys.stdin.buffer if path == STDIN else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror or exc}); check its permissions") from None
    try:
        return _open_stream(stream, path)
    except OSError as exc:
        _close(stream)
        raise InputError(path, f"cannot read it ({exc.strerror or exc})") from None
    except BaseException:
        _close(stream)
        raise


def decode_input(data: bytes, path: str = "<bytes>") -> tuple[str, str, str | None]:
    """Decode a whole saved page (see `open_input`). Returns (normalised text, encoding, note).

    Raises InputError for binary or undecodable data.
    """
    source = _open_stream(io.BytesIO(data), path, pages=False)
    text = "\n".join(source.lines())
    return text + "\n" if data.endswith(b"\n") and not text.endswith("\n") else text, source.encoding, source.note


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes from a saved page; see `decode_input`. Returns (text, encoding)."""
    text, encoding, _ = decode_input(data, path)
    return text, encoding


def _open_stream(stream: BinaryIO, path: str, pages: bool = True) -> LineInput:
    first = stream.read(4096)
    if pages and is_html(path, first):  # a saved web page: read as the text a browser copy of it gives
        data = first + stream.read()
        _close(stream)
        return html_input(path, data)
    wide = wide_encoding(first)
    if wide is not None or (b"\r" in first and b"\n" not in first and len(first) < 4096):
        # UTF-16/32 and old Mac line ends are decoded whole: lines cannot be found in the bytes.
        data = first + stream.read()
        _close(stream)
        return _whole(path, data, wide)
    if is_binary(first):
        raise InputError(path, BINARY_MESSAGE)
    raw = _RawLines(stream, first)
    head: list[tuple[bytes, int]] = []
    size, text_seen = 0, False
    for line, dropped in raw:
        head.append((line, dropped))
        size += len(line) + 1
        text_seen = text_seen or bool(line.strip())
        if size >= HEAD_MAX or (size >= HEAD_BYTES and len(head) >= HEAD_LINES and text_seen):
            break
    if not text_seen:
        _close(stream)
        raise InputError(path, "is empty; save the page's text into it, or leave it out")
    opening = b"\n".join(line for line, _ in head[:64])[:65536]
    if is_binary(opening):
        raise InputError(path, BINARY_MESSAGE)
    bom = first.startswith(b"\xef\xbb\xbf")
    if bom:
        head[0] = (head[0][0][3:], head[0][1])
    decoder = LineDecoder.for_opening([line for line, _ in head], bom)
    source = LineInput(path, "", decoder.encoding, MOJIBAKE_NOTE if decoder.repair else None, iter(()))
    texts = [_decode(decoder, source, number, line, dropped) for number, (line, dropped) in enumerate(head, 1)]
    source.head = "\n".join(texts)
    if garbage_ratio(source.head) > GARBAGE_MAX:
        _close(stream)
        raise InputError(path, f"does not read as text in {decoder.encoding} or any encoding tried; "
                               "re-save it as UTF-8")
    source._lines = _stream(source, texts, raw, decoder, stream)
    return source


def _whole(path: str, data: bytes, encoding: str | None) -> LineInput:
    if encoding is None:
        text = data.decode("utf-8", errors="replace") if data.isascii() else _eight_bit(data)
        encoding = "utf-8"
    else:
        text = data.decode(encoding, errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
    if not text.strip():
        raise InputError(path, "is empty; save the page's text into it, or leave it out")
    if "\x00" in text:
        text = text.replace("\x00", "")
    text = normalise_text(text)
    if garbage_ratio(text) > GARBAGE_MAX:
        raise InputError(path, f"does not read as text in {encoding} or any encoding tried; re-save it as UTF-8")
    return LineInput.from_text(path, text, encoding)


def _eight_bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class _RawLines:
    """The physical lines of a byte stream, without line ends, each with the count of bytes cut from it."""

    def __init__(self, stream: BinaryIO, first: bytes) -> None:
        self.stream = stream
        *self.ready, self.partial = first.split(b"\n")
        self.ready.reverse()
        self.position = len(first)
        self._lines = self._read()

    def __iter__(self) -> Iterator[tuple[bytes, int]]:
        return self._lines

    def _read(self) -> Iterator[tuple[bytes, int]]:
        while self.ready:
            yield self.ready.pop(), 0
        partial = self.partial
        readline = self.stream.readline
        while True:
            more = readline(MAX_LINE_BYTES)
            self.position += len(more)
            if not more:
                if partial:
                    yield partial, 0
                return
            if partial:
                more, partial = partial + more, b""
            if more.endswith(b"\n"):
                yield more[:-1], 0
            elif len(more) < MAX_LINE_BYTES:
                yield more, 0  # the last line, without a line end
                return
            else:
                yield self._cut(more)

    def _cut(self, line: bytes) -> tuple[bytes, int]:
        """Keep the first MAX_LINE_BYTES of an over-long line (on a character boundary); skip to its end."""
        dropped = max(0, len(line) - MAX_LINE_BYTES)
        line = line[:MAX_LINE_BYTES]
        while line and line[-1] & 0xC0 == 0x80:
            line, dropped = line[:-1], dropped + 1
        if line and line[-1] >= 0xC0:
            line, dropped = line[:-1], dropped + 1
        while True:
            more = self.stream.readline(MAX_LINE_BYTES)
            self.position += len(more)
            if not more:
                break
            if more.endswith(b"\n"):
                dropped += len(more) - 1
                break
            dropped += len(more)
        return line, dropped


def _decode(decoder: LineDecoder, source: LineInput, number: int, raw: bytes, dropped: int) -> str:
    text, warning = decoder.decode(raw)
    if warning is not None:
        source.undecodable += 1
        count = source.undecodable
        if count <= DECODE_WARNINGS_MAX:
            source.warnings.append((number, warning))
        elif count == DECODE_WARNINGS_MAX + 1:
            source.warnings.append((number, "more lines like the ones above; read the same way, not reported"))
    if dropped:
        mb = MAX_LINE_BYTES // (1 << 20)
        source.warnings.append(
            (number, f"line runs {len(raw) + dropped:,} bytes long; kept its first {mb} MB, skipped the rest")
        )
    return text


def _stream(
    source: LineInput, head: list[str], raw: _RawLines, decoder: LineDecoder, stream: BinaryIO
) -> Iterator[str]:
    """The opening's decoded lines, then the rest of the stream's, one at a time; closes the stream at the end."""
    try:
        number = len(head)
        yield from head
        head.clear()
        decode = decoder.decode
        for line, dropped in raw:
            number += 1
            source.position = raw.position
            text, warning = decode(line)
            if warning is None and not dropped:
                yield text
            else:
                yield _decode(decoder, source, number, line, dropped)
    finally:
        _close(stream)


def _close(stream: BinaryIO) -> None:
    if stream is not sys.stdin.buffer:
        stream.close()
