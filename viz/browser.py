"""Drive Debian's system Chromium headless (for the browser tests and bench/viz.py).

Playwright's own browser download cannot run here, so its Python package drives
/usr/bin/chromium through `executable_path`, with a fresh profile every time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("POLICYGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    """The system browser; raises (never skips) when it is missing."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} not found: run scripts/install-browser.sh")
    return CHROMIUM


@contextmanager
def browser_context(width: int = 1400, height: int = 900, locale: str | None = None) -> Iterator[object]:
    """A Playwright BrowserContext on a throwaway profile, closed and deleted afterwards;
    `locale` ("vi-VN") sets the browser's language and so its Accept-Language."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="policygraph-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS,
                viewport={"width": width, "height": height}, service_workers="block",
                **({"locale": locale} if locale else {}),
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def block_network(context: object, allowed_prefixes: tuple[str, ...] = ("file://",)) -> list[str]:
    """Abort every request outside `allowed_prefixes`; returns the list of blocked URLs."""
    blocked: list[str] = []

    def handle(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(allowed_prefixes) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", handle)  # type: ignore[attr-defined]
    return blocked
