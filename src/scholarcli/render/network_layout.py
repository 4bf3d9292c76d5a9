"""A deterministic radial layout of a coauthor network: the person in the middle, coauthors around them.

Coauthors who share more works sit closer and are drawn larger; around the circle they follow a chain in
which each is placed next to the coauthor it shares most works with, so groups stay together. There is no
randomness and no iteration to converge: the same network always gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Radius of the smallest and the largest coauthor node, and of the person's node.
NODE_MIN, NODE_MAX, CENTRE_RADIUS = 5.0, 16.0, 22.0
#: Distance from the centre of the closest and the farthest coauthors (before crowding pushes them out).
RING_INNER, RING_OUTER = 110.0, 230.0
#: Space kept between neighbouring nodes.
GAP = 6.0
#: Label font size and the width of one character as a share of it (a generous sans-serif average).
FONT_SIZE, CHAR_WIDTH = 11.0, 0.62
#: How many times a label that would cover another is moved outwards, a little each time, to find room.
LABEL_STEPS = 8


@dataclass(frozen=True, slots=True)
class Node:
    """A person placed in the picture: centre (x, y), radius, shared works, and where the label goes."""

    name: str
    works: int
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: start, middle or end


@dataclass(frozen=True, slots=True)
class Edge:
    """A line between two placed people, weighted by the works they share."""

    a: Node
    b: Node
    weight: int


@dataclass(frozen=True, slots=True)
class NetworkLayout:
    """The placed network and the box (min_x, min_y, width, height) that holds it, labels included."""

    centre: Node
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    view_box: tuple[float, float, float, float]


def _ring_order(coauthors: Sequence[tuple[str, int]], edges: Mapping[tuple[str, str], int]) -> list[tuple[str, int]]:
    """Coauthors in circle order: start with the one sharing most works, then always step to the unplaced
    coauthor most tied to the last one placed (ties: more works, then name), or the next heaviest if none is."""
    weight: dict[str, dict[str, int]] = {name: {} for name, _ in coauthors}
    for (a, b), n in edges.items():
        if a in weight and b in weight:
            weight[a][b] = n
            weight[b][a] = n
    rank = sorted(coauthors, key=lambda c: (-c[1], c[0].casefold(), c[0]))
    left = dict(rank)
    order: list[tuple[str, int]] = []
    while left:
        last = order[-1][0] if order else None
        tied = [(weight[last][name], works, name) for name, works in left.items() if last and name in weight[last]]
        if tied:
            _, works, name = min(tied, key=lambda t: (-t[0], -t[1], t[2].casefold(), t[2]))
        else:
            name, works = next(iter(left.items()))
        order.append((name, works))
        del left[name]
    return order


def _radius(works: int, most: int) -> float:
    return NODE_MIN + (NODE_MAX - NODE_MIN) * math.sqrt(works / most) if most else NODE_MIN


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _label(x: float, y: float, r: float, angle: float, name: str, extra: float = 0.0) -> tuple[float, float, str, Box]:
    """Label position outside the node (pushed `extra` further out) along its direction from the centre,
    its SVG anchor, and the box its text takes."""
    dx, dy = math.cos(angle), math.sin(angle)
    lx, ly = x + dx * (r + 4 + extra), y + dy * (r + 4 + extra) + FONT_SIZE * 0.35
    width = len(name) * FONT_SIZE * CHAR_WIDTH
    if dx > 0.3:
        anchor, left = "start", lx
    elif dx < -0.3:
        anchor, left = "end", lx - width
    else:
        anchor, left = "middle", lx - width / 2
        ly += FONT_SIZE * 0.6 * (1 if dy > 0 else -1)
    return lx, ly, anchor, (left, ly - FONT_SIZE * 0.85, left + width, ly + FONT_SIZE * 0.25)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _free_label(
    x: float, y: float, r: float, angle: float, name: str, taken: list[Box]
) -> tuple[float, float, str, Box]:
    """The nearest label position (stepping outwards) whose text box overlaps no node and no earlier label."""
    best = None
    for step in range(LABEL_STEPS):
        lx, ly, anchor, box = _label(x, y, r, angle, name, step * FONT_SIZE * 0.8)
        clashes = sum(1 for other in taken if _overlaps(box, other))
        if best is None or clashes < best[0]:
            best = (clashes, (lx, ly, anchor, box))
        if clashes == 0:
            break
    assert best is not None
    return best[1]


def _r(value: float) -> float:
    return round(value, 1)


def layout_network(
    person: str, coauthors: Sequence[tuple[str, int]], edges: Mapping[tuple[str, str], int]
) -> NetworkLayout:
    """Place `person` at (0, 0) and each (name, shared works) coauthor around them.

    `edges` maps name pairs (either order) to shared works, as `query.coauthors` gives them; pairs naming
    someone not placed are left out, and edges to the person are drawn with the coauthor's shared works.
    """
    most = max((w for _, w in coauthors), default=0)
    least = min((w for _, w in coauthors), default=0)
    order = _ring_order(coauthors, edges)
    spans = [2 * _radius(w, most) + GAP for _, w in order]
    total = sum(spans)
    # Nodes share the circle in proportion to their size; crowding moves every ring out so neighbours never touch.
    floor = 1.25 * total / (2 * math.pi)
    inner = max(RING_INNER, floor, CENTRE_RADIUS + NODE_MAX + 2 * GAP)
    outer = max(RING_OUTER, inner + (RING_OUTER - RING_INNER) / 2)
    places: list[tuple[str, int, float, float, float, float]] = []
    travelled = 0.0
    for (name, works), span in zip(order, spans, strict=True):
        angle = -math.pi / 2 + 2 * math.pi * (travelled + span / 2) / total  # clockwise from the top
        travelled += span
        share = (works - least) / (most - least) if most > least else 1.0
        distance = outer - (outer - inner) * share
        places.append((name, works, distance * math.cos(angle), distance * math.sin(angle), _radius(works, most),
                       angle))
    circles: list[Box] = [(x - r, y - r, x + r, y + r) for _, _, x, y, r, _ in places]
    circles.append((-CENTRE_RADIUS, -CENTRE_RADIUS, CENTRE_RADIUS, CENTRE_RADIUS))
    taken = list(circles)
    clx, cly, _, centre_box = _label(0, 0, CENTRE_RADIUS, math.pi / 2, person)
    taken.append(centre_box)
    centre = Node(person, sum(w for _, w in coauthors), 0.0, 0.0, CENTRE_RADIUS, _r(clx), _r(cly), "middle")
    placed: dict[str, Node] = {}
    for name, works, x, y, r, angle in places:
        lx, ly, anchor, box = _free_label(x, y, r, angle, name, taken)
        taken.append(box)
        placed[name] = Node(name, works, _r(x), _r(y), _r(r), _r(lx), _r(ly), anchor)
    lines = [Edge(centre, node, node.works) for node in placed.values()]
    seen: set[tuple[str, str]] = set()
    for (a, b), weight in sorted(edges.items()):
        pair = (a, b) if a <= b else (b, a)
        if a in placed and b in placed and pair not in seen:
            seen.add(pair)
            lines.append(Edge(placed[pair[0]], placed[pair[1]], weight))
    pad = 8.0
    min_x = min(b[0] for b in taken) - pad
    min_y = min(b[1] for b in taken) - pad
    max_x = max(b[2] for b in taken) + pad
    max_y = max(b[3] for b in taken) + pad
    box = (_r(min_x), _r(min_y), _r(max_x - min_x), _r(max_y - min_y))
    return NetworkLayout(centre, tuple(placed.values()), tuple(lines), box)
