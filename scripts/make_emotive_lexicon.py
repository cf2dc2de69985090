"""Write ``toolkit/data/lexicons/emotive_words.tsv`` from the VADER sentiment lexicon.

VADER (Hutto & Gilbert 2014, ``vaderSentiment`` 3.3.2 on PyPI, MIT licence)
rates 7,500 English words and emoticons from -4 (most negative) to +4 by the
mean of ten human raters. We keep the alphabetic words (letters, ``'`` and
``-``) with a mean valence of at least 1.5 in absolute value: the emotionally
loaded words. The loaded-language detector reads them at run time.

    pip download --no-deps vaderSentiment==3.3.2 -d /tmp/vd && unzip /tmp/vd/*.whl -d /tmp/vd
    python scripts/make_emotive_lexicon.py /tmp/vd/vaderSentiment/vader_lexicon.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "toolkit" / "data" / "lexicons" / "emotive_words.tsv"
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
MIN_ABS = 1.5


def main(path: str) -> int:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 2 or not _WORD.fullmatch(cells[0]):
            continue
        v = float(cells[1])
        if abs(v) >= MIN_ABS:
            rows.append((cells[0], f"{v:.1f}", "negative" if v < 0 else "positive"))
    rows.sort()
    OUT.write_text("word\tvalence\tclass\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
