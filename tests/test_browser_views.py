"""Headless Chromium screenshots of the highlight page (#18.5): the legend's device swatches.

The seed article (data/lavrov_2015_afp.txt) with its devices only; the screenshot of the legend
must show each device kind's own colour (before, every swatch was the same empty dotted box).
Skips when no Chromium is installed.
"""

from __future__ import annotations

import re
import subprocess

import pytest

import toolkit as tk

from .headless import browser_path

pytestmark = pytest.mark.browser


def _screenshot(page_path, png, tmp_path, size="900,700") -> None:
    cmd = [browser_path(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
           "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={size}",
           f"--screenshot={png}", page_path.resolve().as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and png.exists(), done.stderr[-2000:]


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_legend_swatches_render_in_their_own_colours(seed, tmp_path):
    from PIL import Image

    devices = tk.devices(seed)
    view = tk.highlight(seed, quotes=False, devices=devices)
    # the legend alone, so every pixel of colour in the shot belongs to a swatch
    legend = re.search(r'<div class="tk-legend">.*?</ul>', view.html, re.S).group(0) + "</div>"
    css = re.search(r"<style>.*?</style>", view.html, re.S).group(0)
    page = tmp_path / "legend.html"
    page.write_text(f'<!doctype html><meta charset="utf-8"><div class="tk-hl">{css}{legend}</div>', encoding="utf-8")
    png = tmp_path / "legend.png"
    _screenshot(page, png, tmp_path)
    (tmp_path / "page.html").write_text(view.page(), encoding="utf-8")
    _screenshot(tmp_path / "page.html", tmp_path / "page.png", tmp_path)  # the whole page renders too
    image = Image.open(png).convert("RGB")
    pixels = [image.getpixel((x, y)) for y in range(0, image.height, 1) for x in range(image.width)]
    colours = set(re.findall(r"outline:2px \w+ (#[0-9A-Fa-f]{6})", legend))
    kinds = set(devices["device"])
    assert len(colours) == min(len(kinds), 7)
    seen = {c for c in colours
            if sum(1 for p in pixels if max(abs(a - b) for a, b in zip(p, _hex(c), strict=True)) < 24) >= 10}
    assert seen == colours, f"colours drawn: {sorted(seen)} of {sorted(colours)}"
