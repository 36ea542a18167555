"""The layout of every drawn graph, in plain Python: hubs by force, the rest around them.

Why not networkx's ``spring_layout``: it needs numpy (not a dependency of missiongraph) and, above 500 nodes,
either scipy (a Python loop over the nodes per iteration) or dense n-by-n arrays (5,000 nodes: 400 MB per
iteration). A pure-Python force layout over all 5,000 nodes costs about 0.15 s per iteration, and needs dozens.

The graphs we draw are hub-shaped: documents point at a few popular missions, ministries, countries and
Kamerstukken. So:

1. the ``ANCHORS`` nodes of highest degree are laid out by Fruchterman-Reingold (all pairs, cheap at that size)
   on the graph of anchors, two anchors linked by their own edges and by the neighbours they share; each anchor
   repels in proportion to the room its leaves will need;
2. every other node goes, in breadth-first order from the anchors, to the centre of its placed neighbours, or,
   when it has only one placed neighbour, on a sunflower spiral around that neighbour (a leaf disk);
   then the whole is spread radially to an even density (hubs pull many-hub nodes into a dense core);
3. components without an anchor (isolated nodes, small islands) grow the same way from their own
   highest-degree node, seeded on a sunflower disk beside the main picture;
4. a few passes push apart nodes closer than one unit (a grid finds the close pairs).

The cost is O(ANCHORS^2 * iterations + nodes + edges); measured in bench/bench_viz.py.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Hashable

import networkx as nx

ANCHORS = 80                 # hubs laid out by force
ANCHOR_ITERATIONS = 120
SEPARATION_PASSES = 4
LAYOUT_SPACING = 35.0        # pixels per unit (vis-network's nodes here are 8-40 px wide)
_GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))


def layout_positions(graph: nx.Graph, *, seed: int = 0,
                     spacing: float = LAYOUT_SPACING) -> dict[Hashable, tuple[float, float]]:
    """Positions {node: (x, y)} in pixels, centred on (0, 0). Deterministic for a given seed and node order."""
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for u, v in graph.edges():
        a, b = index[u], index[v]
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    adjacency = [sorted(s) for s in neighbours]  # sorted: deterministic visiting order
    degree = [len(s) for s in adjacency]
    rnd = random.Random(seed)

    by_degree = sorted(range(n), key=lambda i: -degree[i])  # stable: ties keep node order
    anchors = [i for i in by_degree[:ANCHORS] if degree[i] > 0]
    xs = [0.0] * n
    ys = [0.0] * n
    placed = [False] * n
    if anchors:
        for i, (x, y) in zip(anchors, _anchor_layout(anchors, adjacency, degree, rnd), strict=True):
            xs[i], ys[i] = x, y
            placed[i] = True

    spiral_count = [0] * n
    queue = deque(anchors)
    _spread(queue, adjacency, xs, ys, placed, spiral_count, rnd)
    _equalise_density([i for i in range(n) if placed[i]], xs, ys)

    # Components without an anchor (isolated nodes, small islands), largest degree first: their seeds fill a
    # sunflower disk beside the main picture, and each grows from its seed as above.
    leftovers = [i for i in by_degree if not placed[i]]
    if leftovers:
        right = max((xs[i] for i in range(n) if placed[i]), default=0.0)
        disk = 2.0 * math.sqrt(len(leftovers))
        centre_x = right + disk + 4.0
        centre_y = sum(ys[i] for i in range(n) if placed[i]) / max(1, sum(placed))
        seat = 0
        for i in leftovers:
            if placed[i]:
                continue
            radius = 2.0 * math.sqrt(seat + 0.5)
            xs[i] = centre_x + radius * math.cos(seat * _GOLDEN_ANGLE)
            ys[i] = centre_y + radius * math.sin(seat * _GOLDEN_ANGLE)
            placed[i] = True
            seat += 1
            queue.append(i)
            _spread(queue, adjacency, xs, ys, placed, spiral_count, rnd)

    for _ in range(SEPARATION_PASSES):
        _separate(xs, ys, rnd)

    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    return {node: (round((xs[i] - mean_x) * spacing, 1), round((ys[i] - mean_y) * spacing, 1))
            for i, node in enumerate(nodes)}


def _anchor_layout(anchors: list[int], adjacency: list[list[int]], degree: list[int],
                   rnd: random.Random) -> list[tuple[float, float]]:
    """Fruchterman-Reingold on the anchors; returns one position per anchor, in units."""
    a = len(anchors)
    slot = {node: k for k, node in enumerate(anchors)}
    weight: dict[tuple[int, int], float] = {}

    def link(p: int, q: int) -> None:
        key = (p, q) if p < q else (q, p)
        weight[key] = weight.get(key, 0.0) + 1.0

    for node in anchors:                       # direct edges between anchors
        for other in adjacency[node]:
            if other in slot and slot[node] < slot[other]:
                link(slot[node], slot[other])
    for node, others in enumerate(adjacency):  # shared neighbours (at most 12 anchors per node: bounded cost)
        if node in slot:
            continue
        shared = [slot[o] for o in others if o in slot][:12]
        for p in range(len(shared)):
            for q in range(p + 1, len(shared)):
                link(shared[p], shared[q])
    springs = [(p, q, math.log1p(w)) for (p, q), w in sorted(weight.items())]

    # Room per anchor: a leaf disk of about `degree` nodes has radius sqrt(degree).
    room = [1.0 + math.sqrt(degree[node]) for node in anchors]
    side = math.sqrt(sum(r * r for r in room)) * 2.0
    xs = [rnd.uniform(0.0, side) for _ in range(a)]
    ys = [rnd.uniform(0.0, side) for _ in range(a)]
    temperature = side / 4.0
    cooling = temperature / ANCHOR_ITERATIONS
    for _ in range(ANCHOR_ITERATIONS):
        dx = [0.0] * a
        dy = [0.0] * a
        for p in range(a):
            for q in range(p + 1, a):
                ddx = xs[p] - xs[q]
                ddy = ys[p] - ys[q]
                d2 = ddx * ddx + ddy * ddy + 1e-6
                k = room[p] + room[q]
                f = k * k / d2           # (k^2 / d) along the unit vector
                dx[p] += ddx * f
                dy[p] += ddy * f
                dx[q] -= ddx * f
                dy[q] -= ddy * f
        for p, q, w in springs:
            ddx = xs[p] - xs[q]
            ddy = ys[p] - ys[q]
            d = math.sqrt(ddx * ddx + ddy * ddy)
            f = w * d / (room[p] + room[q])  # (w d^2 / k) along the unit vector
            dx[p] -= ddx * f
            dy[p] -= ddy * f
            dx[q] += ddx * f
            dy[q] += ddy * f
        cx = sum(xs) / a
        cy = sum(ys) / a
        for p in range(a):
            fx = dx[p] - 0.05 * (xs[p] - cx)   # weak gravity keeps unlinked anchors near
            fy = dy[p] - 0.05 * (ys[p] - cy)
            length = math.sqrt(fx * fx + fy * fy)
            if length > temperature:
                fx *= temperature / length
                fy *= temperature / length
            xs[p] += fx
            ys[p] += fy
        temperature = max(temperature - cooling, 0.05)
    return list(zip(xs, ys, strict=True))


def _spread(queue: deque[int], adjacency: list[list[int]], xs: list[float], ys: list[float],
            placed: list[bool], spiral_count: list[int], rnd: random.Random) -> None:
    """Breadth-first from the queued (placed) nodes: place each unplaced neighbour near its placed neighbours."""
    while queue:
        parent = queue.popleft()
        for node in adjacency[parent]:
            if placed[node]:
                continue
            placed_here = [o for o in adjacency[node] if placed[o]]
            if len(placed_here) == 1:   # a leaf of `parent` so far: next seat on its sunflower spiral
                c = spiral_count[parent]
                spiral_count[parent] += 1
                r = math.sqrt(c + 2.0)
                xs[node] = xs[parent] + r * math.cos(c * _GOLDEN_ANGLE)
                ys[node] = ys[parent] + r * math.sin(c * _GOLDEN_ANGLE)
            else:                        # between its placed neighbours, a little off the exact centre
                xs[node] = sum(xs[o] for o in placed_here) / len(placed_here) + rnd.uniform(-1.0, 1.0)
                ys[node] = sum(ys[o] for o in placed_here) / len(placed_here) + rnd.uniform(-1.0, 1.0)
            placed[node] = True
            queue.append(node)


def _equalise_density(members: list[int], xs: list[float], ys: list[float]) -> None:
    """Move nodes along the ray from the centre so that the density is even (the k-th closest node ends at
    radius sqrt(k), as on a sunflower): the dense core, where many-hub nodes meet, opens up; directions and the
    order of distances are kept, so neighbours stay neighbours."""
    if not members:
        return
    cx = sum(xs[i] for i in members) / len(members)
    cy = sum(ys[i] for i in members) / len(members)
    order = sorted(members, key=lambda i: (xs[i] - cx) ** 2 + (ys[i] - cy) ** 2)
    for rank, i in enumerate(order):
        dx = xs[i] - cx
        dy = ys[i] - cy
        d = math.sqrt(dx * dx + dy * dy)
        target = math.sqrt(rank + 1.0)
        if d < 1e-9:
            dx, dy, d = math.cos(rank * _GOLDEN_ANGLE), math.sin(rank * _GOLDEN_ANGLE), 1.0
        xs[i] = cx + dx * target / d
        ys[i] = cy + dy * target / d


def _separate(xs: list[float], ys: list[float], rnd: random.Random) -> None:
    """One pass pushing apart every pair closer than one unit (each moves half the overlap)."""
    n = len(xs)
    grid: dict[tuple[int, int], list[int]] = {}
    for i in range(n):
        grid.setdefault((math.floor(xs[i]), math.floor(ys[i])), []).append(i)
    for (cx, cy), members in grid.items():
        near = [grid.get((cx + 1, cy)), grid.get((cx + 1, cy + 1)), grid.get((cx, cy + 1)),
                grid.get((cx - 1, cy + 1))]
        for pos, i in enumerate(members):
            for group in (members[pos + 1:], *near):
                if not group:
                    continue
                for j in group:
                    ddx = xs[i] - xs[j]
                    ddy = ys[i] - ys[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 >= 1.0:
                        continue
                    if d2 < 1e-12:
                        ddx, ddy, d2 = rnd.uniform(-0.1, 0.1), rnd.uniform(-0.1, 0.1), 0.0
                        d2 = ddx * ddx + ddy * ddy
                    d = math.sqrt(d2)
                    push = (1.0 - d) / (2.0 * d)
                    xs[i] += ddx * push
                    ys[i] += ddy * push
                    xs[j] -= ddx * push
                    ys[j] -= ddy * push
