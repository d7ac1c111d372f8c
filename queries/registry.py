"""Backends by name: the embedded store, Neo4j, SPARQL, or one another package provides.

A backend is found through the `policygraph.backends` entry-point group (the way networkx
lets other packages serve its algorithms): each entry names a factory that takes the
`BackendOptions` of a command and returns a `Backend`. policygraph registers its own in
pyproject.toml; a third package adds one by declaring an entry point of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from policygraph.queries.backend import Backend

GROUP = "policygraph.backends"
DEFAULT = "embedded"


class BackendError(RuntimeError):
    """A backend could not be opened: the message is one line for the user."""


@dataclass(frozen=True)
class BackendOptions:
    """Where a backend's data is: a store folder, or a server and how to log in."""

    store: str | None = None
    uri: str | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(cls, **given: str | None) -> BackendOptions:
        """Options given on the command line, else the usual environment variables."""
        env = {"store": "POLICYGRAPH_STORE", "uri": "NEO4J_URI", "user": "NEO4J_USER",
               "password": "NEO4J_PASSWORD", "database": "NEO4J_DATABASE"}
        return cls(**{name: given.get(name) or os.environ.get(var) for name, var in env.items()})


Factory = Callable[[BackendOptions], Backend]

# policygraph's own backends, as pyproject.toml registers them: also found when the package
# runs from a source tree whose entry points were never installed.
BUILTIN = {
    "embedded": "policygraph.queries.backends.embedded:open_embedded",
    "neo4j": "policygraph.queries.backends.neo4j.backend:open_neo4j",
    "sparql": "policygraph.queries.backends.sparql:open_sparql",
}


def available() -> dict[str, EntryPoint]:
    """Backends by name (loaded lazily: naming one imports only that one)."""
    found = {name: EntryPoint(name, value, GROUP) for name, value in BUILTIN.items()}
    found.update({ep.name: ep for ep in entry_points(group=GROUP)})
    return found


def open_backend(name: str | None, options: BackendOptions) -> Backend:
    """The backend `name` (default: the embedded store) opened with `options`."""
    name = name or DEFAULT
    found = available()
    if name not in found:
        raise BackendError(f"no backend named {name!r} (installed: {', '.join(sorted(found))})")
    factory: Factory = found[name].load()
    return factory(options)
