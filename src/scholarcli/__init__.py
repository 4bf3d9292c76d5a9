"""scholarcli: turn copied or saved publication pages into clean, queryable records."""

from scholarcli.model import ParseIssue, ParseResult, Profile, Source, Work
from scholarcli.parsing import parse_paths, parse_text
from scholarcli.reading import InputError

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "ParseIssue",
    "ParseResult",
    "Profile",
    "Source",
    "Work",
    "__version__",
    "parse_paths",
    "parse_text",
]
