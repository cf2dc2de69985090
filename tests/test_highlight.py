"""tk.highlight on the seed article (data/lavrov_2015_afp.txt) and the Wikinews sample."""

from __future__ import annotations

import html
import importlib
import importlib.util
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import toolkit as tk
from toolkit.highlight import OKABE_ITO


class _Dom(HTMLParser):
    """Collects elements (tag, attrs) and the text outside note markers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self._in_text = 0
        self._in_sup = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        self._stack.append(tag)
        if tag == "div" and a.get("class") == "tk-text":
            self._in_text = len(self._stack)
        if tag == "sup":
            self._in_sup += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup":
            self._in_sup -= 1
        if self._in_text and len(self._stack) == self._in_text and tag == "div":
            self._in_text = 0
        if self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_text and not self._in_sup:
            self.text.append(data)


def parse(page: str) -> _Dom:
    dom = _Dom()
    dom.feed(page)
    return dom


def span(text: str, needle: str, *, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.fixture()
def seed_tables(seed: tk.Document) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hand-made quote and device rows over the seed article, overlapping on purpose."""
    t = seed.text
    q1 = span(t, "It is absolutely clear to me it was a mistake")
    m1 = span(t, "Sergei Lavrov")
    q2 = span(t, "Gaddafi is the same")
    m2 = span(t, "he said, referring")
    m2 = (m2[0], m2[0] + 2)
    q3 = span(t, "very far", occurrence=1)
    quotes = pd.DataFrame([
        {"doc_id": seed.id, "start": q1[0], "end": q1[1], "kind": "direct", "speaker": "Sergei Lavrov",
         "speaker_start": m1[0], "speaker_end": m1[1], "cue": "tell"},
        {"doc_id": seed.id, "start": q2[0], "end": q2[1], "kind": "direct", "speaker": "Sergei Lavrov",
         "speaker_start": m2[0], "speaker_end": m2[1], "cue": "say"},
        {"doc_id": seed.id, "start": q3[0], "end": q3[1], "kind": "partial", "speaker": "Russia",
         "speaker_start": 0, "speaker_end": 6, "cue": "warn"},
    ])
    a = span(t, "Saddam Hussein was the one person")
    b = span(t, "clear to me it was a mistake -- still is")  # overlaps the end of quote 1
    devices = pd.DataFrame([
        {"doc_id": seed.id, "start": a[0], "end": a[1], "device": "historical_analogy",
         "explanation": "compares the present to Saddam Hussein's Iraq", "cue": "Saddam Hussein",
         "referent": "Saddam Hussein"},
        {"doc_id": seed.id, "start": b[0], "end": b[1], "device": "hedge", "explanation": "softens <the> claim",
         "cue": "still is"},
    ])
    return quotes, devices


def test_overlapping_spans_keep_every_character_once(seed, seed_tables):
    quotes, devices = seed_tables
    h = tk.highlight(seed, quotes=quotes, devices=devices)
    dom = parse(h.page())
    assert "".join(dom.text) == seed.text
    # quote 1 is cut where the hedge starts (the hedge runs on past its end): two pieces, one id
    q_segments = [a for tag, a in dom.elements if tag == "span" and "tk-q" in (a.get("class") or "")]
    lavrov = [a for a in q_segments if a.get("data-speaker") == "Sergei Lavrov"]
    assert len(lavrov) == 3  # quote 1 in 2 pieces + quote 2
    assert sum(1 for a in q_segments if a.get("id")) == len(quotes)


def test_mentions_link_to_their_quote(seed, seed_tables):
    quotes, devices = seed_tables
    dom = parse(tk.highlight(seed, quotes=quotes, devices=devices).page())
    ids = {a["id"] for _, a in dom.elements if a.get("id")}
    links = [a for tag, a in dom.elements if tag == "a" and "tk-mention" in (a.get("class") or "")]
    assert len(links) == 3
    for a in links:
        assert a["href"].startswith("#") and a["href"][1:] in ids


def test_speakers_get_distinct_colourblind_safe_colours(seed, seed_tables):
    quotes, _ = seed_tables
    dom = parse(tk.highlight(seed, quotes=quotes, devices=False).page())
    colour = {}
    for tag, a in dom.elements:
        if tag == "span" and "tk-q" in (a.get("class") or ""):
            found = re.search(r"border-bottom:3px \w+ (#[0-9A-F]{6})", a["style"])
            colour.setdefault(a["data-speaker"], set()).add(found.group(1))
    assert all(len(c) == 1 for c in colour.values())
    assert colour["Sergei Lavrov"] != colour["Russia"]
    # the most quoted speaker gets the first Okabe-Ito colour
    assert colour["Sergei Lavrov"] == {OKABE_ITO[0]}


