"""Bytes to text, one line at a time: encodings, binary files, NUL bytes, mojibake, and the normal form of text.

An input's encoding is judged from its opening; each line is then decoded on its own, so one stray byte
costs at most its line (and is reported), never the whole file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)

# Spaces that pages paste in place of ordinary ones, and invisible characters worth dropping.
_SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
#: Bidirectional marks and controls (LRM, RLM, ALM, embeddings, isolates) and the soft hyphen are dropped too:
#: pages around right-to-left text put them at line ends, where they hid every line-start cue of a layout.
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u00ad]")
_BINARY_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
_NOT_BINARY_CONTROL = bytes(b for b in range(256) if b not in _BINARY_CONTROL)  # deleted to count the rest

#: Openings of file formats that are not text (PDF, ZIP/DOCX/EPUB, PNG, GIF, JPEG, gzip, 7z, RAR, ELF, OLE/DOC,
#: xz, zstd, WebP/WAV, SQLite). A file that starts with one is called binary whatever follows.
BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-", b"PK\x03\x04", b"PK\x05\x06", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
    b"\x1f\x8b\x08", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x7fELF", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd", b"RIFF", b"SQLite format 3\x00",
)
#: Share of control bytes (NUL included) in the opening above which a file is called binary.
BINARY_CONTROL_MAX = 0.05
#: Share of characters that are control or unassigned code points above which text is judged undecodable.
GARBAGE_MAX = 0.01
BINARY_MESSAGE = (
    "looks like a binary file (a PDF, image or archive?), not page text; copy the page's text into a .txt file"
)

# Double-encoded UTF-8 read as Windows-1252: `Ã©` for é, `â€™` for ’.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac[\u0098-\u009d\u2122\u0153\u201c\u201d\u2018\u2019\u00a6]"
)


def is_binary(opening: bytes) -> bool:
    """Whether bytes are the opening of a binary file: a known magic number, or many control bytes."""
    if opening.startswith(BINARY_MAGIC):
        return True
    sample = opening[:65536]
    return bool(sample) and len(sample.translate(None, _NOT_BINARY_CONTROL)) / len(sample) > BINARY_CONTROL_MAX


def utf16_without_bom(data: bytes) -> str | None:
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


def wide_encoding(opening: bytes) -> str | None:
    """The UTF-16/32 codec of an input that is in one (by its BOM, or by its NUL pattern), else None."""
    if opening.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if opening.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return utf16_without_bom(opening)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _legacy(raw: bytes) -> tuple[str, str]:
    """Windows-1252, else Latin-1 (which decodes anything)."""
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


@dataclass(slots=True)
class LineDecoder:
    """Decodes the lines of one 8-bit input, as its opening suggests.

    In a UTF-8 input (the default), a line that is not valid UTF-8 is read alone: its stray bytes become
    U+FFFD when the rest of the line is UTF-8, else the line is read as Windows-1252; either way a warning
    names the line. An input whose opening has lines in a legacy encoding and none in UTF-8 beyond ASCII is
    read as Windows-1252 (or Latin-1) throughout, silently. Double-encoded UTF-8 is repaired line by line
    when the opening shows it.
    """

    encoding: str = "utf-8"
    repair: bool = False
    #: UTF-8 without repair: the common case, decoded on the quick path.
    fast: bool = False

    @classmethod
    def for_opening(cls, lines: Sequence[bytes], bom: bool = False) -> LineDecoder:
        """The decoder that fits the first lines of an input."""
        utf8_beyond_ascii = legacy = False
        encoding = "cp1252"
        for raw in lines:
            if raw.isascii():
                continue
            if _is_utf8(raw):
                utf8_beyond_ascii = True
            else:
                legacy = True
                encoding = "latin-1" if _legacy(raw)[1] == "latin-1" else encoding
        if legacy and not utf8_beyond_ascii and not bom:
            return cls(encoding)
        decoder = cls("utf-8-sig" if bom else "utf-8")
        decoder.repair = any(_MOJIBAKE.search(decoder.decode(raw)[0]) for raw in lines if not raw.isascii())
        decoder.fast = not decoder.repair
        return decoder

    def decode(self, raw: bytes) -> tuple[str, str | None]:
        """One line's text (normalised, without its line end) and a warning when the line was not clean."""
        if self.fast and b"\x00" not in raw:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                return self._decode(raw)
            if text.endswith("\r"):
                text = text[:-1]
            return (text if text.isascii() and "\r" not in text else normalise_text(text)), None
        return self._decode(raw)

    def _decode(self, raw: bytes) -> tuple[str, str | None]:
        warning: str | None = None
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if b"\x00" in raw:
            count = raw.count(b"\x00")
            raw = raw.replace(b"\x00", b"")
            warning = f"{count} NUL byte{'s' if count > 1 else ''} removed"
        if raw.isascii():
            return normalise_text(raw.decode("ascii")), warning
        if not self.encoding.startswith("utf-8"):
            return normalise_text(_legacy(raw)[0]), warning
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text, note = _stray(raw, exc)
            warning = f"{warning}; {note}" if warning else note
        if self.repair and _MOJIBAKE.search(text):
            text = repair_mojibake(text) or text
        return normalise_text(text), warning


def _stray(raw: bytes, exc: UnicodeDecodeError) -> tuple[str, str]:
    """A line with bytes that are not UTF-8: replace them if the rest is UTF-8, else read it as Windows-1252."""
    byte = raw[exc.start]
    replaced = raw.decode("utf-8", errors="replace")
    if any(ord(ch) > 127 and ch != "\ufffd" for ch in replaced):
        return replaced, f"byte 0x{byte:02X} is not UTF-8; replaced it with \ufffd in this line only"
    text, encoding = _legacy(raw)
    name = "Windows-1252" if encoding == "cp1252" else "Latin-1"
    return text, f"byte 0x{byte:02X} is not UTF-8; read this line as {name}"


def repair_mojibake(text: str) -> str | None:
    """Undo one round of UTF-8 read as Windows-1252, if the result is valid and cleaner."""
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if len(_MOJIBAKE.findall(fixed)) < len(_MOJIBAKE.findall(text)) else None


def has_mojibake(text: str) -> bool:
    """Whether text shows UTF-8 read as Windows-1252 (`Ã©`, `â€™`)."""
    return _MOJIBAKE.search(text) is not None


def garbage_ratio(text: str) -> float:
    """Share of control, unassigned and replacement characters in the opening of a text."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(  # each distinct character is judged once, then counted
        sample.count(ch) for ch in set(sample)
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
