"""A library moved to another folder, or restored from a backup, syncs as a new device: it
neither publishes its old changes again (replay) nor writes under the old device id (fork),
and a restored library gets back, from the shared folder, what it wrote after the backup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write
from tests.cli import reader
from tests.unit.test_sync_folder import snapshot


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Library]]:
    """Ana's library with one annotated article, and Ben's, joined and synced."""
    ana, ben = (Library(DataPaths(tmp_path / n)) for n in ("ana", "ben"))
    ana.sync.setup(tmp_path / "Sync", "ana")
    article = ana.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
    assert article is not None
    ana.annotations.highlight_quote(article, "fishing boats", note="before")
    ana.sync_now()
    ben.sync.join(ana.sync.status().library, tmp_path / "Sync", "ben")
    ben.sync_now()
    opened = [ana, ben]
    yield opened
    for lib in opened:
        lib.close()


def _published(tmp_path: Path, lib: Library) -> dict[str, list[str]]:
    """Each device's record files (a new device also announces itself in device.json)."""
    devices = tmp_path / "Sync" / "reader-sync" / "v1" / lib.sync.status().library / "devices"
    found = {d.name: sorted(f.name for f in d.glob("*.jsonl.gz")) for d in devices.iterdir()}
    return {d: files for d, files in found.items() if files}


def _notes(lib: Library) -> list[str | None]:
    return sorted(h.note for h in lib.annotations.list_highlights())


def test_a_moved_library_is_a_new_device_that_replays_nothing(
    pair: list[Library], tmp_path: Path
) -> None:
    ana, ben = pair
    device = ana.sync.status().device
    ana.close()
    (tmp_path / "ana").rename(tmp_path / "new-home")
    before = _published(tmp_path, ben)
    pair[0] = moved = Library(DataPaths(tmp_path / "new-home"))
    report = moved.sync_now()
    assert moved.sync.status().device not in (device, "")
    assert report.captured == 0 and report.published_files == 0  # nothing sent again
    assert _published(tmp_path, ben) == before  # the old device's files untouched
    (highlight,) = moved.annotations.list_highlights()
    moved.annotations.update_highlight(highlight.id, note="after the move")
    moved.sync_now()
    ben.sync_now()
    assert _notes(ben) == ["after the move"] and snapshot(ben) == snapshot(moved)
    assert len(_published(tmp_path, ben)[device]) == len(before[device])  # no fork


def test_a_library_restored_from_a_backup_gets_its_later_edits_back(
    pair: list[Library], tmp_path: Path
) -> None:
    ana, ben = pair
    device = ana.sync.status().device
    backup = ana.backup().path
    (highlight,) = ana.annotations.list_highlights()
    ana.annotations.update_highlight(highlight.id, note="after the backup")
    ana.annotations.highlight_quote(highlight.article_id, "painted warehouses", note="second")
    ana.sync_now()
    ana.close()
    reader(tmp_path / "ana", "restore", str(backup), check=True)
    before = _published(tmp_path, ben)
    pair[0] = restored = Library(DataPaths(tmp_path / "ana"))
    assert _notes(restored) == ["before"]  # the backup's state
    report = restored.sync_now()
    assert restored.sync.status().device not in (device, "")
    assert report.published_files == 0  # the backup's changes are not sent again
    assert _notes(restored) == ["after the backup", "second"]  # its own, back from the folder
    ben.sync_now()
    assert _published(tmp_path, ben) == before  # nothing written under the old id: no fork
    assert snapshot(ben) == snapshot(restored)
