"""The window's actions and menus, with each platform's standard shortcuts where Qt has them."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from reader.core.annotation import Color
from reader.gui.style import THEME_CHOICES
from reader.gui.views.notes_panel import color_label, swatch_icon

Key = QKeySequence.StandardKey
# What an action's shortcuts are made of: a platform's standard key, an explicit key, or a
# standard key with the explicit key to use where the platform has none.
ShortcutPart = Key | str | tuple[Key, str]
Bindings = Callable[[Key], list[QKeySequence]]


def resolve_shortcuts(
    parts: tuple[ShortcutPart, ...], bindings: Bindings = QKeySequence.keyBindings
) -> list[QKeySequence]:
    """The key sequences of an action on the platform whose standard keys `bindings` gives.

    The window builds its actions with Qt's bindings; the shortcut test passes each platform's.
    """
    keys: list[QKeySequence] = []
    for part in parts:
        if isinstance(part, str):
            keys.append(QKeySequence(part))
        elif isinstance(part, tuple):
            keys += bindings(part[0]) or [QKeySequence(part[1])]
        else:
            keys += bindings(part)
    return keys


class WindowActions(QObject):
    """Every menu command of the main window; the window connects them to its slots."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.shortcut_parts: list[tuple[QAction, tuple[ShortcutPart, ...]]] = []
        self._make_file_and_edit()
        self._make_view()
        self._make_article_and_help()
        self._make_annotations()
        self._make_go()

    def _make_file_and_edit(self) -> None:
        self.import_files = self._make(self.tr("Import &Files…"), Key.Open)
        self.import_files.setIconText(self.tr("Import"))
        self.import_folder = self._make(self.tr("Import F&older…"), "Ctrl+Shift+O")
        self.import_url = self._make(self.tr("Import from &URL…"))
        self.quit = self._make(self.tr("&Quit"), Key.Quit, role=QAction.MenuRole.QuitRole)
        self.find = self._make(self.tr("&Find in Article…"), Key.Find)
        self.find_next = self._make(self.tr("Find &Next"), Key.FindNext)
        self.find_previous = self._make(self.tr("Find Pre&vious"), Key.FindPrevious)
        self.search = self._make(self.tr("&Search Library"), "Ctrl+K", "Ctrl+L")
        self.preferences = self._make(
            self.tr("&Preferences…"),
            (Key.Preferences, "Ctrl+,"),  # macOS has one; Linux and Windows none
            role=QAction.MenuRole.PreferencesRole,
        )

    def _make_view(self) -> None:
        # Ctrl+= as well: on most keyboards "+" needs Shift.
        self.zoom_in = self._make(self.tr("Zoom &In"), Key.ZoomIn, "Ctrl+=")
        self.zoom_out = self._make(self.tr("Zoom &Out"), Key.ZoomOut)
        self.zoom_reset = self._make(self.tr("Actual Si&ze"), "Ctrl+0")
        self.themes = QActionGroup(self)
        labels = (
            self.tr("Follow the &System"),
            self.tr("&Light"),
            self.tr("S&epia"),
            self.tr("&Dark"),
        )
        for key, label in zip(THEME_CHOICES, labels, strict=True):
            action = self._make(label)
            action.setCheckable(True)
            action.setData(key)
            self.themes.addAction(action)
        # F11 where the platform has no standard key for it (X11 has none, Windows F11 too).
        self.full_screen = self._make(self.tr("&Full Screen"), (Key.FullScreen, "F11"))
        self.focus_mode = self._make(self.tr("Focus &Mode"), "Ctrl+Shift+F")
        self.show_sidebar = self._make(self.tr("Show Side&bar"))
        self.show_list = self._make(self.tr("Show Article &List"))
        for action in (self.full_screen, self.focus_mode, self.show_sidebar, self.show_list):
            action.setCheckable(True)

    def _make_article_and_help(self) -> None:
        self.mark_read = self._make(self.tr("Mark as &Read"), "Ctrl+Shift+R")
        self.mark_unread = self._make(self.tr("Mark as &Unread"), "Ctrl+Shift+U")
        self.bookmark = self._make(self.tr("&Bookmark"), "Ctrl+D")
        self.bookmark.setCheckable(True)  # checked while the article shown has a bookmark
        self.open_source = self._make(self.tr("&Open Original Page"), "O")
        self.move = self._make(self.tr("&Move to Section…"), "Ctrl+Shift+M")
        self.edit_details = self._make(self.tr("&Edit Details…"), "Ctrl+E")
        # Del alone, not the standard Delete: on X11 that is Del *and* Ctrl+D, which made
        # Bookmark's Ctrl+D ambiguous there (neither action ran).
        self.remove = self._make(self.tr("Move to &Trash"), "Del")
        self.restore = self._make(self.tr("Restore &from Trash"))
        self.empty_trash = self._make(self.tr("Em&pty Trash…"))
        self.download_images = self._make(self.tr("Do&wnload Images for This Article"))
        self.download_images.setToolTip(
            self.tr("Fetch the web images this article shows as placeholders")
        )
        self.search_help = self._make(self.tr("Search &Syntax"))
        self.shortcuts_sheet = self._make(self.tr("&Keyboard Shortcuts"), "?", "Ctrl+/")
        self.about = self._make(self.tr("&About Reader"), role=QAction.MenuRole.AboutRole)
        self.article_actions = (
            self.mark_read,
            self.mark_unread,
            self.bookmark,
            self.edit_details,
            self.move,
            self.remove,
        )

    def _make_annotations(self) -> None:
        self.export_annotations = self._make(self.tr("&Export Annotations…"), "Ctrl+Shift+E")
        self.export_obsidian = self._make(self.tr("Export to Obsi&dian Vault…"))
        self.export_logseq = self._make(self.tr("Export to Lo&gseq Graph…"))
        self.import_annotations = self._make(self.tr("Import &Annotations…"))
        self.all_annotations = self._make(self.tr("All &Annotations"), "Ctrl+Shift+A")
        self.color_meanings = self._make(self.tr("Colour &Meanings…"))
        # Plain digits: they act only while the reading pane has focus (see AnnotationController),
        # so typing a 1 in the search field or a note never highlights anything.
        self.highlight_colors: dict[Color, QAction] = {}
        for number, color in enumerate(Color, 1):
            action = QAction(swatch_icon(color.value), color_label(color), self._window)
            action.setShortcut(QKeySequence(str(number)))
            self.shortcut_parts.append((action, (str(number),)))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setData(color.value)
            action.setToolTip(
                self.tr("Highlight in {color} ({key})").format(color=color_label(color), key=number)
            )
            self.highlight_colors[color] = action
        self.reattach = QAction(self.tr("Re-attach to Se&lection"), self._window)
        self.confirm_highlight = QAction(self.tr("&Confirm Highlight Position"), self._window)
        self.delete_highlight = QAction(self.tr("&Delete Highlight"), self._window)
        # Brackets, like the plain-letter moves: a text field with the focus types them.
        self.next_highlight = self._make(self.tr("Next &Highlight"), "]")
        self.previous_highlight = self._make(self.tr("Previous Hi&ghlight"), "[")
        self.edit_tags = self._make(self.tr("Edit Ta&gs…"), "Ctrl+Shift+T")
        self.save_search = self._make(self.tr("Save S&earch…"))
        self.notes_panel: QAction | None = None  # the notes dock's own toggle, set by its owner
        self.undo_redo: list[QAction] = []  # Edit → Undo and Redo, set by the undo history
        self.list_layout: list[QAction] = []  # View → Compact List, set by the list's options
        self.sort_by: list[QAction] = []  # View → Sort By, likewise

    def _make_go(self) -> None:
        # Plain letters, as in mail and feed readers: a focused text field takes them as
        # typing (Qt lets it override shortcuts), so they never fire while searching or noting.
        self.next_article = self._make(self.tr("&Next Article"), "J")
        self.previous_article = self._make(self.tr("&Previous Article"), "K")
        self.next_unread = self._make(self.tr("Next &Unread"), "N")
        self.previous_unread = self._make(self.tr("P&revious Unread"), "P")
        self.go_actions = (
            self.next_article,
            self.previous_article,
            self.next_unread,
            self.previous_unread,
        )

    def _make(
        self,
        text: str,
        *shortcut: ShortcutPart,
        role: QAction.MenuRole = QAction.MenuRole.NoRole,
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcuts(resolve_shortcuts(shortcut))
            self.shortcut_parts.append((action, shortcut))
        action.setMenuRole(role)
        self._window.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def set_color_meanings(self, meanings: Mapping[Color, str | None]) -> None:
        """Name each highlight colour with its meaning ("Yellow — Key claim")."""
        for number, (color, action) in enumerate(self.highlight_colors.items(), 1):
            label = color_label(color, meanings.get(color))
            action.setText(label)
            action.setToolTip(
                self.tr("Highlight in {color} ({key})").format(color=label, key=number)
            )

    def choose_theme(self, key: str) -> None:
        for action in self.themes.actions():
            action.setChecked(action.data() == key)

    def fill(self, bar: QMenuBar) -> None:
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.import_files, self.import_folder, self.import_url])
        file_menu.addSeparator()
        file_menu.addActions([self.export_annotations, self.export_obsidian, self.export_logseq])
        file_menu.addAction(self.import_annotations)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu(self.tr("&Edit"))
        if self.undo_redo:
            edit.addActions(self.undo_redo)
            edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous])
        edit.addSeparator()
        edit.addActions([self.search, self.save_search])
        edit.addSeparator()
        edit.addActions([self.color_meanings, self.preferences])
        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view.addSeparator()
        theme = view.addMenu(self.tr("&Theme"))
        theme.addActions(self.themes.actions())
        view.addSeparator()
        view.addActions(self.list_layout)
        if self.sort_by:
            view.addMenu(self.tr("&Sort By")).addActions(self.sort_by)
        view.addSeparator()
        view.addActions([self.full_screen, self.focus_mode])
        view.addSeparator()
        view.addActions([self.show_sidebar, self.show_list])
        if self.notes_panel is not None:
            view.addAction(self.notes_panel)
        view.addAction(self.all_annotations)
        go = bar.addMenu(self.tr("&Go"))
        go.addActions(list(self.go_actions))
        go.addSeparator()
        go.addActions([self.next_highlight, self.previous_highlight])
        article = bar.addMenu(self.tr("&Article"))
        article.addActions([self.mark_read, self.mark_unread, self.bookmark, self.open_source])
        article.addActions([self.edit_details, self.edit_tags])
        article.addSeparator()
        highlight = article.addMenu(self.tr("&Highlight Selection"))
        highlight.addActions(list(self.highlight_colors.values()))
        article.addActions([self.reattach, self.confirm_highlight, self.delete_highlight])
        article.addSeparator()
        article.addActions([self.move, self.remove, self.restore, self.empty_trash])
        article.addSeparator()
        article.addAction(self.download_images)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_sheet, self.search_help, self.about])
