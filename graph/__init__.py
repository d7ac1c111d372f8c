"""Identity (canonical keys, resolution) and storage of the graph."""
