"""Starting the window: gui options, the interface language, and `reader gui --screenshot`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reader.gui.application import (
    UI_SWITCH_INTERVAL_S,
    GuiOptions,
    create_application,
    parse_options,
)
from reader.gui.i18n import install_translators

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def keep_default_locale() -> Iterator[None]:
    """READER_LANG also sets Qt's default locale; later tests must not inherit it."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_gui_options() -> None:
    options = parse_options(
        ["--screenshot", "out.png", "--open", "3", "--search", "俄罗斯", "--theme", "dark"]
    )
    assert options == GuiOptions(Path("out.png"), 3, "俄罗斯", "dark")
    assert options.unattended
    with pytest.raises(SystemExit):
        parse_options(["--theme", "purple"])


def test_chinese_interface_when_asked(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_LANG", "zh_CN")
    installed = install_translators(qapp)
    try:
        assert installed
        assert QCoreApplication.translate("WindowActions", "&File") == "文件(&F)"
        assert QCoreApplication.translate("Sidebar", "Unread") == "未读"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("WindowActions", "&File") == "&File"


def test_english_interface_by_default(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_LANG", "en_GB")
    installed = install_translators(qapp)
    try:  # only the plural forms of the source texts: no Chinese, no "(s)"
        assert len(installed) == 1
        assert QCoreApplication.translate("WindowActions", "&File") == "&File"
        assert QCoreApplication.translate("AllAnnotationsDialog", "%n highlight(s)", "", 1) == (
            "1 highlight"
        )
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def reader_gui(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "gui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_screenshot_of_a_new_library_shows_the_samples(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    proc = reader_gui(tmp_path / "lib", "--screenshot", str(shot), "--open", "1", "--theme", "dark")
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    # The dark theme paints the pane dark: sample the middle of the reading pane.
    assert image.pixelColor(1000, 700).lightness() < 80


@pytest.mark.slow
def test_screenshot_reports_a_missing_article(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    proc = reader_gui(tmp_path / "lib", "--screenshot", str(shot), "--open", "999")
    assert proc.returncode == 0
    assert "no article with id 999" in proc.stderr
    assert shot.exists()


def test_the_window_takes_the_interpreter_back_quickly() -> None:
    # Every Python call from Qt (a row's data, a delegate's paint) takes the interpreter from
    # whichever worker thread holds it; Python's 5 ms default made a list repaint behind an
    # import add up to a visible stall.
    create_application(GuiOptions())
    assert sys.getswitchinterval() <= UI_SWITCH_INTERVAL_S < 0.005
