"""Two devices and a three-person group share one library, through a shared folder and through
a real WebDAV server: Ana on two devices (library calls), Ben on the command line, Cleo in the
window. Everyone sees everyone's annotations with their authors, edits only their own, and
the concurrent edit of one note on Ana's two devices is listed as a conflict everywhere."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.errors import NotYours
from reader.gui.dialogs.sync import ConflictsDialog
from reader.gui.main_window import MainWindow
from reader.gui.sync import SyncIndicator
from reader.paths import DataPaths
from reader.services.library import Library
from reader.sync.credentials import ENVIRONMENT
from tests.articles import PLAIN_EN, write
from tests.cli import reader
from tests.unit.test_sync_folder import snapshot
from tests.unit.test_sync_webdav import (
    memory_keyring as memory_keyring,  # the fixtures, shared
)
from tests.unit.test_sync_webdav import (
    server as server,
)
from tests.webdav import PASSWORD, USER, Server

WITHIN_MS = 30_000


class Place:
    """Where the group syncs: a folder, or a WebDAV share with its user name."""

    def __init__(self, location: str, user: str | None) -> None:
        self.location, self.user = location, user

    def credentials(self) -> dict[str, str]:
        return {} if self.user is None else {"user": self.user, "password": PASSWORD}

    def cli(self) -> list[str]:
        return [] if self.user is None else ["--user", self.user]


@pytest.fixture(params=["folder", "webdav"])
def place(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Place]:
    if request.param == "folder":
        yield Place(str(tmp_path / "Syncthing" / "reader"), None)
        return
    request.getfixturevalue("memory_keyring")
    running: Server = request.getfixturevalue("server")
    monkeypatch.setenv(ENVIRONMENT, PASSWORD)  # Ben's command line has no terminal to ask
    yield Place(running.url, USER)


@pytest.fixture
def devices(tmp_path: Path, place: Place) -> Iterator[tuple[Library, Library, Library]]:
    """Ana's laptop (which set the library up), Ana's desktop, and Cleo's library."""
    laptop = Library(DataPaths(tmp_path / "ana-laptop"))
    laptop.sync.setup(place.location, "ana", **place.credentials())
    desktop, cleo = (Library(DataPaths(tmp_path / n)) for n in ("ana-desktop", "cleo"))
    yield laptop, desktop, cleo
    for lib in (laptop, desktop, cleo):
        lib.close()


def _by_note(lib: Library) -> dict[str | None, str | None]:
    return {h.note: h.author for h in lib.annotations.list_highlights()}


@pytest.mark.slow
def test_two_devices_and_a_three_person_group_share_one_library(
    qtbot: QtBot,
    tmp_path: Path,
    place: Place,
    devices: tuple[Library, Library, Library],
    settings: QSettings,
) -> None:
    laptop, desktop, cleo = devices
    article = laptop.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
    assert article is not None
    anas = laptop.annotations.highlight_quote(article, "fishing boats", note="ana's boats")
    laptop.annotations.set_note(article, "ana's reading note")
    laptop.sync_now()
    library_id = laptop.sync.status().library
    desktop.sync.join(library_id, place.location, "ana", **place.credentials())
    desktop.sync_now()

    # Ben, on the command line.
    ben = tmp_path / "ben"
    joined = [library_id, place.location, "--author", "ben", *place.cli()]
    reader(ben, "sync", "join", *joined, check=True)
    reader(ben, "sync", "now", check=True)
    (listed,) = json.loads(reader(ben, "list", "--json", check=True).stdout)
    bens = ["--quote", "painted warehouses", "--note", "ben's light"]
    reader(ben, "highlight", str(listed["id"]), *bens, check=True)
    refused = reader(ben, "note", str(listed["id"]), "ben's note instead")
    assert refused.returncode == 1 and "read-only" in refused.stderr
    reader(ben, "sync", "now", check=True)

    # Cleo, in the window: it syncs, shows the others' highlights with their authors.
    cleo.sync.join(library_id, place.location, "cleo", **place.credentials())
    window = MainWindow(cleo, settings, theme_override="light")
    qtbot.addWidget(window)
    window.show()
    _sync_in_window(qtbot, window)
    (indicator,) = window.statusBar().findChildren(SyncIndicator)
    assert indicator.text() == "Sync: idle"
    (theirs,) = cleo.list_articles()
    assert window.open_article(theirs.id)
    panel = window.annotations.panel
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=WITHIN_MS)
    shown = "\n".join(panel.list.item(r).text() for r in range(panel.list.count()))
    assert "By ana (read-only)" in shown and "By ben (read-only)" in shown
    cleo.annotations.highlight_quote(theirs.id, "fresh bread", note="cleo's harbour")
    others = {h.note: h for h in cleo.annotations.highlights(theirs.id)}
    with pytest.raises(NotYours):
        cleo.annotations.update_highlight(others["ana's boats"].id, note="cleo rewrote it")

    # Ana edits her note on both devices before either syncs: a conflict, kept.
    (on_desktop,) = desktop.annotations.highlights(desktop.list_articles()[0].id)
    laptop.annotations.update_highlight(anas.id, note="ana, on the laptop")
    desktop.annotations.update_highlight(on_desktop.id, note="ana, on the desktop")
    for _ in range(2):
        laptop.sync_now()
        desktop.sync_now()
        reader(ben, "sync", "now", check=True)
        _sync_in_window(qtbot, window)

    kept = {h.note for h in laptop.annotations.list_highlights()} & {
        "ana, on the laptop",
        "ana, on the desktop",
    }
    (winner,) = kept
    loser = ({"ana, on the laptop", "ana, on the desktop"} - kept).pop()
    expected = {winner: "ana", "ben's light": "ben", "cleo's harbour": "cleo"}
    for lib in (laptop, desktop, cleo):
        assert _by_note(lib) == expected
        assert [(c.value, c.author) for c in lib.sync.conflicts()] == [(loser, "ana")]
    notes = json.loads(reader(ben, "notes", "--json", check=True).stdout)
    assert {h["note"]: h["author"] for g in notes for h in g["highlights"]} == expected
    lost = json.loads(reader(ben, "sync", "conflicts", "--json", check=True).stdout)
    assert [(c["value"], c["author"]) for c in lost] == [(loser, "ana")]
    dialog = ConflictsDialog()
    qtbot.addWidget(dialog)
    dialog.show_conflicts(window.sync.conflicts())
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == loser

    ben_library = Library(DataPaths(ben))
    try:
        assert snapshot(laptop) == snapshot(desktop) == snapshot(cleo) == snapshot(ben_library)
    finally:
        ben_library.close()
    window.close()


def _sync_in_window(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sync.synced, timeout=WITHIN_MS):
        window.sync.sync_now()
