"""Article-body extraction: Reader's HTML importer against a public article-extraction benchmark.

    python bench/extraction_bench.py FOLDER [--only KEY ...] [--worst N] [--dump DIR]

FOLDER is a checkout of the Scrapinghub (Zyte) article-extraction benchmark: `html/` holds one
`KEY.html.gz` per page and `ground-truth.json` maps each KEY to {"articleBody": ..., "url": ...}.
Nothing of the benchmark is kept in this project: bring a checkout.

Every page is imported with Reader's HTML importer (`import_html`, the path `reader import`
takes; the importer has no way to be told a page's address, so the URL in the ground truth is
only printed) and its plain text is scored against `articleBody`; `trafilatura.extract` alone
on the same bytes is scored in the same run as the baseline.

The score is the benchmark's, written here from its definition: a text is split into word
tokens (runs of Unicode word characters, case kept), tokens into overlapping 4-grams ("shingles";
a text of fewer than four tokens is one shorter shingle), and the shingles of the two texts are
matched as multisets: true positives are shared shingles, false positives ours only, false
negatives expected only. Each page's three counts are divided by their sum, so that long pages
weigh no more than short ones. Precision is the mean over pages of tp/(tp+fp) (pages with
tp+fp > 0), recall the mean of tp/(tp+fn) (pages with tp+fn > 0), and F1 is the harmonic mean
of those two means (not the mean of per-page F1). The "±" is the standard deviation of each
figure over bootstrap resamples of the pages (1000, seeded). The worst pages by Reader's F1
follow the means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from reader.errors import ReaderError
from reader.importers.html import import_html

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
BOOTSTRAP = 1000

Counts = tuple[float, float, float]  # tp, fp, fn; each page's sum to 1


@dataclass
class PageResult:
    """One page's counts for Reader and for trafilatura alone."""

    key: str
    url: str
    ours: Counts
    baseline: Counts
    error: str | None = None


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def match(expected: str, predicted: str) -> Counts:
    """tp, fp, fn over shingles, normalized to sum to 1 (all zero when both are empty)."""
    want, got = shingles(expected), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(counts: Counts) -> float | None:
    """None for a page that has no shingle of ours: it is left out of the mean."""
    tp, fp, _fn = counts
    return tp / (tp + fp) if tp + fp > 0 else None


def recall(counts: Counts) -> float | None:
    """None for a page that expects no shingle: it is left out of the mean."""
    tp, _fp, fn = counts
    return tp / (tp + fn) if tp + fn > 0 else None


def page_f1(counts: Counts) -> float:
    p, r = precision(counts) or 0.0, recall(counts) or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(pages: Sequence[Counts]) -> tuple[float, float, float]:
    """F1, precision, recall as the benchmark aggregates them."""
    p = statistics.fmean(v for c in pages if (v := precision(c)) is not None)
    r = statistics.fmean(v for c in pages if (v := recall(c)) is not None)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def spreads(pages: Sequence[Counts], seed: int = 0) -> tuple[float, float, float]:
    """The bootstrap standard deviation of each of `figures`."""
    rng = random.Random(seed)
    samples = [figures(rng.choices(pages, k=len(pages))) for _ in range(BOOTSTRAP)]
    return tuple(statistics.stdev(s[i] for s in samples) for i in range(3))  # type: ignore[return-value]


def reader_text(data: bytes, key: str) -> str:
    return import_html(data, f"{key}.html").text


def score(folder: Path, key: str, entry: dict[str, str], dump: Path | None) -> PageResult:
    data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
    expected = entry.get("articleBody", "")
    baseline = trafilatura.extract(data) or ""
    result = PageResult(key, entry.get("url", ""), (0.0, 0.0, 1.0), match(expected, baseline))
    try:
        text = reader_text(data, key)
    except ReaderError as error:
        result.error, text = str(error), ""
    else:
        result.ours = match(expected, text)
    if dump is not None:
        for suffix, value in (("reader", text), ("expected", expected), ("trafilatura", baseline)):
            (dump / f"{key}.{suffix}.txt").write_text(value, encoding="utf-8")
    return result


def report(results: list[PageResult], worst: int) -> None:
    print(f"pages: {len(results)}, import failures: {sum(r.error is not None for r in results)}")
    print(f"{'':20} {'F1':15} {'precision':15} {'recall':15}")
    for name, pages in (
        ("Reader", [r.ours for r in results]),
        ("trafilatura alone", [r.baseline for r in results]),
    ):
        main, spread = figures(pages), spreads(pages)
        cells = "".join(f"{m:.4f} ± {s:.4f}  " for m, s in zip(main, spread, strict=True))
        print(f"{name:20} {cells}")
    print(f"\nworst {worst} pages by Reader's F1 (F1 P/R; trafilatura alone F1 P/R):")
    for r in sorted(results, key=lambda r: page_f1(r.ours))[:worst]:
        print(
            f"{r.key[:12]} {_cell(r.ours)}   trafilatura {_cell(r.baseline)}  {r.url[:70]}"
            + (f"  ERROR {r.error}" if r.error else "")
        )


def _cell(counts: Counts) -> str:
    p, r = precision(counts), recall(counts)
    return f"{page_f1(counts):.3f} {p or 0.0:.2f}/{r or 0.0:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="a checkout of the benchmark")
    parser.add_argument("--only", nargs="*", default=None, help="page keys (or prefixes)")
    parser.add_argument("--worst", type=int, default=15, help="how many worst pages to list")
    parser.add_argument("--dump", type=Path, default=None, help="write the texts to DIR")
    args = parser.parse_args(argv)
    truth_file = args.folder / "ground-truth.json"
    if not truth_file.is_file():
        print(f"no ground-truth.json in {args.folder}", file=sys.stderr)
        return 1
    truth: dict[str, dict[str, str]] = json.loads(truth_file.read_text(encoding="utf-8"))
    keys = sorted(truth)
    if args.only:
        keys = [k for k in keys if any(k.startswith(prefix) for prefix in args.only)]
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
    results = [score(args.folder, key, truth[key], args.dump) for key in keys]
    if not results:
        print("no pages to score", file=sys.stderr)
        return 1
    report(results, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
