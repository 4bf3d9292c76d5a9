"""`scholar dedupe` (why records merged) and `scholar formats` (the layouts scholar reads)."""

from typing import Annotated

import typer

from scholarcli.cli.options import Inputs, Output, command, emit
from scholarcli.cli.root import app
from scholarcli.render.registry import DEDUPE

ThresholdOpt = Annotated[
    float | None,
    typer.Option("--threshold", "-t", min=0, max=100, show_default=False, metavar="T",
                 help="Fuzzy title similarity (0-100) to merge at; default 88."),
]


@command(app, "dedupe", DEDUPE)
def dedupe_command(inputs: Inputs, output: Output, threshold: ThresholdOpt = None) -> None:
    """Explain deduplication: each merged cluster with the rule that merged it, and the near-misses kept apart.

    \b
    Examples:
      scholar dedupe seeds/
      scholar dedupe --json seeds/ | jq '.clusters[] | {title, rules: [.links[].rule]}'
      scholar dedupe --threshold 92 --json seeds/ | jq '.near_misses[] | [.score, .reason]'
    """
    from scholarcli.pipeline import audit

    fmt = output.choose(DEDUPE)
    emit(DEDUPE, fmt, audit(inputs.load(dedupe=False).records, threshold))


@app.command("formats")
def formats() -> None:
    """List the page layouts scholar reads, one line each.

    \b
    Example:
      scholar formats
      scholar list-works --from feed related.txt
    """
    from scholarcli.layouts import NAMES, all_layouts

    width = max(len(name) for name in NAMES)
    for layout in all_layouts():
        print(f"{layout.name:<{width}}  {layout.summary}")
