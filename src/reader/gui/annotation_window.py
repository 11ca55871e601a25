"""The main window's annotation features: notes dock, menu commands, All Annotations window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow

from reader.errors import ReaderError
from reader.gui.actions import WindowActions
from reader.gui.annotation_commands import AnnotationCommands
from reader.gui.annotation_exchange import AnnotationExchange
from reader.gui.dialogs.all_annotations import AllAnnotationsDialog
from reader.gui.dialogs.color_meanings import ColorMeaningsDialog
from reader.gui.tasks import TaskRunner
from reader.gui.undo import UndoHistory
from reader.gui.views.notes_panel import NotesPanel
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library

NOTES_DOCK_WIDTH = 300


class AnnotationFeatures(QObject):
    """Builds the notes dock and connects the annotation menus; reports changed articles."""

    articles_changed = Signal(list)  # ids whose annotations changed
    library_changed = Signal()  # an import touched articles not known in advance

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        lanes: tuple[TaskRunner, TaskRunner],
        pane: ReadingPane,
        actions: WindowActions,
        open_article: Callable[[int], bool],
        history: UndoHistory,
    ) -> None:
        super().__init__(window)
        read_lane, edit_lane = lanes
        self._edit_lane = edit_lane
        self._actions = actions
        self._window = window
        self._library = library
        self._open_article = open_article
        self.panel = NotesPanel()
        self.dock = _notes_dock(window, self.panel)
        status = self._show_status
        self.commands = AnnotationCommands(
            library, edit_lane, pane, self.panel, actions, window, status, history
        )
        self.exchange = AnnotationExchange(library, read_lane, edit_lane, window, status)
        self.dialog: AllAnnotationsDialog | None = None
        toggle = self.dock.toggleViewAction()
        toggle.setText(self.tr("&Notes Panel"))
        toggle.setShortcut("Ctrl+Shift+N")
        actions.notes_panel = toggle  # before the window fills its menus
        actions.export_annotations.triggered.connect(
            lambda: self.exchange.ask_and_export(self.commands.article_id)
        )
        actions.import_annotations.triggered.connect(self.exchange.ask_and_import)
        actions.all_annotations.triggered.connect(self.show_all)
        actions.color_meanings.triggered.connect(self.edit_color_meanings)
        self.commands.annotations_changed.connect(self._on_commands_annotations_changed)
        self.exchange.imported.connect(self._on_exchange_imported)
        self.show_color_meanings()

    def _show_status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 6000)

    def show_all(self) -> AllAnnotationsDialog:
        """Open (or raise) the All Annotations window."""
        if self.dialog is None:
            self.dialog = AllAnnotationsDialog(self._library, self._window)
            self.dialog.highlight_opened.connect(self.open_highlight)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def edit_color_meanings(self) -> ColorMeaningsDialog:
        """Ask what each colour means; saved when the dialog is accepted."""
        dialog = ColorMeaningsDialog(self._library.annotations.color_meanings(), self._window)
        dialog.accepted.connect(lambda: self._save_color_meanings(dialog))
        dialog.open()
        return dialog

    def _save_color_meanings(self, dialog: ColorMeaningsDialog) -> None:
        meanings = dialog.meanings()

        def save() -> None:
            for color, meaning in meanings.items():
                self._library.annotations.set_color_meaning(color, meaning)

        self._edit_lane.start(
            lambda _stop: save(),
            finished=lambda _none: self.show_color_meanings(),
            failed=self._show_status,
        )

    def show_color_meanings(self) -> None:
        """Name the colours with their meanings wherever one is chosen."""
        try:
            meanings = self._library.annotations.color_meanings()
        except ReaderError as exc:
            self._show_status(str(exc))
            return
        self._actions.set_color_meanings(meanings)
        self.panel.set_color_meanings(meanings)
        if self.dialog is not None:
            self.dialog.refresh()

    def open_highlight(self, article_id: int, highlight_id: int) -> bool:
        """Open an article and scroll to one of its highlights, ready to edit its note."""
        if self.commands.article_id != article_id and not self._open_article(article_id):
            return False
        self.dock.show()
        self.commands.choose(highlight_id, reveal=True)
        return True

    def _on_commands_annotations_changed(self, article_id: int) -> None:
        self.dock.show()
        self.articles_changed.emit([article_id])
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.apply_filter()

    def _on_exchange_imported(self, _report: object) -> None:
        self.commands.reload()
        self.library_changed.emit()

    def close(self) -> None:
        """Save what is being typed (the window is closing; the edit lane still runs)."""
        self.panel.flush()


def _notes_dock(window: QMainWindow, panel: NotesPanel) -> QDockWidget:
    dock = QDockWidget(QCoreApplication.translate("AnnotationFeatures", "Notes"), window)
    dock.setObjectName("notesDock")
    dock.setWidget(panel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    dock.setAllowedAreas(
        Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [NOTES_DOCK_WIDTH], Qt.Orientation.Horizontal)
    # Hidden until the reader annotates (or opens it): a first window keeps room for the list.
    # Its visibility afterwards is restored with the window state.
    dock.hide()
    return dock
