"""Memory of one big document: what ``tk.quotes`` allocates grows with the text at a bounded rate.

Peak allocations are counted with ``tracemalloc`` (Python's own allocator
accounting: the same input gives the same count), not timed. The text is the
bundled Wikinews corpus (CC BY 2.5) joined into one document of about 400,000 characters,
with typographic quotes and dashes, so the normalised view needs its offset map.
``scripts/bench_memory.py`` measures resident memory at 2, 20 and 50 MB.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import toolkit as tk

ROOT = Path(__file__).resolve().parents[1]


def _one_document(chars: int) -> str:
    lines = (ROOT / "data" / "wikinews_en_2019_2020.jsonl").read_text(encoding="utf-8").splitlines()
    text = "\n\n".join(json.loads(line)["text"] for line in lines if line.strip())
    return text[:chars]


def test_quotes_on_one_big_document_allocate_at_most_25_bytes_per_character() -> None:
    text = _one_document(400_000)
    tk.quotes(text[:20_000])  # lexicons, Punkt and the patterns are loaded once, outside the count
    tracemalloc.start()
    try:
        table = tk.quotes(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(table) > 1000  # quote-dense: the table itself is part of the count
    assert tk.normalize(text).offsets is not None  # an ellipsis or the like: the offset map is in the count
    # before the token index was bounded and the offset map compact: about 100 bytes a character
    assert peak / len(text) <= 25, f"{peak / len(text):.1f} bytes per character"


def test_the_offset_map_of_a_normalised_text_is_compact_and_exact() -> None:
    text = _one_document(400_000)
    norm = tk.normalize(text)
    assert norm.offsets is not None and norm.offsets.itemsize <= 4  # 4 bytes a character, not a tuple of ints
    doc = tk.load(text)
    for s, e in doc.sentences[:: max(1, len(doc.sentences) // 200)]:
        assert text[s:e].strip() == text[s:e]  # spans from the map land on the original characters
    q = tk.quotes(doc)
    assert all(text[r.start:r.end] == r.text for r in q.itertuples())
