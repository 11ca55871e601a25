"""Fixtures of the window tests: small libraries built from Article objects, scratch settings."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui import change_feed
from reader.gui.i18n import translations_dir
from reader.gui.main_window import MainWindow
from reader.paths import DataPaths
from reader.services.library import Library

KITE_TITLE = "湖畔小城举办国际风筝节"
KITE_HTML = (
    "<p>本周末，湖畔小城迎来了第十届国际风筝节，来自三十多个国家和地区的队伍参加比赛。</p>"
    "<p>与往年不同的是，今年的比赛增加了夜间项目，带灯的风筝在湖面上空组成了一条长龙。</p>"
    "<h2>传统工艺与新材料相结合</h2>"
    "<p>不少参赛者使用竹篾和宣纸制作骨架，也有队伍尝试碳纤维和轻质尼龙。</p>"
    "<p>组委会表示，明年将邀请更多学校参与，让孩子们亲手制作风筝。</p>"
)
HARBOUR_TITLE = "Morning light on the old harbour"
HARBOUR_HTML = (
    "<p>The fishing boats leave before sunrise, and by seven the quay is quiet again.</p>"
    "<h2>Visitors</h2>"
    "<p>Tourists arrive later, drawn by the painted warehouses and the smell of bread.</p>"
)


def calling_threads(target: object, method: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads that call `target.method` from now on, in turn: "ui" for the UI thread,
    "worker" for any other."""
    threads: list[str] = []
    real: Callable[..., Any] = getattr(target, method)

    def recorded(*args: Any, **kwargs: Any) -> Any:
        main = threading.current_thread() is threading.main_thread()
        threads.append("ui" if main else "worker")
        return real(*args, **kwargs)

    monkeypatch.setattr(target, method, recorded)
    return threads


def html_article(title: str, html: str, **fields: object) -> Article:
    text = html.replace("</p>", "\n\n").replace("</h2>", "\n\n")
    for tag in ("<p>", "<h2>"):
        text = text.replace(tag, "")
    return Article(title=title, text=text, html=html, **fields)  # type: ignore[arg-type]


def long_article(title: str, paragraphs: int = 120) -> Article:
    body = "".join(
        f"<p>Paragraph {n}: the river bends and the town listens to its clocks.</p>"
        for n in range(paragraphs)
    )
    return html_article(title, body, section="Essays", site="The Meridian Review")


def _three_articles() -> dict[str, Article]:
    """Chinese (国际), English (World) and a long English essay (Essays)."""
    return {
        "kite": html_article(
            KITE_TITLE,
            KITE_HTML,
            section="国际",
            site="华文天下",
            published=date(2024, 10, 26),
            author="李明",
            language="zh-Hans",
        ),
        "harbour": html_article(
            HARBOUR_TITLE,
            HARBOUR_HTML,
            section="World",
            site="The Meridian Review",
            published=date(2024, 9, 1),
            language="en",
        ),
        "essay": long_article("A long essay about rivers"),
    }


@pytest.fixture(scope="session")
def _filled_library(
    tmp_path_factory: pytest.TempPathFactory, _new_library: Path
) -> tuple[Path, dict[str, int]]:
    """The library `filled` gives, made once per session, with its search index caught up
    with it: as the window finds a library once its check at start has run (a window made
    on a library whose index is behind starts an index worker at its first change)."""
    root = tmp_path_factory.mktemp("filled-library") / "library"
    shutil.copytree(_new_library, root)
    lib = Library(DataPaths(root))
    try:
        ids = {}
        for key, article in _three_articles().items():
            result = lib.add_article(article)
            assert result.article_id is not None
            ids[key] = result.article_id
        lib.update_search_index()
        assert lib.indexer.lag() == 0
    finally:
        lib.close()
    return root, ids


@pytest.fixture
def data_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The test's library folder; a copy of the filled one when the test asks for `filled`
    (made before the library opens it)."""
    data = tmp_path / "library"
    if "filled" in request.fixturenames:
        root, _ids = request.getfixturevalue("_filled_library")
        shutil.copytree(root, data)
    return data


@pytest.fixture
def filled(library: Library, _filled_library: tuple[Path, dict[str, int]]) -> dict[str, int]:
    """Three articles: Chinese (国际), English (World) and a long English essay (Essays)."""
    return dict(_filled_library[1])


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp: QApplication) -> Iterator[None]:
    """What the application installs at start in English: the plural forms that make
    "%n article(s)" read "1 article" / "3 articles"."""
    plurals = QTranslator()
    assert plurals.load(str(translations_dir() / "reader_en.qm"))
    qapp.installTranslator(plurals)
    yield
    qapp.removeTranslator(plurals)


@pytest.fixture(autouse=True)
def _default_locale_restored() -> Iterator[None]:
    """A test that forces a language (READER_LANG) changes Qt's default locale for the
    whole process; later tests would format dates in that language."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def quick_change_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows made after it poll the change log every 0.1 s instead of 1.5 s: the tests of
    changes made by another process waited most of their time for the next poll."""
    monkeypatch.setattr(change_feed, "POLL_MS", 100)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def shown_window(
    qtbot: QtBot, library: Library, settings: QSettings, size: tuple[int, int] = (1200, 800)
) -> MainWindow:
    """A window on `library`, shown at `size` and settled (close it when done)."""
    win = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    # The list's ids, the counts and the last article arrive after the first paint.
    qtbot.waitUntil(lambda: win.settled, timeout=10_000)
    return win


@pytest.fixture
def window(
    qtbot: QtBot, library: Library, filled: dict[str, int], settings: QSettings
) -> Iterator[MainWindow]:
    win = shown_window(qtbot, library, settings)
    yield win
    win.close()
