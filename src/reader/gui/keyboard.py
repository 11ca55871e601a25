"""Keyboard movement: j/k and n/p through the list, Enter into results and the pane, Esc back,
Space at the end of an article on to the next unread one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from reader.gui.models.search_results import SearchOutcome

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class KeyboardNavigation(QObject):
    """Moves between search field → results → reading pane and back, and along the list.

    Enter and Down in the search field go into the results (after the search, if the typed
    query has not run yet); Enter on a row reads it in the pane; Esc goes back one step.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._into_results = False  # Enter was pressed before the query's answer came
        a, p = window.menu_actions, window.parts
        a.next_article.triggered.connect(lambda: window.current_list().step(1))
        a.previous_article.triggered.connect(lambda: window.current_list().step(-1))
        a.next_unread.triggered.connect(lambda: self._step_to_unread(forward=True))
        a.previous_unread.triggered.connect(lambda: self._step_to_unread(forward=False))
        for watched in (p.article_list, p.search_list, p.pane, p.search_field):
            watched.installEventFilter(self)
        p.search_field.returnPressed.connect(self.enter_results)
        window.search.search_finished.connect(self._on_search_search_finished)

    def _step_to_unread(self, *, forward: bool) -> None:
        if not self._window.current_list().step_to_unread(forward=forward):
            self._window.statusBar().showMessage(self.tr("No more unread articles"), 3000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() not in PLAIN:
            return False
        key, p = event.key(), self._window.parts
        if watched in (p.article_list, p.search_list) and key in ENTER_KEYS:
            self.read_current()
        elif watched is p.search_field and key == Qt.Key.Key_Down:
            self.enter_results()
        elif watched is p.search_field and key == Qt.Key.Key_Tab:
            # On into the list the field fills, not round the window to the sidebar.
            self._window.current_list().setFocus(Qt.FocusReason.TabFocusReason)
            if self._window.searching:
                self.enter_results()
        elif watched is p.pane and key == Qt.Key.Key_Space and self._at_the_end():
            self._step_to_unread(forward=True)  # Space reads on into the next unread article
        elif watched is p.pane and key == Qt.Key.Key_Escape:
            self._window.current_list().setFocus(Qt.FocusReason.OtherFocusReason)
        elif watched is p.search_list and key == Qt.Key.Key_Escape:
            p.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            return False
        return True

    def _at_the_end(self) -> bool:
        pane = self._window.parts.pane
        bar = pane.verticalScrollBar()
        return pane.article is not None and bar.value() >= bar.maximum()

    def enter_results(self) -> None:
        """From the search field into the hits; runs the typed query first if it has not run."""
        field, search = self._window.parts.search_field, self._window.search
        text = field.text().strip()
        if not text:
            return
        if text != search.query or search.busy:
            self._into_results = True
            if text != search.query:
                field.set_query(field.text())
            return
        self._focus_results()

    def _on_search_search_finished(self, _outcome: SearchOutcome) -> None:
        if self._into_results:
            self._into_results = False
            self._focus_results()

    def _focus_results(self) -> None:
        results = self._window.parts.search_list
        if not self._window.searching or results.model().rowCount() == 0:
            return
        results.setFocus(Qt.FocusReason.OtherFocusReason)
        if not results.currentIndex().isValid():
            results.go_to_row(0)

    def read_current(self) -> None:
        """Enter on a row: the row's article in the pane, and the keyboard there to read it."""
        view, pane = self._window.current_list(), self._window.parts.pane
        article_id = view.current_id()
        if article_id is None:
            return
        shown = pane.article
        is_shown = shown is not None and shown.summary.id == article_id
        if not is_shown and not self._window.open_article(article_id):
            return
        pane.setFocus(Qt.FocusReason.OtherFocusReason)
