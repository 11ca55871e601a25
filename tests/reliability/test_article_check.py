"""Bytes changed inside an article's stored text: found by `reader check`, repaired from a
backup, and never copied into a backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.annotation import Highlight
from reader.errors import StorageError
from reader.paths import DataPaths
from reader.services.library import Library
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill

# In the text of article 3 (the third one `fill` adds) and nowhere else.
ORIGINAL = b"Paragraph 1 of article 2: kites"
FLIPPED = b"Paragraph 1 of article 2: kitez"


def flip_bytes(database: Path) -> None:
    """Change bytes inside the stored text, in the file itself, as a failing disk would."""
    raw = database.read_bytes()
    assert raw.count(ORIGINAL) == 1
    database.write_bytes(raw.replace(ORIGINAL, FLIPPED))


@pytest.fixture
def annotated(paths: DataPaths) -> dict[int, str]:
    with Library(paths) as lib:
        notes = fill(lib, 4, notes_every=1)
        lib.annotations.highlight_quote(3, "kites over the harbour", occurrence=2)
    return notes


def _annotations(paths: DataPaths) -> tuple[dict[int, str | None], list[Highlight]]:
    with Library(paths) as lib:
        notes = {}
        for i in range(1, 5):
            note = lib.annotations.for_article(i).note
            notes[i] = note.text if note else None
        return notes, lib.annotations.highlights(3)


def test_check_repairs_from_the_newest_backup_holding_the_article_intact(
    paths: DataPaths, annotated: dict[int, str]
) -> None:
    with Library(paths) as lib:
        older = lib.backup()
        text = lib.get_article(3).text
        lib.annotations.set_note(1, "written after the first backup")
        newer = lib.backup()
    flip_bytes(newer.path)  # the newest backup has the article damaged too
    flip_bytes(paths.database)
    before = _annotations(paths)

    found = reader(paths.root, "check", "--json")
    assert found.returncode == 0, found.stderr
    report = json.loads(found.stdout)
    assert report["damaged"] == [3] and report["unrepaired"] == []
    assert report["repaired"] == {"3": str(older.path)}
    with Library(paths) as lib:
        assert lib.get_article(3).text == text
        assert lib.search('"kites over the harbour"').total >= 1
    assert _annotations(paths) == before  # no note or highlight lost or changed
    assert before[0][1] == "written after the first backup" and len(before[1]) == 1
    again = reader(paths.root, "check", check=True).stdout
    assert "checked 4 article(s): 0 damaged" in again


@pytest.mark.logs
def test_check_reports_damage_no_backup_can_repair(
    paths: DataPaths, annotated: dict[int, str]
) -> None:
    flip_bytes(paths.database)
    before = _annotations(paths)
    found = reader(paths.root, "check")
    assert found.returncode == 1
    assert "article #3 is damaged and no backup has it intact; left as it is" in found.stdout
    assert paths.database.read_bytes().count(FLIPPED) == 1  # left as it was
    assert _annotations(paths) == before


def test_a_backup_of_a_damaged_article_is_refused(
    paths: DataPaths, annotated: dict[int, str]
) -> None:
    with Library(paths) as lib:
        good = lib.backup()
    flip_bytes(paths.database)
    with Library(paths) as lib:
        with pytest.raises(StorageError, match=r"failed verification.*#3"):
            lib.backup()
        assert [b.path for b in lib.backups.list()] == [good.path]
    assert sorted(p.name for p in paths.backups.iterdir()) == [good.path.name]
