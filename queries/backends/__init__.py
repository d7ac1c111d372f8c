"""The backends policygraph ships (registered in pyproject.toml under `policygraph.backends`)."""
