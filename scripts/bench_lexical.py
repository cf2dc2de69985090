"""Benchmark: lexical profile and keyness on UN General Debate speeches, next to textstat.

Reads a sample of the UN General Debate corpus (CC0) from ../shared/corpora/ungdc
(every ``--every``-th speech until ``--mb`` megabytes of UTF-8 text), then times,
in one process and on the same texts:

* ``tk.lexical_profile`` (all counts, diversity and the seven readability scores),
* textstat's own seven formulas (Flesch, Flesch–Kincaid, Fog, SMOG, Coleman–Liau,
  ARI, Dale–Chall v2) on each text,
* the sentence splitter alone (the floor of the profile: ``Document.sentences``),
* ``tk.keyness`` of the first half of the sample against the second half.

With ``--syllables`` it also measures how often the fallback rules agree with
the CMU dictionary on the sample's dictionary words: the toolkit's vowel-group
rule and Pyphen hyphenation (what textstat falls back to).

The tasks run ``--repeat`` times (default 3), interleaved, and the best and the
median time are reported: timings on a shared machine are noisy.

    .venv/bin/python scripts/bench_lexical.py            # 4 MB sample
    .venv/bin/python scripts/bench_lexical.py --mb 10 --syllables --compare
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

#: the clock every timing reads: wall time, or with --cpu this process's CPU time (steadier on a shared machine)
CLOCK = [time.perf_counter]
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "ungdc" / "ungdc_1946_2024.jsonl.gz"


def sample(path: Path, mb: float, every: int) -> list[dict[str, str]]:
    out, size = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % every:
                continue
            rec = json.loads(line)
            out.append({"id": rec["id"], "text": rec["text"]})
            size += len(rec["text"].encode("utf-8"))
            if size >= mb * 1e6:
                break
    return out


def timed(fn, *args, **kwargs):
    t0 = CLOCK[0]()
    result = fn(*args, **kwargs)
    return result, CLOCK[0]() - t0


def cold_caches() -> None:
    """Empty the result caches both systems keep, so that no repetition is timed on answers it kept.

    textstat caches each function's result per whole text (a second run on the same texts costs
    nothing); the toolkit caches per word form (syllables, familiarity), which a corpus warms anyway.
    Both are emptied before every timed run; loaded dictionaries and models stay.
    """
    from toolkit.profile import table, words

    for fn in (table._form, words._syllables, words.is_familiar, words._gunning_candidate):
        fn.cache_clear()
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat"):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


def textstat_seven(texts: list[str]) -> None:
    import textstat

    for t in texts:
        textstat.flesch_reading_ease(t)
        textstat.flesch_kincaid_grade(t)
        textstat.gunning_fog(t)
        textstat.smog_index(t)
        textstat.coleman_liau_index(t)
        textstat.automated_readability_index(t)
        textstat.dale_chall_readability_score_v2(t)


def syllable_agreement(texts: list[str]) -> None:
    import re

    import pyphen

    from toolkit import profile
    from toolkit.text import TOKEN_PATTERN, is_word

    cmu = profile.words._cmu()
    hyph = pyphen.Pyphen(lang="en")
    token_re = re.compile(TOKEN_PATTERN)
    n = ours = pyph = 0
    for t in texts:
        for tok in token_re.findall(t):
            w = tok.lower()
            if not is_word(tok) or not w.isalpha() or w not in cmu:
                continue
            truth = cmu[w][0]
            n += 1
            ours += profile.words._guess(w) == truth
            pyph += len(hyph.positions(w)) + 1 == truth
    print(f"syllables on {n:,} dictionary word tokens: vowel-group fallback agrees with CMU on "
          f"{100 * ours / n:.1f} %, Pyphen hyphenation (textstat's fallback) on {100 * pyph / n:.1f} %")


def compare(texts: list[str], ids: list[str]) -> None:
    """Where the toolkit and textstat differ, measured on the same texts."""
    import textstat

    import toolkit as tk

    ours = tk.lexical_profile(pd_frame(texts, ids), progress=False)
    theirs = tk.lexical_profile(pd_frame(texts, ids), engine="textstat", progress=False)
    print(f"\ncomparison on {len(texts)} texts (mean over documents; toolkit vs textstat)")
    print(f"{'column':<30}{'toolkit':>10}{'textstat':>10}{'mean |diff|':>13}")
    for col in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                "coleman_liau_index", "automated_readability_index", "dale_chall"):
        a, b = ours[col], theirs[col]
        print(f"{col:<30}{a.mean():>10.2f}{b.mean():>10.2f}{(a - b).abs().mean():>13.2f}")
    sent = [textstat.sentence_count(t) for t in texts]
    words = [textstat.lexicon_count(t) for t in texts]
    syl = [textstat.syllable_count(t) for t in texts]
    chars = [textstat.char_count(t) for t in texts]
    print("counts, textstat / toolkit (mean ratio): "
          f"sentences {sum(s / o for s, o in zip(sent, ours['sentences'], strict=True)) / len(texts):.3f}, "
          f"words {sum(w / o for w, o in zip(words, ours['tokens'], strict=True)) / len(texts):.3f}, "
          f"syllables {sum(y / o for y, o in zip(syl, ours['syllables'], strict=True)) / len(texts):.3f}, "
          f"ARI characters {sum(c / o for c, o in zip(chars, ours['characters'], strict=True)) / len(texts):.3f}")
    # the Coleman–Liau constant alone: 0.0588 vs 0.058 times letters per 100 words
    big_l = 100 * ours["letters"] / ours["tokens"]
    print(f"Coleman–Liau: the constant 0.058 instead of 0.0588 alone lowers the index by "
          f"{(0.0008 * big_l).mean():.2f} on average (L = {big_l.mean():.0f} letters per 100 words)")


def pd_frame(texts: list[str], ids: list[str]):
    import pandas as pd

    return pd.DataFrame({"id": ids, "text": texts})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="megabytes of text to sample (default 4)")
    ap.add_argument("--every", type=int, default=7, help="take every n-th speech (default 7)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved repetitions; best and median reported")
    ap.add_argument("--syllables", action="store_true", help="also measure syllable-rule agreement with CMU")
    ap.add_argument("--compare", action="store_true", help="also compare every readability column with textstat")
    ap.add_argument("--cpu", action="store_true", help="time CPU seconds of this process instead of wall time")
    args = ap.parse_args(argv)
    if args.cpu:
        CLOCK[0] = time.process_time
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared corpora are not shipped with the project)")
        return 0

    import toolkit as tk
    from toolkit import langdata

    langdata.ensure()
    recs = sample(CORPUS, args.mb, args.every)
    texts = [r["text"] for r in recs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"sample: {len(texts)} UN General Debate speeches, {mb:.2f} MB (every {args.every}th speech)")
    # warm up: imports, CMU dictionary, Punkt model, textstat's word list
    tk.lexical_profile("Warm up the dictionaries. Then time.")
    textstat_seven(["Warm up the dictionaries. Then time it."])

    def fresh():  # documents without cached sentences or tokens
        return [tk.Document(r["text"], id=r["id"]) for r in recs]

    half = len(recs) // 2
    tasks = {
        "sentence splitting alone (Punkt)": lambda: [d.sentences for d in fresh()],
        "tk.lexical_profile (full profile)": lambda: tk.lexical_profile(fresh(), progress=False),
        "textstat, its seven formulas": lambda: textstat_seven(texts),
        "tk.keyness (half vs half)": lambda: tk.keyness(fresh()[:half], fresh()[half:]),
    }
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(args.repeat):  # interleaved, so that a burst of load hits every task alike
        for name, task in tasks.items():
            cold_caches()
            times[name].append(timed(task)[1])
    print(f"{'task':<40}{'best s':>8}{'best MB/s':>11}{'median MB/s':>13}")
    for name, secs in times.items():
        best, median = min(secs), sorted(secs)[len(secs) // 2]
        print(f"{name:<40}{best:>8.2f}{mb / best:>11.2f}{mb / median:>13.2f}")
    best_profile = min(times["tk.lexical_profile (full profile)"])
    best_textstat = min(times["textstat, its seven formulas"])
    ratio = best_textstat / best_profile
    print(f"full profile vs textstat's seven formulas (best of {args.repeat}): {ratio:.1f}x faster")
    print("(one process; timings on a shared machine are noisy)")
    if args.syllables:
        syllable_agreement(texts)
    if args.compare:
        compare(texts, [r["id"] for r in recs])
    return 0


if __name__ == "__main__":
    sys.exit(main())
