"""Benchmark: the first search in a fresh process on a large library, ours against FTS5.

    python bench/first_query_bench.py build FOLDER CORPUS_DIR [-n 100000] [--chars 3000]
    python bench/first_query_bench.py measure FOLDER [--runs 3]

`build` makes, once, a real library in FOLDER/data (the corpus's articles, written straight
into SQLite and repeated with variations up to n: paragraphs rotated, cut to about --chars
characters, a number of their own) and its search index through the product's full rebuild,
plus an FTS5 trigram index of the same texts in FOLDER/fts.sqlite. `measure` reuses them:
for each query, in a new process each time,
  * open → results: from opening the index to the top 20 with snippets (imports excluded),
  * library: the same through the library service (opening the library included),
  * CLI: the wall time of `reader search QUERY` (interpreter start included),
  * FTS5: opening its database to the top 20 with snippets;
then query p50/p95 in one warm process over search_bench's queries, and the sizes on disk.
Figures are min/median/max over the runs and queries. Printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.article import content_hash
from reader.paths import DataPaths
from reader.search import SearchDocument
from reader.services.library import open_library
from search_bench import QUERIES, load_documents, percentiles, time_queries
from search_peers import Fts5, folder_size

FIRST_QUERIES = ("经济 发展", "database", "設定")


def variant(base: SearchDocument, number: int, copy: int, chars: int) -> SearchDocument:
    """A different article made from `base`: paragraphs rotated, cut, and numbered."""
    paragraphs = [p for p in base.body.split("\n") if p.strip()] or [base.body]
    turn = copy % len(paragraphs)
    text = "\n".join(paragraphs[turn:] + paragraphs[:turn])[:chars]
    title = base.title if copy == 0 else f"{base.title} ({copy})"
    return SearchDocument(
        id=number, title=title, body=f"{text}\nNo. {number}", language=base.language
    )


def build(folder: Path, corpus: Path, count: int, chars: int) -> None:
    base, _skipped = load_documents(corpus, 100_000)
    docs = [variant(base[n % len(base)], n + 1, n // len(base), chars) for n in range(count)]
    lib, _ = open_library(DataPaths(folder / "data"))
    now = "2026-01-01T00:00:00+00:00"
    with lib.db.transaction() as conn:
        for doc in docs:
            digest = content_hash(doc.title, doc.body)  # or every backup fails its check
            conn.execute(
                """INSERT INTO articles (id, title, language, encoding, source_hash,
                       content_hash, added, updated) VALUES (?, ?, ?, 'utf-8', ?, ?, ?, ?)""",
                (doc.id, doc.title, doc.language, digest, digest, now, now),
            )
            conn.execute(
                "INSERT INTO article_content (article_id, text, html) VALUES (?, ?, ?)",
                (doc.id, doc.body, ""),
            )
    started = time.perf_counter()
    for _ in lib.rebuild_search_index():
        pass
    print(f"ours: {count} articles indexed in {time.perf_counter() - started:.0f} s")
    lib.close()
    started = time.perf_counter()
    Fts5(folder).build(docs)
    print(f"FTS5: built in {time.perf_counter() - started:.0f} s")


def child(kind: str, folder: Path, query: str) -> None:
    """One fresh process's first query; prints the seconds it took."""
    started, cpu = time.perf_counter(), time.process_time()
    if kind == "open":
        from reader.search import SearchIndex
        from search_peers import TOP

        index = SearchIndex(DataPaths(folder / "data").index_root)
        lib_text = _library_text_of(folder)
        result = index.search(query, limit=TOP)
        index.snippets([h.id for h in result.hits], result.terms, lib_text)
    elif kind == "library":
        lib, _ = open_library(DataPaths(folder / "data"))
        result = lib.search(query)
        lib.snippets([h.id for h in result.hits], result.terms)
    else:
        fts = Fts5(folder)
        fts.open()
        fts.search(query)
    print(f"{time.perf_counter() - started:.4f} {time.process_time() - cpu:.4f}")


