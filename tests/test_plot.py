"""tk.plot: paper style, one figure per table kind, deterministic saving.

Tables come from the seed article (data/lavrov_2015_afp.txt) and the bundled
Wikinews sample; where a capability's own table is not needed, frames are
derived from ``tk.tokens`` so the figures show real text.
"""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes

import toolkit as tk
from toolkit import plot


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_import_toolkit_does_not_import_matplotlib():
    code = ("import sys, toolkit as tk; assert 'matplotlib' not in sys.modules; tk.plot; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_paper_style_sizes_and_vector_fonts():
    fig, _ax = plot.figure("one")
    assert fig.get_figwidth() == pytest.approx(3.5)
    fig2, axes = plot.figure("two", height=3, ncols=2)
    assert fig2.get_size_inches().tolist() == pytest.approx([7.2, 3])
    assert len(axes) == 2
    with plot.style("paper"):
        assert matplotlib.rcParams["pdf.fonttype"] == 42
        assert matplotlib.rcParams["svg.fonttype"] == "none"
        assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][:2] == ["#E69F00", "#56B4E9"]
    with pytest.raises(tk.ParameterError, match="'one', 'two'"):
        plot.figure("three")
    with pytest.raises(tk.ParameterError, match="paper"):
        plot.use("poster")


def _seed_quotes(seed: tk.Document) -> pd.DataFrame:
    """Quote rows for the seed article's quotations (located by their opening words)."""
    t = seed.text
    rows = []
    for opening, speaker, kind, attribution in [
        ("It is absolutely", "Sergei Lavrov", "direct", "explicit"),
        ("And that is what", "Sergei Lavrov", "direct", "inherited"),
        ("They already make", "Sergei Lavrov", "direct", "pronoun"),
        ("very far, very far", "Sergei Lavrov", "partial", "descriptor"),
        ("Islamic caliphate", None, "scare", "none"),
    ]:
        s = t.index(opening)
        rows.append({"doc_id": seed.id, "start": s, "end": s + len(opening), "speaker": speaker, "kind": kind,
                     "attribution": attribution})
    return pd.DataFrame(rows)


def test_speakers_and_voices_count_quotes(seed):
    quotes = _seed_quotes(seed)
    assert [t.get_text() for t in plot.speakers(quotes).get_yticklabels()] == ["Sergei Lavrov"]
    ax = plot.speakers(quotes, unknown=True)
    assert isinstance(ax, Axes)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Sergei Lavrov", "(no speaker)"]
    # stacked by kind: the bar lengths per speaker add up to their quotes
    widths: dict[float, float] = {}
    for bar in ax.patches:
        widths[round(bar.get_y(), 3)] = widths.get(round(bar.get_y(), 3), 0) + bar.get_width()
    assert sorted(widths.values()) == [1, 4]
    ax = plot.voices(quotes, by="attribution", hue="kind")
    assert len(ax.get_yticklabels()) == 5
    with pytest.raises(tk.ParameterError, match="speaker"):
        plot.speakers(pd.DataFrame({"who": ["x"]}))


def test_devices_by_document_and_over_time(wikinews):
    meta = wikinews.head(6).to_frame()[["id", "date"]]
    meta["year"] = meta["date"].str[:4].astype(int)
    tokens = tk.tokens(wikinews.head(6))
    hits = tokens[tokens["lower"].isin(["said", "says", "told"])]
    table = hits.assign(device=hits["lower"])[["doc_id", "start", "end", "device"]]
    ax = plot.devices(table)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    per_doc = table["doc_id"].value_counts()
    assert labels == sorted(per_doc.index, key=lambda d: (-per_doc[d], d))  # most devices first
    # n=2: the two documents with most devices, not the first two in corpus order
    ax = plot.devices(table, n=2)
    top = [t.get_text() for t in ax.get_yticklabels()]
    assert [per_doc[d] for d in top] == sorted(per_doc, reverse=True)[:2]
    assert ax.get_ylabel() == "document" and "top 2 of" in ax.get_title("left")
    ax = plot.devices(table, by="year", meta=meta)
    assert ax.get_xlabel() == "year" and len(ax.get_lines()) == table["device"].nunique()
    ax = plot.devices(table, by="year", meta=meta, per_document=True)
    assert ax.get_ylabel() == "devices per document"
    with pytest.raises(tk.ParameterError, match="meta="):
        plot.devices(table, by="year")
    # one series kept, the rest summed as a grey "other"
    ax = plot.devices(table, series=1)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [table["device"].value_counts().index[0], "other"]
    assert matplotlib.colors.to_hex(ax.patches[-1].get_facecolor()).upper() == plot.OTHER_COLOUR


