"""Shared helpers for the browser tests (loaded by path: pytest runs with --import-mode=importlib).

    _spec = importlib.util.spec_from_file_location("helpers_browser", Path(__file__).with_name("helpers_browser.py"))
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from werkzeug.serving import make_server


@contextmanager
def serving(app) -> Iterator[str]:
    """The app on 127.0.0.1 and a free port, shut down afterwards."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def watch(page, problems: list[str]) -> None:
    """Record console errors, page errors and dialogs (none may occur)."""
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
