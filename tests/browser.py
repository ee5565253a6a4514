"""Debian's chromium driven by Playwright's Python package (never `playwright install`).

`make test` installs chromium with apt when it is missing; where it still is not there
(a machine without apt), the browser tests skip and say why.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    found = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    if found is None:
        pytest.skip("Debian's chromium is not installed (`make test` installs it with apt)")
    return found


@contextmanager
def browser_page() -> Iterator[tuple[Any, list[str]]]:
    """A fresh page in headless chromium, and the list that collects every dialog the page
    opens (an alert fired by injected script lands there, and is dismissed)."""
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True
        )
        try:
            page = browser.new_page()

            def on_dialog(dialog: Any) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            yield page, dialogs
        finally:
            browser.close()


# A document whose text tries every common way of running script in a page that
# forgets to escape it.
XSS_TEXT = (
    "Officials said 12 people were killed in Valdoria on 3 March 2031. "
    '<script>window.__pwned = 1; alert("script")</script> '
    "<img src=x onerror=\"window.__pwned = 2; alert('img')\"> "
    '"><svg onload="window.__pwned = 3; alert(\'svg\')"> '
    "The mayor said 40 people were injured in the blast.\n"
)
