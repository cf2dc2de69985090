"""Frequencies, keyness, collocations and dispersion as tidy tables.

Tokenisation for statistics
---------------------------
Terms are the word tokens of :func:`toolkit.text.token_spans` (tokens with a
letter, digit or combining mark: the word model of :mod:`toolkit.text`), lower-cased by default.
Contractions (``don't``, ``Libya's``), hyphenated words (``US-led``),
acronyms (``U.S.``) and numbers (``5,000``) stay one token each; typographic
apostrophes count as ``'`` (``don’t`` = ``don't``). N-grams of two or more
words and collocation windows never cross a sentence boundary
(``Document.sentences``) and skip punctuation inside a sentence.

Stop words come from ``data/lexicons/stopwords.tsv``: every word has a class,
and ``filter_stops=True`` removes only the default classes (determiners,
prepositions, conjunctions, forms of *be/have/do*, function adverbs).
Pronouns, modals and negation are listed with their own classes and are kept
unless asked for with ``stop_classes`` — they carry stance in discourse.

Every corpus-level function streams: documents are read one at a time and
only counts are kept, so a corpus larger than memory can be processed.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from typing import Any, Literal

import numpy as np
import pandas as pd

from . import frames, lexicons, runner
from . import profile as _profile
from . import text as _text
from .corpus import Document
from .errors import ParameterError

Measure = Literal["likelihood_ratio", "pmi", "student_t"]
MEASURES = ("likelihood_ratio", "pmi", "student_t")



# --------------------------------------------------------------------------- terms


@lru_cache(maxsize=1)
def _stop_table() -> dict[str, tuple[str, bool]]:
    return {r["word"]: (r["class"], r["default"] == "yes") for r in lexicons.load("stopwords")}


def stop_classes() -> tuple[str, ...]:
    """The classes of the packaged stop list (``data/lexicons/stopwords.tsv``).

    Examples
    --------
    >>> "negation" in stop_classes()
    True
    """
    return tuple(sorted({c for c, _ in _stop_table().values()}))


def stopwords(classes: Iterable[str] | None = None) -> frozenset[str]:
    """Stop words of the given classes; by default the classes marked ``default``.

    Pronouns, modals and negation are not in the default set.

    Raises
    ------
    ParameterError
        For an unknown class (the valid ones are listed).

    Examples
    --------
    >>> s = stopwords()
    >>> "the" in s, "not" in s, "we" in s, "must" in s
    (True, False, False, False)
    """
    table = _stop_table()
    if classes is None:
        return frozenset(w for w, (_, default) in table.items() if default)
    if isinstance(classes, str):
        classes = [classes]
    wanted = set(classes)
    valid = set(stop_classes())
    for c in wanted:
        if c not in valid:
            raise ParameterError.choice("stop_classes", c, valid)
    return frozenset(w for w, (c, _) in table.items() if c in wanted)


def _stops(filter_stops: bool, classes: Iterable[str] | None) -> frozenset[str]:
    if classes is not None:
        return stopwords(classes)
    return stopwords() if filter_stops else frozenset()


def _norm(token: str, lower: bool) -> str:
    token = token.replace("\u2019", "'")
    return token.lower() if lower else token


def doc_words(doc: Document, *, lower: bool = True) -> list[str]:
    """The word tokens of a document (no punctuation), lower-cased by default.

    Examples
    --------
    >>> doc_words(Document("The US-led strikes didn't stop."))
    ['the', 'us-led', 'strikes', "didn't", 'stop']
    """
    words = doc.words
    if not words:
        return []
    joined = "\n".join(words).replace("\u2019", "'")
    return (joined.lower() if lower else joined).split("\n")


def _sentence_words(doc: Document, lower: bool) -> list[list[str]]:
    return [[_norm(w, lower) for w in sent] for sent in _profile.sentence_words(doc)]


def doc_terms(doc: Document, *, n: int = 1, lower: bool = True, stops: frozenset[str] = frozenset()) -> list[str]:
    """The terms (words or n-grams joined by spaces) of one document.

    An n-gram is dropped when any of its words is a stop word in ``stops``.

    Examples
    --------
    >>> doc_terms(Document("Peace talks failed. Talks resumed."), n=2)
    ['peace talks', 'talks failed', 'talks resumed']
    """
    if n == 1:
        words = doc_words(doc, lower=lower)
        if stops:
            words = [w for w in words if w.lower() not in stops]
        return words
    out = []
    for sent in _sentence_words(doc, lower):
        for i in range(len(sent) - n + 1):
            gram = sent[i : i + n]
            if stops and any(w.lower() in stops for w in gram):
                continue
            out.append(" ".join(gram))
    return out


def _check_n(n: Any) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ParameterError(f"n={n!r} must be a positive int (1 = words, 2 = bigrams, …)")


def _check_min_freq(min_freq: Any) -> None:
    if not isinstance(min_freq, int) or isinstance(min_freq, bool) or min_freq < 1:
        raise ParameterError(f"min_freq={min_freq!r} must be a positive int")


def _group_of(doc: Document, by: str | None) -> str:
    if by is None:
        return "all"
    if by not in doc.meta:
        raise ParameterError(
            f"by={by!r}: document {doc.id!r} has no such metadata column (it has: {sorted(doc.meta)})"
        )
    value = doc.meta[by]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "NA"
    return str(value)


# --------------------------------------------------------------------------- frequencies


_DOCS = ""  # the term of the one row per document that counts the documents of its group
COUNTS = frames.Schema("term_counts", {"group": "str", "term": "str", "freq": "int64", "doc_freq": "int64"}, sort=())


def _count_rows(doc: Document, *, n: int, lower: bool, stops: frozenset[str], by: str | None) -> list[frames.Row]:
    """Additive counts of one document: one row per term, plus one row counting the document."""
    group = _group_of(doc, by)
    counts = Counter(doc_terms(doc, n=n, lower=lower, stops=stops))
    rows: list[frames.Row] = [{"group": group, "term": t, "freq": k, "doc_freq": 1} for t, k in counts.items()]
    rows.append({"group": group, "term": _DOCS, "freq": 0, "doc_freq": 1})
    return rows


def _as_counts(table: pd.DataFrame) -> pd.DataFrame:
    """The summed counts with the declared columns and dtypes (also when empty)."""
    if table.empty or "term" not in table.columns:
        return COUNTS.empty()
    return table[list(COUNTS.columns)].astype(COUNTS.columns)


def _counts(x: Any, *, n: int, lower: bool, stops: frozenset[str], by: str | None, n_jobs: int,
            progress: bool | None, batch_size: int, finalize: Any = _as_counts,
            meta: pd.DataFrame | None = None) -> Any:
    """Stream ``x`` and add up term counts per group (dask in, dask out)."""
    return runner.reduce_documents(
        _count_rows, x, keys=["group", "term"], finalize=finalize,
        meta=COUNTS.empty() if meta is None else meta, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
        n=n, lower=lower, stops=stops, by=by,
    )


def _frequency_table(table: pd.DataFrame, *, min_freq: int, params: dict[str, Any]) -> pd.DataFrame:
    table = _as_counts(table)
    is_doc = table["term"] == _DOCS
    docs = table[is_doc].set_index("group")["doc_freq"]
    terms = table[~is_doc]
    totals = terms.groupby("group", sort=False)["freq"].sum()
    terms = terms[terms["freq"] >= min_freq]
    out = terms.assign(
        per_million=terms["freq"] * 1e6 / terms["group"].map(totals).to_numpy(dtype=np.float64),
        doc_share=terms["doc_freq"] / terms["group"].map(docs).to_numpy(dtype=np.float64),
        _first=terms["group"].map({g: i for i, g in enumerate(docs.index)}),
    )
    out = out.sort_values(["_first", "freq", "term"], ascending=[True, False, True], kind="stable")
    out["rank"] = out.groupby("group", sort=False).cumcount() + 1
    return frames.finish(out.drop(columns="_first"), frames.FREQUENCIES, params=params)


def frequencies(
    x: Any,
    *,
    n: int = 1,
    by: str | None = None,
    lower: bool = True,
    filter_stops: bool = False,
    stop_classes: Sequence[str] | None = None,
    min_freq: int = 1,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame | Any:
    """Term frequencies, per million and document frequencies, by group.

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    n
        1 for words, 2 for bigrams, … (n-grams stay inside a sentence).
    by
        A metadata column (e.g. ``"country"``, ``"year"``): one group per
        value. Without it every row's ``group`` is ``"all"``.
    lower
        Lower-case terms (default).
    filter_stops
        Drop the default stop words (pronouns, modals, negation are kept).
    stop_classes
        Drop exactly these stop-word classes instead (see :func:`stop_classes`).
    min_freq
        Keep terms occurring at least this often in their group.
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`). Documents are streamed and
        only counts are kept (:func:`toolkit.runner.reduce_documents`);
        a dask DataFrame of ``id``/``text`` gives a one-partition dask result.

    Returns
    -------
    pandas.DataFrame
        ``group, term, freq, per_million`` (freq per million terms of the
        group), ``doc_freq`` (documents of the group containing the term),
        ``doc_share`` (doc_freq / documents in the group), ``rank`` (1 = most
        frequent; ties broken alphabetically). Groups in order of first
        appearance, then by rank.

    Examples
    --------
    >>> f = frequencies("We will not give up. We will win.")
    >>> f[["term", "freq"]].head(2).values.tolist()
    [['we', 2], ['will', 2]]
    """
    _check_n(n)
    _check_min_freq(min_freq)
    stops = _stops(filter_stops, stop_classes)
    params = {
        "n": n, "by": by, "lower": lower, "filter_stops": filter_stops,
        "stop_classes": None if stop_classes is None else list(stop_classes), "min_freq": min_freq,
        "stopwords_version": lexicons.version("stopwords"),
    }
    return _counts(x, n=n, lower=lower, stops=stops, by=by, n_jobs=n_jobs, progress=progress,
                   batch_size=batch_size, finalize=partial(_frequency_table, min_freq=min_freq, params=params),
                   meta=frames.FREQUENCIES.empty())


# --------------------------------------------------------------------------- keyness


def _xlogx_ratio(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """o * ln(o / e), with 0 * ln 0 = 0."""
    out = np.zeros_like(o, dtype=np.float64)
    mask = o > 0
    out[mask] = o[mask] * np.log(o[mask] / e[mask])
    return out


def g2(a: Any, b: Any, n1: float, n2: float) -> np.ndarray:
    """Log-likelihood G² of the 2×2 table (term vs other terms, target vs reference).

    ``a``, ``b``: the term's frequency in target and reference; ``n1``,
    ``n2``: the corpus sizes. ``G² = 2 Σ O ln(O / E)`` over the four cells,
    ``E`` from the margins (Dunning 1993).

    Examples
    --------
    >>> round(float(g2(10, 0, 100, 100)[0]), 4)
    14.3895
    """
    a = np.atleast_1d(np.asarray(a, dtype=np.float64))
    b = np.atleast_1d(np.asarray(b, dtype=np.float64))
    n = n1 + n2
    c = n1 - a
    d = n2 - b
    k = a + b
    rest = c + d
    e_a, e_b = k * n1 / n, k * n2 / n
    e_c, e_d = rest * n1 / n, rest * n2 / n
    total = _xlogx_ratio(a, e_a) + _xlogx_ratio(b, e_b) + _xlogx_ratio(c, e_c) + _xlogx_ratio(d, e_d)
    return np.maximum(2 * total, 0.0)


def log_ratio(a: Any, b: Any, n1: float, n2: float) -> np.ndarray:
    """Hardie's (2014) Log Ratio: ``log2((a / n1) / (b / n2))``, a zero frequency taken as 0.5.

    Examples
    --------
    >>> float(log_ratio(8, 2, 100, 100)[0])
    2.0
    """
    a = np.atleast_1d(np.asarray(a, dtype=np.float64))
    b = np.atleast_1d(np.asarray(b, dtype=np.float64))
    a = np.where(a == 0, 0.5, a)
    b = np.where(b == 0, 0.5, b)
    return np.log2((a / n1) / (b / n2))


_ERFC = np.frompyfunc(math.erfc, 1, 1)


def keyness(
    target: Any,
    reference: Any,
    *,
    n: int = 1,
    lower: bool = True,
    filter_stops: bool = False,
    stop_classes: Sequence[str] | None = None,
    min_freq: int = 3,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame | Any:
    """Key terms of ``target`` against ``reference``: G², p-value and Log Ratio.

    Parameters
    ----------
    target, reference
        Anything an extractor accepts (string, Document, Corpus, DataFrame);
        both are streamed and only counts are kept.
    n, lower, filter_stops, stop_classes
        As in :func:`frequencies`.
    min_freq
        Keep terms whose frequency in target and reference together is at
        least this (default 3).
    n_jobs, progress, batch_size
        As in :func:`frequencies`; with dask DataFrames the two corpora are
        counted where they live and compared once (a one-partition dask result).

    Returns
    -------
    pandas.DataFrame
        ``term, freq_target, freq_reference, per_million_target,
        per_million_reference``; ``g2`` (log-likelihood of the 2×2
        contingency table, Dunning 1993; always ≥ 0), ``p`` (its chi-square
        p-value, 1 degree of freedom, uncorrected for multiple testing),
        ``log_ratio`` (Hardie 2014: binary log of the ratio of relative
        frequencies, zeros taken as 0.5; > 0 = more frequent in target),
        ``direction`` (``"target"``, ``"reference"`` or ``"none"``). Sorted
        by ``g2`` descending, then term.

    References
    ----------
    Dunning (1993) Computational Linguistics 19(1): 61–74. Rayson & Garside
    (2000) Comparing corpora using frequency profiling. Hardie (2014) Log
    Ratio – an informal introduction (CASS, Lancaster University).

    Examples
    --------
    >>> k = keyness("war war war war war peace", "peace peace peace war", min_freq=1)
    >>> k[["term", "direction"]].values.tolist()
    [['war', 'target'], ['peace', 'reference']]
    """
    _check_n(n)
    _check_min_freq(min_freq)
    stops = _stops(filter_stops, stop_classes)
    params = {
        "n": n, "lower": lower, "filter_stops": filter_stops, "min_freq": min_freq,
        "stop_classes": None if stop_classes is None else list(stop_classes),
        "stopwords_version": lexicons.version("stopwords"),
    }
    kw = {"n": n, "lower": lower, "stops": stops, "by": None, "n_jobs": n_jobs, "progress": progress,
          "batch_size": batch_size}
    return runner.combine_pair(
        partial(_keyness_table, min_freq=min_freq, params=params),
        _counts(target, **kw), _counts(reference, **kw), frames.KEYNESS.empty(),
    )


def _keyness_table(target: pd.DataFrame, reference: pd.DataFrame, *, min_freq: int,
                   params: dict[str, Any]) -> pd.DataFrame:
    ct = _as_counts(target)
    cr = _as_counts(reference)
    ct = ct[ct["term"] != _DOCS].set_index("term")["freq"]
    cr = cr[cr["term"] != _DOCS].set_index("term")["freq"]
    n1, n2 = int(ct.sum()), int(cr.sum())
    params = {**params, "target_size": n1, "reference_size": n2}
    both = pd.concat([ct.rename("a"), cr.rename("b")], axis=1).fillna(0)
    if both.empty or n1 == 0 or n2 == 0:
        return frames.finish([], frames.KEYNESS, params=params)
    both = both[(both["a"] + both["b"]) >= min_freq]
    a = both["a"].to_numpy(dtype=np.int64)
    b = both["b"].to_numpy(dtype=np.int64)
    scores = g2(a, b, n1, n2)
    rel_t, rel_r = a / n1, b / n2
    df = pd.DataFrame({
        "term": both.index.to_numpy(dtype=object),
        "freq_target": a,
        "freq_reference": b,
        "per_million_target": rel_t * 1e6,
        "per_million_reference": rel_r * 1e6,
        "g2": scores,
        "p": _ERFC(np.sqrt(scores / 2)).astype(np.float64) if len(scores) else np.array([], dtype=np.float64),
        "log_ratio": log_ratio(a, b, n1, n2),
        "direction": np.where(rel_t > rel_r, "target", np.where(rel_t < rel_r, "reference", "none")),
    })
    df = df.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return frames.finish(df, frames.KEYNESS, params=params)


# --------------------------------------------------------------------------- collocations


def collocations(
    x: Any,
    *,
    measure: Measure = "likelihood_ratio",
    window: int = 2,
    min_freq: int = 3,
    lower: bool = True,
    filter_stops: bool = False,
    stop_classes: Sequence[str] | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame | Any:
    """Word pairs that occur together more often than chance (NLTK's measures).

    Pairs are counted with NLTK's ``BigramCollocationFinder.from_words`` in
    each sentence (``window=2``: adjacent words; ``window=k``: the first word
    followed by any of the next ``k - 1`` words, as Church & Hanks 1990), the
    counts of all sentences and documents are added up, and each pair is
    scored with ``BigramAssocMeasures``.

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    measure
        ``"likelihood_ratio"`` (Dunning's G²), ``"pmi"`` (pointwise mutual
        information, log2) or ``"student_t"`` (t-score).
    window
        Window size in words (≥ 2).
    min_freq
        Keep pairs seen at least this often (NLTK's ``apply_freq_filter``).
    lower, filter_stops, stop_classes
        As in :func:`frequencies`; stop-word pairs are removed after counting
        (NLTK's ``apply_word_filter``), so word frequencies stay those of the
        whole text.
    n_jobs, progress, batch_size
        As in :func:`frequencies` (counts are streamed and added up; dask in,
        dask out).

    Returns
    -------
    pandas.DataFrame
        ``term`` ("w1 w2"), ``w1``, ``w2``, ``freq`` (pair count),
        ``freq_w1``, ``freq_w2`` (word counts), ``score``, ``measure``,
        ``window``; sorted by score descending (NLTK's order). ``score`` is
        NaN (sorted last) for a pair whose NLTK contingency table would have
        a negative cell: a word paired with itself more often than its own
        count allows ("no, no, no, no").

    References
    ----------
    Church & Hanks (1990) Computational Linguistics 16(1): 22–29. Dunning
    (1993). Manning & Schütze (1999) Foundations of Statistical NLP, ch. 5.

    Examples
    --------
    >>> text = "The Security Council met. The Security Council voted. The council adjourned."
    >>> collocations(text, min_freq=2)["term"].tolist()[0]
    'security council'
    """
    if measure not in MEASURES:
        raise ParameterError.choice("measure", measure, MEASURES)
    if not isinstance(window, int) or isinstance(window, bool) or window < 2:
        raise ParameterError(f"window={window!r} must be an int ≥ 2 (2 = adjacent words)")
    _check_min_freq(min_freq)
    stops = _stops(filter_stops, stop_classes)
    params = {"measure": measure, "window": window, "min_freq": min_freq, "lower": lower,
              "filter_stops": filter_stops, "stop_classes": None if stop_classes is None else list(stop_classes)}
    return runner.reduce_documents(
        _pair_rows, x, keys=["w1", "w2"],
        finalize=partial(_collocation_table, measure=measure, window=window, min_freq=min_freq, stops=stops,
                         params=params),
        meta=frames.COLLOCATIONS.empty(), n_jobs=n_jobs, progress=progress, batch_size=batch_size,
        window=window, lower=lower,
    )


def _pair_rows(doc: Document, *, window: int, lower: bool) -> list[frames.Row]:
    """NLTK's window counts of one document: word rows (``w2`` empty) and pair rows."""
    from nltk.collocations import BigramCollocationFinder

    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for sent in _sentence_words(doc, lower):
        f = BigramCollocationFinder.from_words(sent, window_size=window)
        words.update(f.word_fd)
        pairs.update(f.ngram_fd)
    rows: list[frames.Row] = [{"w1": w, "w2": _DOCS, "freq": k} for w, k in words.items()]
    rows.extend({"w1": w1, "w2": w2, "freq": k} for (w1, w2), k in pairs.items())
    return rows


def _collocation_table(table: pd.DataFrame, *, measure: str, window: int, min_freq: int, stops: frozenset[str],
                       params: dict[str, Any]) -> pd.DataFrame:
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    if table.empty or "w1" not in table.columns:
        return frames.finish([], frames.COLLOCATIONS, params={**params, "words": 0})
    is_word_row = table["w2"] == _DOCS
    word_fd = FreqDist(dict(zip(table.loc[is_word_row, "w1"], table.loc[is_word_row, "freq"].astype(int),
                                strict=True)))
    pairs = table[~is_word_row]
    pair_fd = FreqDist(dict(zip(zip(pairs["w1"], pairs["w2"], strict=True), pairs["freq"].astype(int),
                                strict=True)))
    finder = BigramCollocationFinder(word_fd, pair_fd, window_size=window)
    finder.apply_freq_filter(min_freq)
    if stops:
        finder.apply_word_filter(lambda w: w.lower() in stops)
    score_fn = partial(_defined_score, getattr(BigramAssocMeasures, measure))
    scored = sorted(finder.score_ngrams(score_fn), key=_score_order) if pair_fd else []
    rows = [
        {
            "term": f"{w1} {w2}", "w1": w1, "w2": w2, "freq": finder.ngram_fd[(w1, w2)],
            "freq_w1": word_fd[w1], "freq_w2": word_fd[w2], "score": score, "measure": measure, "window": window,
        }
        for (w1, w2), score in scored
    ]
    return frames.finish(rows, frames.COLLOCATIONS, params={**params, "words": word_fd.N()})


def _defined_score(score_fn: Any, n_ii: float, n_ix_xi: tuple[float, float], n_all: float) -> float:
    """NLTK's score, or NaN where NLTK's contingency table has a negative cell.

    NLTK takes the marginals from the word counts, so a pair of one word with
    itself inside the window ("no, no, no, no") can count more co-occurrences
    than the table allows (``n_oo < 0``); its measures then raise or return
    nonsense. Such a pair keeps its row and its counts, with ``score`` NaN
    (sorted last).
    """
    n_ix, n_xi = n_ix_xi
    n_io, n_oi = n_ix - n_ii, n_xi - n_ii
    if min(n_io, n_oi, n_all - n_ii - n_io - n_oi) < 0:
        return math.nan
    return score_fn(n_ii, n_ix_xi, n_all)


def _score_order(item: tuple[tuple[str, str], float]) -> tuple[bool, float, tuple[str, str]]:
    pair, score = item
    undefined = math.isnan(score)
    return undefined, 0.0 if undefined else -score, pair


# --------------------------------------------------------------------------- dispersion


def _parse_terms(terms: str | Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    if isinstance(terms, str):
        terms = [terms]
    out = []
    for t in terms:
        if not isinstance(t, str):
            raise ParameterError(f"terms must be strings, got {type(t).__name__}")
        words = tuple(_norm(w, True) for w in _text.words(t))
        if not words:
            raise ParameterError(f"term {t!r} has no word in it")
        out.append((" ".join(words), words))
    if not out:
        raise ParameterError("terms is empty; give one or more words or phrases")
    return list(dict.fromkeys(out))


def _word_spans(doc: Document) -> tuple[list[str], list[tuple[int, int]]]:
    return [_norm(w, True) for w in doc.words], doc.word_spans


def _find(words: list[str], pattern: tuple[str, ...]) -> list[int]:
    k = len(pattern)
    first = pattern[0]
    return [i for i, w in enumerate(words) if w == first and tuple(words[i : i + k]) == pattern]


def _position_rows(doc: Document, *, terms: list[tuple[str, tuple[str, ...]]]) -> list[frames.Row]:
    words, spans = _word_spans(doc)
    n = len(words)
    rows = []
    for term, pattern in terms:
        for i in _find(words, pattern):
            start, end = spans[i][0], spans[i + len(pattern) - 1][1]
            rows.append({
                "start": start, "end": end, "term": term, "match": doc.text[start:end],
                "word_index": i, "doc_words": n, "position": i / n,
            })
    return rows


def _dispersion_rows(doc: Document, *, terms: list[tuple[str, tuple[str, ...]]]) -> list[frames.Row]:
    words = doc_words(doc)
    rows: list[frames.Row] = [{"term": None, "word_index": -1, "doc_words": len(words)}]
    for term, pattern in terms:
        rows.extend({"term": term, "word_index": i, "doc_words": len(words)} for i in _find(words, pattern))
    return rows


_HITS = frames.Schema("dispersion_hits", {"doc_id": "str", "term": "str", "word_index": "int64",
                                          "doc_words": "int64"}, sort=())


def dispersion(
    x: Any,
    terms: str | Iterable[str],
    *,
    parts: int | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame:
    """How evenly terms spread over documents or equal parts (Gries' DP, Juilland's D).

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    terms
        A word or phrase, or a list of them; matched case-insensitively
        against consecutive word tokens (punctuation ignored).
    parts
        ``None`` (default): the parts are the documents (sizes in words;
        documents without words are left out). An int ``k``: the words of
        all documents, in order, are cut into ``k`` parts of equal size.
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`). A dask corpus frame is
        counted where it lives; the small table of occurrences is then
        computed and the result is a pandas table (one row per term).

    Returns
    -------
    pandas.DataFrame
        ``term, freq, parts`` (number of parts), ``range`` (parts containing
        the term), ``dp`` (Gries 2008: ``0.5 Σ |v_i - s_i|``, ``v_i`` the
        share of the term's occurrences in part i, ``s_i`` the part's share of
        all words; 0 = perfectly even, near 1 = all in one small part),
        ``dp_norm`` (Lijffijt & Gries 2012: ``dp / (1 - min s_i)``),
        ``juilland_d`` (Juilland & Chang-Rodríguez 1964:
        ``1 - (sd / mean) / sqrt(parts - 1)`` over the term's relative
        frequency in each part, population sd; 1 = even). DP and D are NaN
        for a term that never occurs; D is NaN with fewer than two parts.
        One row per occurrence instead: :func:`term_positions`.

    References
    ----------
    Gries (2008) International Journal of Corpus Linguistics 13(4): 403–437.
    Lijffijt & Gries (2012) IJCL 17(1): 147–149. Juilland & Chang-Rodríguez
    (1964) Frequency Dictionary of Spanish Words.

    Examples
    --------
    >>> d = dispersion(["war and peace", "war", "peace and quiet"], ["war", "peace"])
    >>> d[["term", "freq", "range"]].values.tolist()
    [['war', 2, 2], ['peace', 2, 2]]
    """
    parsed = _parse_terms(terms)
    if parts is not None and (not isinstance(parts, int) or isinstance(parts, bool) or parts < 1):
        raise ParameterError(f"parts={parts!r} must be None (documents) or a positive int")
    hits = runner.per_document(_dispersion_rows, x, _HITS, n_jobs=n_jobs, progress=progress,
                               batch_size=batch_size, terms=parsed)
    if hasattr(hits, "compute"):  # dask: the occurrences of a few terms are small
        hits = hits.compute().reset_index(drop=True)
    size_rows = hits["term"].isna().to_numpy()
    doc_sizes = hits.loc[size_rows, "doc_words"].to_numpy()
    # documents without words are no part; the others, in input order, give global word offsets
    doc_seq = np.cumsum(size_rows) - 1
    part_of_doc = np.cumsum(doc_sizes > 0) - 1
    offsets = np.concatenate([[0], np.cumsum(doc_sizes)])
    sizes = doc_sizes[doc_sizes > 0]
    total = int(sizes.sum())
    if parts is None:
        part_sizes = sizes.astype(np.float64)
    else:
        bounds = [total * j // parts for j in range(parts + 1)]
        part_sizes = np.diff(np.asarray(bounds, dtype=np.float64))
    rows = []
    k = len(part_sizes)
    for term, _ in parsed:
        mask = (hits["term"] == term).to_numpy(dtype=bool, na_value=False)
        seq = doc_seq[mask]
        if parts is None:
            idx = part_of_doc[seq]
        else:
            glob = offsets[seq] + hits.loc[mask, "word_index"].to_numpy()
            idx = np.asarray([bisect_right(bounds, g) - 1 for g in glob], dtype=np.int64)
        f = np.bincount(idx, minlength=k).astype(np.float64) if k else np.zeros(0)
        rows.append({"term": term, "freq": int(f.sum()), "parts": k, "range": int((f > 0).sum()),
                     **_dispersion_measures(f, part_sizes)})
    return frames.finish(rows, frames.DISPERSION, params={"parts": parts, "words": total})


def term_positions(
    x: Any,
    terms: str | Iterable[str],
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame:
    """One row per occurrence of each term, with its relative position in the document (for lane plots).

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text`` (or a dask corpus frame).
    terms
        As in :func:`dispersion`: words or phrases matched case-insensitively
        against consecutive words.
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, term, match`` (the matched original text),
        ``word_index`` (0-based among the document's words), ``doc_words``,
        ``position`` (``word_index / doc_words``, in [0, 1)), ``paragraph, duplicate``.

    Examples
    --------
    >>> term_positions("War is war. Peace is peace.", "war")[["match", "word_index", "position"]].values.tolist()
    [['War', 0, 0.0], ['war', 2, 0.3333333333333333]]
    """
    return runner.per_document(_position_rows, x, frames.DISPERSION_POSITIONS, n_jobs=n_jobs, progress=progress,
                               batch_size=batch_size, terms=_parse_terms(terms))


def _dispersion_measures(f: np.ndarray, sizes: np.ndarray) -> dict[str, float]:
    total_f = f.sum()
    if total_f == 0 or len(sizes) == 0 or sizes.sum() == 0:
        return {"dp": math.nan, "dp_norm": math.nan, "juilland_d": math.nan}
    s = sizes / sizes.sum()
    v = f / total_f
    dp = 0.5 * float(np.abs(v - s).sum())
    min_s = float(s.min())
    dp_norm = dp / (1 - min_s) if min_s < 1 else math.nan
    if len(sizes) < 2 or (sizes == 0).any():
        d = math.nan
    else:
        rel = f / sizes
        mean = rel.mean()
        d = 1 - (rel.std() / mean) / math.sqrt(len(sizes) - 1)
    return {"dp": dp, "dp_norm": dp_norm, "juilland_d": float(d)}
