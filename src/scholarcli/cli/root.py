"""The `scholar` application: the root command, and running it with every outcome mapped to an exit code."""

from __future__ import annotations

import os
import sys
import traceback
from importlib import import_module
from typing import Annotated, NoReturn

import typer

from scholarcli import __version__
from scholarcli.cli.clicklib import Command
from scholarcli.cli.clicklib import exceptions as click
from scholarcli.cli.diagnostics import Settings, error
from scholarcli.errors import ExitCode, OutputError, ScholarError, output_error

app = typer.Typer(
    name="scholar",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        print(f"scholar {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something fails.")] = False,
) -> None:
    """Turn copied or saved publication pages into clean records you can query.

    \b
    Example:
      scholar list-works seeds/
      scholar list-works --json seeds/ | jq '.[] | .title'
    """
    ctx.ensure_object(Settings).debug = debug


#: The module under cli/commands/ that registers each command.
COMMAND_MODULES = {"list-works": "works", "search": "search", "coauthors": "people", "stats": "people",
                   "dedupe": "audit", "formats": "audit", "report": "report"}


def _register_commands(args: list[str]) -> None:
    """Import the module of the command the arguments name, or all of them (for help, or a misspelt name).
    `--version` before any command needs none. Start-up then pays only for what runs."""
    name = next((a for a in args if not a.startswith("-")), None)
    if name is None and "--version" in args:
        return
    modules = {COMMAND_MODULES[name]} if name in COMMAND_MODULES else set(COMMAND_MODULES.values())
    for module in sorted(modules):
        import_module(f"scholarcli.cli.commands.{module}")


def register_all() -> None:
    """Register every command (for tools that list them)."""
    _register_commands(["--help"])


def run(argv: list[str] | None = None) -> int:
    """Run the command line with these arguments; return the exit code instead of exiting."""
    args = sys.argv[1:] if argv is None else argv
    _register_commands(args)
    command = typer.main.get_command(app)
    settings = Settings()
    try:
        code = _invoke(command, args, settings)
        sys.stdout.flush()  # a full disk or a closed reader is met here, not at exit
        return code
    except click.ClickException as exc:  # a usage error found by the option parser
        path = exc.ctx.command_path if isinstance(exc, click.UsageError) and exc.ctx else None
        error(exc.format_message() + (f" (see '{path} --help')" if path else ""))
        return exc.exit_code
    except ScholarError as exc:
        error(str(exc))
        return exc.code
    except BrokenPipeError:
        _silence_stdout()
        return ExitCode.OK
    except (KeyboardInterrupt, typer.Abort):
        return ExitCode.INTERRUPTED
    except OSError as exc:
        failure = output_error(exc)
        if failure is None:
            return _internal(exc, settings)
        error(str(failure))
        return failure.code
    except Exception as exc:
        return _internal(exc, settings)


def _internal(exc: Exception, settings: Settings) -> ExitCode:
    """A bug: one line, or the traceback with --debug."""
    if settings.debug:
        traceback.print_exception(exc)
    else:
        error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")
    return ExitCode.INTERNAL


def _invoke(command: Command, args: list[str], settings: Settings) -> int:
    """Parse the arguments and run the command; the code of an early exit (--help, --version), else 0."""
    try:
        with command.make_context("scholar", list(args), obj=settings) as ctx:
            command.invoke(ctx)
    except typer.Exit as done:
        return done.exit_code
    return ExitCode.OK


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's last flush fails quietly too."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (in-process runs)


def main() -> NoReturn:
    """Console-script entry point."""
    if sys.stdout is None:
        closed = OutputError("cannot write output: stdout is closed")
        error(str(closed))
        sys.exit(closed.code)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.exit(run())
