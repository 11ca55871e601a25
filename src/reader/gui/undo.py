"""Undo and redo: each command a change made on the edit lane, and the change that reverses it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from reader.core.annotation import Highlight
from reader.gui.actions import ShortcutPart, resolve_shortcuts
from reader.services.library import Library

# Starts a change on the edit lane; the window refreshes what it touched once it is done.
Run = Callable[[Callable[[], object]], None]

Key = QKeySequence.StandardKey


class LaneCommand(QUndoCommand):
    """A change and its reverse, both handed to `run` (the edit lane: never the UI thread).

    The lane is serial, so an undo starts after its change has been made, and state one
    direction leaves for the other (a restored highlight's new id) is set on the lane.
    """

    def __init__(
        self, text: str, run: Run, forward: Callable[[], object], backward: Callable[[], object]
    ) -> None:
        super().__init__(text)
        self._run = run
        self._forward = forward
        self._backward = backward

    def redo(self) -> None:
        self._run(self._forward)

    def undo(self) -> None:
        self._run(self._backward)


class DeleteHighlight(LaneCommand):
    """Deleting a highlight; undo puts it back with its note and tags (under a new id)."""

    def __init__(self, text: str, run: Run, library: Library, highlight: Highlight) -> None:
        super().__init__(text, run, self._delete, self._restore)
        self._annotating = library.annotations
        self.highlight = highlight

    def _delete(self) -> Highlight:
        return self._annotating.delete_highlight(self.highlight.id)

    def _restore(self) -> Highlight:
        self.highlight = self._annotating.restore_highlight(self.highlight)
        return self.highlight


class UndoHistory(QObject):
    """The window's undo stack with its Edit → Undo and Redo actions (Ctrl+Z, Ctrl+Shift+Z)."""

    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self.stack = QUndoStack(self)
        self.undo = self.stack.createUndoAction(self, self.tr("&Undo"))
        self.redo = self.stack.createRedoAction(self, self.tr("&Redo"))
        # Qt's standard keys: Ctrl+Z; Ctrl+Shift+Z (and Ctrl+Y on Windows) for redo.
        self.shortcut_parts: list[tuple[QAction, tuple[ShortcutPart, ...]]] = [
            (self.undo, (Key.Undo,)),
            (self.redo, (Key.Redo,)),
        ]
        for action, parts in self.shortcut_parts:
            action.setShortcuts(resolve_shortcuts(parts))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def push(self, command: QUndoCommand) -> None:
        """Record a command and make its change (QUndoStack.push calls redo())."""
        self.stack.push(command)
