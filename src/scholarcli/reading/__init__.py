"""Paths, folders and stdin to decoded lines. Encodings are dealt with here and nowhere else.

- `paths`: command-line arguments to files (folders walked, special files skipped);
- `decode`: bytes to normalised text, line by line (encodings, binary files, NUL bytes, mojibake);
- `lines`: inputs opened lazily as `LineInput`, with their opening for detection and warnings per line.
"""

from __future__ import annotations

from scholarcli.reading.decode import GARBAGE_MAX, normalise_text
from scholarcli.reading.errors import InputError
from scholarcli.reading.lines import (
    HEAD_BYTES,
    HEAD_LINES,
    HEAD_MAX,
    MAX_LINE_BYTES,
    LineInput,
    TextInput,
    decode,
    decode_input,
    open_input,
)
from scholarcli.reading.paths import STDIN, expand_path, iter_paths

__all__ = [
    "GARBAGE_MAX",
    "HEAD_BYTES",
    "HEAD_LINES",
    "HEAD_MAX",
    "MAX_LINE_BYTES",
    "STDIN",
    "InputError",
    "LineInput",
    "TextInput",
    "decode",
    "decode_input",
    "expand_path",
    "iter_paths",
    "normalise_text",
    "open_input",
]
