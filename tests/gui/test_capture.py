"""Capture in the window: Import from URL, the connector it runs, and its Preferences panel."""

from __future__ import annotations

import socket

import httpx
import pytest
from pytestqt.qtbot import QtBot

from reader.capture.pairing import Pairing, load_pairing, save_pairing
from reader.gui.capture import ConnectorPanel
from reader.gui.main_window import MainWindow
from reader.services.library import ImportResult, Library
from tests.integration.test_connector import ORIGIN, PAGE, TOKEN
from tests.integration.test_import_url import article_page
from tests.web import html, serving


def test_import_from_url_runs_on_the_import_lane(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    with (
        serving({"/pier.html": html(article_page())}) as site,
        qtbot.waitSignal(window.capture.url_imported, timeout=20_000) as done,
    ):
        window.capture.import_url(site.url("/pier.html"))
    result = done.args[0] if done.args else None
    assert isinstance(result, ImportResult) and result.ok, result
    assert window.parts.article_model.row_of(result.article_id or 0) is not None
    assert window.windowTitle().startswith("Council votes to rebuild the stone pier")
    with qtbot.waitSignal(window.capture.url_imported, timeout=20_000) as failed:
        window.capture.import_url("file:///etc/passwd")
    assert "only http and https" in window.statusBar().currentMessage()
    assert failed.args and not failed.args[0].ok


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_page_saved_from_the_browser_appears_in_the_list(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    port = free_port()
    save_pairing(library.paths.connector, Pairing(port, TOKEN, ORIGIN))
    window.capture.start_connector()
    assert window.capture.connector is not None
    answer = httpx.post(
        f"http://127.0.0.1:{port}/api/save",
        json={"url": "https://news.example.org/tides", "title": "Tides", "html": PAGE},
        headers={"Authorization": f"Bearer {TOKEN}", "Origin": ORIGIN},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    new_id = answer.json()["id"]
    # A hang guard only: how fast the row appears is measured by bench/capture_bench.py.
    qtbot.waitUntil(lambda: window.parts.article_model.row_of(new_id) is not None, timeout=60_000)
    window.close()  # closing the window stops the connector: the port is free again
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/api/ping", timeout=2)


def test_preferences_show_the_token_and_rotate_it(qtbot: QtBot, library: Library) -> None:
    panel = ConnectorPanel(library)
    qtbot.addWidget(panel)
    before = panel.token.text()
    assert before == load_pairing(library.paths.connector).token
    panel.rotate.click()
    assert panel.token.text() != before
    assert panel.token.text() == load_pairing(library.paths.connector).token
