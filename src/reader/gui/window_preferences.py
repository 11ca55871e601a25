"""The window's reading preferences in force: theme, zoom and typography, and their dialog."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from reader.gui.actions import WindowActions
from reader.gui.dialogs.preferences import PreferencesDialog
from reader.gui.preferences import ReadingPreferences
from reader.gui.style import WindowPalette, resolve_theme
from reader.gui.views.reading_pane import ReadingPane


class WindowPreferences(QObject):
    """Applies the preferences to the application palette, the reading pane and the theme
    menu, follows the system's light or dark scheme, and saves what the user changes."""

    def __init__(
        self,
        window: QMainWindow,
        pane: ReadingPane,
        actions: WindowActions,
        settings: QSettings,
        theme_override: str | None,
    ) -> None:
        super().__init__(window)
        self._window, self._pane, self._actions, self._settings = window, pane, actions, settings
        self.current = ReadingPreferences.load(settings)
        if theme_override is not None:  # for this run only: saved preferences keep theirs
            self.current = replace(self.current, theme=theme_override)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._palette = WindowPalette(app)
        actions.zoom_in.triggered.connect(lambda: self.zoom(1))
        actions.zoom_out.triggered.connect(lambda: self.zoom(-1))
        actions.zoom_reset.triggered.connect(lambda: self.zoom(0))
        actions.themes.triggered.connect(lambda action: self.set_theme(str(action.data())))
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)
        self.apply(self.current, save=False)

    def apply(self, prefs: ReadingPreferences, *, save: bool = True) -> None:
        self.current = prefs
        theme = resolve_theme(prefs.theme)
        self._palette.apply(theme)
        self._pane.apply_preferences(prefs, theme)
        self._actions.choose_theme(prefs.theme)
        if save:
            prefs.save(self._settings)

    def zoom(self, steps: int) -> None:
        self.apply(self.current.zoomed(steps))
        # The window's translation context, where the string has always been.
        zoom = QCoreApplication.translate("MainWindow", "Zoom {zoom}%")
        zoom = zoom.format(zoom=self.current.zoom)
        self._window.statusBar().showMessage(zoom, 1500)

    def set_theme(self, key: str) -> None:
        self.apply(replace(self.current, theme=key))

    def edit(self, library: list[QWidget], connections: list[QWidget]) -> None:
        """The Preferences dialog, with the window's other settings as extra panels on its
        Library and Connections tabs; its changes show as they are made and are undone on
        Cancel."""
        before = self.current
        dialog = PreferencesDialog(before, self._window, library, connections)
        dialog.previewed.connect(lambda prefs: self.apply(prefs, save=False))
        if dialog.exec():
            self.apply(dialog.chosen())
        else:
            self.apply(before, save=False)

    def _on_style_hints_color_scheme_changed(self) -> None:
        self._palette.platform_changed()
        if self.current.theme == "system":
            self.apply(self.current, save=False)
