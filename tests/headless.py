"""The headless browser of the end-to-end tests (tests/test_browser*.py): found on PATH, or the test skips."""

from __future__ import annotations

import shutil

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser_path() -> str:
    """Path of a headless Chromium; skips the calling test with a message when there is none."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless Chromium found (install the Debian package `chromium`); browser test skipped")
