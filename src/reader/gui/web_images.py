"""Article → Download Images: an article's web images fetched off the UI thread, on request."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.gui.tasks import StopFlag, TaskRunner
from reader.services.library import ImageDownload, Library


class WebImageDownloads(QObject):
    """Runs `Library.download_images` on a lane; reports progress and when it is done."""

    status = Signal(str)
    downloaded = Signal(int)  # article id: its pane should show the new images

    def __init__(self, library: Library, lane: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._lane = lane

    def download(self, article_id: int) -> None:
        self.status.emit(self.tr("Downloading images…"))

        def job(should_stop: StopFlag) -> object:
            return self._library.download_images(article_id)

        self._lane.start(
            job,
            progressed=self._on_task_progressed,
            finished=self._on_task_finished,
            failed=self.status.emit,
        )

    def _on_task_progressed(self, progress: ImageDownload) -> None:
        self.status.emit(
            self.tr("Downloading images… {done} of {total}").format(
                done=progress.done, total=progress.total
            )
        )

    def _on_task_finished(self, progress: ImageDownload) -> None:
        if progress.total == 0:
            self.status.emit(self.tr("This article has no web images to download"))
        elif progress.failed:
            url, reason = progress.failed[0]
            self.status.emit(
                self.tr("Saved {saved} of {total} images; not saved: {url}: {reason}").format(
                    saved=progress.saved, total=progress.total, url=url, reason=reason
                )
            )
        else:
            self.status.emit(self.tr("Saved %n image(s)", "", progress.saved))
        self.downloaded.emit(progress.article_id)
