"""Bad files and records: a named error with file and line, or a reported skip.

Every case either raises :class:`toolkit.InputError` (a ``ToolkitError``,
never a deep traceback) whose message names the file and the line, or, with
``on_error="skip"``, warns with :class:`toolkit.SkippedInputWarning` and lists
the record in ``corpus.skipped``; documents in = documents read + skipped.
HTML views escape text and metadata in the saved page.

Text comes from the seed article (``data/lavrov_2015_afp.txt``).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk

ROOT = Path(__file__).resolve().parents[1]
SEED_LINES = [ln for ln in (ROOT / "data" / "lavrov_2015_afp.txt").read_text(encoding="utf-8").splitlines() if ln]


def _contract():
    name = "_toolkit_contract_registry"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("test_contract.py"))
        module = sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


EXTRACTORS = _contract().EXTRACTORS


def read_all(source, **kwargs):
    """Load and read every document; returns (ids, corpus, warnings)."""
    corpus = tk.load_corpus(source, **kwargs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ids = [d.id for d in corpus]
    return ids, corpus, [w for w in caught if issubclass(w.category, tk.SkippedInputWarning)]


def assert_names(err: pytest.ExceptionInfo, path: Path, line: int) -> None:
    assert isinstance(err.value, tk.ToolkitError)
    assert err.value.path == str(path) and err.value.line == line
    assert f"{path}, line {line}:" in str(err.value)


# --------------------------------------------------------------------------- single text files


def test_cp1252_text_file_names_file_line_and_encoding(tmp_path):
    path = tmp_path / "cp.txt"
    plain = [ln for ln in SEED_LINES if ln.isascii()]
    text = f"{plain[0]}\n{plain[1]}\nCaf\u00e9 diplomacy \u2014 Lavrov\u2019s word.\n"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(tk.InputError) as err:
        tk.load(path)
    assert_names(err, path, 3)
    assert "utf-8" in str(err.value) and "encoding=" in str(err.value)
    assert tk.load(path, encoding="cp1252").text == text


@pytest.mark.parametrize(("codec", "hint"), [("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
                                              ("utf-16-be", "utf-16")])
def test_utf16_with_and_without_bom_is_named(tmp_path, codec, hint):
    path = tmp_path / f"{codec}.txt"
    text = "\n".join(SEED_LINES[:3])
    path.write_bytes(text.encode(codec))
    with pytest.raises(tk.InputError) as err:
        tk.load(path)
    assert_names(err, path, 1)
    assert hint in str(err.value).lower()
    assert tk.load(path, encoding=codec).text == text


@pytest.mark.parametrize("payload", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,  # image header and binary
    bytes(200),  # all NUL
    b"PK\x03\x04" + bytes(range(256)),  # zip header
])
def test_binary_file_is_named(tmp_path, payload):
    path = tmp_path / "blob.txt"
    path.write_bytes(payload)
    with pytest.raises(tk.InputError) as err:
        tk.load(path)
    assert err.value.path == str(path) and err.value.line is not None


@pytest.mark.parametrize("content", [b"", b"\n\n  \r\n", b"\xef\xbb\xbf"])
def test_empty_text_file_is_named(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(tk.InputError, match="empty") as err:
        tk.load(path)
    assert err.value.path == str(path)


def test_missing_file_and_folder_given_to_load(tmp_path):
    with pytest.raises(tk.InputError, match="not found"):
        tk.load(tmp_path / "nope.txt")
    with pytest.raises(tk.InputError, match="folder"):
        tk.load(tmp_path)


# --------------------------------------------------------------------------- folders


def test_folder_with_bad_files_raises_or_skips_and_reports(tmp_path):
    (tmp_path / "a_good.txt").write_text(SEED_LINES[0], encoding="utf-8")
    (tmp_path / "b_cp1252.txt").write_bytes("Caf\u00e9.".encode("cp1252"))
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_binary.txt").write_bytes(bytes(64) + b"\xff\xd8")
    (tmp_path / "e_bom16.txt").write_bytes(SEED_LINES[1].encode("utf-16"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f_good.txt").write_text(SEED_LINES[2], encoding="utf-8")
    with pytest.raises(tk.InputError) as err:
        list(tk.load_corpus(tmp_path))
    assert err.value.path == str(tmp_path / "b_cp1252.txt")
    ids, corpus, caught = read_all(tmp_path, on_error="skip")
    assert ids == ["a_good", "sub/f_good"]
    assert [Path(s.path).name for s in corpus.skipped] == ["b_cp1252.txt", "c_empty.txt", "d_binary.txt",
                                                          "e_bom16.txt"]
    assert len(caught) == 4 and all("skipped" in str(w.message) for w in caught)
    assert len(ids) + len(corpus.skipped) == 6  # nothing dropped silently


# --------------------------------------------------------------------------- JSONL


def _jsonl_lines() -> list[bytes]:
    good = [json.dumps({"id": f"p{i}", "text": t}).encode() for i, t in enumerate(SEED_LINES[:4])]
    return [
        good[0],
        b"this is not JSON",  # line 2
        json.dumps({"id": "no-text", "body": SEED_LINES[4]}).encode(),  # line 3: lacks text
        good[1],
        json.dumps({"id": "null", "text": None}).encode(),  # line 5
        json.dumps({"id": "num", "text": 42}).encode(),  # line 6
        b"",  # line 7: blank lines are not records
        json.dumps({"id": "cp", "text": "Caf\u00e9"}, ensure_ascii=False).encode("cp1252"),  # line 8
        b"[1, 2]",  # line 9: not an object
        good[2],
        b'{"id": "cut", "text": "truncat',  # line 11
        good[3],
    ]


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_jsonl_bad_lines_name_file_and_line_and_skip_reports_each(tmp_path, suffix):
    path = tmp_path / f"mixed{suffix}"
    data = b"\n".join(_jsonl_lines()) + b"\n"
    path.write_bytes(gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data)
    with pytest.raises(tk.InputError) as err:
        list(tk.load_corpus(path))
    assert_names(err, path, 2)
    ids, corpus, caught = read_all(path, on_error="skip")
    assert ids == ["p0", "p1", "p2", "p3"]
    assert [s.line for s in corpus.skipped] == [2, 3, 5, 6, 8, 9, 11]
    assert len(caught) == 7
    assert "UTF-8" in corpus.skipped[4].reason and "not valid JSON" in corpus.skipped[0].reason
    assert "'text'" in corpus.skipped[1].reason
    records = sum(1 for ln in _jsonl_lines() if ln.strip())
    assert len(ids) + len(corpus.skipped) == records
    # a second pass reports the same (the corpus streams again)
    assert read_all(path, on_error="skip")[1].skipped == corpus.skipped


def test_jsonl_undecodable_line_deep_in_the_file_is_reported_on_its_own_line(tmp_path):
    """A bad byte on line 90 must not be blamed on line 1 nor lose lines 1-89 and 91-120."""
    lines = [json.dumps({"id": f"r{i}", "text": SEED_LINES[i % len(SEED_LINES)]}).encode() for i in range(1, 121)]
    lines[89] = lines[89].replace(b'"text": "', b'"text": "\xf6')
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(tk.InputError) as err:
        list(tk.load_corpus(path))
    assert_names(err, path, 90)
    ids, corpus, _ = read_all(path, on_error="skip")
    assert len(ids) == 119 and [s.line for s in corpus.skipped] == [90]


def test_jsonl_utf16_and_truncated_gzip_and_empty(tmp_path):
    u16 = tmp_path / "u16.jsonl"
    u16.write_bytes(json.dumps({"text": SEED_LINES[0]}).encode("utf-16"))
    with pytest.raises(tk.InputError, match="UTF-16") as err:
        list(tk.load_corpus(u16))
    assert_names(err, u16, 1)
    cut = tmp_path / "cut.jsonl.gz"
    full = gzip.compress(b"".join(json.dumps({"id": str(i), "text": t}).encode() + b"\n"
                                  for i, t in enumerate(SEED_LINES)), mtime=0)
    cut.write_bytes(full[: len(full) // 2])
    with pytest.raises(tk.InputError) as err:
        list(tk.load_corpus(cut))
    assert err.value.path == str(cut) and err.value.line is not None
    ids, corpus, caught = read_all(cut, on_error="skip")
    assert len(corpus.skipped) == 1 and caught and "rest of the file" in corpus.skipped[0].reason
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    with pytest.raises(tk.InputError, match="no documents"):
        list(tk.load_corpus(empty))
    ids, corpus, caught = read_all(empty, on_error="skip")
    assert ids == [] and len(corpus.skipped) == 1 and len(caught) == 1


def test_ids_that_are_not_ids_are_named_and_missing_ids_numbered(tmp_path):
    """A list or boolean id is a bad record (file and line); null, blank and absent ids are numbered.

    (A list id was read as the text "['x']", a blank one as the id "".) Numbers keep their text.
    """
    records = [{"id": 7, "text": SEED_LINES[0]}, {"id": None, "text": SEED_LINES[1]},
               {"id": ["x"], "text": SEED_LINES[2]}, {"id": " ", "text": SEED_LINES[3]},
               {"id": True, "text": SEED_LINES[4]}, {"text": SEED_LINES[5]}]
    path = tmp_path / "ids.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(tk.InputError, match=r"the id is a list \(\['x'\]\)") as err:
        list(tk.load_corpus(path))
    assert_names(err, path, 3)
    ids, corpus, caught = read_all(path, on_error="skip")
    assert ids == ["7", "ids-2", "ids-4", "ids-6"]
    assert [s.line for s in corpus.skipped] == [3, 5] and "bool" in corpus.skipped[1].reason
    assert len(ids) + len(corpus.skipped) == len(records) and len(caught) == 2
    # a blank CSV cell and a missing value in a DataFrame column are no id either
    csv_path = tmp_path / "ids.csv"
    pd.DataFrame({"id": ["", "b"], "text": SEED_LINES[:2]}).to_csv(csv_path, index=False)
    assert [d.id for d in tk.load_corpus(csv_path)] == ["ids-2", "b"]
    frame = pd.DataFrame({"id": ["a", None, pd.NA], "text": SEED_LINES[:3]}, dtype=object)
    assert [d.id for d in tk.load_corpus(frame)] == ["a", "doc-2", "doc-3"]
    with pytest.raises(tk.InputError, match=r"row 1: the id is a dict"):
        tk.load_corpus(pd.DataFrame({"id": [{"a": 1}], "text": SEED_LINES[:1]}))


# --------------------------------------------------------------------------- CSV


def test_csv_without_the_text_column(tmp_path):
    path = tmp_path / "nocol.csv"
    pd.DataFrame({"id": ["a", "b"], "body": SEED_LINES[:2]}).to_csv(path, index=False)
    with pytest.raises(tk.InputError, match="'text'") as err:
        list(tk.load_corpus(path))
    assert_names(err, path, 2)
    ids, corpus, caught = read_all(path, on_error="skip")
    assert ids == [] and len(corpus.skipped) == 2 and len(caught) == 2
    assert tk.load_corpus(path, text_col="body")[1].text == SEED_LINES[1]


def test_csv_bad_encoding_rows_and_multiline_fields(tmp_path):
    path = tmp_path / "mixed.csv"
    rows = [b"id,text,year", b'a,"' + SEED_LINES[0].replace('"', '""').encode() + b'",2015',
            b'b,"two\r\nlines",2015', "c,Caf\u00e9,2015".encode("cp1252"), b"d,fine,2015", b"e"]
    path.write_bytes(b"\r\n".join(rows) + b"\r\n")
    with pytest.raises(tk.InputError) as err:
        list(tk.load_corpus(path))
    assert_names(err, path, 5)
    ids, corpus, _ = read_all(path, on_error="skip")
    assert ids == ["a", "b", "d"]
    assert [s.line for s in corpus.skipped] == [5, 7]
    assert tk.load_corpus(path, on_error="skip")["b"].text == "two\r\nlines"
    assert len(ids) + len(corpus.skipped) == 5


def test_csv_with_utf16_bom(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes("id,text\na,hello\n".encode("utf-16"))
    with pytest.raises(tk.InputError, match="UTF-16") as err:
        list(tk.load_corpus(path))
    assert_names(err, path, 1)


# --------------------------------------------------------------------------- DataFrames and Python values


def test_dataframe_with_non_str_text(tmp_path):
    df = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [SEED_LINES[0], float("nan"), None, 7]}, dtype=object)
    with pytest.raises(tk.InputError, match=r"row 2 \(id 'b'\)"):
        tk.load_corpus(df)
    ids, corpus, caught = read_all(df, on_error="skip")
    assert ids == ["a"] and [s.line for s in corpus.skipped] == [2, 3, 4] and len(caught) == 3
    assert len(corpus) == 1
    for ext in EXTRACTORS:
        with pytest.raises(tk.InputError, match="row 2"):
            ext(df)


def test_dataframe_without_text_column():
    with pytest.raises(tk.InputError, match="no 'text' column"):
        tk.load_corpus(pd.DataFrame({"id": ["a"], "body": ["x"]}))


@pytest.mark.parametrize("bad", [None, 42, 3.5, b"bytes", [1, 2], {"text": "x"}, object()])
@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
def test_extractors_reject_non_text_with_a_named_error(ext, bad):
    with pytest.raises(tk.ToolkitError):
        ext(bad)


# --------------------------------------------------------------------------- HTML escaping

EVIL = '<script>alert("x")</script> "onmouseover="alert(1)" <img src=x onerror=alert(2)> &amp; </textarea>'


class _Tags(HTMLParser):
    """Every start tag and attribute name a browser would see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(name for name, _ in attrs)


