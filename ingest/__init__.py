"""Parse files into documents, citations, units and edges with provenance."""
