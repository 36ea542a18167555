"""Headless Debian Chromium for the browser tests, driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def unavailable(reason: str) -> None:
    """Fail in CI (a missing install step must not pass), skip elsewhere with what to install."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests need {reason} (CI is set, so this is a failure)")
    pytest.skip(f"browser tests need {reason}")


def launch() -> Iterator:
    """A running Chromium (as a generator, for fixtures)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python: pip install playwright (never `playwright install`)")
    if not Path(CHROMIUM).exists():
        unavailable(f"Debian's Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OfflinePage:
    """One file opened offline in a fresh browser context: every request but the file itself is aborted and
    recorded (with ``local_files``, other ``file://`` URLs load too: a link to a file next to it can be followed);
    console errors and warnings, page errors and dialogs are recorded."""

    prefix = "page"      # of the screenshots' names in test-artifacts/

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False, local_files: bool = False,
                 viewport: tuple[int, int] = (1400, 900)):
        self.url = path.resolve().as_uri()
        self.local_files = local_files
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           bypass_csp=bypass_csp)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url == self.url or (self.local_files and url.startswith("file://")):
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def screenshot(self, name: str, *, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{self.prefix}-{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def close(self) -> None:
        self.context.close()
