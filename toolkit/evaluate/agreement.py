"""Score the toolkit against corrected annotations, and two annotators against each other.

:func:`score` gives precision, recall and F1 per type with the evaluator's
own matching rules — quotes by :func:`toolkit.evaluate.quotes.score_quotes`
(token Jaccard ≥ 0.5 on the content spans, speaker check, by gold type
``direct``/``mixed``/``indirect``; scare quotes claim no speaker and are left
out), devices by :func:`toolkit.evaluate.devices.score_spans` (SemEval-2020
Task 11 partial overlap, per device). :func:`agreement` adds Cohen's κ on
sentence labels and the confusion table between the two sides::

    gold = tk.import_annotations("corrected/")
    pred = tk.analyze(corpus, tables=["quotes", "devices"])
    tk.score(pred, gold)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..annotations._model import table_kind
from ..corpus import Document, as_documents
from ..errors import ParameterError
from .devices import score_spans
from .quotes import from_quotes_table, score_quotes

__all__ = ["Agreement", "agreement", "cohen_kappa", "score"]

SCORE_COLUMNS = ["task", "type", "support", "predicted", "precision", "recall", "f1", "speaker_accuracy", "wsw_f1"]
KAPPA_COLUMNS = ["task", "type", "kappa", "observed", "expected", "sentences", "a_positive", "b_positive"]
NONE = "none"


def cohen_kappa(a: list[str], b: list[str]) -> tuple[float, float, float]:
    """Cohen's κ of two equally long label sequences, with observed and chance agreement.

    κ = (p_o − p_e) / (1 − p_e), p_e = Σ_k p_a(k) p_b(k) (Cohen 1960). NaN when
    chance agreement is 1 (both sides use one and the same label throughout).

    Examples
    --------
    >>> k, po, pe = cohen_kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"])
    >>> round(k, 3), po, pe
    (0.5, 0.75, 0.5)
    """
    if len(a) != len(b):
        raise ParameterError(f"label sequences differ in length ({len(a)} vs {len(b)})")
    if not a:
        return float("nan"), float("nan"), float("nan")
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca = pd.Series(a).value_counts() / n
    cb = pd.Series(b).value_counts() / n
    pe = float(sum(ca.get(k, 0.0) * cb.get(k, 0.0) for k in set(ca.index) | set(cb.index)))
    kappa = (po - pe) / (1 - pe) if pe < 1 else float("nan")
    return float(kappa), float(po), pe


def _split(x: Any, side: str) -> dict[str, pd.DataFrame]:

    if isinstance(x, pd.DataFrame):
        return {table_kind(x): x}
    if isinstance(x, Mapping):
        out = {table_kind(df): df for df in x.values()
               if isinstance(df, pd.DataFrame) and {"doc_id", "start", "end"} <= set(df.columns)}
        if out:
            return out
    raise ParameterError(f"{side} must be a tk.quotes/tk.devices table or a dict of them (got {type(x).__name__})")


def _texts(texts: Any, *tables: pd.DataFrame) -> dict[str, str]:
    if texts is None:
        for df in tables:
            if isinstance(df.attrs.get("texts"), Mapping):
                return dict(df.attrs["texts"])
        raise ParameterError("texts= is needed (the corpus or a dict id -> text) unless a table comes from "
                             "tk.import_annotations, which records its texts")
    if isinstance(texts, Mapping):
        return {str(k): str(v) for k, v in texts.items()}
    return {d.id: d.text for d in as_documents(texts)}


def _quote_scores(pred: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    g = from_quotes_table(gold)
    for doc_id in texts:  # a document the annotator left without quotes is still scored
        g.setdefault(doc_id, [])
    s = score_quotes(g, from_quotes_table(pred), texts=texts, n_boot=0)
    return pd.DataFrame({
        "task": "quotes", "type": s["type"], "support": s["gold"], "predicted": s["predicted"],
        "precision": s["precision"], "recall": s["recall"], "f1": s["f1"],
        "speaker_accuracy": s["speaker_accuracy"], "wsw_f1": s["wsw_f1"],
    })


def _rows(df: pd.DataFrame) -> list[tuple[str, int, int, str]]:
    return list(zip(df["doc_id"].astype(str), df["start"].astype(int), df["end"].astype(int),
                    df["device"].astype(str), strict=True))


def _device_scores(pred: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    labels = sorted(set(gold["device"].astype(str)) | set(pred["device"].astype(str)))
    s = score_spans(_rows(gold), _rows(pred), labels=labels, min_support=1)
    return pd.DataFrame({
        "task": "devices", "type": s["label"], "support": s["support"], "predicted": s["predicted"],
        "precision": s["precision"], "recall": s["recall"], "f1": s["f1"],
        "speaker_accuracy": np.nan, "wsw_f1": np.nan,
    })


def score(pred: Any, gold: Any, *, texts: Any = None) -> pd.DataFrame:
    """Precision, recall and F1 per type of ``pred`` against ``gold``.

    Parameters
    ----------
    pred, gold
        ``tk.quotes``/``tk.devices`` tables, or dicts of them (what
        ``tk.analyze`` and ``tk.import_annotations`` return). Tables are
        paired by extractor; both sides need the same ones.
    texts
        The corpus (or a dict id -> text); not needed when either side comes
        from :func:`toolkit.import_annotations`.

    Returns
    -------
    pandas.DataFrame
        ``task`` (``quotes``/``devices``), ``type`` (quote types ``direct``,
        ``mixed``, ``indirect``, ``direct+mixed``, ``all``; device names and
        ``micro``, ``macro``, ``any label``), ``support`` (gold), ``predicted``,
        ``precision``, ``recall``, ``f1``, and for quotes
        ``speaker_accuracy`` and ``wsw_f1`` (who said what). Scores are NaN
        for a type neither side has.

    Examples
    --------
    >>> import toolkit as tk
    >>> doc = tk.load('"We will win," Lavrov said. It could rain.')
    >>> s = score(tk.devices(doc), tk.devices(doc), texts=doc)
    >>> s.loc[s["type"] == "micro", "f1"].tolist()
    [1.0]
    """
    p, g = _split(pred, "pred"), _split(gold, "gold")
    if set(p) != set(g):
        raise ParameterError(f"pred has {sorted(p)} tables, gold has {sorted(g)}; give the same ones")
    parts = []
    if "quotes" in g:
        parts.append(_quote_scores(p["quotes"], g["quotes"], _texts(texts, g["quotes"], p["quotes"])))
    if "devices" in g:
        parts.append(_device_scores(p["devices"], g["devices"]))
    out = pd.concat(parts, ignore_index=True)[SCORE_COLUMNS]
    # a type neither side has says nothing about the system: no score rather than a zero
    empty = (out["support"] == 0) & (out["predicted"] == 0)
    out.loc[empty, ["precision", "recall", "f1", "wsw_f1"]] = np.nan
    out.attrs = {"matching": {"quotes": "toolkit.evaluate.quotes.score_quotes",
                              "devices": "toolkit.evaluate.devices.score_spans"}}
    return out


@dataclass
class Agreement:
    """Scores, κ and confusion tables between two sets of annotations (``a`` scored against ``b``)."""

    scores: pd.DataFrame
    kappa: pd.DataFrame
    confusion: dict[str, pd.DataFrame] = field(default_factory=dict)
    sentences: pd.DataFrame = field(default_factory=pd.DataFrame)

    def _repr_html_(self) -> str:
        parts = ["<h4>Scores</h4>", self.scores.to_html(index=False), "<h4>Cohen's κ on sentence labels</h4>",
                 self.kappa.to_html(index=False)]
        for task, table in self.confusion.items():
            parts += [f"<h4>Confusion ({task}; rows a, columns b)</h4>", table.to_html()]
        return "\n".join(parts)


def _labels(df: pd.DataFrame, label_col: str, doc_id: str, spans: list[tuple[int, int]]) -> list[str]:
    """Per sentence, the label of the finding that overlaps it most (``none`` without one)."""
    rows = df[df["doc_id"].astype(str) == doc_id]
    best = [(0, NONE)] * len(spans)
    starts = [s for s, _ in spans]
    for s, e, lab in zip(rows["start"].astype(int), rows["end"].astype(int), rows[label_col].astype(str),
                         strict=True):
        i = max(0, int(np.searchsorted(starts, s, side="right")) - 1)
        while i < len(spans) and spans[i][0] < e:
            overlap = min(e, spans[i][1]) - max(s, spans[i][0])
            if overlap > best[i][0] or (overlap == best[i][0] > 0 and lab < best[i][1]):
                best[i] = (overlap, lab)
            i += 1
    return [lab for _, lab in best]


def agreement(a: Any, b: Any, *, texts: Any = None) -> Agreement:
    """Agreement of ``a`` with ``b``: P/R/F1 (``b`` as reference), Cohen's κ on sentences, confusion.

    Every sentence of every document gets one label per side and task: the
    quote kind (quotes) or device name (devices) of the finding that overlaps
    it most, or ``none``. κ is reported over those labels (``type`` =
    ``all``) and, per type, over "the sentence has one / has none".

    Parameters
    ----------
    a, b
        Two annotators' tables (or the toolkit's and a gold standard), as for
        :func:`score`.
    texts
        As for :func:`score`.

    Returns
    -------
    Agreement
        ``.scores`` (see :func:`score`), ``.kappa`` (``task, type, kappa,
        observed, expected, sentences, a_positive, b_positive``),
        ``.confusion`` (per task: a's labels × b's labels, sentence counts)
        and ``.sentences`` (the labels per sentence).

    Examples
    --------
    >>> import toolkit as tk
    >>> doc = tk.load("It could rain. We will surely win.")
    >>> ag = agreement(tk.devices(doc), tk.devices(doc), texts=doc)
    >>> ag.kappa.loc[0, "type"], float(ag.kappa.loc[0, "kappa"])
    ('all', 1.0)
    """
    pa, pb = _split(a, "a"), _split(b, "b")
    scores = score(a, b, texts=texts)
    all_texts = _texts(texts, *pb.values(), *pa.values())
    rows, kappas, confusion = [], [], {}
    for task in pb:
        col = "kind" if task == "quotes" else "device"
        la: list[str] = []
        lb: list[str] = []
        for doc_id, text in all_texts.items():
            spans = Document(text, id=doc_id).sentences
            xa, xb = _labels(pa[task], col, doc_id, spans), _labels(pb[task], col, doc_id, spans)
            rows += [{"doc_id": doc_id, "sentence": i, "start": s, "end": e, "task": task, "a": x, "b": y}
                     for i, ((s, e), x, y) in enumerate(zip(spans, xa, xb, strict=True))]
            la += xa
            lb += xb
        k, po, pe = cohen_kappa(la, lb)
        kappas.append({"task": task, "type": "all", "kappa": k, "observed": po, "expected": pe,
                       "sentences": len(la), "a_positive": sum(x != NONE for x in la),
                       "b_positive": sum(y != NONE for y in lb)})
        for t in sorted((set(la) | set(lb)) - {NONE}):
            ba, bb = [str(x == t) for x in la], [str(y == t) for y in lb]
            k, po, pe = cohen_kappa(ba, bb)
            kappas.append({"task": task, "type": t, "kappa": k, "observed": po, "expected": pe,
                           "sentences": len(la), "a_positive": ba.count("True"), "b_positive": bb.count("True")})
        confusion[task] = pd.crosstab(pd.Series(la, name="a"), pd.Series(lb, name="b"))
    return Agreement(scores, pd.DataFrame(kappas, columns=KAPPA_COLUMNS), confusion, pd.DataFrame(rows))
