"""Where a JSON value that opens a line ends, found line by line without parsing it (layouts/segments.py).

A JSON string holds no line end, so each line can be read on its own: its strings are skipped, and its brackets
move the nesting depth. Lines are fed one at a time, so a 200 MB array costs the memory of one line. Kept free of
the JSON parsers' imports: the page splitter tests every line with `opens_value`.
"""

from __future__ import annotations

from collections.abc import Iterable

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)

#: A string on one line (an unclosed one runs to the line's end), or a bracket outside strings.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)|[\[\]{}]')
_BRACKET = re.compile(r"[\[\]{}]")
_CLOSED_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
#: The characters a line of JSON can start with, stripped: a string, a bracket, a comma, a number, a literal.
_JSON_STARTS = frozenset('"[]{},:-0123456789tfn')
_LITERALS = ("true", "false", "null")


def opens_value(line: str) -> bool:
    """Whether a stripped line may open a JSON array of objects or a JSON Lines object: `[` alone, `[{…`,
    `[ {…`, or `{"…`. `[1] Title`, `[c12]` and `[PDF]` do not."""
    if not line:
        return False
    if line[0] == "[":
        return line == "[" or line[1:].lstrip()[:1] == "{"
    return line[0] == "{" and line[1:].lstrip()[:1] == '"'


def may_be_json(line: str) -> bool:
    """Whether a stripped, non-blank line can be a line of a JSON text (inside a value, a page line such as
    `Deep learning` cannot: JSON strings hold no line end, so every line starts with a token)."""
    first = line[0]
    if first not in _JSON_STARTS:
        return False
    return first not in "tfn" or line.startswith(_LITERALS)


class Depth:
    """The nesting depth of a JSON text fed line by line, outside strings."""

    __slots__ = ("depth", "opened")

    def __init__(self) -> None:
        self.depth = 0
        self.opened = False  # whether a bracket has opened yet

    def close(self, line: str, level: int = 0) -> int | None:
        """Feed one line; the offset just past the bracket that brings the depth back to `level` (0: the value
        closes; 1: an element of the top-level array closes), else None."""
        if "[" not in line and "]" not in line and "{" not in line and "}" not in line:
            return None
        unclosed = False
        if '"' in line:
            bare = _CLOSED_STRING.sub("", line)
            if (quote := bare.find('"')) >= 0:  # a string that does not close runs to the line's end
                bare, unclosed = bare[:quote], True
        else:
            bare = line
        opens = bare.count("[") + bare.count("{")
        closes = bare.count("]") + bare.count("}")
        if self.opened and self.depth - closes > level:  # the depth cannot come down to `level` on this line
            self.depth += opens - closes
            return None
        depth, opened, seen = self.depth, self.opened, 0
        for char in _BRACKET.findall(bare):  # the brackets outside strings
            seen += 1
            if char in "[{":
                depth += 1
                opened = True
            elif opened:
                depth -= 1
                if depth <= level:
                    break
        else:
            self.depth, self.opened = depth, opened
            return None
        self.depth, self.opened = max(depth, 0), opened
        end = len(line.rstrip())
        if seen == opens + closes and not unclosed and line[end - 1:end] in ("]", "}"):
            return end  # the line's last bracket, at its end (JSON Lines, an array's last line)
        for m in _TOKEN.finditer(line):  # the offset of the `seen`-th bracket outside strings
            if m.group() in ("[", "]", "{", "}"):
                seen -= 1
                if not seen:
                    return m.end()
        return end


def first_element(lines: Iterable[str], budget: int) -> list[str]:
    """The lines from one that opens a JSON value through the end of the value's first element (or of the
    value, or of `budget` characters, or before a line no JSON text has), for sniffing its JSON format."""
    depth = Depth()
    taken: list[str] = []
    size = 0
    for line in lines:
        if taken and (text := line.strip()) and not may_be_json(text):
            break
        taken.append(line)
        size += len(line) + 1
        if depth.close(line, 1) is not None or size >= budget:
            break
    return taken
