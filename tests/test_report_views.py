"""The report's figures and highlighted pages, on the seed article and the Wikinews sample."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pandas as pd
import pytest

from toolkit.report import write_report

from .conftest import SEED, WIKINEWS


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key):
                self.targets.append(a[key])


def _parse(path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    files = write_report([str(SEED), str(WIKINEWS)], out, limit=6, pages=4)
    return out, files


def test_figures_in_every_format_with_their_data(report):
    out, _files = report
    figures = out / "figures"
    stems = {p.stem for p in figures.iterdir()}
    assert {"speakers", "attribution", "readability", "diversity", "keyness"} <= stems
    for stem in stems:
        assert {p.suffix for p in figures.glob(f"{stem}.*")} == {".pdf", ".svg", ".png", ".csv", ".xlsx"}
    # the keyness data are the seed article against the first 6 Wikinews articles
    keys = pd.read_csv(figures / "keyness.csv")
    assert {"term", "g2", "log_ratio"} <= set(keys.columns)
    assert keys.loc[keys["term"] == "lavrov", "log_ratio"].iloc[0] > 0
    readability = pd.read_csv(figures / "readability.csv")
    assert sorted(readability["input"].unique()) == sorted([SEED.name, WIKINEWS.name])
    assert len(readability) == 7


def test_one_page_per_document_up_to_the_limit_and_every_link_resolves(report):
    out, files = report
    pages = sorted((out / "pages").glob("0*.html"))
    assert len(pages) == 4
    first_ids = ["lavrov_2015_afp", *[json.loads(line)["id"] for line in WIKINEWS.open(encoding="utf-8")][:3]]
    assert [p.stem.split("_", 1)[1] for p in pages] == first_ids
    for index in (out / "index.html", out / "pages" / "index.html"):
        parsed = _parse(index)
        assert "script" not in parsed.tags
        for target in parsed.targets:
            assert (index.parent / target).exists(), target
    assert "First 4 of 7 documents" in (out / "pages" / "index.html").read_text(encoding="utf-8")
    assert set(files) >= set(pages)


def test_pages_carry_the_report_tables(report):
    out, _ = report
    quotes = pd.read_csv(out / "tables" / "quotes.csv")
    seed_page = (out / "pages" / "0001_lavrov_2015_afp.html").read_text(encoding="utf-8")
    n_seed = int((quotes["doc_id"] == "lavrov_2015_afp").sum())
    assert n_seed > 0
    assert seed_page.count('id="tk-d0-q') == n_seed


def test_hostile_ids_and_titles_stay_text(tmp_path):
    src = tmp_path / "evil.jsonl"
    record = {"id": '../../x"><script>alert(1)</script>', "title": "<img src=x onerror=alert(2)>",
              "text": 'He said "<script>document.title=1</script>" loudly.'}
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    write_report([str(src)], tmp_path / "out", pages=5)
    pages = list((tmp_path / "out" / "pages").iterdir())
    assert all(p.parent == tmp_path / "out" / "pages" for p in pages)  # the id cannot escape the folder
    for page in pages:
        parsed = _parse(page)
        assert "script" not in parsed.tags and "img" not in parsed.tags


def test_no_pages_when_asked(tmp_path):
    files = write_report([str(SEED)], tmp_path, pages=0)
    assert not (tmp_path / "pages").exists()
    assert "No pages written" in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert any(p.suffix == ".png" for p in files)
