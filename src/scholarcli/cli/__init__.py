"""The `scholar` command line: thin commands (options -> pipeline -> writer) and one error model.

Exit codes are `scholarcli.errors.ExitCode`: 0 success; 1 nothing parseable or nothing matched; 2 usage
error; 3 internal error (a bug); 4 the output could not be written; 130 interrupted.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

# Importing typer and the root command makes some hundred thousand objects that live as long as the process,
# and the collector would scan them again and again while they are made, then at every full collection after.
# So it pauses for the import and then sets them aside for good (gc.freeze): about 5% of `scholar`'s start-up.
_collecting = gc.isenabled()
gc.disable()
try:
    from scholarcli.cli.root import main, run
finally:
    gc.freeze()
    if _collecting:
        gc.enable()

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
