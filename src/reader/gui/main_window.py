"""The main window: sidebar | article list | reading pane, with menus, search and import."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from reader.core.changes import Changes
from reader.errors import ReaderError
from reader.gui.actions import WindowActions
from reader.gui.annotation_window import AnnotationFeatures
from reader.gui.article_commands import ArticleCommands
from reader.gui.capture import ConnectorPanel, WebCapture
from reader.gui.change_feed import ChangeFeed
from reader.gui.clipboard import PastedImports, web_urls
from reader.gui.current_lists import CurrentLists
from reader.gui.dialogs.about import show_about
from reader.gui.dialogs.import_paths import ask_to_import_samples, choose_files, choose_folder
from reader.gui.dialogs.import_summary import ImportSummaryDialog, summary_line
from reader.gui.dialogs.notes_folder import NotesFolderPanel
from reader.gui.dialogs.preferences import PreferencesDialog
from reader.gui.dialogs.search_help import SearchHelpPopup, show_syntax
from reader.gui.dialogs.sync import SyncPanel
from reader.gui.focus import WindowModes
from reader.gui.imports import ImportController, ImportProgress, ImportSummary, local_path
from reader.gui.keyboard import KeyboardNavigation
from reader.gui.layout import (
    WindowParts,
    add_highlight_buttons,
    build_parts,
    restore_layout,
    save_layout,
)
from reader.gui.library_search import LibrarySearch
from reader.gui.list_options import ListOptions
from reader.gui.maintenance import Maintenance
from reader.gui.models.search_results import SearchOutcome
from reader.gui.models.sidebar import LibraryCounts
from reader.gui.organizing import OrganizingCommands
from reader.gui.preferences import ReadingPreferences
from reader.gui.style import WindowPalette, resolve_theme
from reader.gui.sync import SyncController, SyncIndicator
from reader.gui.tasks import TaskRunner
from reader.gui.undo import UndoHistory
from reader.gui.vault_keeper import VaultKeeper
from reader.gui.views.article_list import ArticleListView
from reader.gui.watched_folder import WatchedFolder, WatchedFolderPanel
from reader.gui.web_images import WebImageDownloads
from reader.services.library import ImportResult, Library
from reader.storage.articles import ArticleFilter

log = logging.getLogger(__name__)
COUNTS_DELAY_MS = 250
RELOAD_DELAY_MS = 400
LAST_ARTICLE_KEY = "session/article"


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
        self._settings = settings
        self._prefs = ReadingPreferences.load(settings)
        if theme_override is not None:
            self._prefs = replace(self._prefs, theme=theme_override)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._palette = WindowPalette(app)
        # Serial lanes: imports, quick edits (bookmark, move…) and searches never wait on
        # each other's queue; SQLite and the index writer serialize the actual writes.
        self.import_lane = TaskRunner(1, self)
        self.edit_lane = TaskRunner(1, self)
        self.search_lane = TaskRunner(1, self)
        self.count_lane = TaskRunner(1, self)
        self.feed_lane = TaskRunner(1, self)
        self.menu_actions = WindowActions(self)
        self.parts: WindowParts = build_parts(self, library, self.menu_actions.import_files)
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
        add_highlight_buttons(self.parts.toolbar, list(self.menu_actions.highlight_colors.values()))
        self._counts_timer = _single_shot(self, COUNTS_DELAY_MS, self._count_in_background)
        self._reload_timer = _single_shot(self, RELOAD_DELAY_MS, self.reload)
        self.change_feed = ChangeFeed(library, self.feed_lane, self)
        self.change_feed.changed.connect(self._on_change_feed_changed)
        self.vault = VaultKeeper(library, settings, self.change_feed, self.menu_actions, self)
        self.sync = SyncController(library, self)
        self.change_feed.changed.connect(self.sync.on_local_changes)
        self.statusBar().addPermanentWidget(SyncIndicator(self.sync, self))
        self.setAcceptDrops(True)
        self._add_undo_actions()
        self.list_options = ListOptions(self.parts.article_list, settings, self)
        self.menu_actions.list_layout = [self.list_options.compact]
        self.menu_actions.sort_by = self.list_options.sort_actions
        self.menu_actions.fill(self.menuBar())
        self._connect_menus()
        self._connect_parts()
        self._connect_capture()
        self.keyboard = KeyboardNavigation(self)
        self.modes = WindowModes(
            self, self.parts.splitter, self.parts.pane, self.menu_actions, settings
        )
        restore_layout(self, self.parts, settings)
        self.list_options.restore()
        self.modes.restore()
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)
        self.apply_preferences(self._prefs, save=False)
        self.refresh_counts()
        self.parts.sidebar.choose("view", "all")
        self._show_placeholder()
        self._reopened = False
        if library.read_only:
            self._turn_changes_off(announce_read_only)
        self.change_feed.start()
        self.sync.start()
        self._empty_expired_trash()

    # -- wiring -----------------------------------------------------------------------------

    def _connect_menus(self) -> None:
        a, p = self.menu_actions, self.parts
        a.import_files.triggered.connect(lambda: self.import_paths(choose_files(self)))
        a.import_folder.triggered.connect(lambda: self.import_paths(choose_folder(self)))
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self._on_find_triggered)
        a.find_next.triggered.connect(lambda: p.find_bar.step(forward=True))
        a.find_previous.triggered.connect(lambda: p.find_bar.step(forward=False))
        a.search.triggered.connect(self._on_search_triggered)
        a.preferences.triggered.connect(self._on_preferences_triggered)
        a.zoom_in.triggered.connect(lambda: self.zoom(1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.zoom(0))
        a.themes.triggered.connect(lambda action: self.set_theme(str(action.data())))
        a.mark_read.triggered.connect(lambda: self.commands.mark_read(self.target_ids(), True))
        a.mark_unread.triggered.connect(lambda: self.commands.mark_read(self.target_ids(), False))
        a.bookmark.triggered.connect(lambda: self.commands.toggle_bookmark(self.target_ids()))
        a.move.triggered.connect(lambda: self.commands.move(self.target_ids()))
        a.edit_details.triggered.connect(self._on_edit_details_triggered)
        a.remove.triggered.connect(lambda: self.commands.remove(self.target_ids()))
        a.restore.triggered.connect(lambda: self.commands.restore(self.target_ids()))
        a.empty_trash.triggered.connect(self.commands.empty_trash)
        a.search_help.triggered.connect(self._on_search_help_triggered)
        a.about.triggered.connect(lambda: show_about(self))

    def _connect_parts(self) -> None:
        a, p = self.menu_actions, self.parts
        p.sidebar.view_chosen.connect(self._on_sidebar_view_chosen)
        p.sidebar.rename_requested.connect(self.commands.rename_section)
        self.organizing.connect_window(p, a, self.commands)
        self.organizing.library_reshaped.connect(self.reload)
        p.sidebar_model.articles_dropped.connect(self.commands.move)
        for view in (p.article_list, p.search_list):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions(list(a.article_actions))
        p.pane.position_changed.connect(self._on_pane_position_changed)
        p.pane.link_hovered.connect(self._on_pane_link_hovered)
        p.pane.link_refused.connect(self._on_pane_link_refused)
        p.search_field.query_changed.connect(self.search.run)
        p.search_field.help_requested.connect(self._on_search_field_help_requested)
        p.import_strip.cancel_clicked.connect(self.imports.cancel)
        p.import_strip.details_clicked.connect(self._on_import_strip_details_clicked)
        self.commands.articles_changed.connect(self._on_commands_articles_changed)
        self.commands.library_reshaped.connect(self.reload)
        self.commands.details_edited.connect(self._on_commands_details_edited)
        self.annotations.articles_changed.connect(self._on_commands_articles_changed)
        self.annotations.library_changed.connect(self.reload)
        self.imports.import_started.connect(p.import_strip.show_started)
        self.imports.import_progressed.connect(self._on_imports_import_progressed)
        self.imports.import_finished.connect(self._on_imports_import_finished)
        self.search.search_finished.connect(self._on_search_search_finished)
        self.search.search_failed.connect(self._on_search_search_failed)
        self.search.search_cleared.connect(self._on_search_search_cleared)
        self.lists.update_actions()

    def _connect_capture(self) -> None:
        """Import from URL, and pages saved by the browser connector (started by the app)."""
        self.menu_actions.import_url.triggered.connect(lambda: self.capture.ask_and_import(self))
        self.capture.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.capture.url_imported.connect(self._on_capture_url_imported)
        self.capture.page_saved.connect(self._on_capture_page_saved)
        self.pasting.watch_paste(self.parts.article_list, self.parts.search_list)
        self.pasting.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.pasting.imported.connect(self._on_capture_url_imported)
        self.watched.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.watched.imported.connect(lambda r: self._on_capture_page_saved(r.article_id or 0))
        self.watched.start()
        self.menu_actions.download_images.triggered.connect(self._on_download_images_triggered)
        self.web_images.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.web_images.downloaded.connect(self._on_web_images_downloaded)

    def _on_download_images_triggered(self) -> None:
        if self.current.article_id is not None:
            self.web_images.download(self.current.article_id)

    def _on_web_images_downloaded(self, article_id: int) -> None:
        if self.current.article_id == article_id:
            self.open_article(article_id)  # shown again: the images are loaded now

    def _on_capture_url_imported(self, result: ImportResult) -> None:
        self.reload()
        if result.ok and result.article_id is not None:
            self.select_article(result.article_id)

    def _on_capture_page_saved(self, _article_id: int) -> None:
        # Several saves in a burst make one reload.
        if not self._reload_timer.isActive():
            self._reload_timer.start()

    # -- the list ---------------------------------------------------------------------------

    @property
    def settled(self) -> bool:
        """No refresh pending and no background work: what is shown is final."""
        timers = (self._counts_timer, self._reload_timer)
        lanes = (self.import_lane, self.edit_lane, self.search_lane, self.count_lane)
        return not any(t.isActive() for t in timers) and not any(lane.busy for lane in lanes)

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
        self.parts.article_model.reload()
        self._count_in_background()
        shown = self.current.article_id
        if shown is None:
            return
        summary = self.library.summaries([shown]).get(shown)
        in_trash_view = self.parts.article_model.view_filter.trashed
        if summary is None or (summary.trashed is not None and not in_trash_view):
            self.current.removed([shown])  # removed, here or by another process
            self._show_placeholder()

    def refresh_counts(self) -> None:
        """Count now, on the UI thread (at start, before the first paint)."""
        self._show_counts(LibraryCounts.read(self.library))

    def _count_in_background(self) -> None:
        # Counting scans the library (about 90 ms at 100,000 articles): done on a worker.
        self.count_lane.start(
            lambda _stop: LibraryCounts.read(self.library), finished=self._show_counts
        )

    def _show_counts(self, counts: LibraryCounts) -> None:
        self.parts.sidebar_model.populate(counts)
        total, unread = counts.views["all"], counts.views["unread"]
        self.parts.article_list.set_placeholder(
            self.tr("No articles here.")
            if total
            else self.tr("Your library is empty.\nDrop saved articles here to import them.")
        )
        self.parts.counts_label.setText(
            # %Ln: the total in the language's plural form and digit grouping
            self.tr("%Ln article(s) · {unread} unread", "", total).format(
                unread=QLocale().toString(unread)
            )
        )

    def _on_sidebar_view_chosen(self, view: ArticleFilter, _label: str) -> None:
        self.parts.search_field.clear_query()
        self.parts.article_model.set_filter(view)
        if not self.lists.view_chosen():
            self._show_placeholder()  # the chosen view does not hold the article shown

    def _add_undo_actions(self) -> None:
        """Edit → Undo and Redo, with their shortcuts listed beside the other actions'."""
        history, a = self.history, self.menu_actions
        a.undo_redo = [history.undo, history.redo]
        a.shortcut_parts += history.shortcut_parts
        self.addActions(a.undo_redo)  # shortcuts work even with the menu bar hidden

    def _empty_expired_trash(self) -> None:
        """At start, on the edit lane: what went to the Trash over 30 days ago goes for good."""
        if self.library.read_only:
            return
        self.edit_lane.start(
            lambda _stop: self.library.empty_expired_trash(),
            finished=lambda gone: self.reload() if gone else None,
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

    def _on_change_feed_changed(self, changes: Changes) -> None:
        """Any process changed the library (this window's own changes included): refresh what
        the change touched; reset the list only when articles came or went."""
        model = self.parts.article_model
        if (
            any(model.row_of(i) is None for i in changes.added)
            or any(model.row_of(i) is not None for i in changes.removed)
            or (changes.touches("article") and self.lists.trash_moved(changes.article_ids))
        ):
            self._reload_timer.start()
        else:
            model.refresh(changes.article_ids)
        self._counts_timer.start()

    def _on_commands_articles_changed(self, ids: list[int]) -> None:
        self.parts.article_model.refresh(ids)
        if self.parts.article_model.view_filter != ArticleFilter():
            self.parts.article_model.reload()  # e.g. an unread view drops what became read
        self._counts_timer.start()

    def _on_edit_details_triggered(self) -> None:
        if self.current.article_id is not None:  # one article: the one the pane shows
            self.commands.edit_details(self.current.article_id)

    def _on_commands_details_edited(self, article_id: int) -> None:
        """Edited details: the list (sorted, maybe filtered by section or site), the counts,
        and the pane's header and the window title when it is the article shown."""
        self.reload()
        if article_id == self.current.article_id:
            article = self.library.get_article(article_id)
            self.parts.pane.show_details(article)
            self.setWindowTitle(article.summary.title)

    # -- the reading pane -------------------------------------------------------------------

    def open_article(self, article_id: int, terms: tuple[str, ...] | None = None) -> bool:
        """Show an article in the pane and mark it read; False when it no longer exists."""
        try:
            article = self.library.get_article(article_id)
        except ReaderError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return False
        if terms is None and self.searching:
            terms = self.parts.search_model.terms_for(self.current_list().currentIndex().row())
        self.current.open(article_id)
        pane = self.parts.pane
        pane.show_article(article, self.library.assets_dir(article_id), terms or ())
        self.parts.find_bar.refresh()
        # The platform adds the application's display name ("Reader") to the title.
        self.setWindowTitle(article.summary.title)
        self._settings.setValue(LAST_ARTICLE_KEY, article_id)  # reopened at the next start
        self.lists.sync(reset=True)
        if not self.library.read_only:  # read ones too: Recently Read is by last opened
            self._mark_opened_read(article_id)
        self.article_opened.emit(article_id)
        return True

    def _mark_opened_read(self, article_id: int) -> None:
        # On the edit lane: the UI thread never writes (a write may wait behind an import's).
        # The row stays in an Unread view until the view is chosen again, as readers expect
        # while going down the list.
        def marked(_none: object) -> None:
            self.parts.article_model.refresh([article_id])
            self._counts_timer.start()

        self.edit_lane.start(
            lambda _stop: self.library.mark_read([article_id]),
            finished=marked,
            failed=lambda message: log.warning("%s not marked read: %s", article_id, message),
        )

    def _show_placeholder(self) -> None:
        self.current.close()
        self.setWindowTitle("")  # the platform shows the application's name alone
        self.lists.update_actions()
        if self.library.count() == 0:
            self.parts.pane.show_message(
                self.tr("Your library is empty"),
                [
                    self.tr(
                        "Import saved articles with File → Import Files… or drop files and "
                        "folders on this window."
                    )
                ],
            )
        else:
            self.parts.pane.show_message(
                self.tr("Nothing selected"), [self.tr("Choose an article from the list.")]
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._reopened:
            # Once shown, not before: the pane has its real width, so the place read to (a
            # fraction of the article's height) lands where it was.
            self._reopened = True
            self._reopen_last_article()

    def _reopen_last_article(self) -> None:
        """At start, the article read last, at its place, unless it is gone or in the Trash."""
        try:
            article_id = int(str(self._settings.value(LAST_ARTICLE_KEY, "")))
        except ValueError:
            return
        summary = self.library.summaries([article_id]).get(article_id)
        if summary is not None and summary.trashed is None:
            self.open_article(article_id)

    def _on_pane_link_hovered(self, url: str) -> None:
        if url:
            self.statusBar().showMessage(url)
        else:
            self.statusBar().clearMessage()

    def _on_pane_link_refused(self, url: str) -> None:
        self.statusBar().showMessage(
            self.tr("Not opened: Reader opens only web and e-mail links ({url})").format(url=url),
            8000,
        )

    def _on_pane_position_changed(self, article_id: int, fraction: float) -> None:
        if self.library.read_only:
            return
        # On the edit lane, as every write; closing the window waits for the lane.
        self.edit_lane.start(
            lambda _stop: self.library.set_reading_position(article_id, fraction),
            failed=lambda message: log.warning(
                "reading position of %s not saved: %s", article_id, message
            ),
        )

    def zoom(self, steps: int) -> None:
        self.apply_preferences(self._prefs.zoomed(steps))
        self.statusBar().showMessage(self.tr("Zoom {zoom}%").format(zoom=self._prefs.zoom), 1500)

    def set_theme(self, key: str) -> None:
        self.apply_preferences(replace(self._prefs, theme=key))

    def _on_style_hints_color_scheme_changed(self) -> None:
        self._palette.platform_changed()
        if self._prefs.theme == "system":
            self.apply_preferences(self._prefs, save=False)

    @property
    def preferences(self) -> ReadingPreferences:
        return self._prefs

    def apply_preferences(self, prefs: ReadingPreferences, *, save: bool = True) -> None:
        self._prefs = prefs
        theme = resolve_theme(prefs.theme)
        self._palette.apply(theme)
        self.parts.pane.apply_preferences(prefs, theme)
        self.menu_actions.choose_theme(prefs.theme)
        if save:
            prefs.save(self._settings)

    # -- find in article --------------------------------------------------------------------

    def _on_find_triggered(self) -> None:
        selected = self.parts.pane.textCursor().selectedText()
        self.parts.find_bar.open_bar(selected)

    # -- search -----------------------------------------------------------------------------

    def _on_search_triggered(self) -> None:
        self.parts.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.parts.search_field.selectAll()

    def _on_search_search_finished(self, outcome: SearchOutcome) -> None:
        p = self.parts
        p.search_model.set_outcome(outcome)
        p.list_stack.setCurrentWidget(p.search_list)
        status, placeholder = self.search.describe(outcome)
        self.statusBar().showMessage(status)
        p.search_list.set_placeholder(placeholder)
        shown = self.current.article_id
        row = p.search_model.row_of(shown) if shown is not None else None
        if row is not None:  # the open article is still a hit: mark this query's words
            p.pane.set_terms(p.search_model.terms_for(row), reveal=False)
        self.lists.sync(reset=True)

    def _on_search_search_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Search failed: {error}").format(error=message))

    def _on_search_search_cleared(self) -> None:
        self.parts.search_model.set_outcome(None)
        self.parts.list_stack.setCurrentWidget(self.parts.article_list)
        self.parts.pane.set_terms(())
        self.statusBar().clearMessage()
        self.lists.sync()  # the list selects the article read from the results, or none

    def _on_search_field_help_requested(self) -> None:
        SearchHelpPopup(self).show_below(self.parts.search_field)

    def _on_search_help_triggered(self) -> None:
        show_syntax(self)

    # -- import -----------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        if self.library.read_only:
            self.statusBar().showMessage(self.read_only_message(), 5000)
            return
        self.imports.start(paths)

    def offer_samples(self, samples: Path) -> None:
        """First run: an empty library offers the bundled sample articles."""
        if not samples.is_dir() or self.library.count() > 0:
            return
        if ask_to_import_samples(self):
            self.import_paths([samples])

    def _on_imports_import_progressed(self, step: ImportProgress) -> None:
        current = step.result.path if step.result else None
        self.parts.import_strip.show_progress(step.done, step.total, current)
        if step.result is not None and step.result.ok and not self._reload_timer.isActive():
            # Articles appear while the import runs, a few times a second at most.
            self._reload_timer.start()

    def _on_imports_import_finished(self, summary: ImportSummary) -> None:
        self.parts.import_strip.show_finished(summary_line(summary))
        self.reload()  # nothing opens by itself: opening marks read what nobody chose

    def _on_import_strip_details_clicked(self) -> None:
        if self.imports.last_summary is not None:
            ImportSummaryDialog(self.imports.last_summary, self).exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData().urls()) or web_urls(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_paths(event.mimeData().urls()) or web_urls(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
        elif self.pasting.drop(event.mimeData()):  # links dragged from a browser
            event.acceptProposedAction()

    # -- dialogs, state ---------------------------------------------------------------------

    def _on_preferences_triggered(self) -> None:
        sync = SyncPanel(self.sync, self.library.read_only)
        before = self._prefs
        notes = NotesFolderPanel(self.vault)
        dialog = PreferencesDialog(before, self, [*self._capture_preferences(), sync, notes])
        dialog.previewed.connect(lambda prefs: self.apply_preferences(prefs, save=False))
        if dialog.exec():
            self.apply_preferences(dialog.chosen())
        else:
            self.apply_preferences(before, save=False)  # the preview is undone

    def _capture_preferences(self) -> list[QWidget]:
        read_only = self.library.read_only
        watched: list[QWidget] = [] if read_only else [WatchedFolderPanel(self.watched)]
        try:
            return [ConnectorPanel(self.library), *watched]
        except ReaderError as exc:  # the pairing cannot be saved: the rest still opens
            log.warning("connector pairing unavailable: %s", exc)
            return watched

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.parts.pane.flush_position()
        self.annotations.close()
        self.vault.close()
        self._counts_timer.stop()
        self._reload_timer.stop()
        self.maintenance.stop()
        self.modes.save()
        save_layout(self, self.parts, self._settings)
        if self.current.article_id is None:
            self._settings.remove(LAST_ARTICLE_KEY)
        self.imports.cancel()
        self.capture.stop_connector()
        self.watched.close()
        self.change_feed.stop()
        self.sync.stop()
        lanes = (self.search_lane, self.edit_lane, self.import_lane, self.count_lane)
        for lane in (*lanes, self.feed_lane):
            lane.shut_down()
        super().closeEvent(event)


def _single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def _local_paths(urls: list[QUrl]) -> list[Path]:
    return [local_path(url) for url in urls if url.isLocalFile()]
