"""Importing the same files again recognises them before any decoding or extraction."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.services import importing
from reader.services.library import ImportStatus, Library
from tests.articles import PLAIN_EN, SAVED_PAGE_ZH, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path / "in" / "zh.txt", SAVED_PAGE_ZH)
    write(tmp_path / "in" / "en.txt", PLAIN_EN)
    write(tmp_path / "in" / "page.html", "<html><title>Quay</title><p>Boats at dawn.</p></html>")
    return tmp_path / "in"


def _no_extraction(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make any decoding/extraction fail loudly, and count reads of file contents."""
    reads: list[str] = []

    def forbidden(data: bytes, name: str, *_local: object) -> object:
        raise AssertionError(f"{name} was extracted again")

    real_read = importing.read_file

    def counting_read(path: Path, max_bytes: int) -> bytes:
        reads.append(path.name)
        return real_read(path, max_bytes)

    monkeypatch.setattr(importing, "import_contents", forbidden)
    monkeypatch.setattr(importing, "read_file", counting_read)
    return reads


def test_an_unchanged_folder_is_not_read_again(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = {r.path: r for r in library.import_paths([folder])}
    assert {r.status for r in first.values()} == {ImportStatus.IMPORTED}
    reads = _no_extraction(monkeypatch)
    again = {r.path: r for r in library.import_paths([folder])}
    assert {r.status for r in again.values()} == {ImportStatus.DUPLICATE}
    assert {p: r.article_id for p, r in again.items()} == {
        p: r.article_id for p, r in first.items()
    }
    assert reads == []  # size and modification time were enough


def test_a_touched_file_is_known_by_its_bytes(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    list(library.import_paths([folder]))
    later = (folder / "en.txt").stat().st_mtime_ns + 5_000_000_000
    os.utime(folder / "en.txt", ns=(later, later))
    (folder / "copy").mkdir()
    (folder / "copy" / "en-copy.txt").write_bytes((folder / "en.txt").read_bytes())
    reads = _no_extraction(monkeypatch)
    results = list(library.import_paths([folder]))
    assert {r.status for r in results} == {ImportStatus.DUPLICATE}
    assert sorted(reads) == ["en-copy.txt", "en.txt"]  # read and hashed, never extracted
    reads.clear()
    list(library.import_paths([folder]))
    assert reads == []  # remembered under the new time and the new name


def test_a_changed_file_is_imported_as_a_new_version(library: Library, folder: Path) -> None:
    (first,) = [r for r in library.import_paths([folder]) if r.path.endswith("en.txt")]
    write(folder / "en.txt", PLAIN_EN + "\nA third paragraph about gulls.\n")
    later = (folder / "en.txt").stat().st_mtime_ns + 5_000_000_000
    os.utime(folder / "en.txt", ns=(later, later))
    (changed,) = [r for r in library.import_paths([folder]) if r.path.endswith("en.txt")]
    assert changed.status is ImportStatus.UPDATED
    assert changed.article_id == first.article_id
    assert "gulls" in library.get_article(changed.article_id or 0).text


def test_a_removed_article_is_imported_again(library: Library, folder: Path) -> None:
    (first,) = [r for r in library.import_paths([folder]) if r.path.endswith("en.txt")]
    library.remove(first.article_id or 0)
    (again,) = [r for r in library.import_paths([folder]) if r.path.endswith("en.txt")]
    assert again.status is ImportStatus.IMPORTED
