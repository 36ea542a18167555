"""What is made from a store: files for other tools (``export``), the part of the graph to draw (``subgraph``)
and the HTML network (``visualise``)."""
