"""tk.export_annotations / tk.import_annotations / tk.score / tk.agreement.

Round trips on the seed and on generated texts (CRLF, astral characters,
combining marks, Unicode line separators), each format checked against its
tool's documented shape (a JSON schema for Label Studio tasks, brat's standoff
grammar, the UIMA type system for the XMI), malformed files reported by file
and line, and the scores against the evaluator's rules.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit as tk
from toolkit.annotations import FORMATS
from toolkit.errors import AnnotationFormatError, ParameterError

from .conftest import DATA, SEED

jsonschema = pytest.importorskip("jsonschema")

CORRECTIONS = DATA / "corrections" / "ungdc_2000_2002_brat"
UNGDC = DATA / "ungdc_sample.jsonl.gz"


@pytest.fixture(scope="module")
def seed_findings(seed):
    return {"quotes": tk.quotes(seed), "devices": tk.devices(seed)}


def _roundtrip(findings, corpus, fmt, tmp_path):
    out = tk.export_annotations(findings, corpus, format=fmt, out=tmp_path / fmt)
    return out, tk.import_annotations(out)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_the_identity_on_the_seed(seed, seed_findings, fmt, tmp_path):
    _, back = _roundtrip(seed_findings, seed, fmt, tmp_path)
    for table in ("quotes", "devices"):
        pd.testing.assert_frame_equal(back[table], seed_findings[table])
        assert back[table].attrs["texts"] == {seed.id: seed.text}


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_table_in_one_table_out(seed, seed_findings, fmt, tmp_path):
    out = tk.export_annotations(seed_findings["devices"], seed, format=fmt, out=tmp_path)
    back = tk.import_annotations(out)
    assert isinstance(back, pd.DataFrame)
    pd.testing.assert_frame_equal(back, seed_findings["devices"])
    assert tk.import_annotations(out, table="quotes").empty


def test_every_document_is_exported_also_without_findings(tmp_path):
    corpus = tk.Corpus.from_documents([tk.load(SEED), tk.Document("No findings here.", id="plain")])
    out = tk.export_annotations(tk.quotes(corpus), corpus, format="brat", out=tmp_path)
    assert (out / "plain.txt").read_text(encoding="utf-8") == "No findings here."
    assert (out / "plain.ann").read_text(encoding="utf-8") == ""
    assert set(tk.import_annotations(out).attrs["texts"]) == {"lavrov_2015_afp", "plain"}


def _variant(text: str, crlf: bool, astral: str, combining: str, sep: str) -> str:
    text = text.replace("\n", "\r\n") if crlf else text
    # astral characters and combining marks before words (they shift UTF-16 offsets and NFC forms)
    text = re.sub(r"\b(Lavrov|Syria|Iraq)\b", lambda m: f"{astral}{m[1]}{combining}", text)
    return text.replace(". ", f".{sep}", 3)


SEED_TEXT = SEED.read_text(encoding="utf-8")
texts = st.builds(
    _variant,
    st.sampled_from([SEED_TEXT, SEED_TEXT[:1300], SEED_TEXT[1200:]]),
    st.booleans(),
    st.sampled_from(["", "😀", "𝒜 ", "🇺🇳"]),
    st.sampled_from(["", "\u0301", "\u0308\u0323"]),
    st.sampled_from([" ", "\u2028", "\x85", "\r", " \t"]),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_round_trip_is_the_identity_on_generated_texts(text, tmp_path_factory):
    doc = tk.Document(text, id="gen/1 ü")
    findings = {"quotes": tk.quotes(doc), "devices": tk.devices(doc)}
    assert len(findings["quotes"]) and len(findings["devices"])
    for fmt in FORMATS:
        _, back = _roundtrip(findings, doc, fmt, tmp_path_factory.mktemp(fmt))
        for table in ("quotes", "devices"):
            pd.testing.assert_frame_equal(back[table], findings[table])
        got = back["quotes"]
        assert [text[s:e] for s, e in zip(got["start"], got["end"], strict=True)] == got["text"].tolist()


alphabet = st.sampled_from([*"ab .,\"'", "\r\n", "\n", "\r", "😀", "e\u0301", "\u2028", "Ω", "\t"])


@st.composite
def spans_over_text(draw):
    text = "".join(draw(st.lists(alphabet, min_size=2, max_size=40)))
    n = draw(st.integers(1, 4))
    rows = []
    for _ in range(n):
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s + 1, len(text)))
        if not text[s:e].strip("\r\n\u2028\x85"):
            continue
        rows.append({"doc_id": "d", "start": s, "end": e, "device": draw(st.sampled_from(["hedge", "booster"])),
                     "text": text[s:e], "cue": "x", "explanation": "because", "referent": None, "target": None,
                     "score": None, "paragraph": 0, "duplicate": False})
    return text, rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=spans_over_text())
def test_any_span_survives_every_format(case, tmp_path_factory):
    from toolkit import frames

    text, rows = case
    table = frames.finish(rows, frames.DEVICES)
    doc = tk.Document(text, id="d")
    for fmt in FORMATS:
        _, back = _roundtrip(table, doc, fmt, tmp_path_factory.mktemp(fmt))
        pd.testing.assert_frame_equal(back, table)


# --------------------------------------------------------------------------- each tool's documented shape


def _schema() -> dict:
    path = resources.files("toolkit") / "data" / "annotations" / "label_studio_tasks.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_label_studio_tasks_follow_the_schema_and_the_config(seed, seed_findings, tmp_path):
    out = tk.export_annotations(seed_findings, seed, format="label-studio", out=tmp_path)
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    jsonschema.validate(tasks, _schema())
    config = ET.fromstring((out / "config.xml").read_text(encoding="utf-8"))
    declared = {lab.get("value") for lab in config.iter("Label")}
    controls = {el.get("name") for el in config.iter() if el.get("toName")}
    text_names = {el.get("name") for el in config.iter("Text")}
    relations = {r.get("value") for r in config.iter("Relation")}
    result = tasks[0]["predictions"][0]["result"]
    ids = {r["id"] for r in result if r["type"] == "labels"}
    for r in result:
        if r["type"] == "relation":
            assert set(r["labels"]) <= relations and {r["from_id"], r["to_id"]} <= ids
            continue
        assert r["from_name"] in controls and r["to_name"] in text_names
        if r["type"] == "labels":
            assert set(r["value"]["labels"]) <= declared
            assert tasks[0]["data"]["text"][r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
        else:
            assert r["id"] in ids  # per-region controls refer to a labelled region
    assert len(ids) == len(seed_findings["quotes"]) + len(seed_findings["devices"]) + \
        seed_findings["quotes"]["speaker_start"].dropna().nunique()


def test_the_schema_rejects_a_malformed_task():
    bad = [{"data": {"text": "x"}, "predictions": [{"result": [{"type": "labels", "id": "a", "from_name": "label",
                                                                  "to_name": "text", "value": {"start": -1, "end": 2,
                                                                                               "labels": []}}]}]}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, _schema())


# brat standoff grammar (http://brat.nlplab.org/standoff.html), written here independently of the module
BRAT_ID = r"[TRAEMN#*]\d+"
BRAT = {
    "T": re.compile(r"^T\d+\t[^\s]+ \d+ \d+(;\d+ \d+)*\t[^\n]*$"),
    "R": re.compile(r"^R\d+\t[^\s]+ Arg1:T\d+ Arg2:T\d+$"),
    "A": re.compile(r"^A\d+\t[^\s]+ T\d+( [^\s]+)?$"),
    "#": re.compile(r"^#\d+\tAnnotatorNotes T\d+\t[^\n]*$"),
}


def _conf_sections(conf: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in conf.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        else:
            sections[current].append(line)
    return sections


def test_brat_files_follow_the_standoff_grammar(tmp_path):
    text = SEED_TEXT.replace("\n", "\r\n").replace("Lavrov", "Lavrov 😀")
    doc = tk.Document(text, id="seed crlf")
    findings = {"quotes": tk.quotes(doc), "devices": tk.devices(doc)}
    out = tk.export_annotations(findings, doc, format="brat", out=tmp_path)
    txt = out / "seed%20crlf.txt"
    assert txt.read_bytes() == text.encode("utf-8")  # the text, byte for byte
    # brat reads the .txt as UTF-8 with universal newlines (\r\n is one character; nlplab/brat#853)
    with open(txt, encoding="utf-8", newline=None) as fh:
        seen = fh.read()
    assert len(seen) < len(text)
    conf = _conf_sections((out / "annotation.conf").read_text(encoding="utf-8"))
    entities = set(conf["entities"])
    relations = {line.split("\t")[0] for line in conf["relations"]}
    attributes = {line.split("\t")[0]: line for line in conf["attributes"]}
    lines = (out / "seed%20crlf.ann").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    defined = set()
    for line in lines[:-1]:
        kind = line[0]
        assert BRAT[kind].match(line), line
        fields = line.split("\t")
        if kind == "T":
            defined.add(fields[0])
            label, spans = fields[1].split(" ", 1)
            assert label in entities
            pieces = [tuple(map(int, p.split())) for p in spans.split(";")]
            assert fields[2] == " ".join(seen[s:e] for s, e in pieces)  # brat checks the text field
        elif kind == "R":
            assert fields[1].split()[0] in relations
            assert set(re.findall(r"Arg\d:(T\d+)", line)) <= defined
        elif kind == "A":
            name, tid, value = fields[1].split()
            assert name in attributes and value in attributes[name] and tid in defined
        else:
            json.loads(fields[2])
    assert sum(line.startswith("T") for line in lines) > len(findings["devices"])


def test_inception_xmi_matches_its_type_system_and_counts_utf16(tmp_path):
    text = SEED_TEXT.replace("Saddam", "😀 Saddam")
    doc = tk.Document(text, id="seed")
    out = tk.export_annotations(tk.devices(doc), doc, format="inception", out=tmp_path)
    ts = ET.parse(out / "TypeSystem.xml").getroot()
    ns = {"u": "http://uima.apache.org/resourceSpecifier"}
    types = {t.findtext("u:name", namespaces=ns): {f.findtext("u:name", namespaces=ns)
                                                    for f in t.iterfind("u:features/u:featureDescription", ns)}
             for t in ts.iterfind("u:types/u:typeDescription", ns)}
    root = ET.parse(out / "seed.xmi").getroot()
    custom = "{http:///webanno/custom.ecore}"
    sofa = root.find("{http:///uima/cas.ecore}Sofa").get("sofaString")
    assert sofa == text
    units = text.encode("utf-16-le")
    devices = [el for el in root if el.tag == f"{custom}Device"]
    assert len(devices) == len(tk.devices(doc))
    for el in root:
        if el.tag.startswith(custom):
            name = "webanno.custom." + el.tag.removeprefix(custom)
            features = set(el.attrib) - {"{http://www.omg.org/XMI}id", "sofa", "begin", "end"}
            assert features <= types[name]
            b, e = int(el.get("begin")), int(el.get("end"))
            if el.tag == f"{custom}Device":
                assert units[2 * b:2 * e].decode("utf-16-le") in text


def test_inception_refuses_a_text_xml_cannot_carry(tmp_path):
    doc = tk.Document("It could \x01 rain.", id="ctl")
    with pytest.raises(AnnotationFormatError, match="U\\+0001"):
        tk.export_annotations(tk.devices(doc), doc, format="inception", out=tmp_path)


# --------------------------------------------------------------------------- corrections come back


def _brat(seed, seed_findings, tmp_path) -> Path:
    return tk.export_annotations(seed_findings, seed, format="brat", out=tmp_path)


def test_a_moved_quote_gets_its_content_recomputed_and_a_new_one_defaults(seed, seed_findings, tmp_path):
    out = _brat(seed, seed_findings, tmp_path)
    ann = out / "lavrov_2015_afp.ann"
    lines = ann.read_text(encoding="utf-8").split("\n")
    q = seed_findings["quotes"]
    row = q[q["kind"] == "direct"].iloc[0]
    i = next(n for n, line in enumerate(lines) if line.startswith("T") and f" {row.start} {row.end}\t" in line)
    tid = lines[i].split("\t")[0]
    start = row.start + 3  # the annotator trims the first word
    lines[i] = f"{tid}\tquote_direct {start} {row.end}\t{seed.text[start:row.end]}"
    s, e = seed.text.index("Russia on Tuesday"), seed.text.index("Russia on Tuesday") + len("Russia on Tuesday")
    lines.insert(0, f"T999\tbooster {s} {e}\t{seed.text[s:e]}")
    ann.write_text("\n".join(lines), encoding="utf-8")
    back = tk.import_annotations(out)
    moved = back["quotes"][back["quotes"]["start"] == start].iloc[0]
    assert (moved.content_start, moved.content_end, moved.fragments) == (start, row.end, f"{start}-{row.end}")
    assert moved.speaker == row.speaker and moved.cue == row.cue  # not tied to the span: kept
    new = back["devices"][back["devices"]["start"] == s].iloc[0]
    assert new.text == "Russia on Tuesday" and new.paragraph == 0 and pd.isna(new.explanation)


MALFORMED_BRAT = [
    ("T999\tquote_direct 5 2\tx", "empty, out of order"),
    ("T999\tquote_direct 0 6\tRussiX", "does not match the text"),
    ("T999\tQoute 0 6\tRussia", "unknown label 'Qoute'"),
    ("R999\tsaid Arg1:T998 Arg2:T1", "T998, which is not defined"),
    ("E1\tAttack:T1", "an event annotation"),
    ("A999\tPolarity T1 negative", "unknown attribute"),
    ("#999\tAnnotatorNotes T1\t{broken", "not valid JSON"),
    ("T999\tquote_direct 0 3;4 6\tRus ia", "discontinuous"),
    ("T999\tspeaker 7 9\ton", "says no quote"),
]


@pytest.mark.parametrize(("line", "message"), MALFORMED_BRAT)
def test_malformed_brat_names_file_and_line(seed, seed_findings, tmp_path, line, message):
    out = _brat(seed, seed_findings, tmp_path)
    ann = out / "lavrov_2015_afp.ann"
    lines = ann.read_text(encoding="utf-8").split("\n")
    lines.insert(4, line)
    ann.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match=re.escape(message)) as err:
        tk.import_annotations(out)
    assert (err.value.path, err.value.line) == (str(ann), 5)


def test_a_quote_with_two_speakers_is_an_error(seed, seed_findings, tmp_path):
    out = _brat(seed, seed_findings, tmp_path)
    ann = out / "lavrov_2015_afp.ann"
    text = ann.read_text(encoding="utf-8")
    rel = next(line for line in text.split("\n") if line.startswith("R"))
    first = rel.split("Arg1:")[1].split()[0]
    speaker = next(line.split("\t")[0] for line in text.split("\n")
                   if "\tspeaker " in line and line.split("\t")[0] != first)
    quote = rel.split("Arg2:")[1]
    ann.write_text(text + f"R999\tsaid Arg1:{speaker} Arg2:{quote}\n", encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="has two speakers") as err:
        tk.import_annotations(out)
    assert err.value.line == text.count("\n") + 1


def test_label_studio_old_utf16_offsets_are_converted_and_wrong_ones_refused(tmp_path):
    text = "😀😀 It could rain."
    doc = tk.Document(text, id="d")
    out = tk.export_annotations(tk.devices(doc), doc, format="label-studio", out=tmp_path)
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    region = tasks[0]["predictions"][0]["result"][0]
    assert text[region["value"]["start"]:region["value"]["end"]] == "could"
    region["value"]["start"] += 2  # what a Label Studio that counts UTF-16 units writes
    region["value"]["end"] += 2
    (out / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    pd.testing.assert_frame_equal(tk.import_annotations(out), tk.devices(doc))
    region["value"]["start"] += 1
    (out / "tasks.json").write_text(json.dumps(tasks, indent=1), encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="Label Studio saved 'could'") as err:
        tk.import_annotations(out)
    assert err.value.line is not None and err.value.path.endswith("tasks.json")


def test_label_studio_reads_the_annotation_and_asks_which_annotator(seed, seed_findings, tmp_path):
    out = tk.export_annotations(seed_findings, seed, format="label-studio", out=tmp_path)
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    result = tasks[0]["predictions"][0]["result"]
    kept = [r for r in result if r.get("type") != "labels" or r["value"]["labels"] != ["hedge"]]
    kept = [r for r in kept if r.get("type") == "relation" or r["id"] in {k["id"] for k in kept
                                                                            if k["type"] == "labels"}]
    tasks[0]["annotations"] = [{"completed_by": 7, "result": kept}]
    (out / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    back = tk.import_annotations(out)
    devices = seed_findings["devices"]
    pd.testing.assert_frame_equal(back["devices"], devices[devices["device"] != "hedge"].reset_index(drop=True))
    assert back["devices"].attrs["from_predictions"] == []
    tasks[0]["annotations"].append({"completed_by": {"id": 9, "email": "b@example.org"}, "result": result})
    (out / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="2 annotations"):
        tk.import_annotations(out)
    other = tk.import_annotations(out, annotator="b@example.org")
    pd.testing.assert_frame_equal(other["devices"], devices)


def test_malformed_label_studio_and_xmi_name_the_file(seed, seed_findings, tmp_path):
    ls = tk.export_annotations(seed_findings, seed, format="label-studio", out=tmp_path / "ls")
    (ls / "tasks.json").write_text('[{"data": {"text": "x"}}\n,,]', encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="not valid JSON") as err:
        tk.import_annotations(ls)
    assert err.value.line == 2
    xmi = tk.export_annotations(seed_findings, seed, format="inception", out=tmp_path / "xmi")
    path = xmi / "lavrov_2015_afp.xmi"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, '  <custom:Entity xmlns:custom="http:///webanno/custom.ecore" begin="0" end="3" />')
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="'Entity'") as err:
        tk.import_annotations(xmi)
    assert (err.value.path, err.value.line) == (str(path), 4)
    path.write_text("<xmi:XMI", encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="not well-formed"):
        tk.import_annotations(xmi)


def test_bad_parameters(seed, seed_findings, tmp_path):
    with pytest.raises(ParameterError, match="'label-studio'"):
        tk.export_annotations(seed_findings, seed, format="webanno", out=tmp_path)
    with pytest.raises(ParameterError):
        tk.export_annotations(tk.lexical_profile(seed), seed, format="brat", out=tmp_path)
    with pytest.raises(tk.InputError, match="not in the corpus"):
        tk.export_annotations(seed_findings, tk.Document("Other.", id="other"), format="brat", out=tmp_path)
    with pytest.raises(tk.InputError, match="not an annotation file"):
        tk.import_annotations(SEED)


# --------------------------------------------------------------------------- the shipped example and the scores


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    corpus = tk.load_corpus(UNGDC).filter(lambda d: (CORRECTIONS / f"{d.id}.ann").exists())
    folder = tmp_path_factory.mktemp("corrected")
    export = tk.export_annotations(tk.analyze(corpus, tables=["quotes", "devices"]), corpus, format="brat",
                                   out=folder / "export")
    for ann in CORRECTIONS.glob("*.ann"):
        shutil.copy(ann, folder / ann.name)
        shutil.copy(export / f"{ann.stem}.txt", folder / f"{ann.stem}.txt")
    return corpus, tk.import_annotations(folder)


def test_the_shipped_corrections_read_back_and_differ_from_the_toolkit(corrected):
    corpus, gold = corrected
    assert set(gold["quotes"].attrs["texts"]) == {d.id for d in corpus} == {p.stem for p in CORRECTIONS.glob("*.ann")}
    pred = tk.analyze(corpus, tables=["quotes", "devices"])
    for table in ("quotes", "devices"):
        assert not gold[table].empty
        assert len(gold[table]) < len(pred[table])  # the annotator deleted more than they added
        texts = gold[table].attrs["texts"]
        assert all(texts[d][s:e] == t for d, s, e, t in gold[table][["doc_id", "start", "end", "text"]].values)
    assert (gold["quotes"]["rule"] == "annotator").sum() >= 1  # the quote the toolkit missed


def test_score_uses_the_evaluators_matching(corrected):
    from toolkit.evaluate import from_quotes_table, score_quotes, score_spans

    corpus, gold = corrected
    pred = tk.analyze(corpus, tables=["quotes", "devices"])
    s = tk.score(pred, gold).set_index(["task", "type"])
    texts = gold["quotes"].attrs["texts"]
    direct = score_quotes(from_quotes_table(gold["quotes"]), from_quotes_table(pred["quotes"]), texts=texts,
                          n_boot=0).set_index("type")
    assert s.loc[("quotes", "all"), "f1"] == pytest.approx(direct.loc["all", "f1"])
    rows = [(d, s0, e, lab) for d, s0, e, lab in gold["devices"][["doc_id", "start", "end", "device"]].values]
    prow = [(d, s0, e, lab) for d, s0, e, lab in pred["devices"][["doc_id", "start", "end", "device"]].values]
    spans = score_spans(rows, prow, labels=sorted({r[3] for r in rows + prow}), min_support=1).set_index("label")
    assert s.loc[("devices", "micro"), "precision"] == pytest.approx(spans.loc["micro", "precision"])
    assert 0 < s.loc[("quotes", "all"), "precision"] < 1 and s.loc[("devices", "micro"), "recall"] > 0
    self_score = tk.score(gold, gold)
    assert (self_score.loc[self_score["support"] > 0, "recall"] == 1).all()


def test_agreement_kappa_and_confusion(corrected):
    corpus, gold = corrected
    pred = tk.analyze(corpus, tables=["quotes", "devices"])
    ag = tk.agreement(pred, gold)
    k = ag.kappa.set_index(["task", "type"])
    sentences = sum(len(d.sentences) for d in corpus)
    assert (k["sentences"] == sentences).all()
    for task in ("quotes", "devices"):
        conf = ag.confusion[task]
        assert conf.to_numpy().sum() == sentences
        assert 0 < k.loc[(task, "all"), "kappa"] < 1
        po = sum(conf.loc[i, i] for i in conf.index if i in conf.columns) / sentences
        assert k.loc[(task, "all"), "observed"] == pytest.approx(po)
    same = tk.agreement(gold, gold)
    assert (same.kappa["kappa"].dropna() == 1).all() and "<h4>" in same._repr_html_()


def test_cohen_kappa_against_a_hand_count():
    from toolkit.evaluate.agreement import cohen_kappa

    a = ["q"] * 20 + ["none"] * 80
    b = ["q"] * 15 + ["none"] * 5 + ["q"] * 10 + ["none"] * 70
    k, po, pe = cohen_kappa(a, b)
    # p_o = (15 + 70) / 100; p_e = 0.2 * 0.25 + 0.8 * 0.75
    assert (po, pe) == pytest.approx((0.85, 0.65))
    assert k == pytest.approx((0.85 - 0.65) / (1 - 0.65))


def test_label_studio_offsets_that_count_crlf_as_one_are_converted(tmp_path):
    text = "Rain.\r\nIt could rain.\r\nIt could snow."
    doc = tk.Document(text, id="d")
    out = tk.export_annotations(tk.devices(doc), doc, format="label-studio", out=tmp_path)
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    regions = [r for r in tasks[0]["predictions"][0]["result"] if r["type"] == "labels"]
    assert len(regions) == 2
    seen = text.replace("\r\n", "\n")
    for r in regions:  # what a front end that sees "\n" line ends writes
        lines_before = text.count("\r\n", 0, r["value"]["start"])
        r["value"]["start"] -= lines_before
        r["value"]["end"] -= lines_before
        assert seen[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
    (out / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    pd.testing.assert_frame_equal(tk.import_annotations(out), tk.devices(doc))


def test_a_label_studio_export_with_prediction_ids_only_is_refused(seed, seed_findings, tmp_path):
    out = tk.export_annotations(seed_findings, seed, format="label-studio", out=tmp_path)
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    tasks[0]["predictions"] = [12]
    (out / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="only ids"):
        tk.import_annotations(out)
