"""Shared helpers of the reliability suite: small real libraries and real tiny filesystems."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.paths import DataPaths
from reader.services.library import Library


def article(n: int, words: int = 40) -> Article:
    """A small bilingual article, unique by n."""
    body = "\n\n".join(
        f"第{n}篇文章的第{p}段,湖畔小城的风筝节。Paragraph {p} of article {n}: kites over "
        f"the harbour." + " filler" * words
        for p in range(3)
    )
    return Article(title=f"Article {n}", text=body, html=f"<p>{n}</p>", site="example.org")


def fill(lib: Library, count: int, *, notes_every: int = 0) -> dict[int, str]:
    """Add `count` articles; every `notes_every`-th gets a note. Returns the notes by id."""
    notes: dict[int, str] = {}
    for n in range(count):
        result = lib.add_article(article(n))
        assert result.article_id is not None
        if notes_every and n % notes_every == 0:
            notes[result.article_id] = f"note {n} 笔记 ✍"
            lib.annotations.set_note(result.article_id, notes[result.article_id])
    return notes


def integrity(database: Path) -> str:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def saved_notes(paths: DataPaths, ids: list[int]) -> dict[int, str]:
    with Library(paths) as lib:
        found = {}
        for article_id in ids:
            note = lib.annotations.for_article(article_id).note
            if note is not None:
                found[article_id] = note.text
        return found


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def tiny_filesystem(folder: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of `size` mounted on folder (root only; skips with the reason otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    if not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount(folder: Path, mode: str) -> None:
    """Remount a tiny_filesystem read-only ("ro") or writable again ("rw")."""
    assert _mount("-o", f"remount,{mode}", str(folder)), f"remount {mode} failed"


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "library")
