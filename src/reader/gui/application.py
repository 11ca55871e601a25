"""Starting the window: gui arguments, the QApplication, the library, first run, screenshots."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.errors import NoLibrary, ReaderError
from reader.gui import system_libs
from reader.gui.i18n import install_translators
from reader.gui.instance import InstanceLock
from reader.gui.layout import fit_on_screen
from reader.gui.main_window import MainWindow
from reader.gui.screenshot import ScreenshotTaker, StartupProbe
from reader.gui.style import THEME_CHOICES
from reader.paths import DataPaths, resources_dir, samples_dir
from reader.services.library import Library, open_library

SCREENSHOT_SIZE = (1280, 800)
# How long a Python thread may hold the interpreter while another waits (Python's default is
# 5 ms). The UI thread takes and gives back the interpreter for every Python call from Qt
# (a row's data, a delegate's paint): behind an import's or a search's worker thread each
# of those waited up to the whole interval, and a repaint of the list added up to a stall.
UI_SWITCH_INTERVAL_S = 0.0005


@dataclass(frozen=True)
class GuiOptions:
    """What `reader gui` was asked to show."""

    screenshot: Path | None = None
    open_id: int | None = None
    search: str | None = None
    theme: str | None = None
    startup_probe: bool = False

    @property
    def unattended(self) -> bool:
        return self.screenshot is not None or self.startup_probe


def parse_options(argv: list[str]) -> GuiOptions:
    parser = argparse.ArgumentParser(prog="reader gui", description="Open the Reader window.")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=Path,
        help="show the window offscreen, save a screenshot and exit",
    )
    parser.add_argument(
        "--open", metavar="ID", type=int, dest="open_id", help="open the article with this id"
    )
    parser.add_argument("--search", metavar="QUERY", help="search the library for QUERY")
    parser.add_argument("--theme", choices=THEME_CHOICES, help="reading theme for this session")
    # For bench/gui_bench.py: print when the window first painted, then quit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return GuiOptions(**vars(parser.parse_args(argv)))


def run(paths: DataPaths, argv: list[str]) -> int:
    """Open the window on the library in paths; returns the process exit code."""
    try:
        options = parse_options(argv)
    except SystemExit as exc:  # argparse has printed the usage or the help
        return int(exc.code or 0)
    if options.unattended:
        # Screenshots and probes never flash a window on the user's desktop.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = None if QApplication.instance() else system_libs.check()
    if problem is not None:
        # Qt would abort naming none of the libraries; say which, and how to install them.
        print(f"reader: error: {problem}", file=sys.stderr)
        return 1
    app = create_application(options)
    warn_if_pyside_drops_references()
    instance = InstanceLock(paths.lock_file)
    if not instance.acquire():
        report_error(instance.message(), options)
        return 1
    try:
        return _open_and_run(app, paths, options)
    finally:
        instance.release()


def _open_and_run(app: QApplication, paths: DataPaths, options: GuiOptions) -> int:
    try:
        if options.unattended:
            library, recovery = _library_to_show(paths), None
        else:
            library, recovery = open_library(paths)
    except ReaderError as exc:
        report_error(str(exc), options)
        return 1
    if recovery is not None:
        report_error(recovery.message(), options, warning=True)
    try:
        return _run_window(app, library, options)
    finally:
        library.close()
        if library.paths != paths:  # the scratch library of samples
            shutil.rmtree(library.paths.root, ignore_errors=True)


def _library_to_show(paths: DataPaths) -> Library:
    """Screenshots and probes never change the library, so it is opened read-only (nothing
    imported, marked read or remembered); a missing or empty one is shown as a scratch
    library holding the bundled samples."""
    try:
        library = Library(paths, read_only=True)
    except NoLibrary:
        pass
    else:
        if not library.is_empty() or not samples_dir().is_dir():
            return library
        library.close()
    scratch = Library(DataPaths(Path(tempfile.mkdtemp(prefix="reader-samples-"))))
    _import_samples_now(scratch)
    return scratch


def warn_if_pyside_drops_references() -> bool:
    """PySide6 6.12.0 on Python 3.11 hands back None and bools without a reference.

    Every call into Qt then lowers None's reference count until the interpreter aborts
    ("none_dealloc") after some thousands of calls; 6.11 and Python 3.12+ are not affected.
    Say so plainly at start rather than crash unexplained later.
    """
    if sys.version_info >= (3, 12):
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    if sys.getrefcount(None) > before - 8:
        return False
    message = (
        f"PySide6 {PySide6.__version__} loses references on Python "
        f"{sys.version_info.major}.{sys.version_info.minor}; the window will crash after a "
        "while. Install PySide6-Essentials<6.12, or use Python 3.12 or newer."
    )
    print(f"reader: warning: {message}", file=sys.stderr)
    return True


def create_application(options: GuiOptions) -> QApplication:
    sys.setswitchinterval(min(sys.getswitchinterval(), UI_SWITCH_INTERVAL_S))
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([sys.argv[0] if sys.argv else "reader"])
    app.setOrganizationName("article-reader")
    app.setApplicationName("Reader")
    app.setDesktopFileName("article-reader")
    install_translators(app)
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Reader"))
    app.setWindowIcon(app_icon())
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        # No desktop supplies a font there; use a typical desktop size, not Qt's 9 pt fallback.
        font = app.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        app.setFont(font)
    return app


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources_dir() / "icons"
    for name in ("reader.svg", "reader.png"):
        if (folder / name).is_file():
            icon.addFile(str(folder / name))
    return icon


def report_error(message: str, options: GuiOptions, *, warning: bool = False) -> None:
    """An expected failure: a message box for people, stderr for unattended runs."""
    if options.unattended:
        print(f"reader: {'warning' if warning else 'error'}: {message}", file=sys.stderr)
        return
    title = QCoreApplication.translate("Application", "Reader")
    if warning:
        QMessageBox.warning(None, title, message)
    else:
        QMessageBox.critical(None, title, message)


def _run_window(app: QApplication, library: Library, options: GuiOptions) -> int:
    settings = _settings(options)
    window = MainWindow(
        library, settings, theme_override=options.theme, announce_read_only=not options.unattended
    )
    if options.unattended:
        window.resize(*SCREENSHOT_SIZE)
    else:
        window.capture.start_connector()  # the browser extension saves through the window
        fit_on_screen(window)
    window.show()
    _show_requested_state(window, options)
    if options.startup_probe:
        StartupProbe(window).start()
    elif options.screenshot is not None:
        ScreenshotTaker(window, options.screenshot, options.open_id).start(bool(options.search))
    elif not library.read_only:
        window.maintenance.start()
        if library.is_empty():
            QTimer.singleShot(0, lambda: window.offer_samples(samples_dir()))
    # Everything made so far (modules, Qt wrappers, the window) lives as long as the app:
    # kept out of the collector's full passes, which otherwise visit all of it in the middle
    # of a frame (one pass took 30 ms of the UI thread while the list scrolled).
    gc.freeze()
    return app.exec()


def _show_requested_state(window: MainWindow, options: GuiOptions) -> None:
    if options.search:
        window.parts.search_field.set_query(options.search)  # --open waits for the hits
        return
    if options.open_id is None:
        return
    if not (window.select_article(options.open_id) or window.open_article(options.open_id)):
        report_error(f"no article with id {options.open_id}", options)


def _settings(options: GuiOptions) -> QSettings:
    if not options.unattended:
        return QSettings()
    # Screenshots must not depend on (or change) the user's window layout and preferences.
    scratch = Path(tempfile.mkdtemp(prefix="reader-gui-")) / "settings.ini"
    return QSettings(str(scratch), QSettings.Format.IniFormat)


def _import_samples_now(library: Library) -> None:
    if samples_dir().is_dir():
        for _result in library.import_paths([samples_dir()]):
            pass
