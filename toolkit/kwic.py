"""Keyword in context: every match of a word, phrase or regex with its context.

This is NLTK's concordance idea (``nltk.text.ConcordanceIndex``: a word, the
tokens before and after it) returned as a tidy table with offsets into the
original text, so that a concordance can be filtered, joined with other tables,
highlighted and exported (``.to_csv``, ``.to_excel``) like any other result.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

import pandas as pd

from . import frames, runner
from . import text as _text
from .corpus import Document
from .errors import ParameterError

_SPACE = re.compile(r"\s+")


_STAR = "zqxstarxqz"  # a placeholder the tokenizer keeps inside a word


def _compile_words(pattern: str) -> list[re.Pattern[str]]:
    """One full-match regex per pattern token; ``*`` matches any characters."""
    tokens = _text.words(pattern.replace("*", _STAR))
    if not tokens:
        raise ParameterError(f"pattern={pattern!r} holds no word to look for")
    regexes = []
    for tok in tokens:
        body = ".*".join(re.escape(part.replace("\u2019", "'")) for part in tok.split(_STAR))
        regexes.append(re.compile(body, re.IGNORECASE))
    return regexes


def _context(text: str, a: int, b: int) -> str:
    return _SPACE.sub(" ", text[a:b]).strip()


def _kwic_rows(doc: Document, *, pattern: str, regex: bool, window: int, ignore_case: bool) -> list[frames.Row]:
    text = doc.text
    spans = doc.word_spans
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    matches: list[tuple[int, int]] = []
    if regex:
        compiled = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        matches = [m.span() for m in compiled.finditer(text) if m.end() > m.start()]
    else:
        words = _compile_words(pattern)
        k = len(words)
        all_spans = doc.tokens
        toks = [text[s:e].replace("\u2019", "'") for s, e in all_spans]
        if not ignore_case:
            words = [re.compile(w.pattern) for w in words]
        for i in range(len(toks) - k + 1):
            if all(words[j].fullmatch(toks[i + j]) for j in range(k)):
                matches.append((all_spans[i][0], all_spans[i + k - 1][1]))
    rows = []
    for start, end in matches:
        first = bisect_left(ends, start + 1)  # first word ending after the match starts
        last = bisect_right(starts, end - 1)  # words starting before the match ends
        left_i = max(0, first - window)
        right_i = min(len(spans), last + window)
        ctx_start = starts[left_i] if left_i < first else start
        ctx_end = ends[right_i - 1] if right_i > last else end
        rows.append({
            "start": start, "end": end,
            "left": _context(text, ctx_start, start),
            "match": text[start:end],
            "right": _context(text, end, ctx_end),
            "pattern": pattern,
            "context_start": min(ctx_start, start), "context_end": max(ctx_end, end),
        })
    return rows


def kwic(
    x: Any,
    pattern: str,
    *,
    window: int = 5,
    regex: bool = False,
    ignore_case: bool = True,
    n_jobs: int = 1,
    progress: bool | None = None,
    batch_size: int = 16,
) -> pd.DataFrame:
    """Keyword in context: one row per match, with left and right context.

    Parameters
    ----------
    x
        A string, Document, Corpus or DataFrame with ``id``/``text``.
    pattern
        A word or phrase matched against whole tokens (``"Security Council"``
        matches the two tokens in a row; ``*`` matches any characters inside a
        token: ``"terror*"``). With ``regex=True``, a Python regular
        expression searched in the original text (write a linear-time
        pattern: no nested quantifiers).
    window
        Words of context on each side (punctuation in between is kept).
    regex
        Treat ``pattern`` as a regular expression.
    ignore_case
        Case-insensitive matching (default).
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end`` (the match; ``text[start:end] == match``),
        ``left``, ``match``, ``right`` (context with runs of white space shown
        as one space), ``pattern``, ``context_start``, ``context_end`` (the
        span of left + match + right in the original text), ``paragraph``,
        ``duplicate``.

    Raises
    ------
    ParameterError
        Empty pattern, invalid regular expression or window.

    Examples
    --------
    >>> k = kwic("Russia warned the US-led coalition on Tuesday.", "US-led", window=2)
    >>> k[["left", "match", "right"]].values.tolist()
    [['warned the', 'US-led', 'coalition on']]
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise ParameterError(f"pattern={pattern!r} must be a non-empty string")
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise ParameterError(f"window={window!r} must be an int ≥ 0 (words of context on each side)")
    if regex:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ParameterError(f"pattern={pattern!r} is not a valid regular expression: {exc}") from None
    else:
        _compile_words(pattern)
    return runner.per_document(
        _kwic_rows, x, frames.KWIC, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
        pattern=pattern, regex=regex, window=window, ignore_case=ignore_case,
    )
