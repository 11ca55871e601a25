"""Saving a note on a long article, and reading the library while another connection writes.

    python bench/annotation_bench.py [--chars 800000] [--saves 15]

Printed, min / median / max:

  * saving an article note on an article of `--chars` characters, the whole operation as the
    window and the CLI run it (`Library.annotations.set_note`: the write, its change-log row,
    and bringing the search index up to it, which re-indexes only the note's field);
  * the baseline, in the same run: the durable write alone, one row updated and committed in
    a SQLite file with the library's settings (WAL, synchronous FULL);
  * a read of the article list while another connection holds a write transaction open for a
    second (WAL readers never wait for the writer), against the same read with no writer.

Target (issue "engine room", item 5): a saved note is searchable in < 20 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path

from reader.core.article import Article
from reader.paths import DataPaths
from reader.services.library import Library, open_library

SENTENCE = "港口的灯塔在冬夜里亮到天明，守夜人记下每一盏灯的时刻。The keeper logs every lamp. "


def row(label: str, ms: list[float]) -> str:
    low, mid, high = min(ms), statistics.median(ms), max(ms)
    return f"{label:<52} {low:8.1f} {mid:8.1f} {high:8.1f} ms"


def long_article(chars: int) -> Article:
    paragraphs, size = [], 0
    while size < chars:
        paragraph = SENTENCE * 12
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text = "\n\n".join(paragraphs)[:chars]
    html = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return Article(title="Long article", text=text, html=html, language="zh")


def note_saves(library: Library, article_id: int, saves: int) -> list[float]:
    times = []
    for number in range(saves):
        word = f"lighthouse{number}keeper"
        start = time.perf_counter()
        library.annotations.set_note(article_id, f"A note about the pier, {word}.")
        times.append((time.perf_counter() - start) * 1000)
        found = library.search(word)
        assert [hit.id for hit in found.hits] == [article_id], "the note is not found"
    return times


def durable_writes(folder: Path, saves: int) -> list[float]:
    connection = sqlite3.connect(folder / "baseline.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.execute("INSERT INTO notes VALUES (1, '')")
    times = []
    for number in range(saves):
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE notes SET text = ? WHERE id = 1", (f"note {number}",))
        connection.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    connection.close()
    return times


def reads(library: Library, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        library.list_articles()
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.02)
    return times


def reads_behind_a_writer(library: Library, database: Path) -> list[float]:
    """List reads while another connection holds a write transaction for a second."""
    holding = threading.Event()

    def writer() -> None:
        connection = sqlite3.connect(database, isolation_level=None, timeout=30)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE articles SET title = title WHERE id = 1")
        holding.set()
        time.sleep(1.0)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    holding.wait(10)
    times = reads(library, 20)
    thread.join()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=800_000)
    parser.add_argument("--saves", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        library, _recovery = open_library(DataPaths(folder / "library"))
        try:
            result = library.add_article(long_article(args.chars))
            assert result.article_id is not None
            library.update_search_index()
            library.annotations.set_note(result.article_id, "warming up")
            saves = note_saves(library, result.article_id, args.saves)
            baseline = durable_writes(folder, args.saves)
            quiet = reads(library, 20)
            behind = reads_behind_a_writer(library, library.paths.database)
        finally:
            library.close()
    print(f"{'':<52} {'min':>8} {'median':>8} {'max':>8}")
    print(row(f"save a note, {args.chars:,}-character article", saves))
    print(row("baseline: the durable write alone", baseline))
    print(row("list the articles, no writer", quiet))
    print(row("list the articles, a writer holding 1 s", behind))


if __name__ == "__main__":
    main()
