"""The main window's menu actions connected to the commands they run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.gui.dialogs.about import show_about
from reader.gui.dialogs.import_paths import choose_files, choose_folder
from reader.gui.dialogs.shortcuts_sheet import ShortcutsSheet

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow


def connect_menus(window: MainWindow) -> None:
    """Every menu action the window answers itself (the parts wire their own)."""
    w, a, p = window, window.menu_actions, window.parts
    a.import_files.triggered.connect(lambda: w.import_paths(choose_files(w)))
    a.import_folder.triggered.connect(lambda: w.import_paths(choose_folder(w)))
    a.quit.triggered.connect(w.close)
    a.find.triggered.connect(lambda: p.find_bar.open_bar(p.pane.textCursor().selectedText()))
    a.find_next.triggered.connect(lambda: p.find_bar.step(forward=True))
    a.find_previous.triggered.connect(lambda: p.find_bar.step(forward=False))
    a.preferences.triggered.connect(w.edit_preferences)
    a.mark_read.triggered.connect(lambda: w.commands.mark_read(w.target_ids(), True))
    a.mark_unread.triggered.connect(lambda: w.commands.mark_read(w.target_ids(), False))
    a.bookmark.triggered.connect(lambda: _toggle_bookmark(w))
    a.move.triggered.connect(lambda: w.commands.move(w.target_ids()))
    a.open_source.triggered.connect(lambda: w.reading.open_source())
    # The menu item shows the shown article's bookmark (a toggle may act on a selection).
    p.pane.rendered.connect(lambda art: a.bookmark.setChecked(art.summary.bookmarked))
    p.pane.article_changed.connect(
        lambda art: a.bookmark.setChecked(art is not None and art.summary.bookmarked)
    )
    a.edit_details.triggered.connect(lambda: _edit_details(w))
    a.remove.triggered.connect(lambda: _remove_and_go_on(w))
    a.restore.triggered.connect(lambda: w.commands.restore(w.target_ids()))
    a.empty_trash.triggered.connect(w.commands.empty_trash)
    a.about.triggered.connect(lambda: show_about(w))
    a.shortcuts_sheet.triggered.connect(lambda: ShortcutsSheet(keyed_actions(w), w).show())


def _remove_and_go_on(window: MainWindow) -> None:
    """Move the targets to the Trash and, when the article shown was among them, go on to
    the next row, as a mail reader does (the list selected nothing, the pane was empty)."""
    targets = window.target_ids()
    shown = window.parts.pane.article
    was_shown = shown is not None and shown.summary.id in targets
    following = window.current_list().neighbour_of(targets) if was_shown else None
    if window.commands.remove(targets) and following is not None:
        window.select_article(following)


def keyed_actions(window: MainWindow) -> list[QAction]:
    """The window's own actions, the pane's, then every menu's (a dock's toggle, such as the
    Notes panel's, is only in its menu)."""
    menus = [
        action
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if not action.isSeparator() and action.menu() is None
    ]
    return [*window.actions(), *window.parts.pane.actions(), *menus]


def add_undo_actions(window: MainWindow) -> None:
    """Edit → Undo and Redo, with their shortcuts listed beside the other actions'."""
    history, a = window.history, window.menu_actions
    a.undo_redo = [history.undo, history.redo]
    a.shortcut_parts += history.shortcut_parts
    window.addActions(a.undo_redo)  # shortcuts work even with the menu bar hidden


def _toggle_bookmark(window: MainWindow) -> None:
    window.commands.toggle_bookmark(window.target_ids())
    # Checked as the shown article is until the write shows (it may not touch that one).
    shown = window.parts.pane.article
    window.menu_actions.bookmark.setChecked(shown is not None and shown.summary.bookmarked)


def _edit_details(window: MainWindow) -> None:
    if window.current.article_id is not None:  # one article: the one the pane shows
        window.commands.edit_details(window.current.article_id)
