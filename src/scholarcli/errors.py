"""The error model: every way scholar can end, as an exit code, and the errors that carry one."""

from __future__ import annotations

import errno
from enum import IntEnum

from scholarcli.normalise.vocab import QUOTE_MAX


class ExitCode(IntEnum):
    """The process exit codes, as the README documents them."""

    OK = 0
    NOTHING = 1  # nothing parseable in any input, or nothing matched
    USAGE = 2  # a bad option, value or argument, or no input
    INTERNAL = 3  # a bug; --debug shows the traceback
    OUTPUT = 4  # the output could not be written (disk full, stdout closed)
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class ScholarError(Exception):
    """An error to report as one line on stderr; `code` is the exit code it ends with."""

    code: ExitCode = ExitCode.NOTHING

    def __init__(self, message: str, code: ExitCode | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class NothingFoundError(ScholarError):
    """Nothing parseable, or nothing matched the query."""

    code = ExitCode.NOTHING


class UsageError(ScholarError):
    """A bad option value or combination."""

    code = ExitCode.USAGE


class OutputError(ScholarError):
    """The output stream could not be written."""

    code = ExitCode.OUTPUT


def quoted(value: str, limit: int = QUOTE_MAX) -> str:
    """A user's value quoted for a message, cut to `limit` characters with `…`."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


#: OS errors that only writing meets (reading reports its own as input warnings).
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})


def output_error(exc: OSError) -> OutputError | None:
    """The OutputError that an OS error stands for when it is a write error (a full disk…); else None."""
    if exc.errno not in WRITE_ERRNOS:
        return None
    return OutputError(f"cannot write output: {exc.strerror}")
