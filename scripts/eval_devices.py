"""Score tk.devices on the shared annotated corpora and print Markdown tables.

    .venv/bin/python scripts/eval_devices.py            # analogy, PTC, chiasmus
    .venv/bin/python scripts/eval_devices.py --speed    # also time devices vs quotes on data/

Sections (each is skipped with a message when its corpus is absent):

* historical analogies — ``../shared/corpora/analogy/dev.jsonl``: sentence-level
  precision/recall, referent accuracy on true positives, confusion;
* PTC — ``../shared/corpora/ptc_semeval2020/dev.jsonl``: SemEval-2020 Task 11
  partial-overlap P/R/F1 per technique with support, under :data:`PTC_MAPPING`;
* chiasmus — ``../shared/corpora/chiasmus_europarl/dev.jsonl``: average precision
  of the antimetabole score over the annotated candidates.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import toolkit as tk
from toolkit.devices.repetition import chiasmus_score
from toolkit.evaluate.devices import (
    average_precision,
    precision_at,
    read_jsonl,
    score_analogy_sentences,
    score_spans,
)
from toolkit.text import token_spans

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"

#: our device name -> PTC (SemEval-2020 Task 11) technique
PTC_MAPPING = {
    "repetition": "Repetition",
    "anaphora": "Repetition",
    "epistrophe": "Repetition",
    "flag_waving": "Flag-Waving",
    "slogan": "Slogans",
    "thought_terminating_cliche": "Thought-terminating_Cliches",
    "black_and_white": "Black-and-White_Fallacy",
    "whataboutism": "Whataboutism,Straw_Men,Red_Herring",
    "historical_analogy": "Bandwagon,Reductio_ad_hitlerum",
}


def _f(x: float) -> str:
    return f"{x:.2f}"


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _skip(path: Path) -> bool:
    if not path.exists():
        print(f"skipped: {path} not found\n")
        return True
    return False


def analogy() -> None:
    path = CORPORA / "analogy" / "dev.jsonl"
    print("### Historical analogies (analogy/dev.jsonl, sentence level)\n")
    if _skip(path):
        return
    items = read_jsonl(path)
    res = score_analogy_sentences(items, lambda t: tk.devices(t, kinds="historical_analogy"))
    print(_table(
        ["items", "analogies", "TP", "FP", "FN", "precision", "recall", "F1", "referent right (of TP)"],
        [[len(items), res["tp"] + res["fn"], res["tp"], res["fp"], res["fn"], _f(res["precision"]),
          _f(res["recall"]), _f(res["f1"]), f"{_f(res['referent_accuracy'])} "
          f"({round(res['referent_accuracy'] * res['tp'])}/{res['tp']})"]],
    ))
    conf = res["confusion"]
    print("\nConfusion (rows: gold label, columns: prediction)\n")
    cols = list(conf.columns)
    print(_table(["gold \\ predicted", *cols], [[g, *[int(conf.loc[g, c]) for c in cols]] for g in conf.index]))
    rows = res["rows"]
    by_source = {it["cid"]: it["source"] for it in items}
    rows["source"] = rows["cid"].map(by_source)
    print("\nBy source (analogies found / gold analogies; false positives)\n")
    out = []
    for src, g in rows.groupby("source"):
        gold = g["gold"] == "analogy"
        out.append([src, f"{int((gold & g['predicted']).sum())}/{int(gold.sum())}",
                    int((~gold & g["predicted"]).sum())])
    print(_table(["source", "found", "false positives"], out))
    print()


def ptc() -> None:
    path = CORPORA / "ptc_semeval2020" / "dev.jsonl"
    print("### Propaganda techniques (ptc_semeval2020/dev.jsonl, SemEval-2020 Task 11 partial overlap)\n")
    if _skip(path):
        return
    records = read_jsonl(path)
    corpus = tk.load_corpus(path)
    t0 = time.perf_counter()
    df = tk.devices(corpus, kinds=list(PTC_MAPPING))
    elapsed = time.perf_counter() - t0
    gold = [(r["id"], s["start"], s["end"], s["technique"]) for r in records for s in r["spans"]]
    pred = [(d, s, e, PTC_MAPPING[k]) for d, s, e, k in df[["doc_id", "start", "end", "device"]].itertuples(
        index=False)]
    labels = sorted({g[3] for g in gold})
    scores = score_spans(gold, pred, labels=labels, min_support=10)
    mapped = set(PTC_MAPPING.values())
    rows = []
    for r in scores.itertuples(index=False):
        ours = ", ".join(k for k, v in PTC_MAPPING.items() if v == r.label) or ("—" if r.label in labels else "")
        rows.append([r.label, ours, r.support, r.predicted, _f(r.precision), _f(r.recall), _f(r.f1)])
    print(_table(["PTC technique", "our devices", "gold spans", "predicted", "P", "R", "F1"], rows))
    sub = score_spans(gold, pred, labels=sorted(mapped), min_support=10)
    micro = sub[sub["label"] == "micro"].iloc[0]
    print(f"\nOn the {len(mapped)} mapped techniques only: micro P {_f(micro.precision)}, R {_f(micro.recall)}, "
          f"F1 {_f(micro.f1)}. {len(records)} articles, {elapsed:.1f} s.\n")


def _word_index(spans: list[tuple[int, int]], offset: int) -> int | None:
    for i, (s, e) in enumerate(spans):
        if s <= offset < e:
            return i
    return None


def chiasmus() -> None:
    path = CORPORA / "chiasmus_europarl" / "dev.jsonl"
    print("### Chiasmus / antimetabole (chiasmus_europarl/dev.jsonl, ranking the annotated candidates)\n")
    if _skip(path):
        return
    scores: list[float] = []
    labels: list[str] = []
    for rec in read_jsonl(path):
        text = rec["text"]
        spans = [(s, e) for s, e in token_spans(text) if text[s:e][:1].isalnum() or text[s:e][:1] == "_"]
        words = [text[s:e].lower() for s, e in spans]
        for c in rec["candidates"]:
            if c["label"] not in ("True", "False", "Borderline"):
                continue
            idx = None if c["A"] is None else [_word_index(spans, c[k]["start"]) for k in "ABCD"]
            ok = idx is not None and None not in idx and idx[0] < idx[1] < idx[2] < idx[3]
            scores.append(chiasmus_score(words, *idx) if ok else float("-inf"))
            labels.append(c["label"])
    strict = [x == "True" for x in labels]
    lenient = [x in ("True", "Borderline") for x in labels]
    rows = [
        ["strict (True)", sum(strict), _f(average_precision(scores, strict)), _f(sum(strict) / len(labels)),
         _f(precision_at(scores, strict, 10)), _f(precision_at(scores, strict, 20))],
        ["lenient (True + Borderline)", sum(lenient), _f(average_precision(scores, lenient)),
         _f(sum(lenient) / len(labels)), _f(precision_at(scores, lenient, 10)), _f(precision_at(scores, lenient, 20))],
    ]
    print(_table(["positives", "n", "average precision", "chance (prevalence)", "P@10", "P@20"], rows))
    print(f"\n{len(labels)} candidates (True/False/Borderline; Duplicate and Other left out).\n")


def speed(repeats: int = 3) -> None:
    path = ROOT / "data" / "wikinews_en_2019_2020.jsonl"
    print(f"### Speed (data/wikinews_en_2019_2020.jsonl, one process, best of {repeats} interleaved runs)\n")
    if _skip(path):
        return
    docs = list(tk.load_corpus(path))
    best: dict[str, float] = {}
    for _ in range(repeats):
        for name, fn in [("quotes", tk.quotes), ("devices", tk.devices)]:
            corpus = tk.Corpus.from_documents([tk.Document(d.text, id=d.id) for d in docs])  # cold caches
            t0 = time.perf_counter()
            fn(corpus, progress=False)
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t0)
    print(_table(["extractor", "documents", "seconds", "ratio to quotes"],
                 [[k, len(docs), f"{v:.2f}", f"{v / best['quotes']:.2f}"] for k, v in best.items()]))
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--speed", action="store_true", help="also time tk.devices against tk.quotes")
    args = ap.parse_args(argv)
    analogy()
    ptc()
    chiasmus()
    if args.speed:
        speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
