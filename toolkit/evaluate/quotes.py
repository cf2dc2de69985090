"""Score quote extraction and speaker attribution against annotated JSONL.

The protocol of ``EVALUATION.md`` ("Quotes (PolNeAR)"), usable on any corpus
in the same record format (one JSON object per line)::

    {"id": "...", "text": "...",
     "quotes": [{"quote_spans": [[s, e], ...], "type": "direct|mixed|indirect",
                 "speaker": "Axelrod" | null, "speaker_spans": [[s, e], ...]}, ...]}

Per document, a quote is the set of word tokens (``\\w+``) inside its content
span(s). Each prediction is assigned to the gold quote it overlaps most; a gold
quote is matched when the union of its assigned predictions has token Jaccard
≥ 0.5 with it (so the fragments of a split quote count once). Precision counts
one predicted unit per gold quote that received predictions plus every
prediction that overlaps no gold quote. The speaker of a matched quote is
correct when the predicted and gold speaker spans overlap, or their head names
agree after lower-casing and dropping titles, honorifics and ``'s``, or both
are null. *Who-said-what* counts a gold quote when it is matched and its
speaker is correct. *Exact match* compares the texts after trimming white
space, punctuation and quote marks at both ends. 95 % intervals come from a
bootstrap over documents with a fixed seed.

Corpora label quotes differently; :data:`LABEL_SCHEMES` says how our kinds map
to each corpus's types. PolNeAR types a clause with quoted words ``mixed`` (our
``partial``, scored on its clause). The German WikiNews quotation corpus has no
mixed type: its guidelines annotate the quoted words as a ``Direct`` quotation
nested in the ``Indirect`` one around it, so there a ``partial`` row counts as
two predictions (its quoted words as direct, its clause as indirect) and each
type is matched against the gold quotes of that type only (``nested=True``: a
nested direct quote and its indirect frame share their tokens).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import lexicons
from ..errors import InputError, ParameterError

__all__ = [
    "QuoteAnnotation",
    "from_quotes_table",
    "read_quote_annotations",
    "score_document",
    "score_quotes",
]

TYPES = ("direct", "mixed", "indirect")
#: per corpus: how ``partial`` rows are scored (``mixed``, or ``nested``: quoted words direct + clause
#: indirect) and whether types are matched separately (gold quotes of different types nest)
LABEL_SCHEMES: dict[str, dict[str, Any]] = {
    "polnear": {"partial": "mixed", "nested": False},
    "german_news_quotes": {"partial": "nested", "nested": True},
}
#: which gold type an unassigned prediction of each ``kind`` counts against
KIND_TO_TYPE = {"direct": "direct", "partial": "mixed", "indirect": "indirect"}
_WORD = re.compile(r"\w+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")


@dataclass
class QuoteAnnotation:
    """One annotated (or predicted) quote: content fragments and speaker.

    Examples
    --------
    >>> QuoteAnnotation([(0, 5)], "direct", "Lavrov", [(10, 16)]).spans
    [(0, 5)]
    """

    spans: list[tuple[int, int]]
    type: str | None = None
    speaker: str | None = None
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)
    speaker_names: tuple[str, ...] = ()


def _spans(value: Any) -> list[tuple[int, int]]:
    if not value:
        return []
    return [(int(s), int(e)) for s, e in value]


def read_quote_annotations(
    path: str | Path,
) -> tuple[dict[str, str], dict[str, list[QuoteAnnotation]]]:
    """Read annotated JSONL: texts and quotes by document id.

    Parameters
    ----------
    path
        A ``.jsonl`` file with ``id``, ``text`` and ``quotes`` (each with
        ``quote_spans`` or ``quote_start``/``quote_end``, ``type``,
        ``speaker``, ``speaker_spans`` or ``speaker_start``/``speaker_end``).

    Returns
    -------
    (texts, quotes)
        Two dicts keyed by document id.

    Raises
    ------
    InputError
        The file is missing or a line is not a valid record (file and line
        are named).

    Examples
    --------
    >>> import json, tempfile
    >>> rec = {"id": "a", "text": '"Hi," he said.', "quotes": [{"quote_spans": [[1, 4]], "type": "direct",
    ...        "speaker": "he", "speaker_spans": [[6, 8]]}]}
    >>> p = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
    >>> _ = p.write(json.dumps(rec) + "\\n"); p.close()
    >>> texts, gold = read_quote_annotations(p.name)
    >>> gold["a"][0].spans, gold["a"][0].speaker
    ([(1, 4)], 'he')
    """
    path = Path(path)
    if not path.exists():
        raise InputError("file not found", path=path)
    texts: dict[str, str] = {}
    quotes: dict[str, list[QuoteAnnotation]] = {}
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                doc_id = str(rec["id"])
                texts[doc_id] = rec["text"]
                items = []
                for q in rec.get("quotes") or []:
                    spans = _spans(q.get("quote_spans")) or [(int(q["quote_start"]), int(q["quote_end"]))]
                    sp = _spans(q.get("speaker_spans"))
                    if not sp and q.get("speaker_start") is not None:
                        sp = [(int(q["speaker_start"]), int(q["speaker_end"]))]
                    items.append(QuoteAnnotation(spans, q.get("type"), q.get("speaker"), sp))
                quotes[doc_id] = items
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(f"not a quote record ({exc!r})", path=path, line=line_no) from None
    return texts, quotes


def _parse_fragments(value: Any) -> list[tuple[int, int]]:
    if not isinstance(value, str) or not value:
        return []
    out = []
    for part in value.split(";"):
        s, _, e = part.partition("-")
        out.append((int(s), int(e)))
    return out


def from_quotes_table(
    table: pd.DataFrame, *, kinds: Iterable[str] = ("direct", "partial", "indirect"), partial: str = "mixed",
) -> dict[str, list[QuoteAnnotation]]:
    """Predictions from a :func:`toolkit.quotes` table (or any table with its columns).

    Content spans come from ``fragments`` when present (split quotes), else
    ``content_start``/``content_end``; ``type`` is mapped from ``kind``
    (``partial`` → ``mixed``, or with ``partial="nested"`` two predictions:
    the quoted words ``start``/``end`` as ``direct`` and the clause as
    ``indirect``, see :data:`LABEL_SCHEMES`). Scare quotes are left out by
    default: they claim no speaker.

    Examples
    --------
    >>> import toolkit as tk
    >>> p = from_quotes_table(tk.quotes('"We will win," Lavrov said.'))
    >>> p["doc"][0].spans, p["doc"][0].speaker
    ([(1, 12)], 'Lavrov')
    """
    if partial not in ("mixed", "nested"):
        raise ParameterError.choice("partial", partial, ["mixed", "nested"])
    kinds = set(kinds)
    out: dict[str, list[QuoteAnnotation]] = {}
    has_frag = "fragments" in table.columns
    for row in table.itertuples(index=False):
        if row.kind not in kinds:
            continue
        spans = _parse_fragments(row.fragments) if has_frag else []
        if not spans:
            spans = [(int(row.content_start), int(row.content_end))]
        sp = []
        if pd.notna(row.speaker_start) and pd.notna(row.speaker_end):
            sp = [(int(row.speaker_start), int(row.speaker_end))]
        names = tuple(str(v) for v in (row.speaker, row.speaker_mention) if isinstance(v, str))
        speaker = row.speaker if isinstance(row.speaker, str) else (
            row.speaker_mention if isinstance(row.speaker_mention, str) else None
        )
        doc = out.setdefault(str(row.doc_id), [])
        if row.kind == "partial" and partial == "nested":
            doc.append(QuoteAnnotation([(int(row.start), int(row.end))], "direct", speaker, sp, names))
            doc.append(QuoteAnnotation([(int(row.content_start), int(row.content_end))], "indirect", speaker, sp,
                                       names))
            continue
        doc.append(QuoteAnnotation(spans, KIND_TO_TYPE.get(row.kind, row.kind), speaker, sp, names))
    return out


# --------------------------------------------------------------------------- matching


def _token_starts(text: str) -> list[int]:
    return [m.start() for m in _WORD.finditer(text)]


def _token_set(starts: list[int], spans: list[tuple[int, int]]) -> frozenset[int]:
    ids: set[int] = set()
    for s, e in spans:
        ids.update(range(bisect_left(starts, s), bisect_left(starts, e)))
    return frozenset(ids)


def _strip_name(name: str) -> str:
    drop = _titles()
    name = name.split(",")[0]  # the head before an apposition: "Cornell Belcher, a Democratic pollster"
    words = [w for w in re.findall(r"[\w.-]+", name.lower().replace("'s", "")) if w.rstrip(".") not in drop]
    return " ".join(words)


_TITLE_CACHE: set[str] = set()


def _titles() -> set[str]:
    if not _TITLE_CACHE:
        _TITLE_CACHE.update(
            r["term"] for r in lexicons.load("speaker_titles") if r["class"] in ("honorific", "title", "modifier")
        )
        _TITLE_CACHE.update(("the", "a", "an"))
    return _TITLE_CACHE


def _heads_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    na, nb = _strip_name(a), _strip_name(b)
    if not na or not nb:
        return False
    return na == nb or na.split()[-1] == nb.split()[-1]


def _speaker_ok(gold: QuoteAnnotation, pred: QuoteAnnotation) -> bool:
    if gold.speaker is None and pred.speaker is None:
        return True
    for gs, ge in gold.speaker_spans:
        for ps, pe in pred.speaker_spans:
            if ps < ge and gs < pe:
                return True
    names = pred.speaker_names or ((pred.speaker,) if pred.speaker else ())
    return any(_heads_agree(gold.speaker, n) for n in names)


def _norm_text(text: str, spans: list[tuple[int, int]]) -> str:
    parts = [_EDGE.sub("", text[s:e]) for s, e in sorted(spans)]
    return _SPACES.sub(" ", " ".join(p for p in parts if p)).strip()


_COUNTS = ("gold", "units", "matched", "speaker_ok", "exact")


def score_document(
    text: str, gold: list[QuoteAnnotation], pred: list[QuoteAnnotation], *, nested: bool = False,
) -> dict[str, dict[str, int]]:
    """Counts for one document, by gold type (``direct``/``mixed``/``indirect``).

    With ``nested=True`` each type's predictions are matched against the gold
    quotes of that type only (for corpora whose quotes of different types nest).

    Returns
    -------
    dict
        ``{type: {"gold", "units", "matched", "speaker_ok", "exact"}}``.

    Examples
    --------
    >>> t = '"We will win," Lavrov said.'
    >>> g = [QuoteAnnotation([(0, 14)], "direct", "Lavrov", [(15, 21)])]
    >>> p = [QuoteAnnotation([(1, 12)], "direct", "Lavrov", [(15, 21)])]
    >>> score_document(t, g, p)["direct"]
    {'gold': 1, 'units': 1, 'matched': 1, 'speaker_ok': 1, 'exact': 1}
    """
    if nested:
        total = {t: dict.fromkeys(_COUNTS, 0) for t in TYPES}
        for t in {g.type or "indirect" for g in gold} | {p.type if p.type in TYPES else "indirect" for p in pred}:
            part = score_document(text, [g for g in gold if (g.type or "indirect") == t],
                                  [p for p in pred if (p.type if p.type in TYPES else "indirect") == t])
            for key, n in part.get(t, {}).items():
                total.setdefault(t, dict.fromkeys(_COUNTS, 0))[key] += n
        return total
    counts = {t: dict.fromkeys(_COUNTS, 0) for t in TYPES}
    starts = _token_starts(text)
    gsets = [_token_set(starts, g.spans) for g in gold]
    for g in gold:
        counts.setdefault(g.type or "indirect", dict.fromkeys(_COUNTS, 0))["gold"] += 1
    # index gold quotes by token for the overlap search
    owner: dict[int, list[int]] = {}
    for gi, ts in enumerate(gsets):
        for t in ts:
            owner.setdefault(t, []).append(gi)
    assigned: dict[int, list[tuple[int, int]]] = {}
    for pi, p in enumerate(pred):
        ps = _token_set(starts, p.spans)
        if not ps:
            continue
        overlap: dict[int, int] = {}
        for t in ps:
            for gi in owner.get(t, ()):
                overlap[gi] = overlap.get(gi, 0) + 1
        if not overlap:
            ptype = p.type if p.type in counts else "indirect"
            counts[ptype]["units"] += 1
            continue
        gi = max(sorted(overlap), key=lambda i: overlap[i])
        assigned.setdefault(gi, []).append((pi, overlap[gi]))
    for gi, preds in assigned.items():
        g = gold[gi]
        c = counts[g.type or "indirect"]
        c["units"] += 1
        union: set[int] = set()
        for pi, _ in preds:
            union |= _token_set(starts, pred[pi].spans)
        gs = gsets[gi]
        if not gs or len(union & gs) / len(union | gs) < 0.5:
            continue
        c["matched"] += 1
        # the speaker of the prediction that overlaps most among those that name one
        named = [x for x in preds if pred[x[0]].speaker is not None] or preds
        best = pred[max(named, key=lambda x: (bool(pred[x[0]].speaker_spans), x[1]))[0]]
        if _speaker_ok(g, best):
            c["speaker_ok"] += 1
        spans = [s for pi, _ in preds for s in pred[pi].spans]
        if _norm_text(text, g.spans) == _norm_text(text, spans):
            c["exact"] += 1
    return counts


def _prf(tp: float, units: float, gold: float) -> tuple[float, float, float]:
    p = tp / units if units else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_quotes(
    gold: str | Path | Mapping[str, list[QuoteAnnotation]],
    predictions: pd.DataFrame | Mapping[str, list[QuoteAnnotation]],
    *,
    texts: Mapping[str, str] | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    scheme: str = "polnear",
) -> pd.DataFrame:
    """P/R/F1, speaker accuracy, who-said-what and exact match, by gold type.

    Parameters
    ----------
    gold
        Path of annotated JSONL (see :func:`read_quote_annotations`) or a dict
        ``doc_id -> [QuoteAnnotation]`` (then ``texts`` is required).
    predictions
        A :func:`toolkit.quotes` table, or a dict like ``gold``. Documents
        missing from the predictions count as predicting nothing.
    texts
        Document texts by id, when ``gold`` is a dict.
    n_boot
        Bootstrap resamples of documents for the 95 % intervals (0: none).
    seed
        Seed of the bootstrap.
    scheme
        The corpus's labelling, a key of :data:`LABEL_SCHEMES` (how a table's
        ``partial`` rows count and whether types nest).

    Returns
    -------
    pandas.DataFrame
        One row per type (``direct``, ``mixed``, ``indirect``,
        ``direct+mixed``, ``all``): ``gold, predicted, matched, precision,
        recall, f1, f1_low, f1_high, speaker_accuracy, wsw_precision,
        wsw_recall, wsw_f1, wsw_f1_low, wsw_f1_high, exact_f1``.

    Examples
    --------
    >>> t = {"a": '"We will win," Lavrov said.'}
    >>> g = {"a": [QuoteAnnotation([(0, 14)], "direct", "Lavrov", [(15, 21)])]}
    >>> s = score_quotes(g, {"a": [QuoteAnnotation([(1, 12)], "direct", "Lavrov")]}, texts=t, n_boot=0)
    >>> s.set_index("type").loc["direct", ["f1", "wsw_f1"]].tolist()
    [1.0, 1.0]
    """
    if scheme not in LABEL_SCHEMES:
        raise ParameterError.choice("scheme", scheme, LABEL_SCHEMES)
    labels = LABEL_SCHEMES[scheme]
    if isinstance(gold, (str, Path)):
        texts, gold = read_quote_annotations(gold)
    if texts is None:
        raise ParameterError("texts= is required when gold is a dict of annotations")
    if isinstance(predictions, pd.DataFrame):
        predictions = from_quotes_table(predictions, partial=labels["partial"])
    if not isinstance(n_boot, int) or n_boot < 0:
        raise ParameterError(f"n_boot={n_boot!r} must be a non-negative int")
    doc_ids = list(gold)
    groups = {"direct": ("direct",), "mixed": ("mixed",), "indirect": ("indirect",),
              "direct+mixed": ("direct", "mixed"), "all": TYPES}
    # per-document count matrix: docs x groups x counts
    mat = np.zeros((len(doc_ids), len(groups), len(_COUNTS)))
    for di, doc_id in enumerate(doc_ids):
        if doc_id not in texts:
            raise InputError(f"no text for document {doc_id!r}")
        c = score_document(texts[doc_id], gold[doc_id], list(predictions.get(doc_id, [])), nested=labels["nested"])
        for gi, members in enumerate(groups.values()):
            for ci, key in enumerate(_COUNTS):
                mat[di, gi, ci] = sum(c.get(t, {}).get(key, 0) for t in members)
    rng = np.random.default_rng(seed)
    boots = [mat[rng.integers(0, len(doc_ids), len(doc_ids))].sum(axis=0) for _ in range(n_boot)] if doc_ids else []
    total = mat.sum(axis=0)
    rows = []
    for gi, name in enumerate(groups):
        g, u, m, sok, ex = total[gi]
        p, r, f = _prf(m, u, g)
        wp, wr, wf = _prf(sok, u, g)
        ef = _prf(ex, u, g)[2]
        f_b = [_prf(b[gi][2], b[gi][1], b[gi][0])[2] for b in boots]
        w_b = [_prf(b[gi][3], b[gi][1], b[gi][0])[2] for b in boots]
        rows.append({
            "type": name, "gold": int(g), "predicted": int(u), "matched": int(m),
            "precision": p, "recall": r, "f1": f,
            "f1_low": float(np.percentile(f_b, 2.5)) if f_b else np.nan,
            "f1_high": float(np.percentile(f_b, 97.5)) if f_b else np.nan,
            "speaker_accuracy": sok / m if m else np.nan,
            "wsw_precision": wp, "wsw_recall": wr, "wsw_f1": wf,
            "wsw_f1_low": float(np.percentile(w_b, 2.5)) if w_b else np.nan,
            "wsw_f1_high": float(np.percentile(w_b, 97.5)) if w_b else np.nan,
            "exact_f1": ef,
        })
    out = pd.DataFrame(rows)
    out.attrs = {"documents": len(doc_ids), "n_boot": n_boot, "seed": seed, "scheme": scheme}
    return out
