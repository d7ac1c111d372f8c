"""Drawing the graph: pyvis pages and the local web app."""
