"""`scholar search`: ranked fuzzy search, best match first."""

from typing import Annotated

import typer

from scholarcli.cli.diagnostics import info
from scholarcli.cli.options import AuthorOpt, Inputs, LimitOpt, Order, Output, Selection, command, emit
from scholarcli.cli.root import app
from scholarcli.errors import NothingFoundError, quoted
from scholarcli.normalise.vocab import SEARCH_LIMIT, SEARCH_MIN_SCORE
from scholarcli.render.registry import HITS

QueryArg = Annotated[str, typer.Argument(help='Words to look for; a "quoted phrase" must appear as whole words.')]
FieldOpt = Annotated[str, typer.Option("--field", metavar="FIELD",
    help="Where to look: title, abstract, authors or all.")]
MinScoreOpt = Annotated[float, typer.Option("--min-score", min=0, max=100, metavar="S",
    help="Lowest score shown (0-100).")]


@command(app, "search", HITS)
def search_command(query: QueryArg, inputs: Inputs, output: Output, selection: Selection, order: Order,
                   author: AuthorOpt = None, field_name: FieldOpt = "all", min_score: MinScoreOpt = SEARCH_MIN_SCORE,
                   limit: LimitOpt = SEARCH_LIMIT) -> None:
    """Ranked fuzzy search (typos and word order tolerated), best match first, with its score.

    JSON output is the work objects, each with a `match` object: {score, field}.

    \b
    Examples:
      scholar search "knowlege distilation" seeds/
      scholar search '"multiple clustering"' --field title --json seeds/ | jq -r '.[].title'
      scholar search "Qian" --field authors --since 2024 seeds/
    """
    from scholarcli.query.search import check_query, order_hits, search

    field_name = check_query(query, field_name)
    fmt, filters = output.choose(HITS), selection.filters(author)
    loaded = inputs.load()
    found = search(loaded.select(filters), query, field_name, min_score)
    hits = order_hits(found, order.by, order.reverse, limit)
    if not hits:
        raise NothingFoundError(f"nothing matches {quoted(query)}")
    if len(hits) < len(found):
        info(f"showing {len(hits)} of {len(found)} matches; --limit N shows more")
    emit(HITS, fmt, hits)
