"""`scholar list-works`: every work once, filtered, sorted and written in any works format."""

from itertools import chain

from scholarcli.cli.options import AuthorOpt, Inputs, LimitOpt, NoDedupeOpt, Order, Output, Selection, command, emit
from scholarcli.cli.root import app
from scholarcli.errors import NothingFoundError
from scholarcli.render.registry import WORKS


@command(app, "list-works", WORKS)
def list_works(inputs: Inputs, output: Output, selection: Selection, order: Order, author: AuthorOpt = None,
               limit: LimitOpt = None, no_dedupe: NoDedupeOpt = False) -> None:
    """List works, each once: records of one work from several pages are merged.

    \b
    Examples:
      scholar list-works seeds/
      scholar list-works --json seeds/ | jq -r '.[] | "\\(.year)\\t\\(.title)"'
      scholar list-works --author "Juhua Hu" --since 2023 --sort date --format bibtex seeds/ > hu.bib
      pbpaste | scholar list-works --format csv - > works.csv
    """
    from scholarcli.query.filters import Filters, sort_works, take

    fmt = output.choose(WORKS)
    filters = selection.filters(author)
    if no_dedupe and fmt == "jsonl" and filters == Filters() and order == Order() and limit is None:
        return stream_works(inputs, fmt)
    loaded = inputs.load(dedupe=not no_dedupe)
    works = take(sort_works(loaded.select(filters), order.by, order.reverse), limit)
    if not works:
        raise NothingFoundError("no works match the filters")
    emit(WORKS, fmt, works)


def stream_works(inputs: Inputs, fmt: str) -> None:
    """Write each record as it is parsed (memory stays flat); exit 1 when there were none."""
    records = inputs.stream()
    first = next(records, None)
    if first is None:
        raise NothingFoundError("no records found in the input")
    emit(WORKS, fmt, chain([first], records))
