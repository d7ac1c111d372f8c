"""Questions over the graph: lineage, implementers, coverage, assignments, search, stats."""
