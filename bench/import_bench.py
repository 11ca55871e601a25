"""Import speed: `Library.import_paths` against the extraction floor, in the same run.

    python bench/import_bench.py CORPUS_DIR [-n 2000] [--runs 3] [--big-mb 50]
    python bench/import_bench.py --synthetic [-n 2000] [--runs 3]

Each run times, on the same files:
  1. the floor: every file only read and decoded with our own decoders, and each HTML page's
     decoded text given to `trafilatura.extract`, one file after another in this process;
  2. a fresh import with `Library.import_paths` into a new library (search indexing included,
     as `reader import` does it);
  3. re-importing the same unchanged files into that library;
  4. re-importing them after every file's modification time changed (same bytes: each file
     is hashed, none should be extracted).
Figures are min / median / max over the runs; ratios are taken within each run. Targets
(issue "engine room", item 3): floor time / import time >= 1.0, unchanged re-import < 5% of
a fresh import. Once per invocation it also times reading + hashing the files (the I/O floor)
and one large text file, and reports the peak RSS.

CORPUS_DIR is a folder made by the corpus scripts (docs/ + manifest.json) or any folder.
`--synthetic` generates a mixed html/txt/md corpus instead; its figures say so.
"""

from __future__ import annotations

import argparse
import email
import hashlib
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

import trafilatura

from reader.errors import ImportFailed
from reader.importers import SUPPORTED_SUFFIXES, read_file
from reader.importers.encoding import decode_html, decode_text
from reader.paths import DataPaths
from reader.services.importing import BATCH_FILES, BATCH_S, extraction_processes
from reader.services.library import ImportStatus, Library

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})


