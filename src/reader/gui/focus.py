"""Full screen, focus mode and the panes shown beside the reading pane (remembered)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from reader.gui.actions import WindowActions


@dataclass(frozen=True)
class PanesShown:
    """Which side panes are shown, and the splitter's sizes, to restore after focus mode."""

    sidebar: bool
    article_list: bool
    sizes: QByteArray
    notes: bool = False


class WindowModes(QObject):
    """Owns the View menu's Full Screen, Focus Mode, Show Sidebar and Show Article List.

    Panes are hidden, not sized to zero: a hidden pane does not count towards the splitter's
    (and so the window's) minimum width, which is what lets a narrow window stay usable.
    """

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        reading: QWidget,
        actions: WindowActions,
        settings: QSettings,
    ) -> None:
        """`splitter` holds sidebar, list and reading area; `reading` takes the focus."""
        super().__init__(window)
        self._window, self._splitter, self._actions = window, splitter, actions
        self._reading = reading
        sidebar, article_list = splitter.widget(0), splitter.widget(1)
        assert sidebar is not None and article_list is not None
        self.sidebar, self.article_list = sidebar, article_list
        self._settings = settings
        self._before_focus: PanesShown | None = None
        actions.full_screen.toggled.connect(self._on_full_screen_toggled)
        actions.focus_mode.toggled.connect(self._on_focus_mode_toggled)
        actions.show_sidebar.toggled.connect(lambda on: self._on_pane_toggled(self.sidebar, on))
        actions.show_list.toggled.connect(lambda on: self._on_pane_toggled(self.article_list, on))
        splitter.splitterMoved.connect(self._on_splitter_moved)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.WindowStateChange:
            # The window manager may end full screen itself: the menu item follows.
            self._set_checked(self._actions.full_screen, self._window.isFullScreen())
        return False

    @property
    def focused(self) -> bool:
        return self._before_focus is not None

    def restore(self) -> None:
        """At start: the panes as the user left them (focus mode itself is not remembered)."""
        a = self._actions
        for key, action in (("sidebar", a.show_sidebar), ("list", a.show_list)):
            shown = self._settings.value(f"window/show_{key}", True)
            action.setChecked(str(shown).lower() not in ("false", "0"))
        self._show(self.sidebar, self._actions.show_sidebar.isChecked())
        self._show(self.article_list, self._actions.show_list.isChecked())

    def save(self) -> None:
        """The panes as they are out of focus mode; call before the splitter's state is saved."""
        if self._before_focus is not None:
            self._actions.focus_mode.setChecked(False)  # restores the panes and their sizes
        self._settings.setValue("window/show_sidebar", self.sidebar.isVisibleTo(self._window))
        self._settings.setValue("window/show_list", self.article_list.isVisibleTo(self._window))

    def _on_full_screen_toggled(self, on: bool) -> None:
        if on:
            self._window.showFullScreen()
        elif self._window.isFullScreen():
            self._window.showNormal()

    def _on_focus_mode_toggled(self, on: bool) -> None:
        if on and self._before_focus is None:
            notes = self._actions.notes_panel
            self._before_focus = PanesShown(
                self.sidebar.isVisibleTo(self._window),
                self.article_list.isVisibleTo(self._window),
                self._splitter.saveState(),
                notes is not None and notes.isChecked(),
            )
            if notes is not None and notes.isChecked():
                notes.trigger()  # the article alone: the Notes panel goes too, and comes back
            self._set_checked(self._actions.show_sidebar, False)
            self._set_checked(self._actions.show_list, False)
            self._show(self.sidebar, False)
            self._show(self.article_list, False)
        elif not on and self._before_focus is not None:
            before, self._before_focus = self._before_focus, None
            self._set_checked(self._actions.show_sidebar, before.sidebar)
            self._set_checked(self._actions.show_list, before.article_list)
            self._show(self.sidebar, before.sidebar)
            self._show(self.article_list, before.article_list)
            self._splitter.restoreState(before.sizes)
            notes = self._actions.notes_panel
            if before.notes and notes is not None and not notes.isChecked():
                notes.trigger()

    def _on_pane_toggled(self, pane: QWidget, on: bool) -> None:
        if self._before_focus is not None:
            # Showing a pane ends focus mode without bringing back the other one.
            self._before_focus = None
            self._set_checked(self._actions.focus_mode, False)
        self._show(pane, on)

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        """A pane dragged shut is hidden, as if its View menu item had been unchecked."""
        sizes = self._splitter.sizes()
        panes = (
            (0, self.sidebar, self._actions.show_sidebar),
            (1, self.article_list, self._actions.show_list),
        )
        for index, pane, action in panes:
            if sizes[index] == 0 and pane.isVisibleTo(self._window):
                action.setChecked(False)

    def _show(self, pane: QWidget, on: bool) -> None:
        had_focus = pane.isAncestorOf(self._window.focusWidget())
        pane.setVisible(on)
        if on:
            self._open_if_shut(pane)
        elif had_focus:
            self._reading.setFocus()

    def _open_if_shut(self, pane: QWidget) -> None:
        """A pane dragged shut comes back at a usable width, taken from the reading area."""
        sizes = self._splitter.sizes()
        index = self._splitter.indexOf(pane)
        if sizes[index] > 0:
            return
        width = max(pane.minimumWidth(), pane.sizeHint().width())
        sizes[index], sizes[-1] = width, max(0, sizes[-1] - width)
        self._splitter.setSizes(sizes)

    @staticmethod
    def _set_checked(action: QAction, on: bool) -> None:
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)
