"""Adversarial inputs in linear time: double the size, report the time ratio.

For every extractor in the contract registry (``tests/test_contract.py``) and
every adversarial input, the extractor runs on a text of ``--size`` bytes and
on one twice as long; the ratio of the two times is about 2 for linear work
and about 4 for quadratic work. Each measurement runs in a forked child with a
time limit, so one runaway pattern cannot hang the benchmark (it is reported
as ``>limit``).

Inputs (each built from the seed article's vocabulary, nothing external):

* ``quote marks``: alternating quote characters (ASCII, typographic, guillemets);
* ``no punctuation``: words and spaces only, no punctuation, no line break;
* ``one paragraph``: the seed article's sentences repeated without a line break;
* ``nested quotes``: 10⁵ levels of quotes opened inside quotes, then closed;
* ``names``: ``"Sergei Lavrov, "`` repeated (10⁵ times at the default size);
* ``far labels``: two transcript labels (``Sergei Lavrov: …``) with every other paragraph between them
  (a turn's run-on must not be re-counted for each paragraph).

Usage::

    .venv/bin/python scripts/bench_linearity.py            # 1 MB vs 2 MB, every extractor
    .venv/bin/python scripts/bench_linearity.py --size 200000 --only quotes devices

Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("TOOLKIT_QUIET", "1")


def _registry():
    spec = importlib.util.spec_from_file_location("_contract", ROOT / "tests" / "test_contract.py")
    module = sys.modules["_contract"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.EXTRACTORS


def _vocabulary() -> list[str]:
    text = (ROOT / "data" / "lavrov_2015_afp.txt").read_text(encoding="utf-8")
    words = ["".join(ch for ch in w if ch.isalpha()) for w in text.split()]
    return [w for w in words if w]


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def quote_marks(size: int) -> str:
    return _fill("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e`", size)


def no_punctuation(size: int) -> str:
    return _fill(" ".join(_vocabulary()) + " ", size)


def one_paragraph(size: int) -> str:
    text = (ROOT / "data" / "lavrov_2015_afp.txt").read_text(encoding="utf-8")
    return _fill(" ".join(text.split()) + " ", size)


def nested_quotes(size: int) -> str:
    # 10^5 levels at the default size (about 1.1 MB): “he said ‘he said "he said … no"’”
    levels = max(1, size // 10)
    marks = ("\u201c", "\u201d"), ("\u2018", "\u2019"), ('"', '"'), ("'", "'")
    opens = "".join(f"{marks[i % 4][0]}he said " for i in range(levels))
    closes = "".join(marks[i % 4][1] for i in reversed(range(levels)))
    return opens + "no" + closes


def names(size: int) -> str:
    # 10^5 names at the default size (1.5 MB)
    return "Sergei Lavrov, " * max(1, size // 10)


def far_labels(size: int) -> str:
    text = (ROOT / "data" / "lavrov_2015_afp.txt").read_text(encoding="utf-8")
    middle = "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())
    body = _fill(middle + "\n\n", max(1, size - 200))
    return f"Sergei Lavrov: We will act now.\n\n{body}\n\nJohn Kerry: We agree with that plan.\n\n"


INPUTS: dict[str, Callable[[int], str]] = {
    "quote marks": quote_marks,
    "no punctuation": no_punctuation,
    "one paragraph": one_paragraph,
    "nested quotes": nested_quotes,
    "names": names,
    "far labels": far_labels,
}


def _child(conn, ext_name: str, text: str) -> None:  # pragma: no cover - runs in a fork
    import toolkit as tk

    ext = next(e for e in _registry() if e.name == ext_name)
    doc = tk.Document(text, id="bench")
    start = time.perf_counter()
    try:
        rows = len(ext(doc))
        conn.send((time.perf_counter() - start, rows, None))
    except Exception as exc:  # reported in the table, not hidden
        conn.send((time.perf_counter() - start, 0, f"{type(exc).__name__}: {exc}"[:80]))


def measure(ext_name: str, text: str, limit: float, repeat: int = 1) -> tuple[float | None, int, str | None]:
    """The fastest of ``repeat`` runs (each in a fresh fork): the minimum is the least disturbed by other load."""
    best: tuple[float | None, int, str | None] = (None, 0, None)
    for _ in range(repeat):
        t, rows, err = _measure_once(ext_name, text, limit)
        if t is None or err:
            return t, rows, err
        if best[0] is None or t < best[0]:
            best = (t, rows, err)
    return best


def _measure_once(ext_name: str, text: str, limit: float) -> tuple[float | None, int, str | None]:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, ext_name, text))
    proc.start()
    child.close()
    if parent.poll(limit):
        result = parent.recv()
        proc.join()
        return result
    proc.kill()
    proc.join()
    return None, 0, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of the smaller input (default 1 MB)")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds allowed per run")
    parser.add_argument("--only", nargs="*", help="extractor names (default: all)")
    parser.add_argument("--inputs", nargs="*", choices=list(INPUTS), help="inputs (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is reported")
    args = parser.parse_args(argv)

    import toolkit as tk

    extractors = [e for e in _registry() if not args.only or e.name in args.only]
    warm = tk.load(ROOT / "data" / "lavrov_2015_afp.txt")
    for ext in extractors:  # load models and lexicons before forking, so they are not timed
        ext(warm)
    inputs = {k: v for k, v in INPUTS.items() if not args.inputs or k in args.inputs}
    print(f"Linearity: time(2n) / time(n), n = {args.size:,} characters; "
          f"~2 is linear, ~4 quadratic (fastest of {args.repeat}, limit {args.limit:g} s per run)\n")
    print("| extractor | input | t(n) s | t(2n) s | ratio | rows(2n) |")
    print("|---|---|---:|---:|---:|---:|")
    worst = 0.0
    for ext in extractors:
        for label, make in inputs.items():
            small, large = make(args.size), make(2 * args.size)
            t1, _, err1 = measure(ext.name, small, args.limit, args.repeat)
            t2, rows, err2 = (None, 0, None) if t1 is None else measure(ext.name, large, args.limit, args.repeat)
            if err1 or err2:
                cells = ["error", "", "", err1 or err2]
            elif t1 is None or t2 is None:
                cells = [f">{args.limit:g}" if t1 is None else f"{t1:.2f}", f">{args.limit:g}", "timeout", ""]
            else:
                ratio = t2 / t1 if t1 > 0 else float("nan")
                worst = max(worst, ratio if t2 > 0.05 else 0.0)  # ratios of tiny times are noise
                cells = [f"{t1:.2f}", f"{t2:.2f}", f"{ratio:.2f}", f"{rows:,}"]
            print(f"| {ext.name} | {label} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nworst ratio (runs over 0.05 s): {worst:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
