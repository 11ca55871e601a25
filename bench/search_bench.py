"""Benchmark: our Whoosh SearchIndex against SQLite FTS5 (trigram) on the same articles.

    python bench/search_bench.py CORPUS_DIR [-n 10000] [--queries FILE] [--procs 2]

CORPUS_DIR is made by shared/corpus/make_corpus.py (docs/ and manifest.json). Articles are
read with our importers before any timing starts; a file they refuse is skipped. Then, in
one run: (a) a full rebuild of our index and (b) an FTS5 trigram table with the same texts,
then 50+ mixed zh/en/ja/ko queries, top 20 with snippets, for both. Snippet text for our
index is read from a SQLite table by id, as the library does.

FTS5's trigram tokenizer cannot use its index for terms under three characters (most
Chinese words are two), so those terms become LIKE conditions, and a query made only of them
takes its snippet with substr()/instr() instead of snippet(): what an application using FTS5
would have to do.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.errors import ReaderError
from reader.importers import import_file
from reader.search import SearchDocument, SearchIndex

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


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


# Our index ----------------------------------------------------------------------------------


def build_ours(root: Path, docs: list[SearchDocument], procs: int, batch: int) -> SearchIndex:
    index = SearchIndex(root, rebuild_procs=procs, batch_size=batch)
    for _ in index.rebuild(iter(docs), len(docs)):
        pass
    return index


def library_texts(path: Path, docs: list[SearchDocument]) -> Callable[[int], tuple[str, str]]:
    """text_of backed by SQLite, like the library's article table."""
    db = sqlite3.connect(path, check_same_thread=False)
    db.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    db.executemany("INSERT INTO article VALUES (?, ?, ?)", ((d.id, d.title, d.body) for d in docs))
    db.commit()

    def text_of(doc_id: int) -> tuple[str, str]:
        row = db.execute("SELECT title, text FROM article WHERE id = ?", (doc_id,)).fetchone()
        return row[0], row[1]

    return text_of


# FTS5 ---------------------------------------------------------------------------------------


def build_fts(path: Path, docs: list[SearchDocument]) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='trigram')")
    db.execute("CREATE TABLE meta (rowid INTEGER PRIMARY KEY, language TEXT, site TEXT)")
    with db:
        db.executemany(
            "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
            ((d.id, d.title, d.body) for d in docs),
        )
        db.executemany(
            "INSERT INTO meta VALUES (?, ?, ?)",
            ((d.id, (d.language or "").lower(), d.site) for d in docs),
        )
    return db


_TERM = re.compile(r'(\w+:)?("[^"]*"|\S+)')


def fts_search(db: sqlite3.Connection, query: str) -> list[tuple[int, str]]:
    """The same query for FTS5: long terms in MATCH, short ones as LIKE, filters on meta."""
    match: list[str] = []
    where: list[str] = []
    args: list[str] = []
    short: list[str] = []
    for prefix, raw in _TERM.findall(query):
        text = raw.strip('"')
        if prefix == "lang:":
            where.append("meta.language LIKE ?")
            args.append(text.lower() + "%")
            continue
        column = "title" if prefix == "title:" else None
        if len(text.replace(" ", "")) >= 3:
            quoted = '"' + text.replace('"', '""') + '"'
            match.append(f"{column} : {quoted}" if column else quoted)
        else:
            like = f"%{text}%"
            if column:
                where.append("fts.title LIKE ?")
                args.append(like)
            else:
                where.append("(fts.title LIKE ? OR fts.body LIKE ?)")
                args += [like, like]
            short.append(text)
    joins = "FROM fts JOIN meta ON meta.rowid = fts.rowid"
    if match:
        sql = (
            f"SELECT fts.rowid, snippet(fts, 1, '[', ']', '…', 24) {joins} "
            f"WHERE fts MATCH ? {''.join(' AND ' + w for w in where)} ORDER BY rank LIMIT 20"
        )
        return db.execute(sql, [" AND ".join(match), *args]).fetchall()
    first = short[0] if short else ""
    sql = (
        f"SELECT fts.rowid, substr(fts.body, max(instr(fts.body, ?) - 40, 1), 120) {joins} "
        f"WHERE {' AND '.join(where) or '1'} LIMIT 20"
    )
    return db.execute(sql, [first, *args]).fetchall()


