"""The command line on real text: spreadsheet safety (#19.1), clean failures (#19.2), options and subcommands (#18.3).

Text from the seed article (``data/lavrov_2015_afp.txt``) and the Wikinews sample; the
formula-like payloads are the ones named in issue 19, put into seed sentences.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tests.conftest import ROOT
from toolkit.cli import main
from toolkit.version import __version__

SEED = ROOT / "data" / "lavrov_2015_afp.txt"
WIKINEWS = ROOT / "data" / "wikinews_en_2019_2020.jsonl"
SEED_TEXT = SEED.read_text(encoding="utf-8")
PAYLOADS = ["=HYPERLINK(A1)", "+cmd|' /C calc'!A0", "@SUM(1+1)"]
RISKY = ("=", "+", "-", "@", "\t", "\r")


def _hostile(tmp_path: Path) -> Path:
    lines = [ln for ln in SEED_TEXT.splitlines() if ln.strip()]
    text = "\n\n".join([
        lines[0],
        f'"{PAYLOADS[0]}," said John Smith.',
        f'"{PAYLOADS[1]}," Lavrov told reporters.',
        f'"{PAYLOADS[2]}," he said.',
        *lines[1:4],
    ])
    src = tmp_path / "hostile.jsonl"
    src.write_text(json.dumps({"id": "=1+1", "text": text}) + "\n", encoding="utf-8")
    return src


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src = _hostile(tmp)
    assert main(["report", str(src), "--out", str(tmp / "exact"), "--pages", "0"]) == 0
    assert main(["report", str(src), "--out", str(tmp / "safe"), "--pages", "0", "--spreadsheet-safe"]) == 0
    return src, tmp


# --------------------------------------------------------------------------- 19.1 spreadsheets


def test_default_csv_is_exact_and_offsets_slice_the_text(hostile_report):
    src, tmp = hostile_report
    text = json.loads(src.read_text(encoding="utf-8"))["text"]
    quotes = pd.read_csv(tmp / "exact" / "tables" / "quotes.csv", keep_default_na=False)
    assert set(quotes["doc_id"]) == {"=1+1"}
    found = set(quotes["text"])
    for payload in PAYLOADS:
        assert any(payload in t for t in found), payload
    for row in quotes.itertuples():
        assert text[row.start:row.end] == row.text


def test_xlsx_copies_hold_no_formula_cell(hostile_report):
    _, tmp = hostile_report
    books = sorted((tmp / "exact").rglob("*.xlsx"))
    assert {p.stem for p in books} >= {"quotes", "devices", "sentences", "paragraphs", "speakers"}
    risky = 0
    for path in books:
        for ws in openpyxl.load_workbook(path).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and cell.value.startswith(RISKY):
                        risky += 1
                        assert cell.data_type == "s" and cell.quotePrefix, (path.name, cell.coordinate)
    assert risky >= 4  # the doc id and the three quoted payloads at least
    sheet = openpyxl.load_workbook(tmp / "exact" / "tables" / "quotes.xlsx").active
    csv = pd.read_csv(tmp / "exact" / "tables" / "quotes.csv", keep_default_na=False)
    header = [c.value for c in sheet[1]]
    texts = [r[header.index("text")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert texts == csv["text"].tolist()  # the xlsx holds the same strings, unprefixed


def test_spreadsheet_safe_csv_prefixes_only_risky_cells(hostile_report):
    _, tmp = hostile_report
    exact = pd.read_csv(tmp / "exact" / "tables" / "quotes.csv", keep_default_na=False, dtype=str)
    safe = pd.read_csv(tmp / "safe" / "tables" / "quotes.csv", keep_default_na=False, dtype=str)
    assert safe.shape == exact.shape
    assert set(safe["doc_id"]) == {"'=1+1"}
    changed = 0
    for col in exact.columns:
        for a, b in zip(exact[col], safe[col], strict=True):
            if a.startswith(RISKY):
                assert b == "'" + a
                changed += 1
            else:
                assert b == a
    assert changed >= 4
    for csv in (tmp / "safe").rglob("*.csv"):
        cells = pd.read_csv(csv, keep_default_na=False, dtype=str).to_numpy().ravel().tolist()
        assert not [c for c in cells if c.startswith(RISKY) and not c.lstrip("-").replace(".", "").isdigit()], csv


def test_index_points_spreadsheet_users_to_the_xlsx(hostile_report):
    _, tmp = hostile_report
    index = (tmp / "exact" / "index.html").read_text(encoding="utf-8")
    assert 'href="tables/quotes.xlsx"' in index and ".xlsx" in index and "formulas" in index


# --------------------------------------------------------------------------- 19.2 failures


def _fails(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: "), result.stderr
    for word in words:
        assert word in last, (word, last)


def test_out_pointing_at_a_file(tmp_path):
    target = tmp_path / "taken.txt"
    target.write_text("x", encoding="utf-8")
    _fails(_run("report", str(SEED), "--out", str(target)), "taken.txt", "not a folder")
    _fails(_run("report", str(SEED), "--out", str(target / "sub")), "taken.txt")


def test_missing_input_folder_input_and_bad_arguments(tmp_path):
    _fails(_run("report", str(tmp_path / "gone.txt"), "--out", str(tmp_path / "o")), "gone.txt", "not found")
    _fails(_run("quotes", str(tmp_path / "gone")), "gone")
    (tmp_path / "folder.txt").mkdir()
    _fails(_run("quotes", str(tmp_path / "folder.txt")), "folder.txt")
    _fails(_run("report", str(SEED)), "--out")
    _fails(_run("nonsense"))
    _fails(_run("quotes", str(SEED), "--on-error", "maybe"), "maybe")


def test_bad_encoding_and_unknown_codec(tmp_path):
    cp = tmp_path / "cp.txt"
    cp.write_bytes(SEED_TEXT.replace("Lavrov", "Lavrov\u2019s").encode("cp1252"))
    _fails(_run("quotes", str(cp)), "cp.txt", "--encoding")
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes(SEED_TEXT.encode("utf-16"))
    _fails(_run("report", str(utf16), "--out", str(tmp_path / "o")), "u16.txt", "--encoding utf-16")
    _fails(_run("quotes", str(SEED), "--encoding", "no-such-codec"), "no-such-codec")


def test_unreadable_input(tmp_path):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(300))
    _fails(_run("devices", str(blob)), "blob.txt", "binary")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"\n', encoding="utf-8")
    _fails(_run("quotes", str(bad)), "bad.jsonl", "line 1")


# --------------------------------------------------------------------------- 18.3 options and subcommands


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"discourse-toolkit {__version__}"


def test_encoding_reads_a_cp1252_file(tmp_path):
    cp = tmp_path / "cp.txt"
    text = SEED_TEXT.replace("Lavrov", "Lavrov\u2019s", 1)
    cp.write_bytes(text.encode("cp1252"))
    result = _run("quotes", str(cp), "--encoding", "cp1252")
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout), keep_default_na=False)
    assert len(table) > 0
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text


def test_quotes_and_devices_on_stdout_match_the_report(tmp_path):
    assert main(["report", str(SEED), "--out", str(tmp_path / "r"), "--pages", "0"]) == 0
    for name in ("quotes", "devices"):
        result = _run(name, str(SEED))
        assert result.returncode == 0, result.stderr
        assert result.stdout == (tmp_path / "r" / "tables" / f"{name}.csv").read_text(encoding="utf-8")
        assert len(pd.read_csv(io.StringIO(result.stdout))) > 0


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "a_seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    record = json.loads(WIKINEWS.open(encoding="utf-8").readline())
    (folder / "c_wikinews.txt").write_text(record["text"], encoding="utf-8")
    return folder


def test_one_empty_file_does_not_stop_a_folder_run(tmp_path):
    folder = _folder(tmp_path)
    result = _run("report", str(folder), "--out", str(tmp_path / "o"), "--pages", "0")
    assert result.returncode == 0, result.stderr
    assert [ln for ln in result.stderr.splitlines() if ln.startswith("warning:")] == [
        f"warning: skipped: {folder / 'b_empty.txt'}: the file is empty"]
    profile = pd.read_csv(tmp_path / "o" / "tables" / "lexical_profile.csv")
    assert profile["doc_id"].tolist() == ["a_seed", "c_wikinews"]
    quotes = _run("quotes", str(folder))
    assert quotes.returncode == 0 and "b_empty.txt" in quotes.stderr
    assert set(pd.read_csv(io.StringIO(quotes.stdout))["doc_id"]) == {"a_seed", "c_wikinews"}


def test_on_error_skip_goes_on_and_names_the_file_the_default_stops(tmp_path):
    folder = _folder(tmp_path)
    (folder / "d_cp1252.txt").write_bytes("Caf\u00e9 diplomacy.".encode("cp1252"))
    _fails(_run("quotes", str(folder)), "d_cp1252.txt", "--encoding")
    result = _run("quotes", str(folder), str(tmp_path / "missing.txt"), "--on-error", "skip")
    assert result.returncode == 0, result.stderr
    warned = [ln for ln in result.stderr.splitlines() if ln.startswith("warning:")]
    assert len(warned) == 3
    assert any("d_cp1252.txt" in w for w in warned) and any("missing.txt" in w for w in warned)
    assert set(pd.read_csv(io.StringIO(result.stdout))["doc_id"]) == {"a_seed", "c_wikinews"}


def test_un_speeches_through_the_quotes_subcommand():
    result = _run("devices", str(ROOT / "data" / "ungdc_sample.jsonl.gz"), "--limit", "3")
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout))
    assert table["doc_id"].nunique() >= 2 and {"device", "start", "end"} <= set(table.columns)


def test_devices_with_a_user_lexicon_file(tmp_path):
    labels = tmp_path / "labels.tsv"
    labels.write_text("cue\tclass\tnote\ncoalition\tlabel\tmy label\n", encoding="utf-8")
    result = _run("devices", str(SEED), "--lexicon", f"name_calling={labels}")
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout))
    own = table[table["device"] == "name_calling"]
    assert set(own["cue"].str.lower()) == {"coalition"}
    assert own["explanation"].str.contains("labels.tsv").all()
    _fails(_run("devices", str(SEED), "--lexicon", "name_calling"), "NAME=FILE")
    _fails(_run("devices", str(SEED), "--lexicon", f"nonsense={labels}"), "lexicons='nonsense' is not valid")


def test_quotes_subcommand_lists_noun_phrase_content_only_when_asked(tmp_path):
    text = tmp_path / "holloway.txt"
    text.write_text("Prime Minister Jane Holloway defended the new border policy on Monday. "
                    "She said the plan would cut crossings.\n", encoding="utf-8")
    plain = pd.read_csv(io.StringIO(_run("quotes", str(text)).stdout))
    asked = pd.read_csv(io.StringIO(_run("quotes", str(text), "--noun-phrases").stdout))
    assert plain["rule"].str.endswith(":noun_phrase").sum() == 0
    assert asked["rule"].str.endswith(":noun_phrase").sum() == 1
    assert len(asked) == len(plain) + 1


def test_a_repeated_document_id_names_both_files_and_writes_nothing(tmp_path, capsys):
    """Two seed paragraphs saved as x.txt in two folders share the id ``x``: exit 2 naming both paths.

    (Before, the report wrote both pages with each other's quotes highlighted.) Their parent folder
    gives the ids ``a/x`` and ``b/x``.
    """
    paragraphs = [ln for ln in SEED_TEXT.splitlines() if "told" in ln or "said" in ln][:2]
    for folder, text in zip("ab", paragraphs, strict=True):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", "--out", str(out), str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: document 2 (") and "x.txt) has the id 'x' of document 1 (" in err
    assert not (out / "tables" / "quotes.csv").exists()
    assert main(["report", "--out", str(out), str(tmp_path)]) == 0
    assert pd.read_csv(out / "tables" / "quotes.csv")["doc_id"].unique().tolist() == ["a/x", "b/x"]
