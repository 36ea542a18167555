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
