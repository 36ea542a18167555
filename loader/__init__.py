"""missiongraph: Dutch government documents about international missions as a graph.

In Python (docs/python.md)::

    import missiongraph as mg
    g = mg.open("corpus.lbug")          # or mg.open("bolt://127.0.0.1:7687")
    g.load(["stukken/"])
    g.query("missions-overview").df()
"""

__version__ = '0.1.0'

from .api import Graph, Rows, Viz, open  # noqa: E402  (the API imports its stores only when called)

__all__ = ["Graph", "Rows", "Viz", "open", "__version__"]