def _no_injection(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    assert not {"script", "img", "iframe", "textarea"} & set(parser.tags), parser.tags
    assert not [a for a in parser.attrs if a.startswith("on")], "an event-handler attribute leaked"
    assert "</textarea>" not in page.lower()


@pytest.mark.skipif(not hasattr(tk, "highlight"), reason="tk.highlight not available yet")
def test_highlight_escapes_text_and_metadata_in_the_saved_page(tmp_path):
    text = f"{SEED_LINES[0]}\n\"{EVIL}\" Lavrov said.\n{EVIL}"
    doc = tk.Document(text, id=f'id-{EVIL}', meta={"title": f"title {EVIL}", "source": EVIL})
    q_start = text.index(EVIL)
    quotes = pd.DataFrame({
        "doc_id": [doc.id], "start": [q_start], "end": [q_start + len(EVIL)], "text": [EVIL],
        "kind": ["direct"], "speaker": [f"Lavrov {EVIL}"], "cue": [EVIL],
        "speaker_start": [text.index("Lavrov said")], "speaker_end": [text.index("Lavrov said") + 6],
    })
    d_start = text.rindex(EVIL)
    devices = pd.DataFrame({
        "doc_id": [doc.id], "start": [d_start], "end": [d_start + len(EVIL)], "device": [f"loaded {EVIL}"],
        "text": [EVIL], "cue": [EVIL], "explanation": [f"because {EVIL}"], "referent": [EVIL], "target": [EVIL],
    })
    view = tk.highlight(doc, quotes=quotes, devices=devices, title=f"t {EVIL}")
    page = view.save(tmp_path / "page.html").read_text(encoding="utf-8")
    for html in (page, view._repr_html_()):
        _no_injection(html)
        assert "&lt;script&gt;" in html
    assert page.count("&lt;script&gt;alert(") >= 3  # text, id/title metadata and table values all shown as text


@pytest.mark.skipif(not hasattr(tk, "highlight"), reason="tk.highlight not available yet")
def test_highlight_of_arbitrary_text_saves(tmp_path):
    text = "Lavrov said \"\x00\u202e\U0001f600\r\n<marquee>\" \u201cyes\u201d\r"
    page = tk.highlight(tk.Document(text, id="<marquee>x")).save(tmp_path / "p.html").read_text(encoding="utf-8")
    assert "<marquee>" not in page and page.count("&lt;marquee&gt;") >= 2


def test_report_index_escapes_input_names(tmp_path):
    from toolkit.report import write_report

    folder = tmp_path / '<script>alert(1)<'
    folder.mkdir()
    (folder / "a.txt").write_text(SEED_LINES[0], encoding="utf-8")
    written = write_report([str(folder)], tmp_path / "out")
    for path in written:
        if path.suffix == ".html":
            page = path.read_text(encoding="utf-8")
            assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


@pytest.mark.skipif(not hasattr(tk, "highlight"), reason="tk.highlight not available yet")
def test_highlight_saves_text_with_a_lone_surrogate(tmp_path):
    page = tk.highlight(tk.Document('Lavrov said "a\ud800b" today.')).save(tmp_path / "s.html")
    assert page.read_bytes().decode("utf-8")


def test_report_writes_valid_utf8_for_text_with_lone_surrogates(tmp_path):
    """JSON may carry a lone surrogate ("\\ud800"); the report still writes every table as UTF-8."""
    from toolkit.report import write_report

    src = tmp_path / "s.jsonl"
    src.write_text(json.dumps({"id": "s", "text": f"{SEED_LINES[0]} \ud800 ok.\n{SEED_LINES[1]}"}) + "\n",
                   encoding="utf-8")
    written = write_report([str(src)], tmp_path / "out")
    tables = [p for p in written if p.suffix == ".csv"]
    assert tables
    for path in tables:
        frame = pd.read_csv(path, encoding="utf-8")  # strict UTF-8
        if "text" in frame.columns and len(frame):
            assert frame["text"].str.len().sum() > 0


def test_lone_surrogates_from_json_flow_through_corpus_and_extractors(tmp_path):
    """JSON allows "\\ud800"; such a document is read, analysed and turned back into a frame."""
    path = tmp_path / "s.jsonl"
    lines = [json.dumps({"id": "s", "text": f"{SEED_LINES[0]} \ud800\"x\udfff\" {SEED_LINES[1]}"}),
             json.dumps({"id": "t", "text": SEED_LINES[2]})]
    path.write_text("\n".join(lines), encoding="utf-8")
    corpus = tk.load_corpus(path)
    frame = corpus.to_frame()
    assert frame["text"].tolist() == [d.text for d in corpus]
    for ext in EXTRACTORS:
        table = ext(corpus)
        if {"doc_id", "start", "end"} <= set(table.columns):
            texts = {d.id: d.text for d in corpus}
            assert all(0 <= s <= e <= len(texts[d]) for d, s, e in zip(table.doc_id, table.start, table.end,
                                                                         strict=True))
