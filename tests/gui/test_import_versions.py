"""The window asks whether a page sharing a URL with an article is its new version, when unsure."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.annotation import AnchorStatus
from reader.core.versions import Verdict
from reader.gui.dialogs.import_summary import ImportSummaryDialog
from reader.gui.imports import ImportSummary
from reader.gui.main_window import MainWindow
from reader.services.library import ImportStatus, Library
from tests.integration.test_same_url import QUOTE, html_page, story


class Answerer:
    """Clicks `button` in the new-version question once it shows, and keeps its text."""

    def __init__(self, button: str) -> None:
        self.button = button
        self.asked: list[str] = []
        self.stopped = False
        QTimer.singleShot(0, self._look)

    def stop(self) -> None:
        self.stopped = True

    def _look(self) -> None:
        if self.stopped:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "new-version-question":
            self.asked.append(box.text())
            (chosen,) = [b for b in box.buttons() if b.text().startswith(self.button)]
            chosen.click()
            self.stop()
        else:
            QTimer.singleShot(20, self._look)


@pytest.fixture
def ferry(library: Library, tmp_path: Path) -> tuple[int, int]:
    """The ferry story imported from a page whose og:url is the site's home page, highlighted."""
    result = library.import_path(html_page(tmp_path / "ferry.html", *story("en-ferry.txt")))
    assert result.status is ImportStatus.IMPORTED and result.article_id is not None
    mark = library.annotations.highlight_quote(result.article_id, QUOTE)
    return result.article_id, mark.id


def mixed_page(tmp_path: Path) -> Path:
    """Half the ferry story, half another: the same URL and neither clearly one story nor two."""
    headline, paragraphs = story("en-ferry.txt")
    _, pier = story("en-pier.txt")
    return html_page(tmp_path / "mixed.html", headline, paragraphs[:4] + pier[:4])


def import_and_answer(qtbot: QtBot, window: MainWindow, page: Path, button: str) -> ImportSummary:
    answerer = Answerer(button)
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        window.import_paths([page])
    answerer.stop()
    assert len(answerer.asked) == 1 and "same web address" in answerer.asked[0], answerer.asked
    summary = finished.args[0] if finished.args else None
    assert isinstance(summary, ImportSummary)
    return summary


def test_unsure_page_answered_separate_becomes_a_new_article(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path, ferry: tuple[int, int]
) -> None:
    first, mark_id = ferry
    before = library.get_article(first).text
    count = library.count()
    summary = import_and_answer(qtbot, window, mixed_page(tmp_path), "Separate Article")
    (result,) = summary.results
    assert result.status is ImportStatus.IMPORTED and result.article_id != first
    assert library.count() == count + 1
    assert library.get_article(first).text == before
    (mark,) = library.annotations.highlights(first)
    assert (mark.id, mark.status) == (mark_id, AnchorStatus.ANCHORED)
    qtbot.waitUntil(lambda: window.settled)  # the list follows the change log's read
    assert window.parts.article_model.rowCount() == library.count()


def test_unsure_page_answered_new_version_replaces_and_reanchors(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path, ferry: tuple[int, int]
) -> None:
    first, mark_id = ferry
    count = library.count()
    summary = import_and_answer(qtbot, window, mixed_page(tmp_path), "New Version of #")
    (result,) = summary.results
    assert (result.status, result.article_id) == (ImportStatus.UPDATED, first)
    assert library.count() == count
    assert "larch" in library.get_article(first).text
    (mark,) = library.annotations.highlights(first)
    assert (mark.id, mark.status) == (mark_id, AnchorStatus.ANCHORED)


def test_a_clearly_different_page_is_not_asked_about(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path, ferry: tuple[int, int]
) -> None:
    first, _ = ferry
    answerer = Answerer("New Version of #")
    pier = html_page(tmp_path / "pier.html", *story("en-pier.txt"))
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        window.import_paths([pier])
    answerer.stop()
    (result,) = finished.args[0].results
    assert result.status is ImportStatus.IMPORTED and result.article_id != first
    assert result.match is not None and result.match.verdict is Verdict.DIFFERENT
    assert answerer.asked == []


def test_a_file_left_unasked_is_listed_as_not_imported(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path, ferry: tuple[int, int]
) -> None:
    # What an import stopped before its question leaves: nothing stored, and said so.
    result = library.import_path(mixed_page(tmp_path), ask_when_unsure=True)
    assert result.status is ImportStatus.UNSURE and result.article_id is None
    assert result.match is not None and result.match.article_id == ferry[0]
    dialog = ImportSummaryDialog(ImportSummary(results=[result], cancelled=True), window)
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(0)
    assert item is not None and item.text(1).startswith("Not imported")
