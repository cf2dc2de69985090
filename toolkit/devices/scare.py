"""Scare quotes: words put in quotation marks to distance the writer from them.

The quotation marks are paired by :func:`toolkit.quotes` (one implementation
for the whole toolkit); every quote of ``kind == "scare"`` becomes a device row
("warning that 'jihadists' could go…"). The rows come from
:func:`toolkit.quotes.scare_rows`: the quote rows cached on the document when
``tk.quotes`` ran on it (``tk.analyze``), else a quote walk that stops after
the last paragraph a scare quote can come from (the same rows).
"""

from __future__ import annotations

from ..quotes import scare_rows
from .matching import DocContext, quoted


def detect(ctx: DocContext) -> list[dict]:
    """Scare-quote rows for one document, from ``tk.quotes``.

    Examples
    --------
    >>> from toolkit.corpus import Document
    >>> rows = detect(DocContext(Document('The so-called "experts" disagreed.')))
    >>> [r["text"] for r in rows]
    ['experts']
    """
    # the scare rows of tk.quotes: its cached rows when it ran on this Document (tk.analyze), else a walk that
    # stops after the last paragraph a scare quote can come from
    out = []
    for row in scare_rows(ctx.doc):
        s, e = int(row["start"]), int(row["end"])
        words = ctx.doc.text[s:e]
        out.append({
            "start": s, "end": e, "device": "scare_quote", "text": words, "cue": "quotation marks",
            "explanation": (f"{quoted(words)} is put in quotation marks without being anyone's quoted speech, "
                            f"so the writer keeps a distance from the word (rule: scare quote from tk.quotes)."),
        })
    return out
