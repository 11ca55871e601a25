"""Pairing in one step: the extension holding the token posts to /api/pair from its origin."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from reader.capture.connector import Connector, SaveRequest
from reader.capture.pairing import DEFAULT_PORT, Pairing, load_pairing, save_pairing
from reader.services.library import Library

ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
FIREFOX = "moz-extension://0f1e2d3c-4b5a-4697-8877-665544332211"
TOKEN = "p" * 43
PAGE = (
    "<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1><p>"
    + ("The evening ferry will run until the end of October this year, the council said. " * 4)
    + "</p></article></body></html>"
)
TIMEOUT = httpx.Timeout(10.0)


@pytest.fixture
def unpaired(library: Library) -> Iterator[Connector]:
    save_pairing(library.paths.connector, Pairing(DEFAULT_PORT, TOKEN, None))

    def save(request: SaveRequest) -> dict[str, object]:
        return library.save_page(request.url, request.title, request.html).to_json()

    running = Connector(library.paths.connector, save, port=0)
    running.start()
    yield running
    running.stop()


def pair(connector: Connector, origin: str | None, token: str = TOKEN) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    if origin is not None:
        headers["Origin"] = origin
    return httpx.post(
        f"http://127.0.0.1:{connector.port}/api/pair", json={}, headers=headers, timeout=TIMEOUT
    )


def save(connector: Connector, origin: str) -> httpx.Response:
    return httpx.post(
        f"http://127.0.0.1:{connector.port}/api/save",
        json={"url": "https://news.example.org/ferry", "title": "Ferry", "html": PAGE},
        headers={"Authorization": f"Bearer {TOKEN}", "Origin": origin},
        timeout=TIMEOUT,
    )


def test_the_first_extension_with_the_token_is_paired_and_can_save(
    unpaired: Connector, library: Library
) -> None:
    refused = save(unpaired, ORIGIN)
    assert refused.status_code == 403 and "no extension is paired" in refused.json()["error"]
    answer = pair(unpaired, ORIGIN)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"paired": ORIGIN, "port": unpaired.port}
    assert answer.headers["access-control-allow-origin"] == ORIGIN
    assert load_pairing(library.paths.connector).origin == ORIGIN
    assert pair(unpaired, ORIGIN).status_code == 200  # pairing again is harmless
    assert save(unpaired, ORIGIN).status_code == 200
    assert library.count() == 1


@pytest.mark.parametrize(
    ("origin", "token"),
    [
        (ORIGIN, "x" * 43),  # an extension without the token
        ("https://evil.example", TOKEN),  # a web page (that somehow had the token)
        ("null", TOKEN),
        (None, TOKEN),  # a command-line client: it has no origin to pair
    ],
)
def test_only_an_extension_holding_the_token_pairs(
    unpaired: Connector, library: Library, origin: str | None, token: str
) -> None:
    answer = pair(unpaired, origin, token)
    assert answer.status_code == 403
    assert "access-control-allow-origin" not in answer.headers
    assert load_pairing(library.paths.connector).origin is None


def test_a_second_extension_is_refused_and_told_how_to_pair(
    unpaired: Connector, library: Library
) -> None:
    assert pair(unpaired, ORIGIN).status_code == 200
    answer = pair(unpaired, FIREFOX)
    assert answer.status_code == 403
    assert f"reader serve --pair-origin {FIREFOX}" in answer.json()["error"]
    assert load_pairing(library.paths.connector).origin == ORIGIN
    assert save(unpaired, FIREFOX).status_code == 403
    assert library.count() == 0


def test_a_pairing_preflight_is_answered_for_extensions_while_unpaired(
    unpaired: Connector,
) -> None:
    def preflight(origin: str) -> httpx.Response:
        return httpx.options(
            f"http://127.0.0.1:{unpaired.port}/api/pair",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
            timeout=TIMEOUT,
        )

    allowed = preflight(FIREFOX)
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == FIREFOX
    assert preflight("https://evil.example").status_code == 403
    assert pair(unpaired, FIREFOX).status_code == 200
    assert preflight(ORIGIN).status_code == 403  # paired now: only that one