# Reporting ----------------------------------------------------------------------------------


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with docs/ and manifest.json")
    parser.add_argument("-n", type=int, default=10000, help="articles to load (10000)")
    parser.add_argument("--queries", type=Path, help="file of queries, one a line")
    parser.add_argument("--procs", type=int, default=2, help="processes for our rebuild (2)")
    parser.add_argument("--batch", type=int, default=2500, help="documents per process per batch")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
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

    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return run(work, docs, queries, args)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def run(
    work: Path, docs: list[SearchDocument], queries: list[str], args: argparse.Namespace
) -> int:
    ours_root = work / "whoosh"
    fts_path = work / "fts.sqlite"
    shutil.rmtree(ours_root, ignore_errors=True)
    fts_path.unlink(missing_ok=True)

    index: SearchIndex | None = None

    def build() -> None:
        nonlocal index
        index = build_ours(ours_root, docs, args.procs, args.batch)

    ours_time = timed(build)
    assert index is not None
    fts_db: sqlite3.Connection | None = None

    def build_other() -> None:
        nonlocal fts_db
        fts_db = build_fts(fts_path, docs)

    fts_time = timed(build_other)
    assert fts_db is not None
    ours_rate, fts_rate = len(docs) / ours_time, len(docs) / fts_time
    ours_size, fts_size = folder_size(ours_root), fts_path.stat().st_size

    text_of = library_texts(work / "library.sqlite", docs)
    ours_hits = sum(len(index.search(q, limit=20, text_of=text_of).hits) for q in queries)
    fts_hits = sum(len(fts_search(fts_db, q)) for q in queries)
    ours_times = time_queries(
        lambda q: index.search(q, limit=20, text_of=text_of), queries, args.rounds
    )
    fts_times = time_queries(lambda q: fts_search(fts_db, q), queries, args.rounds)
    (ours_p50, ours_p95), (fts_p50, fts_p95) = percentiles(ours_times), percentiles(fts_times)
    index.close()
    fts_db.close()

    print(
        f"\n{len(docs)} articles, {len(queries)} queries x {args.rounds} rounds, top 20 "
        f"with snippets; rebuild procs={args.procs}, batch={args.batch}, cpus={os.cpu_count()}"
    )
    print(f"{'':22}{'ours (Whoosh)':>16}{'SQLite FTS5':>16}{'ratio':>10}")
    print(f"{'indexing docs/s':22}{ours_rate:16.0f}{fts_rate:16.0f}{ours_rate / fts_rate:10.2f}")
    print(f"{'indexing seconds':22}{ours_time:16.1f}{fts_time:16.1f}")
    print(
        f"{'index size MB':22}{ours_size / 1e6:16.1f}{fts_size / 1e6:16.1f}"
        f"{ours_size / fts_size:10.2f}"
    )
    print(f"{'search p50 ms':22}{ours_p50:16.2f}{fts_p50:16.2f}{ours_p50 / fts_p50:10.2f}")
    print(f"{'search p95 ms':22}{ours_p95:16.2f}{fts_p95:16.2f}{ours_p95 / fts_p95:10.2f}")
    print(f"{'hits shown (sum)':22}{ours_hits:16d}{fts_hits:16d}")
    print(
        f"\ntargets: indexing ratio >= 0.30 ({'met' if ours_rate / fts_rate >= 0.3 else 'MISSED'})"
        f", search p95 <= FTS5's ({'met' if ours_p95 <= fts_p95 else 'MISSED'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
