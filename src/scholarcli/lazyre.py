"""The `re` module, with patterns compiled on first use: `from scholarcli import lazyre as re`.

A page layout compiles dozens of patterns at import, and every run imports every layout (detection and the
page splitter need their sniffs and anchors), though it reads only one or two: compiling them all was the
largest part of scholar's start-up. `compile` here returns a pattern that compiles itself the first time it is
used, and then puts the compiled pattern in its place in the module's globals, so later look-ups of the
name find an ordinary compiled pattern and matching costs exactly what it did. A lazy pattern kept elsewhere
(in a tuple, or a `Boundaries`) works too, one attribute look-up slower: keep patterns that hot loops use
as module-level names. Everything else is `re`'s own. Do not pass a lazy pattern itself to an `re` function
(`re.sub(PATTERN, …)`); use `PATTERN.sub(…)`.
"""

from __future__ import annotations

import re as _re
import sys
from re import (
    ASCII,
    DOTALL,
    IGNORECASE,
    MULTILINE,
    VERBOSE,
    A,
    I,
    M,
    Match,
    Pattern,
    S,
    X,
    error,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    search,
    split,
    sub,
    subn,
)
from typing import Any, cast, overload

#: What the modules that import this one as `re` use: `re`'s own, but for `compile`.
__all__ = ["ASCII", "DOTALL", "IGNORECASE", "MULTILINE", "VERBOSE", "A", "I", "M", "Match", "Pattern", "S", "X",
           "compile", "error", "escape", "findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn"]

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class _LazyPattern:
    """A pattern compiled when first used; its source `pattern` is known before."""

    __slots__ = ("pattern", "_flags", "_namespace", "_compiled", *_METHODS)

    def __init__(self, pattern: str | bytes, flags: int, namespace: dict[str, Any] | None) -> None:
        self.pattern = pattern
        self._flags = flags
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:  # reached for an unset method slot, or another attribute
        try:
            compiled = object.__getattribute__(self, "_compiled")
        except AttributeError:
            compiled = self._compiled = _re.compile(self.pattern, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
            namespace, self._namespace = self._namespace, None
            for key, value in list((namespace or {}).items()):
                if value is self:  # the module-level name: from now on it is the compiled pattern itself
                    namespace[key] = compiled  # type: ignore[index]
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags!r})"


@overload
def compile(pattern: str, flags: int = 0) -> Pattern[str]: ...


@overload
def compile(pattern: bytes, flags: int = 0) -> Pattern[bytes]: ...


def compile(pattern: str | bytes, flags: int = 0) -> Pattern[str] | Pattern[bytes]:
    """`re.compile`, deferred until the pattern is first used (see the module docstring)."""
    caller = sys._getframe(1).f_globals if hasattr(sys, "_getframe") else None
    return cast("Pattern[str] | Pattern[bytes]", _LazyPattern(pattern, int(flags), caller))
