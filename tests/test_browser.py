"""End to end: the saved highlight page rendered by headless Chromium.

Uses the seed article (data/lavrov_2015_afp.txt) plus a document carrying a
script and an event-handler attribute as text. Skips when no Chromium is
installed (Debian: ``apt-get install chromium``; ``.ci/run`` installs it).
"""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser

import pandas as pd
import pytest

import toolkit as tk

from .headless import browser_path

pytestmark = pytest.mark.browser

HOSTILE = ('An article quoting <script>document.title="pwned";document.body.innerHTML="gone"</script> '
           'and "onmouseover=document.title=\'hover\' x=" as plain text.')


def dump_dom(path, tmp_path) -> str:
    cmd = [
        browser_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.resolve().as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.data.append(data)


def test_saved_page_renders_quotes_and_keeps_script_as_text(seed, tmp_path):
    t = seed.text
    q = t.index("It is absolutely clear")
    m = t.index("Sergei Lavrov")
    a = t.index("Saddam Hussein was")
    s = HOSTILE.index('"onmouseover')
    docs = [seed, tk.Document(HOSTILE, id="hostile", meta={"title": "Escaping check"})]
    quotes = pd.DataFrame([
        {"doc_id": seed.id, "start": q, "end": q + 45, "kind": "direct", "speaker": "Sergei Lavrov",
         "speaker_start": m, "speaker_end": m + 13, "cue": "tell"},
        {"doc_id": "hostile", "start": s + 1, "end": s + 40, "kind": "direct", "speaker": "<b>Nobody</b>"},
    ])
    devices = pd.DataFrame([{"doc_id": seed.id, "start": a, "end": a + 14, "device": "historical_analogy",
                             "explanation": "compares a present leader to Saddam Hussein"}])
    page = tk.highlight(docs, quotes=quotes, devices=devices, title="Handout").save(tmp_path / "page.html")

    dom = dump_dom(page, tmp_path)
    parsed = _Elements()
    parsed.feed(dom)
    assert parsed.title == "Handout"  # the script in the text never ran
    assert not any(tag == "script" for tag, _ in parsed.elements)
    assert not any(k.startswith("on") for _, attrs in parsed.elements for k in attrs)
    text = "".join(parsed.data)
    assert '<script>document.title="pwned"' in text  # shown to the reader as text
    assert "Bloomberg Television" in text  # the body was not replaced
    quotes_in_dom = [a for tag, a in parsed.elements if tag == "span" and "tk-q" in (a.get("class") or "")]
    assert {a.get("data-speaker") for a in quotes_in_dom} == {"Sergei Lavrov", "<b>Nobody</b>"}
    assert any(a.get("id") == "tk-d0-q0" for a in quotes_in_dom)
    link = next(a for tag, a in parsed.elements if tag == "a" and a.get("class") == "tk-mention")
    assert link["href"] == "#tk-d0-q0"
    dev = next(a for tag, a in parsed.elements if tag == "span" and a.get("data-device"))
    assert dev["title"].startswith("historical analogy — compares a present leader")
