"""The `scholar` command line: thin commands (options -> pipeline -> writer) and one error model.

Exit codes are `scholarcli.errors.ExitCode`: 0 success; 1 nothing parseable or nothing matched; 2 usage
error; 3 internal error (a bug); 4 the output could not be written; 130 interrupted.
"""

from __future__ import annotations

from scholarcli.cli.app import app, main, run

__all__ = ["app", "main", "run"]
