"""No two actions share a key, on X11, Windows or macOS, and none takes a reserved key."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtGui import QAction, QKeySequence

from reader.gui.actions import resolve_shortcuts
from reader.gui.main_window import MainWindow
from tests.gui.key_bindings import RESERVED, STANDARD_KEYS, bindings_of, texts

PLATFORMS = sorted(STANDARD_KEYS)


def shortcuts_on(window: MainWindow, platform: str) -> dict[str, list[str]]:
    """Key → the actions it triggers, every QAction of the window, as built on `platform`."""
    built = dict(window.menu_actions.shortcut_parts)
    bindings = bindings_of(platform)
    keys: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        if action in built:
            sequences = resolve_shortcuts(built[action], bindings)
        else:  # an action made elsewhere with explicit keys
            sequences = action.shortcuts()
        for text in texts(sequences):
            keys[text].append(action.text().replace("&", "") or action.objectName())
    return keys


@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_two_actions_share_a_key(window: MainWindow, platform: str) -> None:
    keys = shortcuts_on(window, platform)
    clashes = {key: names for key, names in keys.items() if len(names) > 1}
    assert clashes == {}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_action_takes_a_reserved_standard_key(window: MainWindow, platform: str) -> None:
    table = STANDARD_KEYS[platform]
    reserved = {text: key.name for key in RESERVED for text in table[key]}
    # Edit → Undo and Redo are the window's own use of those keys (a text field with the
    # focus still takes them first, through Qt's shortcut override).
    history = window.history
    own = {
        name: [a.text().replace("&", "")]
        for name, a in (("Undo", history.undo), ("Redo", history.redo))
    }
    taken = {
        key: reserved[key]
        for key, names in shortcuts_on(window, platform).items()
        if key in reserved and names != own.get(reserved[key])
    }
    assert taken == {}


def test_bookmark_and_remove_keys_on_x11(window: MainWindow) -> None:
    keys = shortcuts_on(window, "xcb")
    assert keys["Ctrl+D"] == ["Bookmark"]
    assert keys["Del"] == ["Move to Trash"]


def test_the_windows_table_is_what_qt_says_offscreen(qapp: object) -> None:
    # Qt's offscreen platform uses the Windows key scheme; a wrong table would hide clashes.
    for key, expected in STANDARD_KEYS["windows"].items():
        assert texts(QKeySequence.keyBindings(key)) == expected, key.name
