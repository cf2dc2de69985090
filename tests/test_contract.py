"""One contract, checked over every extractor the toolkit exports.

The registry :data:`EXTRACTORS` lists every extractor once; an entry whose
verb ``toolkit`` does not export (yet) is left out, so adding a capability is
one line here. For each extractor:

* every input type (str, Document, Corpus, DataFrame, list, a JSONL path)
  gives the same rows;
* the columns and dtypes are those of the declared :class:`toolkit.frames.Schema`
  (found by the ``attrs["extractor"]`` name that ``frames.finish`` records),
  also for empty input;
* offsets lie inside the document and span copies equal ``text[start:end]``;
* the output is deterministic: two runs, two processes with different hash
  seeds, one or two worker processes, and a corpus versus its documents one
  by one all give identical frames and byte-identical CSV.

Fixtures: the seed article (``data/lavrov_2015_afp.txt``) and the first
Wikinews documents (``data/wikinews_en_2019_2020.jsonl``, CC BY 2.5).
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import toolkit as tk
from toolkit import frames

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "lavrov_2015_afp.txt"
WIKINEWS = ROOT / "data" / "wikinews_en_2019_2020.jsonl"


@cache
def reference_text() -> str:
    """A fixed reference document for two-corpus verbs (keyness): Wikinews document 10."""
    return tk.load_corpus(WIKINEWS)[10].text


@dataclass(frozen=True)
class Extractor:
    """How to call one extractor and what its table promises.

    Attributes
    ----------
    name
        The verb exported by ``toolkit``.
    kwargs
        Required keyword arguments (``pattern`` for kwic…).
    copies
        ``(start column, end column, text column)``: the text column is a copy
        of ``doc.text[start:end]``.
    per_document
        Rows belong to one document each and do not depend on the other
        documents, so a corpus gives the concatenation of its documents.
    call
        Overrides ``getattr(tk, name)(x, **kwargs)`` (e.g. keyness needs a reference).
    """

    name: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    copies: tuple[tuple[str, str, str], ...] = ()
    per_document: bool = True
    call: Callable[..., pd.DataFrame] | None = None

    def __call__(self, x: Any, **kwargs: Any) -> pd.DataFrame:
        if self.call is not None:
            return self.call(x, **self.kwargs, **kwargs)
        return getattr(tk, self.name)(x, **self.kwargs, **kwargs)

    @property
    def function(self) -> Callable[..., Any]:
        return getattr(tk, self.name)

    @property
    def takes_n_jobs(self) -> bool:
        params = inspect.signature(self.function).parameters.values()
        return any(p.name == "n_jobs" or p.kind is p.VAR_KEYWORD for p in params)

    def __repr__(self) -> str:
        return self.name


def _keyness(x: Any, **kwargs: Any) -> pd.DataFrame:
    return tk.keyness(x, reference_text(), **kwargs)


# One line per extractor. Entries whose verb is not exported yet are skipped.
_ALL = [
    Extractor("paragraphs", copies=(("start", "end", "text"),)),
    Extractor("sentences", copies=(("start", "end", "text"),)),
    Extractor("tokens", copies=(("start", "end", "token"),)),
    Extractor("duplicates", copies=(("start", "end", "text"),)),
    Extractor("quotes", copies=(("start", "end", "text"), ("speaker_start", "speaker_end", "speaker_mention"))),
    Extractor("speakers", per_document=False),
    Extractor("devices", copies=(("start", "end", "text"),)),
    Extractor("lexical_profile"),
    Extractor("frequencies", per_document=False),
    Extractor("keyness", per_document=False, call=_keyness),
    Extractor("collocations", per_document=False),
    Extractor("kwic", kwargs={"pattern": "said"}, copies=(("start", "end", "match"),)),
    Extractor("dispersion", kwargs={"terms": ["Russia", "said"]}, per_document=False),
    Extractor("term_positions", kwargs={"terms": ["Russia", "air strikes"]}, copies=(("start", "end", "match"),)),
]
EXTRACTORS = [e for e in _ALL if hasattr(tk, e.name)]
PER_DOCUMENT = [e for e in EXTRACTORS if e.per_document]


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def docs() -> list[tk.Document]:
    """The seed article and three Wikinews documents."""
    seed = tk.load(SEED, id="seed")
    return [seed, *tk.load_corpus(WIKINEWS).head(3)]


def declared_schema(ext: Extractor, df: pd.DataFrame) -> frames.Schema:
    """The Schema the extractor declares: the one named in ``df.attrs['extractor']``."""
    name = df.attrs.get("extractor")
    assert name, f"{ext.name}: the table has no attrs['extractor'] (it did not go through frames.finish)"
    modules = [frames, importlib.import_module(ext.function.__module__)]
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, frames.Schema) and value.name == name:
                return value
    raise AssertionError(f"{ext.name}: no Schema named {name!r} in toolkit.frames or {ext.function.__module__}")


def dtype_names(df: pd.DataFrame) -> list[str]:
    return [str(t) for t in df.dtypes]


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def check_spans(ext: Extractor, df: pd.DataFrame, texts: dict[str, str]) -> None:
    """Every ``*start``/``*end`` pair lies inside its document; span copies match."""
    if "doc_id" not in df.columns:
        return
    pairs = [(c, c[: -len("start")] + "end") for c in df.columns if c.endswith("start")]
    pairs = [(s, e) for s, e in pairs if e in df.columns]
    for row in df.itertuples(index=False):
        row = row._asdict()
        text = texts[row["doc_id"]]
        for s_col, e_col in pairs:
            s, e = row[s_col], row[e_col]
            if pd.isna(s) and pd.isna(e):
                continue
            assert 0 <= s <= e <= len(text), f"{ext.name}: {s_col}/{e_col}={s},{e} outside 0..{len(text)}"
        for s_col, e_col, t_col in ext.copies:
            s, e, copied = row.get(s_col), row.get(e_col), row.get(t_col)
            if s is None or pd.isna(s):
                continue
            assert text[int(s) : int(e)] == copied, f"{ext.name}: {t_col} is not text[{s_col}:{e_col}]"


def test_registry_covers_every_exported_extractor():
    """A verb that returns a table must be in the registry (so the contract runs on it)."""
    assert {"paragraphs", "sentences", "tokens", "duplicates"} <= {e.name for e in EXTRACTORS}
    known = {e.name for e in _ALL}
    not_extractors = {"load", "load_corpus", "normalize", "highlight", "plot", "analyze",  # analyze: test_pipeline
                      "lexicon",  # data files, not an extractor
                      "export_annotations", "import_annotations", "score", "agreement"}  # test_annotations
    missing = [
        n for n in tk.__all__
        if n not in known and n not in not_extractors and n[0].islower() and callable(getattr(tk, n, None))
    ]
    assert not missing, f"add these verbs to EXTRACTORS in tests/test_contract.py: {missing}"


@pytest.mark.parametrize("name", [e.name for e in EXTRACTORS] + ["analyze"])
def test_every_corpus_function_takes_the_same_explicit_runner_keywords(name: str) -> None:
    """n_jobs, progress and batch_size are named keyword-only parameters everywhere, never hidden in **kwargs."""
    params = inspect.signature(getattr(tk, name)).parameters
    assert not [p for p in params.values() if p.kind is p.VAR_KEYWORD], f"tk.{name} hides keywords in **kwargs"
    for keyword, default in (("n_jobs", 1), ("progress", None), ("batch_size", 16)):
        assert keyword in params, f"tk.{name} has no {keyword}="
        assert params[keyword].kind is inspect.Parameter.KEYWORD_ONLY
        assert params[keyword].default == default


@pytest.mark.parametrize("bad", [{"n_jobs": 0}, {"batch_size": 0}, {"progress": "yes"}])
@pytest.mark.parametrize("name", ["sentences", "devices", "kwic", "dispersion", "duplicates", "frequencies"])
def test_runner_keywords_are_checked_the_same_way_everywhere(name: str, bad: dict[str, Any]) -> None:
    ext = next(e for e in EXTRACTORS if e.name == name)
    with pytest.raises(tk.ParameterError, match=next(iter(bad))):
        getattr(tk, name)("Russia said no.", **ext.kwargs, **bad)


# --------------------------------------------------------------------------- input types


@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
def test_every_input_type_gives_the_same_rows(ext, docs, tmp_path):
    one = docs[0]
    single = ext(tk.Document(one.text))
    pd.testing.assert_frame_equal(ext(one.text), single)

    expected = ext(tk.Corpus.from_documents(docs))
    frame = pd.DataFrame({"id": [d.id for d in docs], "text": [d.text for d in docs]})
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8")
    for label, x in [("DataFrame", frame), ("list", list(docs)), ("tuple", tuple(docs)),
                     ("jsonl corpus", tk.load_corpus(path)), ("generator", iter(docs))]:
        got = ext(x)
        assert len(got) == len(expected), f"{ext.name}: {label} gives {len(got)} rows, Corpus {len(expected)}"
        pd.testing.assert_frame_equal(got, expected, obj=f"{ext.name}({label})")


# --------------------------------------------------------------------------- schema


@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
def test_columns_and_dtypes_follow_the_declared_schema(ext, docs):
    df = ext(tk.Corpus.from_documents(docs))
    schema = declared_schema(ext, df)
    assert list(df.columns) == list(schema.columns)
    assert dtype_names(df) == dtype_names(schema.empty())
    assert df.index.equals(pd.RangeIndex(len(df))), "a fresh 0..n-1 index"


EMPTY_INPUTS = {
    "empty str": "",
    "blank str": " \n\t\r\n ",
    "empty Document": tk.Document("", id="e"),
    "empty Corpus": tk.Corpus.from_documents([]),
    "empty DataFrame": pd.DataFrame({"id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}),
    "empty list": [],
}


@pytest.mark.parametrize("label", list(EMPTY_INPUTS))
@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
def test_empty_input_gives_an_empty_frame_with_the_schema(ext, label, docs):
    schema = declared_schema(ext, ext(docs[0]))
    df = ext(EMPTY_INPUTS[label])
    assert list(df.columns) == list(schema.columns)
    assert dtype_names(df) == dtype_names(schema.empty())
    if ext.per_document and "start" in schema.columns:
        assert df.empty, f"{ext.name} found something in {label!r}"


# --------------------------------------------------------------------------- offsets


@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
def test_offsets_inside_documents_and_span_copies_match(ext, docs):
    df = ext(tk.Corpus.from_documents(docs))
    check_spans(ext, df, {d.id: d.text for d in docs})
    if ext.copies and ext.name in {"paragraphs", "sentences", "tokens"}:
        assert len(df) > 0


def test_span_copies_hold_on_crlf_and_typographic_text(docs):
    """The seed with CRLF line ends, NBSPs and ellipses: offsets still point into the original."""
    text = docs[0].text.replace("\n", "\r\n").replace(" said", "\u00a0said").replace("...", "\u2026")
    doc = tk.Document(text, id="crlf")
    for ext in EXTRACTORS:
        check_spans(ext, ext(doc), {"crlf": text})


# --------------------------------------------------------------------------- determinism


@pytest.mark.parametrize("ext", EXTRACTORS, ids=repr)
def test_two_runs_give_identical_frames_and_csv(ext, docs):
    first = ext(tk.Corpus.from_documents(docs))
    fresh = [tk.Document(d.text, id=d.id, meta=d.meta) for d in docs]  # no cached units
    second = ext(tk.Corpus.from_documents(fresh))
    pd.testing.assert_frame_equal(first, second)
    assert csv_bytes(first) == csv_bytes(second)


@pytest.mark.parametrize("ext", [e for e in EXTRACTORS if e.takes_n_jobs], ids=repr)
def test_one_or_two_processes_give_identical_frames(ext, docs):
    corpus = tk.Corpus.from_documents(docs)
    one = ext(corpus, n_jobs=1)
    two = ext(corpus, n_jobs=2, batch_size=1) if "batch_size" in _passes(ext) else ext(corpus, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert csv_bytes(one) == csv_bytes(two)


def _passes(ext: Extractor) -> set[str]:
    params = inspect.signature(ext.function).parameters
    names = set(params)
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        names |= {"batch_size", "n_jobs"}
    return names


@pytest.mark.parametrize("ext", PER_DOCUMENT, ids=repr)
def test_corpus_equals_its_documents_one_by_one(ext, docs):
    whole = ext(tk.Corpus.from_documents(docs))
    parts = pd.concat([ext(d) for d in docs], ignore_index=True)
    pd.testing.assert_frame_equal(whole, parts, check_dtype=True)
    halves = pd.concat([ext(docs[:2]), ext(docs[2:])], ignore_index=True)
    pd.testing.assert_frame_equal(whole, halves)


_HASH_SCRIPT = """
import hashlib, importlib.util, json, sys
spec = importlib.util.spec_from_file_location("contract", sys.argv[1])
contract = sys.modules["contract"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(contract)
import toolkit as tk
docs = [tk.load(contract.SEED, id="seed"), *tk.load_corpus(contract.WIKINEWS).head(3)]
out = {}
tables = {}
for ext in contract.EXTRACTORS:
    tables[ext.name] = df = ext(tk.Corpus.from_documents(docs))
    out[ext.name] = hashlib.sha256(contract.csv_bytes(df)).hexdigest()
if hasattr(tk, "highlight"):
    out["highlight.html"] = hashlib.sha256(tk.highlight(docs).page().encode("utf-8")).hexdigest()
figures = {"speakers": "quotes", "devices": "devices", "keyness": "keyness"}
if len(sys.argv) > 2:
    from pathlib import Path
    import matplotlib
    matplotlib.use("Agg")
    for fig, table in figures.items():
        if table in tables and hasattr(tk.plot, fig):
            for path in tk.plot.save(getattr(tk.plot, fig)(tables[table]), Path(sys.argv[2]) / fig,
                                     data=tables[table]):
                out[f"figure {path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
print(json.dumps(out, sort_keys=True))
"""


def test_csv_html_and_figures_identical_across_processes_and_hash_seeds(docs, tmp_path):
    """Fresh interpreters with different PYTHONHASHSEED (set/dict order) write the same table CSV bytes,
    highlight HTML and figure files (PDF, SVG, PNG and the CSV behind each figure)."""
    here = {e.name: hashlib.sha256(csv_bytes(e(tk.Corpus.from_documents(docs)))).hexdigest() for e in EXTRACTORS}
    if hasattr(tk, "highlight"):
        here["highlight.html"] = hashlib.sha256(tk.highlight(docs).page().encode("utf-8")).hexdigest()
    runs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TOOLKIT_QUIET": "1", "MPLBACKEND": "Agg"}
        run = subprocess.run(
            [sys.executable, "-c", _HASH_SCRIPT, __file__, str(tmp_path / seed)], capture_output=True, text=True,
            env=env, cwd=ROOT, check=False,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        runs.append(json.loads(run.stdout.strip().splitlines()[-1]))
        in_both = {k: v for k, v in runs[-1].items() if not k.startswith("figure ")}
        assert in_both == here, f"PYTHONHASHSEED={seed}: {[k for k in here if here[k] != in_both.get(k)]}"
    assert runs[0] == runs[1], [k for k in runs[0] if runs[0][k] != runs[1].get(k)]
    if hasattr(tk, "quotes") and hasattr(tk.plot, "speakers"):
        assert {"figure speakers.svg", "figure speakers.png", "figure speakers.csv"} <= set(runs[0])


def test_report_files_identical_for_one_or_two_processes(docs, tmp_path):
    """The CLI report's tables (and HTML, figure CSVs) are byte-identical whatever ``--n-jobs``."""
    from toolkit.report import write_report

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8")
    a = write_report([str(src)], tmp_path / "a", n_jobs=1)
    b = write_report([str(src)], tmp_path / "b", n_jobs=2)
    rel_a = sorted(p.relative_to(tmp_path / "a") for p in a)
    assert rel_a == sorted(p.relative_to(tmp_path / "b") for p in b)
    compared = 0
    for rel in rel_a:
        if rel.suffix in {".csv", ".html", ".json", ".txt"}:
            assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), str(rel)
            compared += 1
    assert compared >= 2


@pytest.mark.parametrize("ext", PER_DOCUMENT, ids=repr)
def test_documents_sharing_an_id_are_refused(ext, docs):
    """Two documents with one id (a repeated id column) are refused with the position of both.

    Their rows could not be told apart by ``doc_id``: the report highlighted the second text's
    quotes on the first one's page. Refused for any n_jobs, before a table is built.
    """
    twins = [tk.Document(docs[0].text, id="same"), tk.Document(docs[1].text, id="same")]
    with pytest.raises(tk.InputError, match=r"document 2 has the id 'same' of document 1"):
        ext(twins)
    if ext.takes_n_jobs and "batch_size" in _passes(ext):
        with pytest.raises(tk.InputError, match="ids must be unique"):
            ext(twins, n_jobs=2, batch_size=1)
    # each on its own, and the two under different ids, give the same rows
    apart = [tk.Document(docs[0].text, id="same"), tk.Document(docs[1].text, id="other")]
    expected = pd.concat([ext(apart[0]), ext(apart[1])], ignore_index=True)
    pd.testing.assert_frame_equal(ext(apart), expected)


def test_tables_are_recognised_by_their_extractor_not_by_a_column(docs) -> None:
    """A corpus with a ``kind`` metadata column is a corpus, not a quotes table (it raised KeyError: 'duplicate')."""
    seed = docs[0]
    corpus = pd.DataFrame({"id": ["seed"], "text": [seed.text], "kind": ["wire story"]})
    expected = tk.speakers(seed)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(tk.speakers(corpus), expected)
    # a quotes table keeps working, also after a CSV round trip (attrs lost, every quotes column kept)
    table = tk.quotes(seed)
    pd.testing.assert_frame_equal(tk.speakers(table), expected)
    # another extractor's table is refused with a clear error
    with pytest.raises(tk.ParameterError, match=r"tk\.devices table"):
        tk.speakers(tk.devices(seed))