def cpu_times(run: Callable[[str], object], queries: list[str]) -> list[float]:
    """Seconds of CPU per query, after a warm-up round (time_queries measures wall time)."""
    for query in queries:
        run(query)
    times: list[float] = []
    for query in queries:
        start = time.process_time()
        run(query)
        times.append(time.process_time() - start)
    return times


def _library_text_of(folder: Path):  # type: ignore[no-untyped-def]
    import sqlite3

    db = sqlite3.connect(DataPaths(folder / "data").database)

    def text_of(doc_id: int) -> tuple[str, str] | None:
        sql = (
            "SELECT a.title, c.text FROM articles a JOIN article_content c "
            "ON c.article_id = a.id WHERE a.id = ?"
        )
        return db.execute(sql, (doc_id,)).fetchone()

    return text_of


def fresh(kind: str, folder: Path, query: str) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process's first query (CPU time is what a loaded
    machine inflates least)."""
    if kind == "cli":
        args = [sys.executable, "-m", "reader", "--data-dir", str(folder / "data")]
        before = _children_cpu()
        started = time.perf_counter()
        subprocess.run([*args, "search", query], check=True, capture_output=True)
        return time.perf_counter() - started, _children_cpu() - before
    args = [sys.executable, __file__, "--child", kind, str(folder), query]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    wall, cpu = out.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def spread(values: list[float]) -> str:
    return f"{min(values):.3f}/{statistics.median(values):.3f}/{max(values):.3f}"


def measure(folder: Path, runs: int, kinds: list[str]) -> None:
    print(f"load: {os.getloadavg()[0]:.2f} (2 cores, shared)")
    print(f"{'first query, s (min/median/max)':34}" + "".join(f"{q:>14}" for q in FIRST_QUERIES))
    for kind in (k for k in kinds if k != "warm"):
        cells = []
        walls: list[float] = []
        cpus: list[float] = []
        for query in FIRST_QUERIES:
            times = [fresh(kind, folder, query) for _ in range(runs)]
            walls += [wall for wall, _ in times]
            cpus += [cpu for _, cpu in times]
            cells.append(f"{statistics.median(wall for wall, _ in times):>14.3f}")
        print(f"{kind + ' (wall medians)':34}" + "".join(cells))
        print(f"{'':34}all: wall {spread(walls)}, CPU {spread(cpus)}")
    if "warm" in kinds:
        warm(folder)


def warm(folder: Path) -> None:
    from reader.search import SearchIndex

    index = SearchIndex(DataPaths(folder / "data").index_root)
    text_of = _library_text_of(folder)

    def ours(query: str) -> object:
        result = index.search(query, limit=20)
        return index.snippets([h.id for h in result.hits], result.terms, text_of)

    fts = Fts5(folder)
    fts.open()
    for name, run in (("ours", ours), ("FTS5", fts.search)):
        p50, p95 = percentiles(time_queries(run, QUERIES, 1))
        print(f"warm {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(QUERIES)} queries")
        p50, p95 = percentiles(cpu_times(run, QUERIES))
        print(f"warm {name}, CPU (less inflated by a loaded machine): p50 {p50:.1f}, p95 {p95:.1f}")
    index_mb = folder_size(DataPaths(folder / "data").index_root) / 1e6
    print(f"size: ours {index_mb:.0f} MB, FTS5 {folder_size(fts.path) / 1e6:.0f} MB")


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], Path(sys.argv[3]), sys.argv[4])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("build", "measure"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--kinds", default="open,library,cli,fts5,warm", help="what to measure (all of these)"
    )
    args = parser.parse_args()
    if args.action == "build":
        if args.corpus is None:
            parser.error("build needs CORPUS_DIR")
        build(args.folder, args.corpus, args.n, args.chars)
    else:
        measure(args.folder, args.runs, args.kinds.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
