"""Replacing an article that does not exist is refused before anything is read or stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import NotFound
from reader.importers import import_bytes
from reader.services import importing
from reader.services.library import Library
from tests.articles import PLAIN_EN, write


def test_a_file_for_a_missing_article_is_not_read(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "harbour.txt", PLAIN_EN)
    reads: list[Path] = []
    real_read = importing.read_file

    def counting_read(path: Path, max_bytes: int) -> bytes:
        reads.append(path)
        return real_read(path, max_bytes)

    monkeypatch.setattr(importing, "read_file", counting_read)
    with pytest.raises(NotFound):
        library.import_path(path, replace_id=404)
    assert reads == []
    assert library.count() == 0


def test_an_article_for_a_missing_one_is_not_stored(library: Library) -> None:
    article = import_bytes(PLAIN_EN.encode(), "harbour.txt")
    with pytest.raises(NotFound):
        library.add_article(article, replace_id=404)
    with pytest.raises(NotFound):
        library.importing.add(article, importing.ImportOptions(replace_id=404), "harbour.txt", None)
    assert library.count() == 0