def corpus_files(root: Path, limit: int) -> tuple[list[Path], list[Path]]:
    """The files to import and the paths to give `import_paths` for them.

    When the selection is the whole folder, the folder itself is imported (as a user would);
    otherwise the selected files are named one by one.
    """
    docs = root / "docs" if (root / "docs").is_dir() else root
    files = sorted(p for p in docs.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
    # An even spread keeps the mix of languages and formats of the whole corpus.
    step = max(1, len(files) // max(1, limit))
    chosen = files[::step][:limit]
    return chosen, ([docs] if len(chosen) == len(files) else chosen)


# --- the floor --------------------------------------------------------------------------------


def extract_one(path: Path) -> None:
    """What the floor does with one file: read, decode, and (HTML) extract the main text."""
    data = read_file(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        trafilatura.extract(decode_html(data)[0])
    elif suffix in MHTML_SUFFIXES:
        part = _html_part(email.message_from_bytes(data))
        payload = part.get_payload(decode=True) if part is not None else None
        if isinstance(payload, bytes):
            trafilatura.extract(decode_html(payload)[0])
    else:
        decode_text(data)


def _html_part(message: Message) -> Message | None:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (import workers) so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def floor(files: list[Path]) -> tuple[float, float, int]:
    """Seconds and CPU seconds to decode and extract every file; how many were refused."""
    refused = 0
    start, cpu = time.perf_counter(), cpu_seconds()
    for path in files:
        try:
            extract_one(path)
        except ImportFailed:
            refused += 1
    return time.perf_counter() - start, cpu_seconds() - cpu, refused


def io_floor(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        hashlib.sha256(path.read_bytes()).hexdigest()
    return time.perf_counter() - start


# --- Reader -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    seconds: float
    cpu: float = 0.0
    statuses: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)


def timed_import(paths: list[Path], data_dir: Path) -> Outcome:
    """One `import_paths` call, from opening the library to closing it."""
    statuses: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    start, cpu = time.perf_counter(), cpu_seconds()
    with Library(DataPaths(data_dir)) as lib:
        for result in lib.import_paths(paths):
            statuses[result.status.value] += 1
            if result.status is ImportStatus.FAILED:
                failures[f"{Path(result.path).suffix}: {result.reason}"] += 1
    return Outcome(time.perf_counter() - start, cpu_seconds() - cpu, statuses, failures)


def touch(files: Iterable[Path]) -> None:
    """A new modification time for every file, bytes unchanged (as `touch` does)."""
    now = time.time_ns()
    for path in files:
        # At least a second later, so that even a coarse file system sees the change.
        mtime = max(now, path.stat().st_mtime_ns + 1_000_000_000)
        os.utime(path, ns=(mtime, mtime))


@dataclass
class Run:
    floor: float
    floor_cpu: float
    refused: int
    fresh: Outcome
    unchanged: Outcome
    touched: Outcome


def one_run(files: list[Path], paths: list[Path], library: Path) -> Run:
    floor_s, floor_cpu, refused = floor(files)
    fresh = timed_import(paths, library)
    unchanged = timed_import(paths, library)
    touch(files)
    touched = timed_import(paths, library)
    shutil.rmtree(library, ignore_errors=True)
    return Run(floor_s, floor_cpu, refused, fresh, unchanged, touched)


def big_file(tmp: Path, megabytes: int) -> tuple[float, str]:
    para = "大型文本文件的导入速度测试,每一段都略有不同。The quick brown fox {n}.\n\n"
    path = tmp / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        n = 0
        while out.tell() < megabytes * 1024 * 1024:
            out.write(para.format(n=n))
            n += 1
    start = time.perf_counter()
    with Library(DataPaths(tmp / "big-lib")) as lib:
        # The file ends just past the size asked for: the limit is raised to match.
        status = lib.import_path(path, max_bytes=(megabytes + 1) * 1024 * 1024).status.value
    return time.perf_counter() - start, status


# --- a synthetic corpus, when the real one cannot be built ------------------------------------

_ZH = "经济发展改革开放人民政府国务院农民收入科技进步环境保护教育文化体育比赛城市建设"
_EN = ("the", "of", "and", "reader", "library", "import", "article", "search", "index", "fox")


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(_ZH) for _ in range(rng.randint(12, 40))) + "。"
    words = [rng.choice(_EN) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random) -> list[str]:
    return [
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        for _ in range(rng.randint(3, 25))
    ]


def _page(n: int, paras: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Article {n}</title>"
        f"<meta property='og:site_name' content='Synthetic'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Article {n}</h1>{body}</article>"
        f"<footer>Copyright Synthetic {n}</footer></body></html>"
    )


def synthetic_corpus(root: Path, count: int) -> None:
    """Mixed zh/en articles: about half HTML pages, a third plain text, the rest Markdown."""
    rng = random.Random(20_000)
    docs = root / "docs"
    docs.mkdir(parents=True)
    for n in range(count):
        paras = _paragraphs(rng)
        kind = rng.random()
        if kind < 0.5:
            (docs / f"{n:05}.html").write_text(_page(n, paras), encoding="utf-8")
        elif kind < 0.85:
            text = f"Article {n}\n2024-01-{n % 28 + 1:02}\n\n" + "\n\n".join(paras)
            (docs / f"{n:05}.txt").write_text(text, encoding="utf-8")
        else:
            text = f"---\ntitle: Article {n}\n---\n\n# Article {n}\n\n" + "\n\n".join(paras)
            (docs / f"{n:05}.md").write_text(text, encoding="utf-8")


# --- report -----------------------------------------------------------------------------------


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    """min / median / max of the runs."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return " / ".join(fmt.format(v) for v in (low, mid, high))


def report_header(label: str, files: list[Path], paths: list[Path], runs: int) -> None:
    megabytes = sum(p.stat().st_size for p in files) / 1024 / 1024
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (1/5/15 min) at start;")
    print("  the machine is shared with other jobs: figures are noisy, compare ratios")
    print(f"corpus: {label}")
    print(f"files: {len(files)} ({megabytes:.1f} MB) {dict(Counter(p.suffix for p in files))}")
    what = "the folder" if len(paths) == 1 and paths[0].is_dir() else "the files by name"
    print(f"import_paths is given {what}; {runs} runs; figures are min / median / max")
    print(
        f"Reader extracts in {extraction_processes()} worker processes and commits every "
        f"{BATCH_FILES} files or {BATCH_S} s; the floor uses this one process"
    )


def report_runs(files: list[Path], runs: list[Run]) -> None:
    first = runs[0]
    print(f"results (run 1): fresh {dict(first.fresh.statuses)}")
    print(f"  unchanged {dict(first.unchanged.statuses)}, touched {dict(first.touched.statuses)}")
    print(f"  refused by the decoders in the floor: {first.refused}")
    for reason, count in first.fresh.failures.most_common(10):
        print(f"  failed x{count}: {reason}")
    n = len(files)
    rows = [
        ("floor: decode + trafilatura", [r.floor for r in runs]),
        ("Reader: fresh import", [r.fresh.seconds for r in runs]),
        ("Reader: re-import unchanged", [r.unchanged.seconds for r in runs]),
        ("Reader: re-import touched", [r.touched.seconds for r in runs]),
    ]
    print(f"{'':30}{'seconds':>24}{'files/s':>26}")
    for name, seconds in rows:
        rates = [n / s for s in seconds]
        print(f"{name:30}{spread(seconds):>24}{spread(rates, '{:,.0f}'):>26}")
    fresh = [r.fresh.seconds for r in runs]
    speed = [r.floor / f for r, f in zip(runs, fresh, strict=True)]
    print(f"floor time / fresh import time (target >= 1.0): {spread(speed)}")
    # On a shared machine the phases meet different loads; CPU time does not depend on it.
    cores = os.cpu_count() or 1
    cpu = [r.floor_cpu / r.fresh.cpu for r in runs]
    print(
        f"CPU seconds: floor {spread([r.floor_cpu for r in runs])}, fresh import "
        f"{spread([r.fresh.cpu for r in runs])} (workers included); floor CPU / import CPU "
        f"{spread(cpu)}: on {cores} idle cores at most {spread([c * cores for c in cpu])}"
    )
    unchanged = [r.unchanged.seconds / f for r, f in zip(runs, fresh, strict=True)]
    touched = [r.touched.seconds / f for r, f in zip(runs, fresh, strict=True)]
    print(f"unchanged re-import / fresh import (target < 5%): {spread(unchanged, '{:.1%}')}")
    print(f"touched re-import / fresh import: {spread(touched, '{:.1%}')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("-n", type=int, default=2000, help="number of files (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each phase (default 3)")
    parser.add_argument("--big-mb", type=int, default=50, help="large file test, 0 to skip")
    parser.add_argument("--synthetic", action="store_true", help="generate a synthetic corpus")
    args = parser.parse_args()
    if (args.corpus is None) == (not args.synthetic):
        parser.error("give a CORPUS_DIR or --synthetic (not both)")
    tmp = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    try:
        return measure(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(args: argparse.Namespace, tmp: Path) -> int:
    if args.synthetic:
        synthetic_corpus(tmp / "synthetic", args.n)
        corpus, label = tmp / "synthetic", "SYNTHETIC (generated by this bench, not real articles)"
    else:
        corpus, label = args.corpus, f"{args.corpus} (real articles)"
    files, paths = corpus_files(corpus, args.n)
    if not files:
        print(f"no importable files under {corpus}", file=sys.stderr)
        return 2
    report_header(label, files, paths, args.runs)
    io_s = io_floor(files)  # also warms the page cache, so that no phase pays for the disk
    runs = [one_run(files, paths, tmp / "lib") for _ in range(args.runs)]
    report_runs(files, runs)
    print(f"I/O floor (read + sha256): {len(files) / io_floor(files):,.0f} files/s", end="")
    print(f" (first read, before the runs: {len(files) / io_s:,.0f})")
    if args.big_mb:
        took, status = big_file(tmp, args.big_mb)
        rate = took / args.big_mb
        print(f"large file {args.big_mb} MB: {took:.1f} s ({rate:.2f} s/MB), {status}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"peak RSS: {peak:.0f} MB; load average at the end: {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
