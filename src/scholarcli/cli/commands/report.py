"""`scholar report`: one self-contained HTML page of a person's works."""

import os
import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING, Annotated

import typer

from scholarcli import __version__
from scholarcli.cli.diagnostics import info
from scholarcli.cli.options import Inputs, Selection, command
from scholarcli.cli.root import app
from scholarcli.errors import NothingFoundError, OutputError, UsageError
from scholarcli.render.registry import REPORT

if TYPE_CHECKING:
    from scholarcli.query.report import ReportInput

OutputFileOpt = Annotated[str, typer.Option("--output", "-o", metavar="FILE", help="HTML file to write; - for stdout.")]
WhoseOpt = Annotated[str | None, typer.Option(
    "--author", "-a", metavar="NAME",
    help="Whose works (default: all works, centred on the person in the most).")]
MinWorksOpt = Annotated[int, typer.Option("--min-works", min=1, metavar="N",
    help="Coauthors with this many shared works.")]
CoauthorsOpt = Annotated[int | None, typer.Option("--limit", "-n", min=1, metavar="N",
    help="At most this many coauthors (30).")]


@command(app, "report")
def report_command(inputs: Inputs, selection: Selection, output: OutputFileOpt = "report.html",
                   author: WhoseOpt = None, min_works: MinWorksOpt = 1, limit: CoauthorsOpt = None) -> None:
    """Write one self-contained HTML page: figures, works per year, the coauthor network, every work.

    It needs no network (CSS, JavaScript and charts are inline) and works without JavaScript.

    \b
    Examples:
      scholar report seeds/ -o report.html
      scholar report --author "Juhua Hu" --since 2020 --min-works 2 seeds/ -o hu.html
    """
    from scholarcli.query.people import choose_person
    from scholarcli.query.report import gather

    check_output(output)
    loaded = inputs.load()
    works = loaded.select(selection.filters(author))
    if not works:
        raise NothingFoundError("no works match the filters")
    person = choose_person(works, loaded.index, author).person if author else None
    shown = {"--since": selection.since, "--until": selection.until, "--type": selection.work_type,
             "--category": selection.category, "--has-code": selection.has_code}
    write(gather(loaded.records, len(loaded.works), works, loaded.index, person, min_works=min_works, limit=limit,
                 warnings=loaded.problems, filters=shown, version=__version__), output)


def check_output(output: str) -> None:
    """A usage error for an `-o` that names no file, before any input is read."""
    if not output.strip():
        raise UsageError("--output: give a file name, or - for stdout (the value is empty)")


def write(data: "ReportInput", output: str) -> None:
    """Write the page to the file (or stdout for -); a failure to write is exit 4."""
    try:
        with open(output, "w", encoding="utf-8") if output != "-" else nullcontext(sys.stdout) as out:
            REPORT.write("html", data, out)
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    if output != "-":
        info(f"wrote {output}: {len(data.works)} works, {os.path.getsize(output) // 1024:,} KB")
