"""Inputs read lazily, line by line: memory holds the opening and the current block of lines (CHUNK_BYTES),
never the whole file.

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
#: Past the opening, bytes are read (and, in the common case, decoded) this many at a time.
CHUNK_BYTES = 1 << 16
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
    """The physical lines of a byte stream, without line ends, each with the count of bytes cut from it.

    Iterating gives one line at a time (for the opening); `blocks()` then gives the rest in runs of whole
    lines read CHUNK_BYTES at a time, so that the common case is decoded in bulk.
    """

    def __init__(self, stream: BinaryIO, first: bytes) -> None:
        self.stream = stream
        *self.ready, self.partial = first.split(b"\n")
        self.ready.reverse()
        self.position = len(first)
        self._blocks = self._read()
        self._lines = self._single()

    def __iter__(self) -> Iterator[tuple[bytes, int]]:
        return self._lines

    def _single(self) -> Iterator[tuple[bytes, int]]:
        while self.ready:
            yield self.ready.pop(), 0
        for block, dropped in self._blocks:
            if dropped:
                yield block, dropped
                continue
            self.ready = block.split(b"\n")
            self.ready.reverse()
            while self.ready:
                yield self.ready.pop(), 0

    def blocks(self) -> Iterator[tuple[bytes, int]]:
        """The lines not yet read, as (block, 0) for whole lines joined by LF, or (line, bytes cut) for a line
        cut at MAX_LINE_BYTES. Lines already split off for `__iter__` come first, as one block."""
        if self.ready:
            self.ready.reverse()
            yield b"\n".join(self.ready), 0
            self.ready = []
        yield from self._blocks

    def _read(self) -> Iterator[tuple[bytes, int]]:
        partial = self.partial
        self.partial = b""
        skipping: tuple[bytes, int] | None = None  # an over-long line's kept bytes and the count cut so far
        # read1: what a pipe has ready (up to a chunk), so lines typed into stdin are read as they come.
        read = getattr(self.stream, "read1", self.stream.read)
        while True:
            data = read(CHUNK_BYTES)
            self.position += len(data)
            if not data:
                if skipping is not None:
                    yield skipping
                elif partial:
                    yield self._cut(partial) if len(partial) > MAX_LINE_BYTES else (partial, 0)
                return
            if skipping is not None:  # skip to the end of the over-long line
                end = data.find(b"\n")
                if end < 0:
                    skipping = skipping[0], skipping[1] + len(data)
                    continue
                yield skipping[0], skipping[1] + end
                skipping = None
                data = data[end + 1:]
            end = data.rfind(b"\n")
            if end < 0:
                partial += data
                if len(partial) > MAX_LINE_BYTES:
                    skipping, partial = self._cut(partial), b""
                continue
            if len(partial) + end > MAX_LINE_BYTES:  # the line carried over may have grown too long
                first = data.index(b"\n")
                line = partial + data[:first]
                yield self._cut(line) if len(line) > MAX_LINE_BYTES else (line, 0)
                if first < end:
                    yield data[first + 1:end], 0
            else:
                yield (partial + data[:end] if partial else data[:end]), 0
            partial = data[end + 1:]

    @staticmethod
    def _cut(line: bytes) -> tuple[bytes, int]:
        """Keep the first MAX_LINE_BYTES of an over-long line (on a character boundary); count the rest."""
        dropped = max(0, len(line) - MAX_LINE_BYTES)
        line = line[:MAX_LINE_BYTES]
        while line and line[-1] & 0xC0 == 0x80:
            line, dropped = line[:-1], dropped + 1
        if line and line[-1] >= 0xC0:
            line, dropped = line[:-1], dropped + 1
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
    """The opening's decoded lines, then the rest of the stream's, one at a time; closes the stream at the end.

    Past the opening, lines come in blocks: a block of UTF-8 without NUL bytes is decoded and normalised in one
    go; any other block is decoded line by line, so a stray byte still costs only its line, with its warning.
    """
    try:
        number = len(head)
        yield from head
        head.clear()
        fast = decoder.fast
        for block, dropped in raw.blocks():
            source.position = raw.position
            if fast and not dropped and b"\x00" not in block:
                try:
                    text = block.decode("utf-8")
                except UnicodeDecodeError:
                    pass
                else:
                    lines = _normalised_lines(text)
                    number += len(lines)
                    yield from lines
                    continue
            for line in block.split(b"\n") if not dropped else (block,):
                number += 1
                yield _decode(decoder, source, number, line, dropped)
    finally:
        _close(stream)


def _normalised_lines(text: str) -> list[str]:
    """The lines of a decoded block, each as `LineDecoder.decode` gives it: one CR line end dropped, then
    normalised. Only lines beyond ASCII need normalising; CRs are dropped in bulk when they all end lines
    (a CR inside a line, an old Mac line end, is dealt with line by line)."""
    if "\r" in text:
        whole = text.replace("\r\n", "\n")
        if whole.endswith("\r"):
            whole = whole[:-1]
        if "\r" in whole:
            return [_clean(line) for line in text.split("\n")]
        text = whole
    if text.isascii():
        return text.split("\n")
    return [line if line.isascii() else normalise_text(line) for line in text.split("\n")]


def _clean(text: str) -> str:
    if text.endswith("\r"):
        text = text[:-1]
    return text if text.isascii() and "\r" not in text else normalise_text(text)


def _close(stream: BinaryIO) -> None:
    if stream is not sys.stdin.buffer:
        stream.close()
