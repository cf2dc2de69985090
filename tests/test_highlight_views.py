"""tk.highlight as a new user sees it (#18.5), on the seed article (data/lavrov_2015_afp.txt).

Legend counts against tk.speakers, device spans against the quotes they sit in, one look per
device kind; the report index shows figures at a readable size.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import toolkit as tk


class _Spans(HTMLParser):
    """Device spans with the text inside them, and legend items with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.devices: list[dict] = []
        self.legend: list[dict] = []
        self._open: list[tuple[str, dict | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        item = None
        if tag == "span" and a.get("data-device"):
            item = {"attrs": a, "text": ""}
            self.devices.append(item)
        elif tag == "li" and (a.get("class") or "").startswith("tk-legend"):
            item = {"attrs": a, "text": "", "swatch": None}
            self.legend.append(item)
        elif tag == "span" and "tk-swatch" in (a.get("class") or "") and self.legend:
            self.legend[-1]["swatch"] = a
        self._open.append((tag, item))

    def handle_endtag(self, tag):
        while self._open:
            t, _ = self._open.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for t, item in self._open:
            if item is not None and t in ("span", "li") and not (t == "span" and self._in_sup()):
                item["text"] += data

    def _in_sup(self):
        return any(t == "sup" for t, _ in self._open)


def _parse(page: str) -> _Spans:
    p = _Spans()
    p.feed(page)
    return p


def test_legend_counts_equal_tk_speakers(seed):
    quotes = tk.quotes(seed)
    assert quotes["duplicate"].any()  # the seed repeats its lead paragraph
    page = tk.highlight(seed, quotes=quotes, devices=False).page()
    legend = {}
    for item in _parse(page).legend:
        m = re.fullmatch(r"(.+) \((\d+)\)", item["text"].strip())
        if m and (item["attrs"].get("class") == "tk-legend-speaker"):
            legend[m.group(1)] = int(m.group(2))
    expected = dict(zip(tk.speakers(seed)["speaker"], tk.speakers(seed)["quotes"], strict=True))
    assert legend == expected
    # the repeated lead is not counted twice: Russia is quoted once and its repeat is a duplicate
    assert (quotes["speaker"] == "Russia").sum() == 2 and legend["Russia"] == 1


def test_device_spans_hold_no_quote_marks_or_attribution(seed):
    quotes, devices = tk.quotes(seed), tk.devices(seed)
    text = seed.text
    raw = devices[devices["device"] == "us_vs_them"].iloc[0]
    assert text[raw["start"]] == '"' and "Lavrov said" in text[raw["start"]:raw["end"]]  # what the detector gives
    spans = _parse(tk.highlight(seed, quotes=quotes, devices=devices).page()).devices
    marks = "\"'“”‘’«»"
    assert spans
    by_kind: dict[str, str] = {}
    for sp in spans:
        by_kind.setdefault(sp["attrs"]["data-device"], "")
        by_kind[sp["attrs"]["data-device"]] += sp["text"]
    assert "Lavrov said" not in by_kind["us_vs_them"]
    assert by_kind["us_vs_them"].startswith("Because these people")
    assert by_kind["anaphora"].rstrip().endswith("now.")
    for name, shown in by_kind.items():
        assert shown and shown[0] not in marks and shown[-1] not in marks, (name, shown)


def test_each_device_kind_has_its_own_swatch_and_outline(seed):
    devices = tk.devices(seed)
    page = tk.highlight(seed, quotes=False, devices=devices).page()
    parsed = _parse(page)
    swatches = {item["text"].rsplit(" (", 1)[0]: item["swatch"]["style"]
                for item in parsed.legend if item["attrs"].get("class") == "tk-legend-device"}
    kinds = sorted(set(devices["device"]))
    assert sorted(swatches) == sorted(k.replace("_", " ") for k in kinds)
    outlines = {re.search(r"outline:[^;]+", s).group(0) for s in swatches.values()}
    assert len(outlines) == len(kinds)  # no two kinds look alike
    # the text uses the same look as the legend swatch of its kind
    for sp in parsed.devices:
        own = swatches[sp["attrs"]["data-device"].replace("_", " ")]
        assert re.search(r"outline:[^;\"]+", sp["attrs"]["style"]).group(0) == re.search(r"outline:[^;]+", own).group(0)


def test_report_index_figures_are_readable_size(tmp_path):
    out = tmp_path / "report"
    subprocess.run([sys.executable, "-m", "toolkit", "report", "data/lavrov_2015_afp.txt", "--out", str(out)],
                   check=True, capture_output=True, text=True, timeout=300)
    index = (out / "index.html").read_text(encoding="utf-8")
    widths = [int(w) for w in re.findall(r'<img [^>]*width="(\d+)"', index)]
    assert widths and min(widths) >= 600, widths
