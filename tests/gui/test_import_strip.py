"""The import strip's one line agrees with the details dialog, file by file."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.gui.dialogs.import_summary import ImportSummaryDialog, summary_line
from reader.gui.imports import ImportSummary
from reader.services.importing import ImportStatus
from reader.services.library import Library

STORY = "\n\n".join(
    f"Paragraph {n} of the harbour story: the boats leave before sunrise and come back at noon."
    for n in range(30)
)


def test_a_changed_file_imported_again_is_counted_as_updated_not_imported(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    page = tmp_path / "harbour.md"
    page.write_text("# The harbour\n\n" + STORY, encoding="utf-8")
    first = ImportSummary(list(library.import_paths([page])))
    assert summary_line(first) == "Imported 1"
    page.write_text("# The harbour\n\n" + STORY.replace("noon", "dusk", 1), encoding="utf-8")
    again = ImportSummary(list(library.import_paths([page])))
    assert [r.status for r in again.results] == [ImportStatus.UPDATED]
    dialog = ImportSummaryDialog(again)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItem(0).text(1) == "Updated"
    assert summary_line(again) == "1 updated"


def test_new_and_updated_files_are_counted_apart(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# Old\n\n" + STORY, encoding="utf-8")
    list(library.import_paths([old]))
    old.write_text("# Old\n\n" + STORY.replace("noon", "dusk", 1), encoding="utf-8")
    new.write_text("# New\n\nA different story about a lighthouse keeper.", encoding="utf-8")
    summary = ImportSummary(list(library.import_paths([old, new])))
    assert summary_line(summary) == "Imported 1 · 1 updated"
