"""Screenshots of the real X11 screen (window manager frame included), light and dark.

Saved to READER_SCREENSHOT_DIR when set (to look at them), else to a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.paths import DataPaths, samples_dir
from reader.services.library import Library

pytestmark = [
    pytest.mark.display,
    pytest.mark.skipif(shutil.which("import") is None, reason="needs ImageMagick's import"),
]


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library(DataPaths(tmp_path_factory.mktemp("samples")))
    for _ in library.import_paths([samples_dir()]):
        pass
    yield library
    library.close()


def luminance(image: QImage, x: int, y: int) -> float:
    colour = image.pixelColor(x, y)
    return 0.2126 * colour.red() + 0.7152 * colour.green() + 0.0722 * colour.blue()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot_of_the_samples(
    qtbot: QtBot, samples: Library, settings: QSettings, tmp_path: Path, theme: str
) -> None:
    window = MainWindow(samples, settings, theme_override=theme)
    qtbot.addWidget(window)
    window.showMaximized()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: window.settled)  # the list is read off the UI thread at start
    window.parts.article_list.go_to_row(0)
    qtbot.waitUntil(lambda: window.parts.pane.article is not None)
    qtbot.wait(300)  # the window manager's frame and the last paint
    folder = Path(os.environ.get("READER_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"display-{theme}-1440x900.png"
    subprocess.run(["import", "-window", "root", str(shot)], check=True, timeout=30)
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1440, 900)
    pane = window.parts.pane.viewport()
    corner = pane.mapToGlobal(pane.rect().bottomRight()) - window.screen().geometry().topLeft()
    # The pane's background follows the theme on the real screen, not just in a grab.
    dark = luminance(image, corner.x() - 8, corner.y() - 8) < 80
    assert dark is (theme == "dark")
    window.close()