def test_devices_explain_themselves_and_get_notes(seed, seed_tables):
    quotes, devices = seed_tables
    page = tk.highlight(seed, quotes=quotes, devices=devices).page()
    dom = parse(page)
    devs = [a for tag, a in dom.elements if tag == "span" and "tk-dev" in (a.get("class") or "")]
    assert {a["data-device"] for a in devs} == {"historical_analogy", "hedge"}
    analogy = next(a for a in devs if a["data-device"] == "historical_analogy")
    assert "Saddam Hussein's Iraq" in analogy["title"] and analogy["title"] == analogy["data-tip"]
    assert "softens <the> claim" in next(a["title"] for a in devs if a["data-device"] == "hedge")
    notes = [a for tag, a in dom.elements if tag == "li" and (a.get("id") or "").startswith("tk-d0-n")]
    assert len(notes) == 2
    assert "softens &lt;the&gt; claim" in page


HOSTILE = ('He wrote <script>document.title="pwned"</script> and "onmouseover=alert(1) x=" '
           "then <img src=x onerror=alert(2)> ended.")


def test_text_and_metadata_are_escaped():
    frame = pd.DataFrame({
        "id": ['evil"><b>id'],
        "text": [HOSTILE],
        "title": ['<script>alert("t")</script>'],
        "url": ["javascript:alert(3)"],
    })
    s, e = span(HOSTILE, '"onmouseover=alert(1) x="')
    quotes = pd.DataFrame([{"doc_id": 'evil"><b>id', "start": s + 1, "end": e - 1, "kind": "direct",
                            "speaker": '"><script>alert(4)</script>', "speaker_start": 0, "speaker_end": 2}])
    devices = pd.DataFrame([{"doc_id": 'evil"><b>id', "start": 0, "end": 9, "device": 'x" onclick="y',
                             "explanation": "<script>alert(5)</script>"}])
    h = tk.highlight(frame, quotes=quotes, devices=devices)
    page = h.page()
    dom = parse(page)
    tags = [t for t, _ in dom.elements]
    assert "script" not in tags and "img" not in tags
    for _, attrs in dom.elements:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not (attrs.get("href") or "").startswith("javascript")
    assert "".join(dom.text) == HOSTILE
    assert html.escape('<script>alert("t")</script>') in page


def test_spans_that_do_not_fit_raise(seed):
    bad = pd.DataFrame({"doc_id": [seed.id], "start": [10], "end": [len(seed.text) + 5]})
    with pytest.raises(tk.ParameterError, match="outside the text"):
        tk.highlight(seed, quotes=bad, devices=False)
    with pytest.raises(tk.ParameterError, match="DataFrame"):
        tk.highlight(seed, quotes=[1, 2], devices=False)
    with pytest.raises(tk.ParameterError, match="limit"):
        tk.highlight(seed, limit=0)


def test_corpus_limit_and_save(wikinews, tmp_path):
    h = tk.highlight(wikinews, quotes=False, devices=False, limit=3)
    dom = parse(h.page())
    sections = [a for t, a in dom.elements if t == "section"]
    assert len(sections) == 3
    first = next(iter(wikinews))
    assert html.escape(first.meta["title"]) in h.html
    path = h.save(tmp_path / "sub" / "page.html")
    assert path.read_text(encoding="utf-8") == h.page()
    assert h._repr_html_() == h.html


def _capability(module: str, name: str):
    if importlib.util.find_spec(f"toolkit.{module}") is None:
        return None
    return getattr(importlib.import_module(f"toolkit.{module}"), name, None)


def test_computes_capabilities_when_not_given(seed):
    h = tk.highlight(seed)
    quotes, devices = _capability("quotes", "quotes"), _capability("devices", "devices")
    if quotes is not None:
        assert len(h.quotes) == len(quotes(seed)) > 0
    else:
        assert h.quotes.empty
    if devices is not None:
        assert len(h.devices) == len(devices(seed))
    else:
        assert h.devices.empty
    assert "".join(parse(h.page()).text) == seed.text


def test_more_speakers_than_colours_change_the_line_style(seed):
    # nine speakers on the first nine sentences of the seed article; duplicate flags partly missing
    sentences = tk.sentences(seed).head(9)
    quotes = pd.DataFrame({
        "doc_id": seed.id, "start": sentences["start"], "end": sentences["end"],
        "speaker": [f"Speaker {i}" for i in range(9)], "kind": "direct",
        "duplicate": pd.array([True, None, False, None, False, None, False, None, False], dtype="boolean"),
    })
    dom = parse(tk.highlight(seed, quotes=quotes, devices=False).page())
    styles = {a["data-speaker"]: a["style"] for t, a in dom.elements if t == "span" and a.get("data-speaker")}
    assert len(styles) == 9
    assert sum("3px solid" in st for st in styles.values()) == 7
    assert sum("3px dashed" in st for st in styles.values()) == 2
    faded = [a for t, a in dom.elements if t == "span" and "tk-dup" in (a.get("class") or "")]
    assert [a["data-speaker"] for a in faded] == ["Speaker 0"]
