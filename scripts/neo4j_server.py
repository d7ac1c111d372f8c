"""Start, stop or check the local Neo4j 5.26 server the tests (and `make test`, so CI) run against.

    python scripts/neo4j_server.py start    # download once, start, wait until Bolt answers
    python scripts/neo4j_server.py status
    python scripts/neo4j_server.py stop     # by the pid written at start

The server is the Community edition from Maven Central (org.neo4j:neo4j, which brings
the server, Bolt and Jetty): Maven copies its jars into HOME/lib once (they stay cached
in ~/.m2), and the server runs as `java -cp 'lib/*' org.neo4j.server.CommunityEntryPoint`.
It listens on 127.0.0.1 only, on a free Bolt port, HTTP and HTTPS off, with a small heap
and page cache. Authentication stays on with a generated password, written with the URI
to HOME/connection.json, which tests/neo4j_server.py reads.

HOME is $POLICYGRAPH_NEO4J_HOME, else .policygraph/neo4j-server in the repository; the heap
and page cache are $POLICYGRAPH_NEO4J_HEAP (512m) and $POLICYGRAPH_NEO4J_PAGECACHE (128m).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

VERSION = "5.26.30"
ROOT = Path(__file__).resolve().parent.parent
POM = Path(__file__).resolve().parent / "neo4j" / "pom.xml"
HOME = Path(os.environ.get("POLICYGRAPH_NEO4J_HOME") or ROOT / ".policygraph" / "neo4j-server")
START_TIMEOUT = float(os.environ.get("POLICYGRAPH_NEO4J_START_TIMEOUT", "180"))
HEAP = os.environ.get("POLICYGRAPH_NEO4J_HEAP", "512m")  # bench/neo4j.py gives more to 100k documents
PAGECACHE = os.environ.get("POLICYGRAPH_NEO4J_PAGECACHE", "128m")
JAVA_FLAGS = [  # the server asks for these on Java 17 (direct buffers, file channels)
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
]

CONF = """# Written by scripts/neo4j_server.py: a small server for tests, reachable from this machine only.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:{port}
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
server.memory.pagecache.size={pagecache}
db.tx_log.preallocate=false
db.tx_log.rotation.retention_policy=2 files
db.tx_log.rotation.size=16m
server.logs.gc.enabled=false
"""


class ServerError(RuntimeError):
    """One line for the user: why the server is not running."""


def say(message: str) -> None:
    print(f"neo4j-server: {message}", file=sys.stderr, flush=True)


def lib_dir() -> Path:
    return HOME / "lib"


def ensure_jars() -> None:
    """Copy the server's jars into HOME/lib with Maven (once; ~/.m2 keeps the downloads)."""
    marker = lib_dir() / f".complete-{VERSION}"
    if marker.exists():
        return
    if not shutil.which("java"):
        raise ServerError("java is not installed (Neo4j 5.26 needs Java 17 or 21: apt-get install openjdk-17-jre)")
    if not shutil.which("mvn"):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            raise ServerError("Maven (mvn) is not installed and cannot be installed here: install maven")
        say("installing Maven with apt-get")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "maven"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if lib_dir().exists():
        shutil.rmtree(lib_dir())
    say(f"copying org.neo4j:neo4j:{VERSION} and its dependencies into {lib_dir()} (Maven)")
    run = subprocess.run(["mvn", "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
                          f"-Dneo4j.version={VERSION}", f"-DoutputDirectory={lib_dir()}"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise ServerError(f"Maven could not fetch the server: {(run.stdout + run.stderr).strip()[-2000:]}")
    marker.touch()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def java_command(main_class: str, *args: str) -> list[str]:
    return ["java", f"-Xms{HEAP}", f"-Xmx{HEAP}", *JAVA_FLAGS, "-cp", f"{lib_dir()}/*", main_class, *args]


def connection_file() -> Path:
    return HOME / "connection.json"


def read_connection() -> dict | None:
    try:
        return json.loads(connection_file().read_text())
    except (OSError, ValueError):
        return None


def running_pid() -> int | None:
    """The server's pid if the process written at start is still alive."""
    info = read_connection()
    pid = info.get("pid") if info else None
    if not pid:
        return None
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and b"CommunityEntryPoint" not in cmdline.read_bytes():
        return None  # the pid was reused by another process
    return pid


def connects(uri: str, user: str, password: str) -> str | None:
    """None when the driver connects and authenticates, else the reason it does not."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    try:
        with GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5) as driver:
            driver.verify_connectivity()
            driver.execute_query("RETURN 1", database_="neo4j")  # the default database is online too
        return None
    except (ServiceUnavailable, Neo4jError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"


def start() -> dict:
    """Start the server unless it runs already; return the connection (uri, user, password)."""
    info = read_connection()
    if info and running_pid() and connects(info["uri"], info["user"], info["password"]) is None:
        say(f"already running (pid {info['pid']}) at {info['uri']}")
        return info
    ensure_jars()
    conf_dir, logs = HOME / "conf", HOME / "logs"
    conf_dir.mkdir(parents=True, exist_ok=True)
    logs.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (conf_dir / "neo4j.conf").write_text(CONF.format(port=port, pagecache=PAGECACHE))
    env = {**os.environ, "NEO4J_HOME": str(HOME), "NEO4J_CONF": str(conf_dir)}
    password_file = HOME / "password"
    if not (HOME / "data" / "dbms" / "auth.ini").exists():
        password = secrets.token_urlsafe(18)
        run = subprocess.run(java_command("org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password),
                             env=env, cwd=HOME, capture_output=True, text=True)
        if run.returncode != 0:
            raise ServerError(f"set-initial-password failed: {(run.stdout + run.stderr).strip()[-2000:]}")
        password_file.write_text(password)
        password_file.chmod(0o600)
    password = password_file.read_text().strip()
    console = open(logs / "console.log", "ab")
    process = subprocess.Popen(
        java_command("org.neo4j.server.CommunityEntryPoint", f"--home-dir={HOME}", f"--config-dir={conf_dir}"),
        env=env, cwd=HOME, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,  # not killed with the shell that started it; stopped by its pid
    )
    info = {"uri": f"bolt://127.0.0.1:{port}", "user": "neo4j", "password": password, "database": "neo4j",
            "pid": process.pid, "version": VERSION}
    connection_file().write_text(json.dumps(info, indent=2))
    connection_file().chmod(0o600)
    began = time.monotonic()
    reason = "not tried yet"
    while time.monotonic() - began < START_TIMEOUT:
        if process.poll() is not None:
            raise ServerError(f"the server exited with status {process.returncode} during start-up; "
                              f"last lines of {logs / 'console.log'}:\n{tail(logs / 'console.log')}")
        reason = connects(info["uri"], info["user"], info["password"])
        if reason is None:
            say(f"started (pid {process.pid}) at {info['uri']} in {time.monotonic() - began:.1f} s")
            return info
        time.sleep(1)
    stop()
    raise ServerError(f"no answer on {info['uri']} after {START_TIMEOUT:.0f} s ({reason}); "
                      f"last lines of {logs / 'console.log'}:\n{tail(logs / 'console.log')}")


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop() -> None:
    """Stop the server by the pid written at start: SIGTERM, then SIGKILL after 60 s."""
    pid = running_pid()
    if pid is None:
        say("not running")
        return
    os.kill(pid, signal.SIGTERM)
    for _ in range(600):
        if running_pid() is None:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
    say(f"stopped (pid {pid})")


def status() -> int:
    info = read_connection()
    if not info or running_pid() is None:
        say("not running")
        return 1
    reason = connects(info["uri"], info["user"], info["password"])
    say(f"pid {info['pid']} at {info['uri']}: " + ("answers" if reason is None else f"does not answer ({reason})"))
    return 0 if reason is None else 1


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("start", "stop", "status"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        if argv[0] == "start":
            info = start()
            print(f"NEO4J_URI={info['uri']}")
        elif argv[0] == "stop":
            stop()
        else:
            return status()
    except ServerError as exc:
        say(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
