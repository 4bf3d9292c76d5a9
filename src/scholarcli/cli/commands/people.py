"""`scholar coauthors` and `scholar stats`: who a person works with, and figures about a collection."""

from typing import Annotated

import typer

from scholarcli.cli.diagnostics import info
from scholarcli.cli.options import AuthorOpt, Inputs, LimitOpt, Output, Selection, command, emit
from scholarcli.cli.root import app
from scholarcli.errors import NothingFoundError
from scholarcli.normalise.vocab import TOP_LIST
from scholarcli.render.registry import COAUTHORS, STATS

WhoseOpt = Annotated[
    str | None, typer.Option("--author", "-a", metavar="NAME",
                             help="Whose coauthors (default: the person in the most works).")
]
MinWorksOpt = Annotated[int, typer.Option("--min-works", min=1, metavar="N",
    help="Only coauthors with this many works.")]
TopOpt = Annotated[int, typer.Option("--top", "--limit", "-n", min=1, metavar="N", help="Length of the top lists.")]


@command(app, "coauthors", COAUTHORS)
def coauthors_command(inputs: Inputs, output: Output, selection: Selection, author: WhoseOpt = None,
                      min_works: MinWorksOpt = 1, limit: LimitOpt = None) -> None:
    """Who a person works with: one row per coauthor, most shared works first.

    Counts are distinct works after dedupe. When a work lists only some authors (et al., profile pages),
    counts are lower bounds: `lower_bound` in JSON, `≥` in the table. Formats: table, json, jsonl, csv,
    dot (Graphviz) and mermaid, whose edge weights are shared works; --limit trims the graph's people too.

    \b
    Examples:
      scholar coauthors --author "Juhua Hu" seeds/
      scholar coauthors --json seeds/ | jq -r '.[] | select(.works >= 5) | .name'
      scholar coauthors --author "Juhua Hu" --min-works 3 --format dot seeds/ | dot -Tsvg > hu.svg
    """
    from scholarcli.query.people import choose_person, coauthors

    fmt, filters = output.choose(COAUTHORS), selection.filters()
    loaded = inputs.load()
    works = loaded.select(filters)
    chosen = choose_person(works, loaded.index, author)
    if chosen.defaulted:
        info(f"no --author given; using {chosen.name} (in {chosen.works} of {len(works)} works)")
    emit(COAUTHORS, fmt, coauthors(works, chosen.person, loaded.index, min_works).limited(limit))


@command(app, "stats", STATS)
def stats_command(inputs: Inputs, output: Output, selection: Selection, author: AuthorOpt = None,
                  top: TopOpt = TOP_LIST) -> None:
    """Figures about a collection: works per year (bar chart), top coauthors, categories and venues,
    the layouts read, and how many works lack a title, authors or a date.

    \b
    Examples:
      scholar stats seeds/
      scholar stats --json seeds/ | jq '.per_year'
      scholar stats --author "Guosheng Hu" --json seeds/ | jq '.top_coauthors[:3]'
    """
    from scholarcli.query.people import choose_person
    from scholarcli.query.stats import collection_stats

    fmt, filters = output.choose(STATS), selection.filters(author)
    loaded = inputs.load()
    works = loaded.select(filters)
    if not works:
        raise NothingFoundError("no works match the filters")
    focal = choose_person(works, loaded.index, author).person if any(w.authors for w in works) else None
    emit(STATS, fmt, collection_stats(loaded.records, works, loaded.index, focal, top))