def test_keyness_bars_diverge():
    table = pd.DataFrame({"term": ["terrorism", "coalition", "democracy", "freedom"],
                          "g2": [30.0, 12.0, 20.0, 8.0], "log_ratio": [2.0, 1.0, -1.5, -0.5]})
    ax = plot.keyness(table, n=1, labels=("Russia", "USA"))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["terrorism", "democracy"]
    assert [p.get_width() for p in ax.patches] == [2.0, -1.5]
    ax = plot.keyness(table, measure="g2")
    assert sorted(p.get_width() for p in ax.patches) == [-20.0, -8.0, 12.0, 30.0]
    with pytest.raises(tk.ParameterError, match="measure"):
        plot.keyness(table, measure="chi2")


def test_dispersion_lanes_put_every_hit_on_its_lane(seed):
    tokens = tk.tokens(seed)
    hits = tokens[tokens["lower"].isin(["syria", "iraq", "russia"])].rename(columns={"lower": "term"})
    hits = hits.assign(relative_position=hits["start"] / len(seed.text))
    ax = plot.dispersion(hits)
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(lanes) == ["iraq", "russia", "syria"]
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(hits)
    assert ax.get_xlim() == (0, 1)


def test_readability_and_diversity_by_group(wikinews):
    docs = wikinews.head(8).to_frame()
    profile = pd.DataFrame({"doc_id": docs["id"], "mattr": [len(set(t.split())) / len(t.split()) for t in docs["text"]],
                            "flesch_reading_ease": [len(t) / 100 for t in docs["text"]]})
    meta = docs.assign(group=["2019" if d < "2020" else "2020" for d in docs["date"]])[["id", "group"]]
    ax = plot.readability(profile, by="group", meta=meta)
    assert ax.get_ylabel() == "Flesch reading ease" and ax.get_title("left")
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(profile)
    ax = plot.diversity(profile, by="group", meta=meta)
    assert ax.get_ylabel() == "lexical diversity (MATTR)"
    ax = plot.diversity(profile.assign(mtld=profile["mattr"] * 100), by="group", meta=meta, measure="mtld")
    assert ax.get_ylabel() == "lexical diversity (MTLD)"
    with pytest.raises(tk.ParameterError, match="choose one of"):
        plot.readability(profile, by="group", meta=meta, measure="mattr")


def test_save_writes_all_formats_byte_identical(seed, tmp_path):
    quotes = _seed_quotes(seed)
    outputs = []
    for run in ("a", "b"):
        ax = plot.speakers(quotes, unknown=True)
        files = plot.save(ax, tmp_path / run / "speakers", data=quotes)
        assert [f.suffix for f in files] == [".pdf", ".svg", ".png", ".csv"]
        outputs.append([f.read_bytes() for f in files])
        plt.close("all")
    assert outputs[0] == outputs[1]
    pdf, svg, png, _csv = outputs[0]
    assert pdf.startswith(b"%PDF") and b"CreationDate" not in pdf
    assert b"<dc:date>" not in svg and b"Sergei Lavrov" in svg  # text kept as text
    assert png.startswith(b"\x89PNG")
    assert pd.read_csv(tmp_path / "a" / "speakers.csv")["speaker"].fillna("").tolist() == \
        quotes["speaker"].fillna("").tolist()
    with pytest.raises(tk.ParameterError, match="Figure or Axes"):
        plot.save("not a figure", tmp_path / "x")


def test_empty_tables_give_an_empty_panel_not_an_error(seed):
    none = tk.tokens(seed).iloc[0:0]
    panels = [
        plot.speakers(_seed_quotes(seed).iloc[0:0]),
        plot.devices(none.assign(device=none["lower"])),
        plot.keyness(pd.DataFrame({"term": [], "log_ratio": [], "g2": []})),
        plot.dispersion(none.rename(columns={"lower": "term"})),
        plot.diversity(pd.DataFrame({"doc_id": [], "g": [], "mattr": []}), by="g"),
    ]
    for ax in panels:
        assert [t.get_text() for t in ax.texts] == ["no data"]


def test_long_labels_are_shortened():
    name = "United States President Donald Trump said in a long statement"
    ax = plot.speakers(pd.DataFrame({"speaker": [name], "kind": ["direct"]}))
    label = ax.get_yticklabels()[0].get_text()
    assert len(label) <= 32 and label.endswith("…") and name.startswith(label[:-1])


def test_style_restores_only_its_own_settings():
    # the notebook backend turns interactive mode on while the first figure is created;
    # leaving the style must not turn it off again (later figures would not show inline)
    was, size = matplotlib.is_interactive(), matplotlib.rcParams["font.size"]
    try:
        matplotlib.interactive(False)
        with plot.style("paper"):
            matplotlib.interactive(True)
            assert matplotlib.rcParams["font.size"] == 8
        assert matplotlib.is_interactive()
        assert matplotlib.rcParams["font.size"] == size
    finally:
        matplotlib.interactive(was)


