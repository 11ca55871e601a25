"""Why imports failed, in the window's language: every failure kind has a translation."""

from __future__ import annotations

import string
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core import search_notices
from reader.core.import_failures import ENGLISH, import_failure
from reader.gui.dialogs.import_summary import ImportSummaryDialog
from reader.gui.i18n import install_translators
from reader.gui.imports import ImportSummary
from reader.gui.notices import known_kinds, notice_text
from reader.services.library import ImportStatus, Library

MARK = "译："


class MarkingTranslator(QTranslator):
    """Asked last, after the Chinese catalogue: an ImportFailures string the catalogue does
    not translate yet (they are added after the sources) comes back marked, so a reason that
    never went through translate() is told apart from one not yet translated."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return MARK + source if context == "ImportFailures" else source


@pytest.fixture
def marked(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("READER_LANG", "zh_CN")
    marking = MarkingTranslator()
    qapp.installTranslator(marking)  # first installed, last asked
    translators = [marking, *install_translators(qapp)]
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_window_translates_every_kind_it_is_told_and_no_other() -> None:
    """One table of translations for import failures and search notices alike."""
    assert known_kinds() == set(ENGLISH) | set(search_notices.ENGLISH)


def test_every_failure_kind_has_a_window_string_with_the_same_values(marked: None) -> None:
    assert set(ENGLISH) <= known_kinds()
    for kind, english in ENGLISH.items():
        failure = import_failure(kind, **dict.fromkeys(fields(english), "x"))
        shown = notice_text(failure)
        assert shown != failure.text, kind
        assert not shown.startswith(MARK) or shown == MARK + failure.text, kind


def test_the_import_summary_gives_no_english_reason_in_chinese(
    qtbot: QtBot, marked: None, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "book.epub").write_bytes(b"not a zip at all")
    with zipfile.ZipFile(folder / "no-container.epub", "w") as book:
        book.writestr("mimetype", "application/epub+zip")
    (folder / "page.mhtml").write_bytes(b"From: nobody\r\n\r\nno parts here")
    (folder / "feed.xml").write_text("<rss><channel></channel></rss>", encoding="utf-8")
    results = list(library.import_paths([folder]))
    failed = [r for r in results if r.status is ImportStatus.FAILED]
    assert len(failed) == 6
    dialog = ImportSummaryDialog(ImportSummary(results))
    qtbot.addWidget(dialog)
    tree = dialog.tree
    shown = [tree.topLevelItem(n).text(2) for n in range(tree.topLevelItemCount())]
    reasons = {result.reason for result in failed}
    assert len(reasons) == 6, reasons  # six different failures, each worded by its kind
    # What the CLI prints stays English: the reason is the failure's English text.
    assert all(r.failure is not None and r.reason == r.failure.text for r in failed)
    for reason in reasons:
        assert reason not in shown
    assert all(chinese_or_marked(text) for text in shown if text.strip()), shown


def chinese_or_marked(text: str) -> bool:
    return text.startswith(MARK) or any("\u4e00" <= c <= "\u9fff" for c in text)
