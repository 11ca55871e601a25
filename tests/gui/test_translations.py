"""Every string translated: the catalogues match the sources, plurals, Qt's own, search notices."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QFileInfo, QTranslator
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMenu
from pytestqt.qtbot import QtBot

import reader.gui
from reader.core.search_notices import ENGLISH, notice
from reader.gui.dialogs.all_annotations import AllAnnotationsDialog
from reader.gui.dialogs.import_summary import ImportSummaryDialog, summary_line
from reader.gui.i18n import install_translators, translations_dir
from reader.gui.imports import ImportSummary
from reader.gui.main_window import MainWindow
from reader.gui.notices import known_kinds, notice_text
from reader.services.library import Library

GUI = Path(reader.gui.__file__).parent
ZH = translations_dir() / "reader_zh_CN.ts"
EN = translations_dir() / "reader_en.ts"
TRANSLATE = {"tr", "translate"}
# Lines that look a marked text up again (the text is a literal translate() call elsewhere).
LOOKED_UP_AGAIN = "i18n: marked where defined"


def installed(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, lang: str) -> Iterator[None]:
    monkeypatch.setenv("READER_LANG", lang)
    translators = install_translators(qapp)
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


@pytest.fixture
def chinese(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from installed(qapp, monkeypatch, "zh_CN")


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from installed(qapp, monkeypatch, "en_US")


def lupdate() -> str:
    """The lupdate that comes with PySide6 (next to this Python, or on PATH)."""
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def messages(ts: Path) -> list[tuple[str, str, bool]]:
    """(context, source, finished) of every message of a catalogue."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            finished = translation.get("type") is None and all(forms)
            found.append((name, message.findtext("source") or "", finished))
    return found


