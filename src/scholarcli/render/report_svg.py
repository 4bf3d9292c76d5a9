"""Inline SVG charts for the HTML report: works per year as bars, and the placed coauthor network.

Both are plain strings with every text escaped, coloured through CSS classes so that the page's light and
dark schemes (and print) apply to them, and titled for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from html import escape

from scholarcli.render.network_layout import NetworkLayout

#: Plot area of the year chart, in SVG units, and the margins around it for the axes.
PLOT_HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 180.0, 44.0, 40.0, 18.0, 12.0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _nice_step(top: int) -> int:
    """A tick step (1, 2, 5, 10, 20, 50, …) giving at most about five ticks up to `top`."""
    step = 1
    while top / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if top / step <= 5:
                break
    return step


def year_chart(per_year: Mapping[int, int]) -> str:
    """Works per year: one bar (with a `<title>` tooltip and a count label) per year that has works.

    Years between the first and the last that have no works keep their place on the axis, with no bar.
    """
    if not per_year:
        return ""
    first, last = min(per_year), max(per_year)
    years = list(range(first, last + 1))
    slot = max(10.0, min(44.0, 640.0 / len(years)))
    width = LEFT + slot * len(years) + RIGHT
    height = TOP + PLOT_HEIGHT + BOTTOM
    top = max(per_year.values())
    step = _nice_step(top)
    scale_top = math.ceil(top / step) * step
    total = sum(per_year.values())
    title = f"Works per year, {first}–{last}: {_plural(total, 'work')} in {_plural(len(per_year), 'year')}"
    out = [
        f'<svg class="chart years" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'role="img" aria-labelledby="years-title years-desc">',
        f'<title id="years-title">{escape(title)}</title>',
        '<desc id="years-desc">'
        + escape("; ".join(f"{y}: {per_year[y]}" for y in sorted(per_year)))
        + "</desc>",
    ]
    base = TOP + PLOT_HEIGHT
    for tick in range(0, scale_top + 1, step):
        y = base - PLOT_HEIGHT * tick / scale_top
        out.append(f'<line class="grid" x1="{LEFT}" x2="{width - RIGHT:.1f}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    every = max(1, math.ceil(34.0 / slot))  # a year label needs about 34 units
    for n, year in enumerate(years):
        x = LEFT + slot * n
        count = per_year.get(year, 0)
        if count:
            h = PLOT_HEIGHT * count / scale_top
            out.append(
                f'<rect class="bar" data-year="{year}" data-count="{count}" x="{x + slot * 0.12:.1f}" '
                f'y="{base - h:.1f}" width="{slot * 0.76:.1f}" height="{h:.1f}">'
                f"<title>{year}: {_plural(count, 'work')}</title></rect>"
            )
            if slot >= 16:
                out.append(
                    f'<text class="count" x="{x + slot / 2:.1f}" y="{base - h - 4:.1f}" '
                    f'text-anchor="middle">{count}</text>'
                )
        if (year - first) % every == 0:
            out.append(
                f'<text class="tick" x="{x + slot / 2:.1f}" y="{base + 16:.1f}" text-anchor="middle">{year}</text>'
            )
    out.append(f'<line class="axis" x1="{LEFT}" x2="{width - RIGHT:.1f}" y1="{base}" y2="{base}"/>')
    out.append(f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}"/>')
    out.append(
        f'<text class="axis-label" x="{LEFT + slot * len(years) / 2:.1f}" y="{height - 4:.1f}" '
        'text-anchor="middle">Year</text>'
    )
    out.append(
        f'<text class="axis-label" transform="translate(12 {TOP + PLOT_HEIGHT / 2:.1f}) rotate(-90)" '
        'text-anchor="middle">Works</text>'
    )
    out.append("</svg>")
    return "".join(out)


def _stroke(weight: int) -> float:
    return round(min(1.0 + 1.5 * math.log2(weight), 7.0), 2) if weight > 0 else 1.0


def network_chart(layout: NetworkLayout) -> str:
    """The coauthor network: lines weighted by shared works (each with a `<title>`), then nodes and names."""
    x, y, w, h = layout.view_box
    centre = layout.centre
    title = (
        f"Coauthor network of {centre.name}: {_plural(len(layout.nodes), 'coauthor')}, "
        "nearer and larger for more shared works"
    )
    out = [
        f'<svg class="chart network" viewBox="{x} {y} {w} {h}" width="{w:.0f}" height="{h:.0f}" '
        'role="img" aria-labelledby="network-title">',
        f'<title id="network-title">{escape(title)}</title>',
        '<g class="edges">',
    ]
    for edge in layout.edges:
        kind = "spoke" if edge.a is centre else "link"
        out.append(
            f'<line class="{kind}" x1="{edge.a.x}" y1="{edge.a.y}" x2="{edge.b.x}" y2="{edge.b.y}" '
            f'stroke-width="{_stroke(edge.weight)}"><title>{escape(edge.a.name)} – {escape(edge.b.name)}: '
            f"{_plural(edge.weight, 'shared work')}</title></line>"
        )
    out.append('</g><g class="nodes">')
    for node in (*layout.nodes, centre):
        cls = "person" if node is centre else "coauthor"
        tip = f"{node.name}" if node is centre else f"{node.name}: {_plural(node.works, 'shared work')}"
        out.append(
            f'<g class="node {cls}"><title>{escape(tip)}</title>'
            f'<circle cx="{node.x}" cy="{node.y}" r="{node.r}"/>'
            f'<text x="{node.label_x}" y="{node.label_y}" text-anchor="{node.anchor}">{escape(node.name)}</text></g>'
        )
    out.append("</g></svg>")
    return "".join(out)
