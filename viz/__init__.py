"""Interactive HTML visualisations."""

from .html import render_html, write_html
from .layout import layout_positions
from .neighbourhood import graph_neighbourhood
from .network import LARGE_GRAPH_NODES, build_network

__all__ = ["LARGE_GRAPH_NODES", "build_network", "graph_neighbourhood", "layout_positions", "render_html",
           "write_html"]
