"""Backups while another process writes, and the `reader backup` / `reader restore` commands."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.backups import verify
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill

CHILD = Path(__file__).with_name("writer_child.py")
ROOT = Path(__file__).parents[2]


def _ids_in(path: Path) -> list[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ids = [int(r[0]) for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        noted = {int(r[0]) for r in conn.execute("SELECT article_id FROM article_notes")}
    finally:
        conn.close()
    # Article and note are two commits: only the newest article may lack its note.
    assert set(ids[:-1]) <= noted
    return ids


def test_backup_during_writes_is_a_consistent_prefix(paths: DataPaths) -> None:
    Library(paths).close()  # created before the writer starts
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(paths.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    committed: list[int] = []

    def collect() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            committed.append(int(line.split()[1]))

    reader_thread = threading.Thread(target=collect, daemon=True)
    reader_thread.start()
    try:
        deadline = time.monotonic() + 30
        while len(committed) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert committed, child.stderr.read() if child.stderr else ""
        with Library(paths) as lib:
            for _ in range(4):
                before = set(committed)
                backup = lib.backup()
                assert verify(backup.path)
                ids = _ids_in(backup.path)
                assert ids == list(range(1, len(ids) + 1))  # a prefix: no gaps
                assert before <= set(ids)  # everything promised before it began
                time.sleep(0.2)
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert len(committed) > 20


def test_backup_and_restore_commands(paths: DataPaths, tmp_path: Path) -> None:
    with Library(paths) as lib:
        fill(lib, 5, notes_every=1)
    made = reader(paths.root, "backup", "--json", check=True)
    backup = Path(json.loads(made.stdout)["path"])
    assert backup.parent == paths.backups and verify(backup)
    assert "backed up to" in reader(paths.root, "backup", check=True).stdout
    listed = json.loads(reader(paths.root, "backup", "--list", "--json", check=True).stdout)
    assert len(listed) == 2 and backup.as_posix() in {b["path"] for b in listed}

    reader(paths.root, "note", "1", "changed after the backup", check=True)
    reader(paths.root, "remove", "--with-annotations", "2", check=True)
    restored = reader(paths.root, "restore", str(backup), "--json", check=True)
    previous = Path(json.loads(restored.stdout)["previous"])
    assert previous.exists() and verify(previous)  # the replaced library is kept aside

    listed = json.loads(reader(paths.root, "list", "--json", check=True).stdout)
    assert len(listed) == 5
    notes = reader(paths.root, "notes", "1", check=True).stdout
    assert "note 0" in notes and "changed after" not in notes

    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + bytes(2000))
    refused = reader(paths.root, "restore", str(bogus))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "not a usable library backup" in refused.stderr
    missing = reader(paths.root, "restore", str(tmp_path / "nope.sqlite3"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert len(json.loads(reader(paths.root, "list", "--json", check=True).stdout)) == 5
