"""Import speed: files/s and MB/s of `Library.import_paths` on a real corpus.

Baseline in the same run: reading the same files and hashing them (the I/O floor), so the
ratio says how much of the import is our own work. Also imports one large synthetic text file
to check the per-megabyte cost, and reports the peak RSS.

    python bench/import_bench.py CORPUS_DIR [-n 2000]

CORPUS_DIR is a folder made by the corpus scripts (docs/ + manifest.json) or any folder.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from reader.importers import SUPPORTED_SUFFIXES
from reader.library import ImportStatus, Library
from reader.paths import DataPaths


def corpus_files(root: Path, limit: int) -> list[Path]:
    docs = root / "docs" if (root / "docs").is_dir() else root
    files = sorted(p for p in docs.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
    # An even spread keeps the mix of languages and formats of the whole corpus.
    step = max(1, len(files) // max(1, limit))
    return files[::step][:limit]


def baseline(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        hashlib.sha256(path.read_bytes()).hexdigest()
    return time.perf_counter() - start


def timed_import(files: list[Path], data_dir: Path) -> tuple[float, Counter[str], Counter[str]]:
    statuses: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    start = time.perf_counter()
    with Library(DataPaths(data_dir)) as lib:
        for path in files:
            result = lib.import_path(path)
            statuses[result.status.value] += 1
            if result.status is ImportStatus.FAILED:
                failures[f"{path.suffix}: {result.reason}"] += 1
    return time.perf_counter() - start, statuses, failures


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
        status = lib.import_path(path).status.value
    return time.perf_counter() - start, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=2000, help="number of files (default 2000)")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the large file test")
    args = parser.parse_args()
    files = corpus_files(args.corpus, args.n)
    if not files:
        print(f"no importable files under {args.corpus}", file=sys.stderr)
        return 2
    megabytes = sum(p.stat().st_size for p in files) / 1024 / 1024
    tmp = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    try:
        base = baseline(files)
        took, statuses, failures = timed_import(files, tmp / "lib")
        big_took, big_status = big_file(tmp, args.big_mb)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    by_suffix = Counter(p.suffix.lower() for p in files)
    print(f"files: {len(files)} ({megabytes:.1f} MB) {dict(by_suffix)}")
    print(f"results: {dict(statuses)}")
    for reason, count in failures.most_common(10):
        print(f"  failed x{count}: {reason}")
    print(f"baseline read+sha256: {len(files) / base:,.0f} files/s")
    print(
        f"import:               {len(files) / took:,.1f} files/s, {megabytes / took:.2f} MB/s, "
        f"{1000 * took / len(files):.1f} ms/file"
    )
    print(f"ratio import/baseline time: {took / base:,.1f}x")
    print(
        f"large file {args.big_mb} MB: {big_took:.1f} s ({big_took / args.big_mb:.2f} s/MB), "
        f"{big_status}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
