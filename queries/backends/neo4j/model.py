"""How policygraph's graph is laid out in Neo4j, and how to reach a server.

Every node carries the label `Policygraph` (its `id` is unique under it) and one label for
its kind: `Document`, `Unit`, `Place` (`Other` for a kind this module does not know).
An edge is a relationship whose type is the edge type in capitals (`implements` ->
`IMPLEMENTS`). Properties are the node's or edge's attributes as they are, where Neo4j can
hold them (strings, numbers, booleans, lists of one of those); anything else (`more_tasks`,
a list of maps) is stored as a JSON string and its name listed in `pg_json`; attributes whose
value is null are listed in `pg_null`, so that reading a node back gives exactly the
attributes the store holds. The other `pg_` properties are policygraph's bookkeeping:

* `pg_hash` (nodes and relationships): a hash of everything else, which `push` compares
  with the local graph to send only what changed;
* `pg_uid`, `pg_key` (relationships): the edge's identity (`[source, key, target]` as JSON)
  and its key in the local graph (`assigns@body`);
* `pg_in`, `pg_out` (relationships): the edge's position among its target's incoming and
  its source's outgoing edges, so answers walk edges in the embedded store's order;
* `pg_symbol_key` (documents), `pg_name_key` (units): the folded symbol and name that
  `documents_by_symbol` and `units_by_name` look up through an index.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from policygraph.queries.registry import BackendOptions

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"

NODE_LABEL = "Policygraph"
KIND_LABELS = {"document": "Document", "unit": "Unit", "place": "Place"}
OTHER_LABEL = "Other"
ALL_KIND_LABELS = (*KIND_LABELS.values(), OTHER_LABEL)

_EDGE_TYPE = re.compile(r"^[a-z][a-z_]*$")
_PRIMITIVES = (str, int, float, bool)


class Neo4jConnectionError(RuntimeError):
    """The server cannot be used: the message is one line for the user."""


def kind_label(kind: str | None) -> str:
    return KIND_LABELS.get(kind or "", OTHER_LABEL)


def rel_type(edge_type: str) -> str:
    """The relationship type of an edge type; only plain names, since a type cannot be a parameter."""
    if not _EDGE_TYPE.match(edge_type or ""):
        raise ValueError(f"edge type {edge_type!r} cannot be a Neo4j relationship type")
    return edge_type.upper()


def edge_type(relationship_type: str) -> str:
    return relationship_type.lower()


def _storable(value: Any) -> bool:
    """Whether Neo4j stores `value` as it is: a primitive, or a list of primitives of one type."""
    if isinstance(value, _PRIMITIVES):
        return not isinstance(value, int) or isinstance(value, bool) or -(1 << 63) <= value < (1 << 63)
    if isinstance(value, list):
        kinds = {bool if isinstance(v, bool) else type(v) for v in value}
        return len(kinds) <= 1 and all(isinstance(v, _PRIMITIVES) and _storable(v) for v in value)
    return False


def encode(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes as Neo4j properties (see the module's docstring)."""
    props: dict[str, Any] = {}
    nested: list[str] = []
    nulls: list[str] = []
    for key, value in attrs.items():
        if key.startswith("pg_"):
            raise ValueError(f"attribute {key!r}: the pg_ prefix is policygraph's bookkeeping in Neo4j")
        if value is None:
            nulls.append(key)
        elif _storable(value):
            props[key] = value
        else:
            props[key] = json.dumps(value, ensure_ascii=False)
            nested.append(key)
    if nested:
        props["pg_json"] = sorted(nested)
    if nulls:
        props["pg_null"] = sorted(nulls)
    return props


def decode(props: dict[str, Any]) -> dict[str, Any]:
    """The attributes that `encode` stored (bookkeeping left out)."""
    attrs = {k: v for k, v in props.items() if not k.startswith("pg_")}
    for key in props.get("pg_json") or ():
        attrs[key] = json.loads(attrs[key])
    for key in props.get("pg_null") or ():
        attrs[key] = None
    return attrs


def decode_node(props: dict[str, Any]) -> dict[str, Any]:
    """A node's attributes: its properties less the bookkeeping and the `id` it is found by."""
    attrs = decode(props)
    attrs.pop("id", None)
    return attrs


def content_hash(*parts: Any) -> str:
    """A short hash of JSON-able parts (key order does not matter)."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def edge_uid(source: str, key: str, target: str) -> str:
    return json.dumps([source, key, target], ensure_ascii=False)


def connect(options: BackendOptions) -> tuple[Driver, str]:
    """A driver for the server named by `options` and the database to use, checked: the
    server answers, the login is accepted and the database exists. Otherwise one line."""
    uri = options.uri or DEFAULT_URI
    user = options.user or DEFAULT_USER
    database = options.database or DEFAULT_DATABASE
    try:
        driver = GraphDatabase.driver(uri, auth=(user, options.password or ""), connection_timeout=10,
                                      max_transaction_retry_time=5, notifications_min_severity="OFF")
    except (ConfigurationError, ValueError) as exc:
        raise Neo4jConnectionError(f"bad Neo4j URI {uri!r}: {first_line(exc)}") from None
    try:
        driver.verify_connectivity()
        driver.execute_query("RETURN 1", database_=database)
    except BaseException as exc:
        driver.close()
        raise connection_error(exc, uri, user, database) from None
    return driver, database


def connection_error(exc: BaseException, uri: str, user: str, database: str) -> BaseException:
    """The one-line error for a failure to use the server (other exceptions as they are)."""
    if isinstance(exc, AuthError):
        return Neo4jConnectionError(f"Neo4j at {uri} refused the login of user {user!r}: wrong user name or password")
    if isinstance(exc, Neo4jError) and exc.code and "DatabaseNotFound" in exc.code:
        return Neo4jConnectionError(f"Neo4j at {uri} has no database {database!r}")
    if isinstance(exc, ServiceUnavailable):
        return Neo4jConnectionError(f"cannot reach Neo4j at {uri} ({first_line(exc)}): is the server running?")
    if isinstance(exc, (Neo4jError, DriverError)):
        return Neo4jConnectionError(f"Neo4j at {uri}: {first_line(exc)}")
    return exc


def first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0].rstrip(": ") if text.strip() else type(exc).__name__
