"""Historical analogies on the seed article and on licence-clean labelled sentences.

Sentences below come from the project's analogy dev set (``../shared/corpora/analogy``), only
from licence-clean sources, cited by item id and document id: UN General Debate speeches (CC0),
Kremlin transcripts (kremlin.ru, CC BY 4.0) and English Wikinews (CC BY 2.5).
"""

from __future__ import annotations

import pytest

import toolkit as tk
from toolkit.devices import devices
from toolkit.devices.analogy import gazetteer_names
from toolkit.errors import ParameterError


@pytest.fixture(scope="module")
def seed_analogies(seed):
    return devices(seed, kinds="historical_analogy")


def _sentence_of(doc, start):
    i = doc.sentence_at(start)
    s, e = doc.sentences[i]
    return doc.text[s:e]


def test_seed_has_exactly_the_three_analogies(seed, seed_analogies):
    df = seed_analogies
    assert len(df) == 3
    sentences = [_sentence_of(seed, s) for s in df["start"]]
    assert sentences[0].startswith("Saddam Hussein was the one person after whom")
    assert sentences[1].startswith('"Gaddafi is the same,"')
    assert sentences[2].startswith("They've been to Afghanistan")
    assert df["referent"].tolist() == [
        "Saddam Hussein",
        "Muammar Gaddafi",
        "War in Afghanistan (2001-2021); Iraq War (2003)",
    ]


def test_seed_targets_link_to_assad(seed_analogies):
    # Saddam and Gaddafi are both used to characterise Assad, named in earlier paragraphs
    assert seed_analogies["target"].tolist()[:2] == ["Bashar al-Assad", "Bashar al-Assad"]


def test_seed_offsets_and_explanations(seed, seed_analogies):
    for row in seed_analogies.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert row.cue in row.explanation
        assert "past" in row.explanation
    assert seed_analogies["cue"].tolist() == ["been through this", "is the same", "been to"]


def test_seed_present_day_mentions_do_not_fire(seed, seed_analogies):
    text = seed.text
    present = [
        text.index("talks involving Iraq"),
        text.index("progress in Iraq"),
        text.index("northern Afghanistan"),
        text.index("expanding into Libya"),
    ]
    for pos in present:
        hit = seed_analogies[(seed_analogies.start <= pos + 25) & (seed_analogies.end > pos)]
        assert hit.empty, f"fired on a present-day mention at {pos}"


@pytest.mark.parametrize(
    ("cid", "sentence", "referent", "cue"),
    [
        # c0278, ungdc-NGA-72-2017 (UN General Debate, CC0)
        ("c0278", "The crisis in Myanmar is very reminiscent of what happened in Bosnia in 1995 and in Rwanda in 1994.",
         "Bosnian War (1992-1995)", "reminiscent of"),
        # c0263, ungdc-KEN-26-1971 (UN General Debate, CC0)
        ("c0263", "My Government categorically rejects that offer, The lesson of Munich still rings fresh in our ears.",
         "Munich Agreement (1938)", "lesson of"),
        # c0320, ungdc-NZL-38-1983 (UN General Debate, CC0)
        ("c0320", 'To describe the scope and magnitude of that task I have used the term "a new Bretton Woods".',
         "Bretton Woods Conference (1944)", "a new"),
        # c0270, kremlin-en-60795 (kremlin.ru, CC BY 4.0)
        ("c0270", "It may look as if we are again trying to isolate ourselves from the outside world with an iron "
         "curtain.", "Iron Curtain", "again"),
    ],
)
def test_labelled_analogies_are_found(cid, sentence, referent, cue):
    df = devices(sentence, kinds="historical_analogy")
    assert len(df) == 1, cid
    assert df.loc[0, "referent"].split("; ")[0] == referent
    assert df.loc[0, "cue"] == cue


def test_comparison_target_is_the_noun_phrase_before_the_cue():
    # c0278, ungdc-NGA-72-2017 (UN General Debate, CC0)
    df = devices("The crisis in Myanmar is very reminiscent of what happened in Bosnia in 1995.",
                 kinds="historical_analogy")
    assert df.loc[0, "target"] == "The crisis in Myanmar"


@pytest.mark.parametrize(
    ("cid", "sentence"),
    [
        # c0102, kremlin-en-54149 (kremlin.ru, CC BY 4.0): Munich as a present-day place
        ("c0102", "But I don't see that we have actually missed the case because I remember in Munich, that was a "
         "couple of months ago at the Security Conference, both Foreign Minister Lavrov whom I see there and "
         "Secretary-General Stoltenberg were very positive on that initiative."),
        # c0268, kremlin-en-26972 (kremlin.ru, CC BY 4.0): "a new Afghanistan" is the country, not the war
        ("c0268", "We expect that the country's interim leadership will continue to build a new Afghanistan that "
         "lives in peace and accord with its neighbours and the international community."),
        # c0160, wikinews-cc1a871ecca3 (Wikinews, CC BY 2.5)
        ("c0160", "The coalition came to Iraq to fight ISIS after the group took over about a third of the country."),
        # c0089, ungdc-IRQ-04-1949 (UN General Debate, CC0): "statesmen like X" gives examples, compares nothing
        ("c0089", "To cure those human ills, far-sighted statesmen like Woodrow Wilson and Franklin Delano Roosevelt "
         "had set a new moral and political pattern in international relations."),
        # c0261, wikinews-49f658ffcadb (Wikinews, CC BY 2.5): a list after a colon
        ("c0261", "Basically the citizens have travelled to these places: like China, South Korea and people from "
         "the far East have been coming."),
    ],
)
def test_plain_references_are_not_analogies(cid, sentence):
    assert devices(sentence, kinds="historical_analogy").empty, cid


def test_gazetteer_covers_the_classic_analogies():
    names = set(gazetteer_names())
    for name in ["Munich", "appeasement", "Vietnam", "Iraq", "Libya", "Afghanistan", "Hitler", "Nazis", "Stalin",
                 "Cold War", "Rwanda", "Srebrenica", "Versailles", "Yalta", "Suez", "Saddam Hussein", "Gaddafi",
                 "Korea", "Cuban Missile Crisis", "Holocaust", "Pearl Harbor", "9/11", "Watergate", "Bay of Pigs",
                 "Berlin Wall", "apartheid", "colonialism"]:
        assert name in names, name
    assert len(tk.lexicons.load("historical_gazetteer")) >= 200


def test_unknown_kind_is_a_named_error():
    with pytest.raises(ParameterError, match="historical_analogy"):
        devices("Text.", kinds="analogy")


def test_a_year_the_named_episode_covers_is_one_referent_not_two() -> None:
    # #18.4: "Munich Agreement (1938); 1938" counted one analogy twice in the figures
    one = tk.devices("This would be another Munich, like in 1938.", kinds=["historical_analogy"])
    assert one["referent"].tolist() == ["Munich Agreement (1938)"]
    assert one["text"].iloc[0].endswith("1938")  # the span still covers the year
    # a year outside the named episode is a second referent
    two = tk.devices("The lessons of 1956 and of the Munich Agreement must be learned.", kinds=["historical_analogy"])
    assert two["referent"].iloc[0].split("; ") == ["1956", "Munich Agreement (1938)"]
