"""The main window: sidebar | article list | reading pane, with menus, search and import."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from reader.errors import ReaderError
from reader.gui.actions import WindowActions
from reader.gui.annotation_window import AnnotationFeatures
from reader.gui.article_commands import ArticleCommands
from reader.gui.capture import ConnectorPanel, WebCapture
from reader.gui.change_feed import COMMAND, NOTES, ChangeFeed
from reader.gui.clipboard import PastedImports
from reader.gui.current_lists import CurrentLists
from reader.gui.dialogs.notes_folder import NotesFolderPanel
from reader.gui.dialogs.sync import SyncPanel
from reader.gui.focus import WindowModes
from reader.gui.focus_ring import FocusRing
from reader.gui.imports import ImportController
from reader.gui.keyboard import KeyboardNavigation
from reader.gui.layout import (
    WindowParts,
    add_highlight_buttons,
    build_parts,
    fit_notes_dock,
    fit_sidebar,
    restore_layout,
    save_layout,
)
from reader.gui.library_search import LibrarySearch
from reader.gui.list_options import ListOptions
from reader.gui.maintenance import Maintenance
from reader.gui.menu_commands import add_undo_actions, connect_menus
from reader.gui.organizing import OrganizingCommands
from reader.gui.preferences import ReadingPreferences
from reader.gui.reading import Reading
from reader.gui.refresh import ViewRefresh
from reader.gui.search_display import SearchDisplay
from reader.gui.sync import SyncController, SyncIndicator
from reader.gui.tasks import TaskRunner
from reader.gui.undo import UndoHistory
from reader.gui.vault_keeper import VaultKeeper
from reader.gui.views.article_list import ArticleListView
from reader.gui.watched_folder import WatchedFolder, WatchedFolderPanel
from reader.gui.web_images import WebImageDownloads
from reader.gui.window_imports import WindowImports
from reader.gui.window_preferences import WindowPreferences
from reader.services.library import Library
from reader.storage.articles import ArticleFilter

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Composes the panes and turns user intents into Library calls."""

    article_opened = Signal(int)

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        *,
        theme_override: str | None = None,
        announce_read_only: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        # Whoosh holds the interpreter lock while it indexes: the window's threads must not.
        library.update_search_index_in_worker()
        library.backup_in_worker()  # copying and checking a large library takes seconds
        # Extraction (parsers, regular expressions, loading the importers) holds the lock too.
        library.extract_in_workers()
        self._settings = settings
        # Serial lanes: imports, quick edits (bookmark, move…) and searches never wait on
        # each other's queue; SQLite and the index writer serialize the actual writes.
        # The import lane is not niced below the UI thread: a thread running lower that holds
        # the interpreter lock on a busy machine keeps the UI thread waiting on the lock
        # until the scheduler gets round to it (seen: 1.8 s). Extraction runs niced in workers.
        self.import_lane = TaskRunner(1, self)
        self.edit_lane = TaskRunner(1, self)
        self.search_lane = TaskRunner(1, self)
        self.count_lane = TaskRunner(1, self)
        self.feed_lane = TaskRunner(1, self)
        # The list's rows to paint are read on a lane of their own: behind an update's
        # query of 100,000 ids they would be painted as placeholders for as long.
        self.row_lane = TaskRunner(1, self)
        self.menu_actions = WindowActions(self)
        self.parts: WindowParts = build_parts(self, library, self.menu_actions.import_files)
        self.parts.article_model.read_rows_on(self.row_lane)
        # The pane's article is the current one: commands act on it, the lists follow it.
        self.lists = CurrentLists(self.parts, self.menu_actions, library, self.open_article)
        self.current = self.lists.state
        self.history = UndoHistory(self)
        self.commands = ArticleCommands(library, self.edit_lane, self, self.history)
        self.organizing = OrganizingCommands(
            library, self.edit_lane, self, self.history, lambda: self.current.article_id
        )
        self.imports = ImportController(library, self.import_lane, self)
        self.search = LibrarySearch(library, self.search_lane, self)
        self.search_display = SearchDisplay(
            self, self.search, self.parts, self.lists, self.menu_actions
        )
        self.maintenance = Maintenance(library, self.search_lane, self.edit_lane, self)
        self.maintenance.status_changed.connect(lambda text: self.statusBar().showMessage(text))
        self.capture = WebCapture(library, self.import_lane, self)
        self.web_images = WebImageDownloads(library, self.import_lane, self)
        self.pasting = PastedImports(library, self.import_lane, self.capture, self)
        self.watched = WatchedFolder(library, self.import_lane, settings, self)
        self.annotations = AnnotationFeatures(
            self, library, (self.import_lane, self.edit_lane), self.parts.pane,
            self.menu_actions, self.open_article, self.history,
        )  # fmt: skip
        # Opened in a small window, the Notes panel is fitted once laid out beside the article.
        self.annotations.dock.visibilityChanged.connect(
            lambda shown: shown and QTimer.singleShot(0, self, self._fit_notes_dock)
        )
        add_highlight_buttons(self.parts.toolbar, list(self.menu_actions.highlight_colors.values()))
        self.change_feed = ChangeFeed(library, self.feed_lane, self, edits=self.edit_lane)
        self.refresh = ViewRefresh(
            self, library, self.parts, self.lists, self.count_lane, self.change_feed,
            self._show_placeholder,
        )  # fmt: skip
        self.reading = Reading(
            self, library, self.parts, self.lists, settings, self.edit_lane, self.refresh
        )
        self.reading.article_opened.connect(self.article_opened)
        self.refresh.details_changed.connect(self.reading.show_details)
        self.refresh.notes_changed.connect(lambda: self.annotations.commands.reload())
        for lane in (self.import_lane, self.edit_lane):  # whatever an operation wrote shows
            lane.task_ended.connect(lambda: self.refresh.after())
        self.window_imports = WindowImports(
            self, library, self.parts, self.current, self.refresh, self.read_only_message
        )
        self.vault = VaultKeeper(library, settings, self.change_feed, self.menu_actions, self)
        self.sync = SyncController(library, self)
        self.change_feed.changed.connect(self.sync.on_local_changes)
        self.statusBar().addPermanentWidget(SyncIndicator(self.sync, self))
        self.setAcceptDrops(True)
        add_undo_actions(self)
        self.list_options = ListOptions(self.parts.article_list, settings, self)
        self.menu_actions.list_layout = [self.list_options.compact]
        self.menu_actions.sort_by = self.list_options.sort_actions
        self.menu_actions.fill(self.menuBar())
        connect_menus(self)
        self._connect_parts()
        self._connect_capture()
        self.keyboard = KeyboardNavigation(self)
        p = self.parts
        self.focus_ring = FocusRing((p.sidebar, p.article_list, p.search_list, p.pane))
        self.modes = WindowModes(
            self, self.parts.splitter, self.parts.pane, self.menu_actions, settings
        )
        restore_layout(self, self.parts, settings)
        self.parts.sidebar_model.rebuilt.connect(self._on_sidebar_model_rebuilt)
        self.list_options.restore()
        self.modes.restore()
        self.prefs = WindowPreferences(
            self, self.parts.pane, self.menu_actions, settings, theme_override
        )
        self.refresh.start()
        self.parts.sidebar.choose("view", "all")
        self.reading.show_placeholder(uncounted=True)
        if library.read_only:
            self._turn_changes_off(announce_read_only)
        self.change_feed.start()
        self.sync.start()
        self._empty_expired_trash()

    # -- wiring -----------------------------------------------------------------------------

    def _connect_parts(self) -> None:
        a, p = self.menu_actions, self.parts
        p.sidebar.view_chosen.connect(self._on_sidebar_view_chosen)
        p.sidebar.rename_requested.connect(self.commands.rename_section)
        self.organizing.connect_window(p, a, self.commands)
        self.organizing.library_reshaped.connect(lambda: self.refresh.after(COMMAND))
        p.sidebar_model.articles_dropped.connect(self.commands.move)
        for view in (p.article_list, p.search_list):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions(list(a.article_actions))
        # The operations' ends: what they changed reaches every view through the change log.
        self.commands.articles_changed.connect(lambda _ids: self.refresh.after(COMMAND))
        self.commands.library_reshaped.connect(lambda: self.refresh.after(COMMAND))
        self.commands.details_edited.connect(lambda _id: self.refresh.after(COMMAND))
        self.annotations.articles_changed.connect(lambda _ids: self.refresh.after(NOTES))
        self.annotations.library_changed.connect(lambda: self.refresh.after(COMMAND))
        self.window_imports.connect_imports(self.imports)
        self.lists.update_actions()

    def _connect_capture(self) -> None:
        """Import from URL, and pages saved by the browser connector (started by the app)."""
        self.window_imports.connect_capture(
            self.menu_actions, self.capture, self.pasting, self.watched, self.web_images,
            self.open_article, self.select_article,
        )  # fmt: skip

    # -- the list ---------------------------------------------------------------------------

    @property
    def settled(self) -> bool:
        """No refresh pending and no background work: what is shown is final."""
        lanes = (self.import_lane, self.edit_lane, self.search_lane, self.count_lane, self.row_lane)
        busy = self.refresh.pending or self.reading.reopen_pending
        busy = busy or self.parts.pane.tables_measuring or self.parts.pane.images_loading
        return not busy and not any(lane.busy for lane in lanes)

    def current_list(self) -> ArticleListView:
        return self.parts.search_list if self.searching else self.parts.article_list

    @property
    def searching(self) -> bool:
        return self.parts.list_stack.currentWidget() is self.parts.search_list

    def selected_ids(self) -> list[int]:
        """The rows selected in the visible list (see target_ids for what commands act on)."""
        return self.current_list().selected_ids()

    def target_ids(self) -> list[int]:
        """What an article command acts on: several selected rows, else the current article."""
        return self.lists.target_ids()

    def select_article(self, article_id: int) -> bool:
        """Select (and so open) an article in the visible list; False if it is not there."""
        return self.current_list().select_ids([article_id], article_id)

    def reload(self) -> None:
        """Query the list and the counts again after the library changed shape."""
        self.refresh.reload()

    def refresh_counts(self) -> None:
        """Count now, on the UI thread (at start, before the first paint)."""
        self.refresh.refresh_counts()

    def _on_sidebar_view_chosen(self, view: ArticleFilter, _label: str) -> None:
        self.parts.search_field.clear_query()
        self.parts.article_model.set_filter(view)
        if not self.lists.view_chosen():
            self._show_placeholder()  # the chosen view does not hold the article shown

    def _empty_expired_trash(self) -> None:
        """At start, on the edit lane: what went to the Trash over 30 days ago goes for good."""
        if self.library.read_only:
            return
        self.edit_lane.start(
            lambda _stop: self.library.empty_expired_trash(),
            failed=lambda message: log.warning("the Trash was not emptied: %s", message),
        )

    def _turn_changes_off(self, announce: bool) -> None:
        """A read-only library: browsing and search only; commands that change it are off."""
        a = self.menu_actions
        changing = [a.import_files, a.import_folder, a.import_url, a.import_annotations]
        changing.append(a.download_images)
        changing.append(a.color_meanings)
        changing += [*a.highlight_colors.values(), a.reattach, a.delete_highlight]
        for action in changing:  # the article and highlight actions stay off once read-only
            action.setEnabled(False)
        self.lists.update_actions()
        self.setAcceptDrops(False)
        if announce:
            self.statusBar().addPermanentWidget(QLabel(self.read_only_message()))
            self.statusBar().showMessage(self.read_only_message())

    def read_only_message(self) -> str:
        return self.tr("Read-only library: changes are off")

    # -- the reading pane -------------------------------------------------------------------

    def open_article(self, article_id: int, terms: tuple[str, ...] | None = None) -> bool:
        """Show an article in the pane and mark it read; False when it no longer exists."""
        return self.reading.open_article(article_id, terms)

    def _show_placeholder(self) -> None:
        self.reading.show_placeholder()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once painted, not before: the first paint does not wait for the article, and the
        # pane has its real width, so the place read to (a fraction of its height) lands
        # where it was.
        self.reading.reopen_after_first_paint()

    def _on_sidebar_model_rebuilt(self) -> None:
        # New names (an import's sites) widen the sidebar, but not under an article being
        # read: the list and the pane moved at every update of an import. They are fitted
        # when the window grows, and meanwhile elided, their tooltips whole.
        if self.parts.pane.article is None:
            fit_sidebar(self.parts)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() > event.oldSize().width():  # room to show the whole names
            fit_sidebar(self.parts)
        else:  # once the window's layout has given the docks their new widths
            QTimer.singleShot(0, self, self._fit_notes_dock)

    def _fit_notes_dock(self) -> None:
        fit_notes_dock(self, self.annotations.dock, self.parts)

    def set_theme(self, key: str) -> None:
        self.prefs.set_theme(key)

    @property
    def preferences(self) -> ReadingPreferences:
        return self.prefs.current

    def apply_preferences(self, prefs: ReadingPreferences, *, save: bool = True) -> None:
        self.prefs.apply(prefs, save=save)

    # -- import -----------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        self.window_imports.import_paths(paths)

    def offer_samples(self, samples: Path) -> None:
        """First run: an empty library offers the bundled sample articles."""
        self.window_imports.offer_samples(samples)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.window_imports.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.window_imports.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.window_imports.drop(event.mimeData()):
            event.acceptProposedAction()

    # -- dialogs, state ---------------------------------------------------------------------

    def edit_preferences(self) -> None:
        """Preferences…: the reading preferences, with the library's and the capture's."""
        sync = SyncPanel(self.sync, self.library.read_only)
        watched: list[QWidget] = (
            [] if self.library.read_only else [WatchedFolderPanel(self.watched)]
        )
        library = [*watched, NotesFolderPanel(self.vault)]
        self.prefs.edit(library, [*self._capture_preferences(), sync])

    def _capture_preferences(self) -> list[QWidget]:
        try:
            return [ConnectorPanel(self.library)]
        except ReaderError as exc:  # the pairing cannot be saved: the rest still opens
            log.warning("connector pairing unavailable: %s", exc)
            return []

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.parts.pane.flush_position()
        self.annotations.close()
        self.vault.close()
        self.refresh.stop()
        self.maintenance.stop()
        self.modes.save()
        save_layout(self, self.parts, self._settings)
        self.reading.remember_shown()
        self.imports.cancel()
        self.capture.stop_connector()
        self.watched.close()
        self.change_feed.stop()
        self.sync.stop()
        # Before the lanes are waited for: a search waiting on the index's worker fails now.
        self.library.stop_search_index_worker()
        lanes = (self.search_lane, self.edit_lane, self.import_lane, self.count_lane)
        for lane in (*lanes, self.feed_lane, self.row_lane):
            lane.shut_down()
        super().closeEvent(event)