@pytest.mark.parametrize("catalogue", [ZH, EN], ids=["zh_CN", "en plurals"])
def test_the_catalogue_translates_every_string_of_the_sources(
    tmp_path: Path, catalogue: Path
) -> None:
    fresh = tmp_path / catalogue.name
    shutil.copy(catalogue, fresh)
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    extra = ["-pluralonly"] if catalogue == EN else []
    subprocess.run(
        [lupdate(), *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none", *extra],
        check=True,
        capture_output=True,
        timeout=120,
    )
    now = messages(fresh)
    untranslated = [(c, s) for c, s, finished in now if not finished]
    assert not untranslated, f"translate these in {catalogue.name}: {untranslated}"
    assert {(c, s) for c, s, _ in now} == {(c, s) for c, s, _ in messages(catalogue)}, (
        f"{catalogue.name} is not up to date with the sources: run lupdate (see its README)"
    )
    compiled = QTranslator()
    assert compiled.load(str(catalogue.with_suffix(".qm")))
    stale = [(c, s) for c, s, _ in now if not compiled.translate(c, s, None, 2)]
    assert not stale, f"compile {catalogue.name} again (lrelease): {stale}"


def _hidden_strings(path: Path) -> Iterator[str]:
    """Translation calls lupdate cannot read: a text that is not a literal, or an alias."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for node in ast.walk(ast.parse("\n".join(lines))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            position = 1 if name == "translate" else 0
            if name in TRANSLATE and len(node.args) > position:
                text = node.args[position]
                literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
                marked = LOOKED_UP_AGAIN in lines[node.lineno - 2]  # the comment above
                if not literal and not marked:
                    yield f"{where}: {ast.unparse(node)[:80]}"
        value = node.value if isinstance(node, ast.Assign) else None
        if isinstance(value, ast.Attribute) and value.attr in TRANSLATE:
            yield f"{where}: alias {ast.unparse(node)}"


def test_every_translated_text_is_a_literal_lupdate_can_see() -> None:
    hidden = [line for path in sorted(GUI.rglob("*.py")) for line in _hidden_strings(path)]
    assert not hidden, 'write tr("literal").format(...), no aliases or f-strings:\n' + (
        "\n".join(hidden)
    )


def test_english_plurals_never_show_s_in_brackets(english: None) -> None:
    numerus = [
        (context, source)
        for context, source, _ in messages(EN)
        if "%n" in source or "%Ln" in source
    ]
    assert len(numerus) >= 9
    for context, source in numerus:
        for n in (0, 1, 2, 21, 1000):
            shown = QCoreApplication.translate(context, source, "", n)
            assert "(s)" not in shown, (source, n, shown)
    one = QCoreApplication.translate("ArticleCommands", "Move %n article(s) to the section:", "", 1)
    assert one == "Move 1 article to the section:"


def test_status_bar_and_annotation_counts_in_english(
    qtbot: QtBot, english: None, window: MainWindow, library: Library
) -> None:
    window.refresh_counts()
    qtbot.waitUntil(lambda: "article" in window.parts.counts_label.text(), timeout=5_000)
    assert window.parts.counts_label.text() == "3 articles · 3 unread"
    dialog = AllAnnotationsDialog(library, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "highlight" in dialog.count.text(), timeout=5_000)
    assert dialog.count.text() == "0 highlights"


def test_qt_own_buttons_and_file_dialog_speak_chinese(
    qtbot: QtBot, chinese: None, tmp_path: Path
) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "取消"
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert "查找范围" in labels["lookInLabel"], labels
    assert "文件类型" in labels["fileTypeLabel"], labels
    kinds = QAbstractFileIconProvider()
    assert kinds.type(QFileInfo(str(tmp_path))) == "文件夹"


def test_every_search_notice_has_a_translation(chinese: None) -> None:
    assert set(ENGLISH) <= known_kinds()
    for kind in ENGLISH:
        values = {
            "operator": "OR",
            "limit": "7",
            "field": "tag",
            "value": "x",
            "text": "…",
            "detail": "d",
        }
        said = notice(kind, **{k: v for k, v in values.items() if "{" + k + "}" in ENGLISH[kind]})
        shown = notice_text(said)
        assert shown != said.text and any("\u4e00" <= c <= "\u9fff" for c in shown), kind


def test_the_search_box_warns_in_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow, library: Library
) -> None:
    with qtbot.waitSignal(window.search.search_finished, timeout=10_000):
        window.parts.search_field.set_query('"风筝')
    # The first search also rebuilds the missing index: both said in Chinese.
    assert window.statusBar().currentMessage() == "搜索索引已重建；引号不成对；已改为搜索其中的词"
    with qtbot.waitSignal(window.search.search_finished, timeout=10_000):
        window.parts.search_field.set_query("date:2024-13")
    assert window.statusBar().currentMessage() == (
        "不是日期：2024-13（请写成 2024、2024-10 或 2024-10-26）"
    )
    result = library.search('"风筝')  # what the CLI prints stays English
    assert result.message == "unbalanced quote; searched for the words instead"


def test_the_import_summary_says_why_files_were_skipped_in_chinese(
    qtbot: QtBot, chinese: None, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    (folder / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    (folder / "README").write_text("notes", encoding="utf-8")
    summary = ImportSummary(list(library.import_paths([folder])))
    line = summary_line(summary)
    assert "不是订阅源" in line and "（无扩展名）" in line and "not a feed" not in line, line
    dialog = ImportSummaryDialog(summary)
    qtbot.addWidget(dialog)
    details = {dialog.tree.topLevelItem(i).text(2) for i in range(dialog.tree.topLevelItemCount())}
    assert details == {"不支持的文件类型", "不是订阅源"}


def _accelerators_used_twice(window: MainWindow) -> dict[str, list[str]]:
    """Per menu, the Alt+letter keys two or more of its items claim (the first does nothing
    but select, on every platform that cycles between them)."""
    twice: dict[str, list[str]] = {}
    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    for menu in menus:
        claimed: dict[str, list[str]] = {}
        for action in menu.actions():
            found = re.search(r"&([^&])", action.text())
            if found:
                claimed.setdefault(found.group(1).casefold(), []).append(action.text())
        twice |= {
            f"{menu.objectName() or menu.title()}: {k}": v for k, v in claimed.items() if len(v) > 1
        }
    return twice


def test_no_menu_gives_one_key_to_two_items(english: None, window: MainWindow) -> None:
    """Found by a user's test: in the Article menu E opened Edit Details or Empty Trash."""
    assert _accelerators_used_twice(window) == {}


def test_no_menu_gives_one_key_to_two_items_in_chinese(chinese: None, window: MainWindow) -> None:
    assert _accelerators_used_twice(window) == {}
