"""The `policygraph` command line."""

import click


@click.group()
def main() -> None:
    """policygraph: Vietnamese directives and their implementations as a graph."""