def test_devices_keeps_historical_analogy_visible(seed):
    table = tk.devices(seed)
    assert "historical_analogy" in set(table["device"])
    ax = plot.devices(table, series=1)
    legend = [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else []
    shown = legend or [str(c) for c in table["device"].unique()]
    assert "historical_analogy" in shown


def test_human_axis_labels_on_real_metadata(wikinews):
    meta = wikinews.head(6).to_frame()[["id", "date"]]
    meta["country_iso3"] = ["USA", "GBR", "USA", "FRA", "GBR", "USA"]
    tokens = tk.tokens(wikinews.head(6))
    hits = tokens[tokens["lower"].isin(["said", "says", "told"])]
    table = hits.assign(device=hits["lower"])[["doc_id", "start", "end", "device"]]
    ax = plot.devices(table, by="country_iso3", meta=meta)
    assert ax.get_ylabel() == "country" and ax.get_title("left")
    assert "_" not in ax.get_xlabel() + ax.get_ylabel()


def test_quotes_axis_says_when_bars_include_reported_speech(seed):
    quotes = tk.quotes(seed)
    assert {"direct", "indirect"} <= set(quotes["kind"])
    assert plot.speakers(quotes).get_xlabel() == "quotes (direct and reported speech)"
    direct = quotes[quotes["kind"] == "direct"]
    assert plot.speakers(direct).get_xlabel() == "quotes"
    assert plot.voices(quotes, by="attribution").get_xlabel() == "quotes (direct and reported speech)"


def test_keyness_never_shows_non_significant_terms(seed, wikinews):
    keys = tk.keyness(seed, wikinews.head(20), min_freq=2)
    assert (keys["p"] >= 0.05).any()
    ax = plot.keyness(keys, n=40)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    p_of = dict(zip(keys["term"], keys["p"], strict=True))
    assert shown and all(p_of[t] < 0.05 for t in shown)
    everything = plot.keyness(keys, n=40, alpha=1)
    assert len(everything.get_yticklabels()) > len(shown)


def test_dispersion_shows_speeches_without_hits(wikinews):
    docs = wikinews.head(6)
    ids = list(docs.to_frame()["id"])
    tokens = tk.tokens(docs)
    hits = tokens[tokens["lower"] == "president"].rename(columns={"lower": "term"})
    assert 0 < hits["doc_id"].nunique() < len(ids)
    ax = plot.dispersion(hits, documents=ids)
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert len(lanes) == len(ids)
    empty = [d for d in ids if d not in set(hits["doc_id"])]
    assert [lane for lane in lanes if lane.endswith("(no hits)")] == [f"{d} (no hits)" for d in empty]
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(hits)


def test_other_scripts_render_without_missing_glyphs(seed, recwarn):
    import warnings

    from matplotlib import font_manager

    samples = {"Cyrillic": "Россия", "Arabic": "السلام", "Devanagari": "नमस्ते", "Greek": "Ελλάδα"}
    fonts = plot._installed_fonts()  # registers the installed font packages first
    have = {f.name for f in font_manager.fontManager.ttflist}
    assert fonts[0] == "DejaVu Sans" and set(fonts) <= have
    covered = {}
    for script, text in samples.items():
        covered[script] = any(
            all(ord(ch) in font_manager.get_font(font_manager.findfont(f, fallback_to_default=False)).get_charmap()
                for ch in text if not ch.isspace() and ord(ch) not in (0x94D,))
            for f in fonts)
    assert covered["Cyrillic"] and covered["Greek"]  # DejaVu has them everywhere
    assert covered["Devanagari"]  # the fontpkg-noto-sans-devanagari dependency, registered by plot
    wanted = [t for s, t in samples.items() if covered[s]]
    table = pd.DataFrame({"speaker": [*wanted, "Sergei Lavrov"], "kind": ["direct"] * (len(wanted) + 1)})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = plot.speakers(table)
        ax.figure.canvas.draw()
    missing = [str(w.message) for w in caught if "missing" in str(w.message).lower()]
    assert missing == []


def test_missing_glyph_check_can_fail_when_no_font_covers_a_script(monkeypatch):
    """The check above is real: with DejaVu alone (no Noto fallback) Devanagari does warn (tofu)."""
    import warnings

    monkeypatch.setattr(plot, "_installed_fonts", lambda: ["DejaVu Sans"])
    text = "नमस्ते"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = plot.speakers(pd.DataFrame({"speaker": [text], "kind": ["direct"]}))
        ax.figure.canvas.draw()
    assert any("missing" in str(w.message).lower() for w in caught)
