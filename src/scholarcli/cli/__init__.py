"""The `scholar` command line: thin commands (options -> pipeline -> writer) and one error model.

Exit codes are `scholarcli.errors.ExitCode`: 0 success; 1 nothing parseable or nothing matched; 2 usage
error; 3 internal error (a bug); 4 the output could not be written; 130 interrupted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scholarcli.cli.root import main, run

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main", "run"]


def __getattr__(name: str) -> typer.Typer:
    """`app`, with every command registered (running registers only the command asked for)."""
    if name == "app":
        from scholarcli.cli.root import app, register_all

        register_all()
        return app
    raise AttributeError(f"module 'scholarcli.cli' has no attribute {name!r}")
