"""Qt's standard key bindings on each desktop platform, for the shortcut clash tests.

Qt only answers for the platform it runs on, so the three tables are written out here from
Qt's own table (qplatformtheme.cpp). In Qt's notation "Ctrl" is Command on macOS and "Meta" the
Control key. The offscreen suite checks the Windows table against Qt (offscreen uses the Windows
scheme), the real-display suite the xcb one; macOS is as Qt documents it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

Key = QKeySequence.StandardKey

_ALL = {
    Key.Open: "Ctrl+O",
    Key.Find: "Ctrl+F",
    Key.ZoomIn: "Ctrl++",
    Key.ZoomOut: "Ctrl+-",
    Key.SelectAll: "Ctrl+A",
}
STANDARD_KEYS: dict[str, dict[Key, tuple[str, ...]]] = {
    "xcb": {
        Key.Quit: ("Ctrl+Q",),
        Key.FindNext: ("F3",),
        Key.FindPrevious: ("Shift+F3",),
        Key.Preferences: (),
        Key.Delete: ("Del", "Ctrl+D"),
        Key.Copy: ("Ctrl+C", "Ctrl+Ins", "F16"),
        Key.Cut: ("Ctrl+X", "Shift+Del", "F20"),
        Key.Paste: ("Ctrl+V", "Ctrl+Shift+Ins", "Shift+Ins", "F18"),
        Key.Undo: ("Ctrl+Z", "F14"),
        Key.Redo: ("Ctrl+Shift+Z",),
        # The generic X11 scheme (no desktop running) has none; KDE's is F11 and Ctrl+Shift+F.
        Key.FullScreen: (),
    },
    "windows": {
        Key.Quit: (),
        Key.FindNext: ("F3", "Ctrl+G"),
        Key.FindPrevious: ("Shift+F3", "Ctrl+Shift+G"),
        Key.Preferences: (),
        Key.Delete: ("Del",),
        Key.Copy: ("Ctrl+C", "Ctrl+Ins"),
        Key.Cut: ("Ctrl+X", "Shift+Del"),
        Key.Paste: ("Ctrl+V", "Shift+Ins"),
        Key.Undo: ("Ctrl+Z", "Alt+Backspace"),
        Key.Redo: ("Ctrl+Y", "Alt+Shift+Backspace", "Ctrl+Shift+Z"),
        Key.FullScreen: ("F11", "Alt+Enter"),
    },
    "macos": {
        Key.Quit: ("Ctrl+Q",),
        Key.FindNext: ("Ctrl+G",),
        Key.FindPrevious: ("Ctrl+Shift+G",),
        Key.Preferences: ("Ctrl+,",),
        Key.Delete: ("Del", "Meta+D"),
        Key.Copy: ("Ctrl+C",),
        Key.Cut: ("Ctrl+X", "Meta+K"),
        Key.Paste: ("Ctrl+V", "Meta+Y"),
        Key.Undo: ("Ctrl+Z",),
        Key.Redo: ("Ctrl+Shift+Z",),
        Key.FullScreen: ("Ctrl+Meta+F",),
    },
}
for _table in STANDARD_KEYS.values():
    _table.update({key: (text,) for key, text in _ALL.items()})

# Standard keys the window's own widgets act on (copy and select all in the pane and lists,
# undo): an action must not take them. Text-editing keys such as X11's Ctrl+D (delete a
# character) are not here: inside a text field the field rightly wins.
RESERVED = (Key.Copy, Key.Cut, Key.Paste, Key.Undo, Key.Redo, Key.SelectAll)

# Keys of special keyboards (a "Copy" key) that Qt adds to some bindings; not in the tables.
_SPECIAL = {
    Qt.Key.Key_Open, Qt.Key.Key_Find, Qt.Key.Key_ZoomIn, Qt.Key.Key_ZoomOut, Qt.Key.Key_Copy,
    Qt.Key.Key_Cut, Qt.Key.Key_Paste, Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Exit,
}  # fmt: skip


def texts(sequences: list[QKeySequence]) -> tuple[str, ...]:
    """Portable text of the sequences, leaving out special keyboards' keys."""
    return tuple(s.toString() for s in sequences if s.count() and s[0].key() not in _SPECIAL)


def bindings_of(platform: str) -> Callable[[Key], list[QKeySequence]]:
    """The `bindings` function resolve_shortcuts takes, for one platform's table."""
    table = STANDARD_KEYS[platform]

    def bindings(key: Key) -> list[QKeySequence]:
        return [QKeySequence(text) for text in table[key]]

    return bindings
