"""Articles from the clipboard and from drops: pasted web addresses, HTML or text; dragged links."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.gui.capture import WebCapture
from reader.gui.notices import reason_text
from reader.gui.tasks import TaskRunner
from reader.services.library import ImportResult, ImportStatus, Library

PASTED_HTML = "pasted.html"
PASTED_TEXT = "pasted.txt"
_WEB = ("http://", "https://")


@dataclass(frozen=True)
class Pasted:
    """What a paste brings: web addresses to fetch, else HTML and/or plain text to import."""

    urls: tuple[str, ...] = ()
    html: str = ""
    text: str = ""


def web_urls(mime: QMimeData | None) -> list[str]:
    """The http(s) links of a drop or paste (text/uri-list; a browser's dragged link)."""
    if mime is None or not mime.hasUrls():
        return []
    found = (url.toString() for url in mime.urls() if url.scheme().lower() in ("http", "https"))
    return list(dict.fromkeys(found))


def pasted(mime: QMimeData | None) -> Pasted | None:
    """Read the clipboard: links first, then a text that is nothing but web addresses (one a
    line), then HTML and text; None when there is nothing to import."""
    urls = web_urls(mime)
    if mime is None:
        return None
    if urls:
        return Pasted(tuple(urls))
    text = mime.text().strip() if mime.hasText() else ""
    lines = text.split()
    if lines and all(line.lower().startswith(_WEB) for line in lines):
        return Pasted(tuple(dict.fromkeys(lines)))
    html = mime.html().strip() if mime.hasHtml() else ""
    return Pasted(html=html, text=text) if html or text else None


def import_pasted(library: Library, content: Pasted) -> ImportResult:
    """Import pasted HTML (falling back to its plain text when the HTML holds no article,
    as a copied fragment often does), or the text alone."""
    result = None
    if content.html:
        result = library.import_text(content.html.encode("utf-8"), PASTED_HTML)
        if result.ok or not content.text:
            return result
    if content.text:
        return library.import_text(content.text.encode("utf-8"), PASTED_TEXT)
    return result or ImportResult(PASTED_TEXT, ImportStatus.FAILED, reason="nothing to import")


class PastedImports(QObject):
    """Ctrl+V in the article list and links dropped on the window become articles: links are
    fetched like File → Import from URL, HTML and text go to Library.import_text; all on the
    import lane."""

    imported = Signal(object)  # ImportResult of a pasted HTML or text
    status = Signal(str)

    def __init__(
        self, library: Library, lane: TaskRunner, capture: WebCapture, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane
        self._capture = capture

    def watch_paste(self, *lists: QWidget) -> None:
        """Make the platform's Paste keys (Ctrl+V, Shift+Ins; Cmd+V) import in these lists.

        A key filter, not a window action: Paste stays free for the text fields."""
        for widget in lists:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            self.paste_clipboard()
            return True
        return super().eventFilter(watched, event)

    def paste_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        self.paste(clipboard.mimeData() if clipboard is not None else None)

    def paste(self, mime: QMimeData | None) -> None:
        content = pasted(mime)
        if content is None:
            self.status.emit(self.tr("Nothing to paste: copy a web address, a page or a text"))
        elif not self._writable():
            return
        elif content.urls:
            for url in content.urls:
                self._capture.import_url(url)
        else:
            self.status.emit(self.tr("Importing the pasted text…"))
            self._lane.start(
                lambda _stop: import_pasted(self._library, content),
                finished=self._on_task_finished,
                failed=lambda message: self.status.emit(message),
            )

    def drop(self, mime: QMimeData | None) -> bool:
        """Capture the web links of a drop; False when it carries none."""
        urls = web_urls(mime)
        if urls and self._writable():
            for url in urls:
                self._capture.import_url(url)
        return bool(urls)

    def _writable(self) -> bool:
        if self._library.read_only:
            self.status.emit(self.tr("This library is read-only: nothing can be added"))
        return not self._library.read_only

    def _on_task_finished(self, result: ImportResult) -> None:
        if result.ok:
            self.status.emit(self.tr("Pasted: {title}").format(title=result.title))
        else:
            self.status.emit(self.tr("Could not import the pasted text: {reason}").format(
                reason=reason_text(result)))  # fmt: skip
        self.imported.emit(result)
