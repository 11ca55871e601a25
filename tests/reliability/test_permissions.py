"""The library is private: owner-only folders and files, whatever the umask (POSIX only)."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.paths import DataPaths
from reader.services.library import Library
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _private_parts(paths: DataPaths) -> dict[str, Path]:
    backups = sorted(paths.backups.glob("library-*.sqlite3"))
    assert backups and paths.log_file.exists() and paths.index_root.is_dir()
    return {
        "data folder": paths.root,
        "database": paths.database,
        "log": paths.log_file,
        "backups folder": paths.backups,
        **{f"backup {p.name}": p for p in backups},
        "index folder": paths.index_root,
        "assets folder": paths.assets,
    }


def _use(paths: DataPaths, tmp_path: Path) -> None:
    """Make every part exist: an article with an image, a backup, the index, the log."""
    with Library(paths) as lib:
        lib.add_article(
            Article(title="Pictured", text="Body", html="<p>Body</p>", assets={"a.png": PNG})
        )
    source = tmp_path / "kites.txt"
    source.write_text("Kites\n\nKites over the harbour.", encoding="utf-8")
    reader(paths.root, "import", str(source), check=True)
    reader(paths.root, "search", "kites", check=True)
    reader(paths.root, "backup", check=True)


def test_a_new_library_is_private_whatever_the_umask(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    with umask(0):  # the most permissive: every file and folder would be world-writable
        _use(paths, tmp_path)
    for name, path in _private_parts(paths).items():
        expected = 0o700 if path.is_dir() else 0o600
        assert _mode(path) == expected, f"{name}: {oct(_mode(path))}"


def test_an_existing_library_is_tightened_on_open(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    _use(paths, tmp_path)
    # Another connection keeps the -wal and -shm in place, as a running or crashed Reader does.
    holder = sqlite3.connect(paths.database)
    try:
        holder.execute("SELECT count(*) FROM articles").fetchone()
        with Library(paths) as lib:
            fill(lib, 1)
        sides = [paths.database.with_name(paths.database.name + s) for s in ("-wal", "-shm")]
        assert all(p.exists() for p in sides)
        parts = {**_private_parts(paths), **{p.name: p for p in sides}}
        for path in parts.values():  # as an older Reader and a 022 umask left them
            path.chmod(0o755 if path.is_dir() else 0o644)
        with Library(paths):
            pass
        for name, path in parts.items():
            expected = 0o700 if path.is_dir() else 0o600
            assert _mode(path) == expected, f"{name}: {oct(_mode(path))}"
    finally:
        holder.close()


def test_owner_bits_are_kept_and_links_not_followed(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    with Library(paths) as lib:
        fill(lib, 1)
    outside = tmp_path / "shared.txt"
    outside.write_text("someone else's", encoding="utf-8")
    outside.chmod(0o644)
    paths.log_file.unlink(missing_ok=True)
    paths.log_file.symlink_to(outside)
    paths.database.chmod(0o640)
    with Library(paths):
        pass
    assert _mode(outside) == 0o644  # a link's target is not the library's to change
    assert _mode(paths.database) == 0o600
