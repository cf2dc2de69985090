"""Scare quotes: words put in quotation marks to distance the writer from them.

The quotation marks are paired by :func:`toolkit.quotes` (one implementation
for the whole toolkit); every quote of ``kind == "scare"`` becomes a device row
("warning that 'jihadists' could go…").
"""

from __future__ import annotations

from ..quotes import quote_rows
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
    # the per-document rows behind tk.quotes, cached on the Document (shared with tk.quotes in one pass)
    out = []
    for row in quote_rows(ctx.doc):
        if row["kind"] != "scare":
            continue
        s, e = int(row["start"]), int(row["end"])
        words = ctx.doc.text[s:e]
        out.append({
            "start": s, "end": e, "device": "scare_quote", "text": words, "cue": "quotation marks",
            "explanation": (f"{quoted(words)} is put in quotation marks without being anyone's quoted speech, "
                            f"so the writer keeps a distance from the word (rule: scare quote from tk.quotes)."),
        })
    return out
