"""The article the reading pane shows: opening it (and marking it read), the place read to,
the placeholder when none is shown, and the article reopened at start."""

from __future__ import annotations

import logging
from enum import Enum

# Strings moved out of the window keep its translation context ("MainWindow"), so the
# translations made for them still apply.
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from reader.errors import ReaderError
from reader.gui.change_feed import READING
from reader.gui.current_lists import CurrentLists
from reader.gui.layout import WindowParts
from reader.gui.refresh import ViewRefresh
from reader.gui.tasks import TaskRunner
from reader.services.library import Library

log = logging.getLogger(__name__)
LAST_ARTICLE_KEY = "session/article"


class _Reopen(Enum):
    """Where the start is with reopening the article read last."""

    WAITING = "waiting"  # for the window to be shown
    AFTER_PAINT = "after paint"  # shown: reopened once it has painted
    DONE = "done"


class Reading(QObject):
    """Shows articles in the pane; the writes reading makes go on the edit lane."""

    article_opened = Signal(int)

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        parts: WindowParts,
        lists: CurrentLists,
        settings: QSettings,
        edit_lane: TaskRunner,
        refresh: ViewRefresh,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self._parts = parts
        self._lists = lists
        self._settings = settings
        self._edit_lane = edit_lane
        self._refresh = refresh
        # What the placeholder shown says: the library is empty (True) or not (False).
        self._empty_shown: bool | None = None
        self._reopen = _Reopen.WAITING
        refresh.counted.connect(self._on_refresh_counted)
        parts.pane.position_changed.connect(self._on_pane_position_changed)
        parts.pane.link_hovered.connect(self._on_pane_link_hovered)
        parts.pane.link_refused.connect(self._on_pane_link_refused)

    def open_article(self, article_id: int, terms: tuple[str, ...] | None = None) -> bool:
        """Show an article in the pane and mark it read; False when it no longer exists."""
        window, parts = self._window, self._parts
        try:
            article = self._library.get_article(article_id)
        except ReaderError as exc:
            window.statusBar().showMessage(str(exc), 5000)
            return False
        if terms is None and self._lists.searching:
            terms = parts.search_model.terms_for(self._lists.visible().currentIndex().row())
        self._lists.state.open(article_id)
        self._empty_shown = None
        parts.pane.show_article(article, self._library.assets_dir(article_id), terms or ())
        parts.find_bar.refresh()
        # The platform adds the application's display name ("Reader") to the title.
        window.setWindowTitle(article.summary.title)
        self._lists.sync(reset=True)
        if not self._library.read_only:  # read ones too: Recently Read is by last opened
            self._mark_opened_read(article_id)
        self.article_opened.emit(article_id)
        return True

    def open_source(self) -> None:
        if not self._parts.pane.open_source():
            self._window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "This article has no web page to open"),
                3000,
            )

    def _mark_opened_read(self, article_id: int) -> None:
        # On the edit lane: the UI thread never writes (a write may wait behind an import's).
        # The row stays in an Unread view until the view is chosen again, as readers expect
        # while going down the list.
        self._edit_lane.start(
            lambda _stop: self._library.mark_read([article_id]),
            finished=lambda _none: self._refresh.after(READING),
            failed=lambda message: log.warning("%s not marked read: %s", article_id, message),
        )

    def show_details(self, article_id: int) -> None:
        """The pane's header and the window title, when the article's details changed."""
        if article_id == self._lists.state.article_id:
            article = self._library.get_article(article_id)
            self._parts.pane.show_details(article)
            self._window.setWindowTitle(article.summary.title)

    def _on_refresh_counted(self, total: int) -> None:
        # An import into an empty library (or a last removal) changes what the placeholder
        # has to say, while no article is shown.
        if self._empty_shown is not None and self._empty_shown != (total == 0):
            self.show_placeholder(total)

    def show_placeholder(self, total: int | None = None, *, uncounted: bool = False) -> None:
        """What the pane says with no article; `uncounted` (at start) does not count the
        library first: it says "nothing selected" until the count says it is empty."""
        self._lists.state.close()
        self._window.setWindowTitle("")  # the platform shows the application's name alone
        self._lists.update_actions()
        if uncounted:
            total = -1
        self._empty_shown = (self._library.count() if total is None else total) == 0
        if self._empty_shown:
            self._parts.pane.show_message(
                QCoreApplication.translate("MainWindow", "Your library is empty"),
                [
                    QCoreApplication.translate(
                        "MainWindow",
                        "Import saved articles with File → Import Files… or drop files and "
                        "folders on this window.",
                    )
                ],
            )
        else:
            self._parts.pane.show_message(
                QCoreApplication.translate("MainWindow", "Nothing selected"),
                [QCoreApplication.translate("MainWindow", "Choose an article from the list.")],
            )

    @property
    def reopen_pending(self) -> bool:
        """The window was shown and the last article is yet to be reopened."""
        return self._reopen is _Reopen.AFTER_PAINT

    def reopen_after_first_paint(self) -> None:
        """Reopen the last article once the window has painted (the first show only)."""
        if self._reopen is _Reopen.WAITING:
            self._reopen = _Reopen.AFTER_PAINT
            self._window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._reopen is _Reopen.AFTER_PAINT:
            watched.removeEventFilter(self)
            # A zero timer: after the rest of this frame (the panes, the list) is painted.
            QTimer.singleShot(0, self, self._reopen_now)
        return False

    def _reopen_now(self) -> None:
        self._reopen = _Reopen.DONE
        self.reopen_last_article()

    def reopen_last_article(self) -> None:
        """At start, the article read last, at its place, unless it is gone or in the Trash."""
        try:
            article_id = int(str(self._settings.value(LAST_ARTICLE_KEY, "")))
        except ValueError:
            return
        summary = self._library.summaries([article_id]).get(article_id)
        if summary is not None and summary.trashed is None:
            self.open_article(article_id)

    def remember_shown(self) -> None:
        """At close: the article shown is reopened at the next start; none, none is.

        Written here, not at each opening: writing settings syncs their file to disk on the
        UI thread, and while an import commits that sync can take a fifth of a second."""
        article_id = self._lists.state.article_id
        if article_id is None:
            self._settings.remove(LAST_ARTICLE_KEY)
        else:
            self._settings.setValue(LAST_ARTICLE_KEY, article_id)

    def _on_pane_link_hovered(self, url: str) -> None:
        if url:
            self._window.statusBar().showMessage(url)
        else:
            self._window.statusBar().clearMessage()

    def _on_pane_link_refused(self, url: str) -> None:
        self._window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Not opened: Reader opens only web and e-mail links ({url})"
            ).format(url=url),
            8000,
        )

    def _on_pane_position_changed(self, article_id: int, fraction: float) -> None:
        if self._library.read_only:
            return
        # On the edit lane, as every write; closing the window waits for the lane.
        self._edit_lane.start(
            lambda _stop: self._library.set_reading_position(article_id, fraction),
            failed=lambda message: log.warning(
                "reading position of %s not saved: %s", article_id, message
            ),
        )
