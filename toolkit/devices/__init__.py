"""Rhetorical devices, above all historical analogies, each with the reason it fired.

``tk.devices(x, kinds=None)`` returns one row per device:
``doc_id, start, end, device, text, cue, explanation, referent, target, score,
paragraph, duplicate``. ``cue`` is the lexicon entry or words that fired,
``explanation`` a sentence a student can follow (which words, which rule).
``referent``/``target`` are filled for ``historical_analogy`` (``referent`` also for
``analogy_candidate``: a sentence the learned model scores as a likely analogy where no
rule fired); ``score`` ranks graded devices (``antimetabole``, ``analogy_candidate``).

Detectors are grouped in families (one module each); :data:`REGISTRY` maps
every device name to its family's ``detect(ctx)``; a family runs once per
document even when several of its devices are asked for. The catalogue with
definitions, examples and rules is ``docs/devices.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from .. import frames, runner
from .. import lexicons as _lexicons
from ..corpus import Document
from ..errors import ParameterError
from . import analogy, emotive, propaganda, questions, repetition, scare, stance
from .matching import DocContext

Detector = Callable[[DocContext], list[dict[str, Any]]]

#: device name -> the family detector that produces it
REGISTRY: dict[str, Detector] = {
    analogy.DEVICE: analogy.detect,
    analogy.CANDIDATE: analogy.detect,
    questions.DEVICE: questions.detect,
    **dict.fromkeys(["repetition", "anaphora", "epistrophe", "tricolon", "antimetabole"], repetition.detect),
    **dict.fromkeys(["hedge", "booster", "us_vs_them"], stance.detect),
    "scare_quote": scare.detect,
    **dict.fromkeys(
        ["flag_waving", "thought_terminating_cliche", "slogan", "black_and_white", "whataboutism",
         "appeal_to_authority", "causal_oversimplification"], propaganda.detect
    ),
    **dict.fromkeys(emotive.DEVICES, emotive.detect),
}


#: family detector -> the lexicons it reads, which ``devices(..., lexicons=…)`` may replace
LEXICONS: dict[Detector, tuple[str, ...]] = {
    analogy.detect: analogy.LEXICONS,
    questions.detect: questions.LEXICONS,
    repetition.detect: repetition.LEXICONS,
    stance.detect: stance.LEXICONS,
    propaganda.detect: propaganda.LEXICONS,
    emotive.detect: emotive.LEXICONS,
}


def _families(kinds: Iterable[str]) -> list[Detector]:
    return list(dict.fromkeys(REGISTRY[k] for k in kinds))


def _rows(doc: Document, kinds: list[str], lexicons: tuple[_lexicons.Lexicon, ...] = ()) -> list[dict[str, Any]]:
    ctx = DocContext(doc, lexicons)
    wanted = set(kinds)
    rows: list[dict[str, Any]] = []
    for family in _families(kinds):
        rows.extend(r for r in family(ctx) if r["device"] in wanted)
    return rows


def _kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return tuple(REGISTRY)
    if isinstance(kinds, str):
        kinds = [kinds]
    out = []
    for k in kinds:
        if k not in REGISTRY:
            raise ParameterError.choice("kinds", k, REGISTRY)
        out.append(k)
    return tuple(dict.fromkeys(out))


def devices(x: Any, kinds: str | Iterable[str] | None = None, *, lexicons: Mapping[str, Any] | None = None,
            n_jobs: int = 1, progress: bool | None = None, batch_size: int = 16) -> pd.DataFrame:
    """One row per rhetorical device, with the cue and an explanation.

    Parameters
    ----------
    x
        A text, :class:`~toolkit.Document`, :class:`~toolkit.Corpus` or a
        DataFrame with ``id`` and ``text`` columns.
    kinds
        Device names to look for (see :data:`REGISTRY`); all by default.
    lexicons
        Your own lexicons in place of packaged ones, by packaged name:
        ``{"name_calling": ["warmonger", "puppet regime"]}``, a DataFrame with
        the packaged file's columns (``tk.lexicon(name)`` is the template: add
        rows to it to extend the packaged list), or a path to a TSV/CSV file.
        Explanations then cite ``user lexicon 'name'``. Only lexicons the
        requested detectors read are accepted (:data:`LEXICONS`).
    n_jobs, progress, batch_size
        The runner keywords (:mod:`toolkit.runner`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, device, text, cue, explanation, referent,
        target, score, paragraph, duplicate``; offsets into the original text.

    Raises
    ------
    ParameterError
        An unknown device name in ``kinds``, or a lexicon none of them reads.
    LexiconError
        A user's lexicon without the needed columns, with an empty cue or a
        cue that is not a valid pattern (the row is named).

    Examples
    --------
    >>> df = devices("We must not repeat the mistakes of Vietnam.", kinds="historical_analogy")
    >>> df[["device", "referent"]].values.tolist()
    [['historical_analogy', 'Vietnam War']]
    >>> own = devices("They are warmongers.", kinds="name_calling", lexicons={"name_calling": ["warmongers?"]})
    >>> own["cue"].tolist(), own["explanation"].str.contains("user lexicon").tolist()
    (['warmongers'], [True])
    """
    step = device_step(kinds, lexicons=lexicons)
    return runner.per_document(step.fn, x, step.schema, n_jobs=n_jobs, progress=progress, batch_size=batch_size,
                               **step.kwargs)


def device_step(kinds: str | Iterable[str] | None = None, *, lexicons: Mapping[str, Any] | None = None
                ) -> frames.Step:
    """The per-document step behind :func:`devices` (for :func:`toolkit.analyze`).

    Examples
    --------
    >>> device_step("repetition").kwargs
    {'kinds': ['repetition']}
    """
    names = _kinds(kinds)
    kwargs: dict[str, Any] = {"kinds": list(names)}
    readable = [lex for family in _families(names) for lex in LEXICONS.get(family, ())]
    user = _lexicons.resolve(dict(lexicons) if lexicons else None, readable)
    if user:
        kwargs["lexicons"] = user
    return frames.Step(_rows, frames.DEVICES, kwargs)


__all__ = ["LEXICONS", "REGISTRY", "device_step", "devices"]
