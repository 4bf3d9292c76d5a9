"""Coauthor networks as Graphviz DOT and Mermaid, edge weights equal to shared works."""

from __future__ import annotations

import re
from typing import TextIO

from scholarcli.model.results import Coauthors


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_dot(network: Coauthors, out: TextIO) -> None:
    """An undirected Graphviz graph: the chosen author highlighted, `weight` and `label` = shared works."""
    out.write("graph coauthors {\n")
    out.write('  graph [overlap=false, splines=true];\n  node [shape=ellipse, fontname="Helvetica"];\n')
    out.write(f"  {_dot_quote(network.author)} [style=filled, fillcolor=lightblue];\n")
    for row in network.rows:
        out.write(f"  {_dot_quote(row.name)};\n")
    for (a, b), weight in sorted(network.edges.items()):
        style = f"weight={weight}, label={weight}, penwidth={min(weight, 8)}"
        out.write(f"  {_dot_quote(a)} -- {_dot_quote(b)} [{style}];\n")
    out.write("}\n")


def _mermaid_id(names: dict[str, str], name: str) -> str:
    if name not in names:
        names[name] = f"p{len(names)}"
    return names[name]


def _mermaid_label(text: str) -> str:
    """Text safe inside a quoted Mermaid label: `#` and markup as entity codes, brackets as quotes."""
    text = text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return re.sub(r"[\[\]]", "'", text)


def write_mermaid(network: Coauthors, out: TextIO) -> None:
    """A Mermaid flowchart with one node per person and `-- N --` edges labelled with shared works."""
    ids: dict[str, str] = {}
    out.write("graph LR\n")
    people = [network.author, *(r.name for r in network.rows)]
    for name in people:
        out.write(f'  {_mermaid_id(ids, name)}["{_mermaid_label(name)}"]\n')
    for (a, b), weight in sorted(network.edges.items()):
        out.write(f"  {_mermaid_id(ids, a)} ---|{weight}| {_mermaid_id(ids, b)}\n")
    out.write(f"  style {_mermaid_id(ids, network.author)} fill:#bde0fe\n")
