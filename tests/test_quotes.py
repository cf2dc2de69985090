"""tk.quotes / tk.speakers on real text.

Fixtures: the seed article (data/lavrov_2015_afp.txt), sentences from the
bundled English Wikinews sample (CC BY 2.5; doc ids cited per test) and the UN
General Debate / Kremlin corpora when ../shared is present.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import toolkit as tk
from toolkit.quotes import quotes, speakers

from .conftest import WIKINEWS


def _wikinews(doc_id: str) -> str:
    with WIKINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] == doc_id:
                return rec["text"]
    raise LookupError(doc_id)


def _sentence(doc_id: str, start: str, end: str) -> str:
    """A passage of a Wikinews article, from ``start`` up to and including ``end``."""
    text = _wikinews(doc_id)
    i = text.index(start)
    j = text.index(end, i) + len(end)
    return text[i:j]


def _row(q: pd.DataFrame, needle: str) -> pd.Series:
    hits = q[q["text"].str.contains(needle, regex=False)]
    assert len(hits) == 1, (needle, q[["text", "kind"]].values.tolist())
    return hits.iloc[0]


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed_quotes(seed: tk.Document) -> pd.DataFrame:
    return quotes(seed)


SEED_EXPECTED = [
    # (words inside the quotation, kind, speaker, attribution, cue lemma or None, mention)
    ("It is absolutely clear to me", "direct", "Sergei Lavrov", "explicit", "tell",
     "Russian Foreign Minister Sergei Lavrov"),
    ("our American colleagues cannot accept", "direct", "Sergei Lavrov", "inherited", None, None),
    ("very far, very far", "partial", "Sergei Lavrov", "descriptor", "warn", "Moscow's top diplomat"),
    ("They already make a lot of progress", "direct", "Sergei Lavrov", "pronoun", "say", "he"),
    ("And even in northern Afghanistan", "direct", "Sergei Lavrov", "inherited", None, None),
    ("If people continue to acquiesce", "direct", "Sergei Lavrov", "pronoun", "say", "he"),
    ("Because these people put the fate", "direct", "Sergei Lavrov", "explicit", "say", "Lavrov"),
    ("Saddam Hussein was the one person", "direct", "Sergei Lavrov", "inherited", None, None),
    ("Gaddafi is the same", "direct", "Sergei Lavrov", "pronoun", "say", "he"),
    ("Do you believe that the American troops", "direct", "Sergei Lavrov", "inherited", None, None),
]


@pytest.mark.parametrize(("needle", "kind", "speaker", "attribution", "cue", "mention"), SEED_EXPECTED)
def test_seed_every_quotation_attributed(seed_quotes, needle, kind, speaker, attribution, cue, mention):
    row = _row(seed_quotes, needle)
    assert (row["kind"], row["speaker"], row["attribution"]) == (kind, speaker, attribution)
    assert (None if pd.isna(row["cue"]) else row["cue"]) == cue
    assert (None if pd.isna(row["speaker_mention"]) else row["speaker_mention"]) == mention


def test_seed_lead_partial_quote_is_russia_and_repeat_is_duplicate(seed, seed_quotes):
    lead = seed_quotes[(seed_quotes["text"] == "very far") & (seed_quotes["kind"] == "partial")]
    assert lead["speaker"].tolist() == ["Russia", "Russia"]
    assert lead["duplicate"].tolist() == [False, True]
    first = lead.iloc[0]
    # the content is the reported clause containing the quoted words
    content = seed.text[first["content_start"] : first["content_end"]]
    assert content.endswith('could go "very far" if not stopped')
    assert first["cue"] == "warn"


def test_seed_scare_quotes_have_no_speaker(seed_quotes):
    scare = seed_quotes[seed_quotes["kind"] == "scare"]
    assert set(scare["text"]) == {"jihadists", "Islamic caliphate"}
    assert scare["speaker"].isna().all()
    assert (scare["attribution"] == "none").all()


def test_seed_indirect_speech(seed, seed_quotes):
    row = _row(seed_quotes, "he was not optimistic about the future of the region")
    assert (row["kind"], row["speaker"], row["cue"]) == ("indirect", "Sergei Lavrov", "add")
    assert seed.text[row["start"] : row["end"]] == row["text"]


def test_seed_offsets_point_into_original_text(seed, seed_quotes):
    for r in seed_quotes.itertuples():
        assert seed.text[r.start : r.end] == r.text
        assert r.content_start <= r.start and r.end <= r.content_end
        if pd.notna(r.speaker_start):
            assert seed.text[r.speaker_start : r.speaker_end] == r.speaker_mention
        if pd.notna(r.cue_start):
            assert r.cue_end > r.cue_start
    # apostrophes (That's, They've, Libya's) never open or close a quotation
    assert not seed_quotes["text"].str.fullmatch(r"s|ve").any()


def test_seed_speakers_table(seed):
    table = speakers(seed)
    assert table["speaker"].tolist()[0] == "Sergei Lavrov"
    assert set(table["speaker"]) <= {"Sergei Lavrov", "Russia"}
    assert table["share"].sum() == pytest.approx(1.0)
    lav = table.set_index("speaker").loc["Sergei Lavrov"]
    assert lav["quotes"] >= 10
