"""What a folder import walks into: never the library's own data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.importers import files
from reader.paths import DataPaths
from reader.services.library import ImportStatus, Library
from tests.cli import reader

DATA = Path(__file__).parent.parent / "data"


def test_a_folder_holding_the_library_is_imported_without_it(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    data = documents / "Reader library"  # the data folder kept among the user's files
    (documents / "essay.txt").parent.mkdir(parents=True)
    (documents / "essay.txt").write_text("An essay on rivers.\n\nIt is short.\n", "utf-8")
    reader(data, "import", str(documents / "essay.txt"), check=True)
    reader(data, "backup", check=True)  # something more of the library's inside it

    done = reader(data, "import", "--json", str(documents), check=True)
    paths = [Path(r["path"]) for r in json.loads(done.stdout)]
    assert paths == [documents / "essay.txt"], paths  # a duplicate, and nothing else
    assert not any(data in p.parents for p in paths)
    # The progress total counts what the import visits: the same walk.
    with Library(DataPaths(data)) as library:
        assert library.files_to_import([documents]) == [documents / "essay.txt"]


def test_the_windows_folder_import_walks_the_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The progress total and the import come from one walk: each .xml file's head, read to
    tell a feed from other XML, is read once."""
    from reader.gui.imports import import_job  # the window's import, without a window

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "essay.txt").write_text("An essay on rivers.\n\nIt is short.\n", "utf-8")
    (folder / "news.xml").write_bytes((DATA / "feeds" / "harbour.rss").read_bytes())
    (folder / "settings.xml").write_text("<settings><theme>dark</theme></settings>", "utf-8")
    heads: list[str] = []
    read_head = files.read_head

    def counted(path: Path, size: int) -> bytes:
        heads.append(path.name)
        return read_head(path, size)

    monkeypatch.setattr(files, "read_head", counted)
    with Library(DataPaths(tmp_path / "library")) as library:
        steps = list(import_job(library, [folder], stop=lambda: False))
    assert sorted(heads) == ["news.xml", "settings.xml"]
    assert steps[0].total == 2  # the essay and the feed; settings.xml is skipped
    statuses = [step.result.status for step in steps[1:] if step.result is not None]
    assert ImportStatus.SKIPPED in statuses and ImportStatus.IMPORTED in statuses
    assert steps[-1].done == 2
