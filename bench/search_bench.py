"""Benchmark: our search against SQLite FTS5 (trigram) and tantivy on the same articles.

    python bench/search_bench.py CORPUS_DIR [-n 2000] [--runs 3] [--queries FILE]

CORPUS_DIR is made by shared/corpus/make_corpus.py (docs/ and manifest.json). Articles are
read with our importers before any timing starts; a file they refuse is skipped. Each run
builds the three indexes of the same texts and measures, for each engine: build rate, size,
query p50/p95 over 60+ mixed zh/en/ja/ko queries (top 20 and a snippet for each of the 20),
the first query in a fresh process (opening the index included), and the recall of
one-character CJK queries against a substring scan. Figures are min/median/max of the runs.

tantivy is a bench extra (`pip install article-reader[bench]`); without it, its column is
left out. Snippet text for our index is read from a SQLite table by id, as the library does.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.importers import import_file
from reader.search import SearchDocument
from reader.search.analysis import fold
from search_peers import ENGINES, tantivy_available

# Mixed queries, one a line: plain words, several words, quoted phrases, field filters. Written
# for the shared corpus (People's Daily 1998, LibreOffice help, Python and PostgreSQL manuals,
# man pages, Debian guides, Moby-Dick, State of the Union addresses, the Brown corpus).
QUERIES = """
经济
中国
改革开放
人民币
国务院
香港
农民 收入
经济 发展
"社会主义市场经济"
中华人民共和国
领导干部
体育 比赛
足球
国有企业 改革
环境保护
科技 进步
文件
命令行
配置文件
软件包
安装 系统
"数据 库"
檔案
資料庫
設定 選項
軟體套件
伺服器
東京
ファイル
設定
データベース
インストール
日本語
表示 形式
コマンド
파일
설정
데이터베이스
python
database
"regular expression"
whale
"moby dick"
president congress
economy
installation
apache configuration
server
"state of the union"
freedom
runners
kernel module
function argument
unicode string
title:经济
title:python
lang:ja 設定
lang:en database
lang:zh 经济
lang:ko 파일
title:database lang:en
table index
"the old man"
sea captain
""".strip().splitlines()


def load_documents(corpus: Path, limit: int) -> tuple[list[SearchDocument], int]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    docs: list[SearchDocument] = []
    skipped = 0
    for entry in manifest["docs"][:limit]:
        try:
            article = import_file(corpus / entry["path"])
        except ReaderError:
            skipped += 1
            continue
        docs.append(
            SearchDocument(
                id=len(docs) + 1,
                title=article.title,
                body=article.text,
                section=article.section,
                site=article.site,
                author=article.author,
                language=article.language or entry.get("language"),
                published=article.published,
            )
        )
    return docs, skipped


# One-character queries: Han (both scripts for ours), hangul, Han, hiragana.
ONE_CHARS = ("国", "한", "猫", "の")
FIRST_QUERY = "经济 发展"


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def time_queries(run: Callable[[str], object], queries: list[str], rounds: int) -> list[float]:
    for query in queries:  # warm-up: caches, lazily opened files
        run(query)
    times: list[float] = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            run(query)
            times.append(time.perf_counter() - start)
    return times


def first_query(engine: str, folder: Path) -> float:
    """Seconds from a fresh process's start of work to its first answer (with snippets)."""
    args = [sys.executable, __file__, "--first-query", engine, str(folder)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def first_query_child(engine: str, folder: Path) -> None:
    start = time.perf_counter()
    peer = ENGINES[engine](folder)
    peer.open()
    peer.search(FIRST_QUERY)
    print(f"{time.perf_counter() - start:.4f}")


def recall(docs: list[SearchDocument], peer: Any, char: str) -> tuple[float, int]:
    """Share of the documents holding `char` (a substring scan) that `peer` finds."""
    scan = {d.id for d in docs if char in d.title or char in d.body}
    found = peer.containing(char, len(docs) + 1)
    return (len(found & scan) / len(scan) if scan else 1.0), len(scan)


def measure(
    name: str, folder: Path, docs: list[SearchDocument], queries: list[str], args: Any
) -> dict[str, float]:
    """One run of one engine: build, size, query times, first query in a new process."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    peer = ENGINES[name](folder)
    if name == "ours":
        from search_peers import library_texts

        library_texts(folder / "library.sqlite", docs)
    start = time.perf_counter()
    peer.build(docs)
    built = time.perf_counter() - start
    peer.open()
    p50, p95 = percentiles(time_queries(peer.search, queries, args.rounds))
    figures = {
        "build docs/s": len(docs) / built,
        "index size MB": peer.size() / 1e6,
        "query p50 ms": p50,
        "query p95 ms": p95,
        "hits shown": float(sum(len(peer.search(q)) for q in queries)),
        # FTS5 cannot rank a query of only 1-2 character terms (most Chinese words): its
        # timing of those is a LIKE scan stopping at the 20th row, no ranking.
        "queries ranked": float(sum(peer.ranks(q) for q in queries)),
    }
    peer.close()
    figures["first query s"] = first_query(name, folder)
    return figures


def spread(values: list[float]) -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    digits = 0 if mid >= 100 else 1 if mid >= 10 else 2 if mid >= 0.1 else 3
    return f"{low:.{digits}f}/{mid:.{digits}f}/{high:.{digits}f}"


def report(results: dict[str, list[dict[str, float]]], recalls: dict[str, list[str]]) -> None:
    names = list(results)
    print(f"\n{'min/median/max':18}" + "".join(f"{ENGINES[n].name:>24}" for n in names))
    for metric in results[names[0]][0]:
        row = "".join(f"{spread([run[metric] for run in results[n]]):>24}" for n in names)
        print(f"{metric:18}{row}")
    print("\n1-char recall vs a substring scan (documents holding it)")
    for index, char in enumerate(ONE_CHARS):
        row = "".join(f"{recalls[n][index]:>24}" for n in names)
        print(f"{char:18}{row}")
    ours, fts = medians(results["ours"]), medians(results["fts5"])
    checks = [
        ("query p50 <= FTS5's", ours["query p50 ms"] <= fts["query p50 ms"]),
        ("index size <= FTS5's", ours["index size MB"] <= fts["index size MB"]),
    ]
    if "tantivy" in results:
        tan = medians(results["tantivy"])
        checks.append(("query p95 <= tantivy's", ours["query p95 ms"] <= tan["query p95 ms"]))
    checks.append(("first query < 0.2 s", ours["first query s"] < 0.2))
    told = "; ".join(f"{target} {'met' if ok else 'MISSED'}" for target, ok in checks)
    print(f"\ntargets (medians): {told}")


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {metric: statistics.median(run[metric] for run in runs) for metric in runs[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with docs/ and manifest.json")
    parser.add_argument("-n", type=int, default=2000, help="articles to load (2000)")
    parser.add_argument("--queries", type=Path, help="file of queries, one a line")
    parser.add_argument("--runs", type=int, default=3, help="runs of everything (3)")
    parser.add_argument("--rounds", type=int, default=1, help="timed passes per run (1)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--first-query"]:  # the process first_query() starts
        first_query_child(argv[1], Path(argv[2]))
        return 0
    args = parser.parse_args(argv)

    queries = QUERIES
    if args.queries:
        queries = [q for q in args.queries.read_text(encoding="utf-8").splitlines() if q.strip()]
    started = time.perf_counter()
    docs, skipped = load_documents(args.corpus, args.n)
    chars = sum(len(d.body) + len(d.title) for d in docs)
    print(
        f"loaded {len(docs)} articles ({chars / 1e6:.1f} M characters, {skipped} skipped) "
        f"in {time.perf_counter() - started:.1f} s (not timed)"
    )
    names = ["ours", "fts5"] + (["tantivy"] if tantivy_available() else [])
    if "tantivy" not in names:
        print("tantivy is not installed (pip install article-reader[bench]): left out")
    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        run_all(work, docs, queries, names, args)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def run_all(
    work: Path, docs: list[SearchDocument], queries: list[str], names: list[str], args: Any
) -> None:
    results: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for number in range(1, args.runs + 1):
        for name in names:
            results[name].append(measure(name, work / name, docs, queries, args))
        print(f"run {number} of {args.runs} done", flush=True)
    recalls: dict[str, list[str]] = {}
    for name in names:
        peer = ENGINES[name](work / name)
        peer.open()
        recalls[name] = []
        for char in ONE_CHARS:
            share, held = recall(docs, peer, char)
            recalls[name].append(f"{share:.3f} of {held}")
        peer.close()
    print(
        f"\n{len(docs)} articles, {len(queries)} queries x {args.rounds} round(s) per run, "
        f"{args.runs} runs; top 20 with a snippet each; first query: {FIRST_QUERY!r} in a new "
        "process, opening included"
    )
    report(results, recalls)
    both_scripts(work / "ours", docs)


def both_scripts(folder: Path, docs: list[SearchDocument]) -> None:
    """Ours folds Traditional to Simplified: 國 and 国 find the same articles."""
    peer = ENGINES["ours"](folder)
    peer.open()
    for char in ("國", "貓"):
        scan = {d.id for d in docs if fold(char) in fold(d.title + " " + d.body)}
        found = peer.containing(char, len(docs) + 1)
        share = len(found & scan) / len(scan) if scan else 1.0
        print(f"ours, {char} vs a scan for {char} or {fold(char)}: {share:.3f} of {len(scan)}")
    peer.close()


if __name__ == "__main__":
    sys.exit(main())
