"""The pictures a folder's notes embed are part of those notes, not files the import skipped."""

from __future__ import annotations

from pathlib import Path

from reader.importers import Skipped, walk_paths
from tests.cli import reader
from tests.hostile_images import png

NOTE = """---
title: Garden note
---
# Garden note

Roses need pruning every winter, and the beds need compost in the spring.

![[image.png]]

A relative one: ![Relative picture](img/rel%20bed.png "The bed")
"""


def vault(tmp_path: Path) -> Path:
    """A notes folder: a note, the two pictures it shows, and one picture it does not."""
    folder = tmp_path / "vault"
    (folder / "img").mkdir(parents=True)
    (folder / "attachments").mkdir()
    (folder / "Garden note.md").write_text(NOTE, encoding="utf-8")
    (folder / "attachments" / "image.png").write_bytes(png(4, 3))
    (folder / "img" / "rel bed.png").write_bytes(png(5, 2))
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8\xff\xe0 not shown by any note")
    return folder


def test_the_pictures_a_note_embeds_are_not_skipped(tmp_path: Path) -> None:
    walked = list(walk_paths([vault(tmp_path)]))
    skipped = [item.path.name for item in walked if isinstance(item, Skipped)]
    assert skipped == ["holiday.jpg"]  # a picture no note shows is still reported
    assert [item.name for item in walked if isinstance(item, Path)] == ["Garden note.md"]


def test_a_folder_of_pictures_and_no_notes_still_reports_them(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(png(2, 2))
    (tmp_path / "b.PNG").write_bytes(png(3, 3))
    walked = list(walk_paths([tmp_path]))
    assert sorted(i.path.name for i in walked if isinstance(i, Skipped)) == ["a.png", "b.PNG"]


def test_the_import_summary_counts_only_what_was_left_out(tmp_path: Path) -> None:
    proc = reader(tmp_path / "lib", "import", str(vault(tmp_path)), check=True)
    assert proc.stdout.strip().splitlines()[-1] == "1 imported, skipped 1: 1 .jpg"
