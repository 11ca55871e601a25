"""The window's ways in for articles: Import Files and Folder, drops, URLs, pastes, pages the
connector saved, the watched folder and an article's web images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QUrl
from PySide6.QtWidgets import QMainWindow

from reader.gui.actions import WindowActions
from reader.gui.capture import WebCapture
from reader.gui.change_feed import COMMAND
from reader.gui.clipboard import PastedImports, web_urls
from reader.gui.current_article import CurrentArticle
from reader.gui.dialogs.import_paths import ask_to_import_samples
from reader.gui.dialogs.import_summary import ImportSummaryDialog, summary_line
from reader.gui.imports import ImportController, ImportProgress, ImportSummary, local_path
from reader.gui.layout import WindowParts
from reader.gui.refresh import ViewRefresh
from reader.gui.watched_folder import WatchedFolder
from reader.gui.web_images import WebImageDownloads
from reader.services.library import ImportResult, Library


class WindowImports(QObject):
    """Starts imports from the window and shows their progress, then what arrived."""

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        parts: WindowParts,
        current: CurrentArticle,
        refresh: ViewRefresh,
        read_only_message: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self._parts = parts
        self._current = current
        self._refresh = refresh
        self._read_only_message = read_only_message

    def connect_imports(self, imports: ImportController) -> None:
        self._imports = imports
        strip = self._parts.import_strip
        strip.cancel_clicked.connect(imports.cancel)
        strip.details_clicked.connect(self._on_import_strip_details_clicked)
        imports.import_started.connect(strip.show_started)
        imports.import_progressed.connect(self._on_imports_import_progressed)
        imports.import_finished.connect(self._on_imports_import_finished)

    def connect_capture(
        self,
        actions: WindowActions,
        capture: WebCapture,
        pasting: PastedImports,
        watched: WatchedFolder,
        web_images: WebImageDownloads,
        open_article: Callable[[int], bool],
        select_article: Callable[[int], bool],
    ) -> None:
        """Import from URL, and pages saved by the browser connector (started by the app)."""
        self._pasting = pasting
        self._open_article = open_article
        self._select_article = select_article
        status = self._window.statusBar()
        actions.import_url.triggered.connect(lambda: capture.ask_and_import(self._window))
        capture.status.connect(lambda text: status.showMessage(text, 8000))
        capture.url_imported.connect(self._on_capture_url_imported)
        capture.page_saved.connect(self._on_capture_page_saved)
        pasting.watch_paste(self._parts.article_list, self._parts.search_list)
        pasting.status.connect(lambda text: status.showMessage(text, 8000))
        pasting.imported.connect(self._on_capture_url_imported)
        watched.status.connect(lambda text: status.showMessage(text, 8000))
        watched.imported.connect(lambda r: self._on_capture_page_saved(r.article_id or 0))
        watched.start()

        def download() -> None:
            if self._current.article_id is not None:
                web_images.download(self._current.article_id)

        actions.download_images.triggered.connect(download)
        web_images.status.connect(lambda text: status.showMessage(text, 8000))
        web_images.downloaded.connect(self._on_web_images_downloaded)

    def _on_web_images_downloaded(self, article_id: int) -> None:
        if self._current.article_id == article_id:
            self._open_article(article_id)  # shown again: the images are loaded now

    def _on_capture_url_imported(self, result: ImportResult) -> None:
        self._refresh.reload()
        if result.ok and result.article_id is not None:
            self._select_article(result.article_id)

    def _on_capture_page_saved(self, _article_id: int) -> None:
        self._refresh.after()  # several saves in a burst make one reload

    # -- files and folders ------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        if self._library.read_only:
            self._window.statusBar().showMessage(self._read_only_message(), 5000)
            return
        self._imports.start(paths)

    def offer_samples(self, samples: Path) -> None:
        """First run: an empty library offers the bundled sample articles."""
        if not samples.is_dir() or self._library.count() > 0:
            return
        if ask_to_import_samples(self._window):
            self.import_paths([samples])

    def _on_imports_import_progressed(self, step: ImportProgress) -> None:
        current = step.result.path if step.result else None
        self._parts.import_strip.show_progress(step.done, step.total, current)
        if step.result is not None and step.result.ok:
            # Articles appear while the import runs, a few times a second at most.
            self._refresh.after()

    def _on_imports_import_finished(self, summary: ImportSummary) -> None:
        self._parts.import_strip.show_finished(summary_line(summary))
        # Nothing opens by itself: opening marks read what nobody chose.
        self._refresh.after(COMMAND)

    def _on_import_strip_details_clicked(self) -> None:
        if self._imports.last_summary is not None:
            ImportSummaryDialog(self._imports.last_summary, self._window).exec()

    # -- drag and drop ----------------------------------------------------------------------

    def accepts(self, mime: QMimeData) -> bool:
        """Files, folders or web links: what a drop on the window imports."""
        return bool(_local_paths(mime.urls()) or web_urls(mime))

    def drop(self, mime: QMimeData) -> bool:
        """Import what was dropped; False when it holds nothing to import."""
        paths = _local_paths(mime.urls())
        if paths:
            self.import_paths(paths)
            return True
        return self._pasting.drop(mime)  # links dragged from a browser


def _local_paths(urls: list[QUrl]) -> list[Path]:
    return [local_path(url) for url in urls if url.isLocalFile()]
