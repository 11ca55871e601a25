"""Keeping the window's views in step with the library: the article list, the sidebar
counts, and the pane when its article went away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from reader.core.changes import Changes
from reader.gui.current_lists import CurrentLists
from reader.gui.layout import WindowParts
from reader.gui.models.sidebar import LibraryCounts
from reader.gui.tasks import TaskRunner
from reader.services.library import Library
from reader.storage.articles import ArticleFilter

COUNTS_DELAY_MS = 250
RELOAD_DELAY_MS = 400


def _tr(text: str) -> str:
    # The window's strings keep the window's translation context.
    return QCoreApplication.translate("MainWindow", text)


class ViewRefresh(QObject):
    """Queries the list and counts again when the library changed; bursts make one query."""

    def __init__(
        self,
        parent: QObject,
        library: Library,
        parts: WindowParts,
        lists: CurrentLists,
        count_lane: TaskRunner,
        show_placeholder: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._parts = parts
        self._lists = lists
        self._count_lane = count_lane
        self._show_placeholder = show_placeholder
        self._counts_timer = _single_shot(self, COUNTS_DELAY_MS, self.count_in_background)
        self._reload_timer = _single_shot(self, RELOAD_DELAY_MS, self.reload)

    @property
    def pending(self) -> bool:
        """A refresh is due but not done yet."""
        return self._counts_timer.isActive() or self._reload_timer.isActive()

    def stop(self) -> None:
        self._counts_timer.stop()
        self._reload_timer.stop()

    def reload_soon(self) -> None:
        """Several changes in a burst make one reload."""
        if not self._reload_timer.isActive():
            self._reload_timer.start()

    def counts_soon(self) -> None:
        self._counts_timer.start()

    def reload(self) -> None:
        """Query the list and the counts again after the library changed shape."""
        self._parts.article_model.reload()
        self.count_in_background()
        current = self._lists.state
        shown = current.article_id
        if shown is None:
            return
        summary = self._library.summaries([shown]).get(shown)
        in_trash_view = self._parts.article_model.view_filter.trashed
        if summary is None or (summary.trashed is not None and not in_trash_view):
            current.removed([shown])  # removed, here or by another process
            self._show_placeholder()

    def refresh_counts(self) -> None:
        """Count now, on the UI thread (at start, before the first paint)."""
        self._show_counts(LibraryCounts.read(self._library))

    def count_in_background(self) -> None:
        # Counting scans the library (about 90 ms at 100,000 articles): done on a worker.
        self._count_lane.start(
            lambda _stop: LibraryCounts.read(self._library), finished=self._show_counts
        )

    def _show_counts(self, counts: LibraryCounts) -> None:
        self._parts.sidebar_model.populate(counts)
        total, unread = counts.views["all"], counts.views["unread"]
        self._parts.article_list.set_placeholder(
            _tr("No articles here.")
            if total
            else _tr("Your library is empty.\nDrop saved articles here to import them.")
        )
        self._parts.counts_label.setText(
            _tr("{total} articles · {unread} unread").format(
                total=f"{total:,}", unread=f"{unread:,}"
            )
        )

    def on_changes(self, changes: Changes) -> None:
        """Any process changed the library (this window's own changes included): refresh what
        the change touched; reset the list only when articles came or went."""
        model = self._parts.article_model
        if (
            any(model.row_of(i) is None for i in changes.added)
            or any(model.row_of(i) is not None for i in changes.removed)
            or (changes.touches("article") and self._lists.trash_moved(changes.article_ids))
        ):
            self._reload_timer.start()
        else:
            model.refresh(changes.article_ids)
        self._counts_timer.start()

    def on_articles_changed(self, ids: list[int]) -> None:
        self._parts.article_model.refresh(ids)
        if self._parts.article_model.view_filter != ArticleFilter():
            self._parts.article_model.reload()  # e.g. an unread view drops what became read
        self._counts_timer.start()


def _single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
