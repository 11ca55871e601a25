"""Automatic backup cost at scale: copy plus content check of a synthetic library."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_bench import build_library


def build(root: Path, count: int) -> None:
    """The gui bench's rows, with the content hashes a real import would have stored."""
    from reader.core.article import content_hash
    from reader.paths import DataPaths
    from reader.storage.database import Database

    build_library(root, count)
    db = Database(DataPaths(root).database)
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT a.id, a.title, c.text FROM articles a JOIN article_content c"
            " ON c.article_id = a.id"
        ).fetchall()
        conn.executemany(
            "UPDATE articles SET content_hash = ? WHERE id = ?",
            [(content_hash(title, text), i) for i, title, text in rows],
        )
    db.close()


def measure(root: Path) -> dict[str, float]:
    from reader.paths import DataPaths
    from reader.storage.backup_check import check_backup
    from reader.storage.backups import BackupSet
    from reader.storage.database import Database

    paths = DataPaths(root)
    db = Database(paths.database)
    try:
        started = time.perf_counter(), time.process_time()
        backup = BackupSet(paths.backups).create(db.reading)
        took = time.perf_counter() - started[0], time.process_time() - started[1]
    finally:
        db.close()
    check_started = time.perf_counter(), time.process_time()
    check_backup(backup.path)
    check = time.perf_counter() - check_started[0], time.process_time() - check_started[1]
    return {
        "backup_s": took[0],
        "backup_cpu_s": took[1],
        "check_s": check[0],
        "check_cpu_s": check[1],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--root", type=Path, help="an existing library built by this bench")
    args = parser.parse_args()
    root = args.root or Path(tempfile.mkdtemp(prefix="backup-bench-"))
    if not (root / "library.sqlite3").exists() and args.root is None:
        build(root, args.articles)
    for name, value in measure(root).items():
        print(f"{name:14} {value:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
