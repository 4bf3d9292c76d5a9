"""click as typer ships it: vendored inside typer (`typer._click`) in the pinned releases, a dependency before."""

from __future__ import annotations

try:
    from typer._click import exceptions
    from typer._click.core import Command
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - a typer that still depends on click
    from click import Command, exceptions  # type: ignore[import-not-found,no-redef]
    from click.globals import get_current_context  # type: ignore[import-not-found,no-redef]

__all__ = ["Command", "exceptions", "get_current_context"]
