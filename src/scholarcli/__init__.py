"""scholarcli: turn copied or saved publication pages into clean, queryable records.

The public API is imported lazily, so `scholar --version` and `--help` stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = {
    "InputError": "scholarcli.reading",
    "ParseIssue": "scholarcli.model",
    "ParseResult": "scholarcli.model",
    "Profile": "scholarcli.model",
    "Source": "scholarcli.model",
    "Work": "scholarcli.model",
    "parse_paths": "scholarcli.parsing",
    "parse_text": "scholarcli.parsing",
    "dedupe": "scholarcli.dedupe",
    "load": "scholarcli.pipeline",
}

__all__ = [
    "InputError",
    "ParseIssue",
    "ParseResult",
    "Profile",
    "Source",
    "Work",
    "__version__",
    "dedupe",
    "load",
    "parse_paths",
    "parse_text",
]

if TYPE_CHECKING:
    from scholarcli.dedupe import dedupe
    from scholarcli.model import ParseIssue, ParseResult, Profile, Source, Work
    from scholarcli.parsing import parse_paths, parse_text
    from scholarcli.pipeline import load
    from scholarcli.reading import InputError


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'scholarcli' has no attribute {name!r}")
