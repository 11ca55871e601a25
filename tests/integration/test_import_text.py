"""Library.import_text: bytes from no file (a paste), the importer chosen by the given name."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReadOnlyLibrary
from reader.paths import DataPaths
from reader.services.library import ImportStatus, Library

NOTE = "Ferry timetable changes\n\nFrom Monday the first ferry leaves at six, not seven.\n"


def test_text_by_name_and_its_failures(library: Library) -> None:
    made = library.import_text(NOTE.encode("utf-8"), "pasted.txt")
    assert made.status is ImportStatus.IMPORTED and made.path == "pasted.txt"
    assert library.get_article(made.article_id or 0).summary.title == "Ferry timetable changes"
    assert [h.id for h in library.search("timetable").hits] == [made.article_id]
    assert library.import_text(NOTE.encode("utf-8"), "pasted.txt").status is ImportStatus.DUPLICATE
    too_big = library.import_text(b"x" * 2000, "pasted.txt", max_bytes=1000)
    assert too_big.status is ImportStatus.FAILED and "larger than" in (too_big.reason or "")
    assert library.import_text(b"  \n", "pasted.txt").status is ImportStatus.FAILED
    odd = library.import_text(b"data", "pasted.pdf")
    assert odd.status is ImportStatus.FAILED and "unsupported" in (odd.reason or "")
    assert library.count() == 1


def test_a_read_only_library_refuses(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "library")
    Library(paths).close()
    with Library(paths, read_only=True) as looking, pytest.raises(ReadOnlyLibrary):
        looking.import_text(NOTE.encode("utf-8"), "pasted.txt")
