"""Sync speed: first sync of a whole library (folder and WebDAV), one highlight's way to the
other device's database, and applying a library's records on a new device.

    python bench/sync_bench.py [-n 10000] [--latency-n 100000] [--runs 3] [--webdav-runs 1]

The library is written straight into SQLite (the importers are timed by import_bench.py), with
short mixed English/Chinese articles (~1.5 KB of text and its HTML). Timings are of the sync
service alone: the search index, which sync_now also brings up to date, is left out. The
WebDAV server is the tests' WsgiDAV on 127.0.0.1 (a separate process). Printed, not asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' WebDAV server

from tests.webdav import PASSWORD, USER, Server, free_port

from reader.paths import DataPaths
from reader.services.library import Library

EN = "The fishing boats leave before sunrise, and by seven the quay is quiet again. "
ZH = "湖畔小城迎来了第十届国际风筝节，来自三十多个国家和地区的队伍参加比赛。"


def fill(lib: Library, count: int) -> None:
    """`count` articles, written in one transaction as an import would leave them."""
    now = "2026-01-01T00:00:00+00:00"
    with lib.db.transaction() as conn:
        for n in range(count):
            text = f"Article {n}\n\n" + (EN + ZH) * 8 + f" {n}"
            digest = hashlib.sha256(text.encode()).hexdigest()
            cur = conn.execute(
                """INSERT INTO articles (title, language, encoding, source_hash, content_hash,
                       added, updated) VALUES (?, 'en', 'utf-8', ?, ?, ?, ?)""",
                (f"Article {n}", digest, digest, now, now),
            )
            html = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            conn.execute(
                "INSERT INTO article_content (article_id, text, html) VALUES (?, ?, ?)",
                (cur.lastrowid, text, html),
            )


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def row(label: str, values: list[float], unit: str = "s") -> str:
    return (
        f"{label:46} {min(values):9.3f} {statistics.median(values):9.3f} {max(values):9.3f} {unit}"
    )


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def first_sync_folder(root: Path, count: int, runs: int) -> tuple[list[float], int, int]:
    times, files, size = [], 0, 0
    for run in range(runs):
        lib = Library(DataPaths(root / f"folder-lib-{run}"))
        fill(lib, count)
        lib.sync.setup(root / f"Sync-{run}", "bench")
        times.append(timed(lib.sync.now))
        files, size = size_of(root / f"Sync-{run}")
        lib.close()
    return times, files, size


def first_sync_webdav(root: Path, count: int, runs: int) -> tuple[list[float], int, int]:
    times, files, size = [], 0, 0
    os.environ["READER_SYNC_PASSWORD"] = PASSWORD
    for run in range(runs):
        share = root / f"dav-{run}"
        share.mkdir()
        server = Server(share, free_port())
        server.start()
        try:
            lib = Library(DataPaths(root / f"dav-lib-{run}"))
            fill(lib, count)
            lib.sync.setup(server.url, "bench", user=USER)  # password from the environment
            times.append(timed(lib.sync.now))
            files, size = size_of(share)
            lib.close()
        finally:
            server.kill()
    return times, files, size


def apply_everything(root: Path, count: int, runs: int) -> tuple[list[float], int]:
    """A new device joins and applies every record of a `count`-article library."""
    source = Library(DataPaths(root / "apply-source"))
    fill(source, count)
    source.sync.setup(root / "ApplySync", "bench")
    source.sync.now()
    library = source.sync.status().library
    source.close()
    times, records = [], 0
    for run in range(runs):
        lib = Library(DataPaths(root / f"apply-{run}"))
        lib.sync.join(library, root / "ApplySync", "bench")
        started = time.perf_counter()
        report = lib.sync.now()
        times.append(time.perf_counter() - started)
        records = report.applied_records
        lib.close()
    return times, records


def in_step(root: Path, count: int) -> tuple[Library, Library, Path]:
    """Two devices holding the same `count`-article library. The second is a copy of the
    first that has applied the first's files (the state a join leaves, without replaying a
    large library once more); the copy mints its own device id."""
    folder = root / "LatencySync"
    first = Library(DataPaths(root / "latency-a"))
    fill(first, count)
    first.sync.setup(folder, "ana")
    first.sync.now()
    device = first.sync.status().device
    first.close()
    shutil.copytree(root / "latency-a", root / "latency-b")
    second = Library(DataPaths(root / "latency-b"))
    names = [p.name for p in folder.rglob(f"devices/{device}/*.jsonl.gz")]
    with second.db.transaction() as conn:
        conn.executemany(
            "INSERT INTO sync_files (device, name, last_seq, applied) VALUES (?, ?, 0, '')",
            [(device, name) for name in names],
        )
        conn.execute("UPDATE sync_meta SET value = 'ben' WHERE key = 'author'")
    second.sync.now()
    return Library(DataPaths(root / "latency-a")), second, folder


def one_highlight(root: Path, count: int, runs: int) -> list[float]:
    """From the second device starting its sync (the first's file has arrived) to the new
    highlight in its database."""
    first, second, _folder = in_step(root, count)
    times = []
    try:
        article = first.list_articles(sort="title")[0].id
        for run in range(runs):
            made = first.annotations.highlight_span(article, run * 10, run * 10 + 7, note="new")
            first.sync.now()
            started = time.perf_counter()
            second.sync.now()
            times.append(time.perf_counter() - started)
            with second.db.reading() as conn:
                found = conn.execute("SELECT 1 FROM highlights WHERE uid = ?", (made.uid,))
                assert found.fetchone() is not None, "the highlight did not arrive"
    finally:
        first.close()
        second.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=10_000, help="articles for the first syncs")
    parser.add_argument("--latency-n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--webdav-runs", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores (shared and noisy: compare within a run)")
    print(f"{'':46} {'min':>9} {'median':>9} {'max':>9}")
    root = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    try:
        times, files, size = first_sync_folder(root, args.n, args.runs)
        print(row(f"first sync, {args.n:,} articles, folder", times))
        print(f"{'':46} {files:,} files, {size / 1e6:.1f} MB")
        times, files, size = first_sync_webdav(root, args.n, args.webdav_runs)
        print(row(f"first sync, {args.n:,} articles, WebDAV", times))
        print(f"{'':46} {files:,} files, {size / 1e6:.1f} MB")
        times, records = apply_everything(root, args.n, args.runs)
        print(row(f"new device applies {records:,} records", times))
        times = one_highlight(root, args.latency_n, args.runs)
        print(row(f"one highlight reaches the other, {args.latency_n:,}", times))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
