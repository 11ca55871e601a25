"""The browser connector over real HTTP: what it saves, and every request it must refuse."""

from __future__ import annotations

import json
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.capture.connector import Connector, SaveRequest
from reader.capture.pairing import DEFAULT_PORT, Pairing, load_pairing, save_pairing
from reader.services.library import Library
from tests.cli import reader

ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
TOKEN = "t" * 43
PAGE = """<!DOCTYPE html><html lang="en"><head><title>Tide tables move online</title>
<meta property="og:site_name" content="Harbour News"></head><body><article>
<h1>Tide tables move online</h1>
<p>The harbour office will stop printing its tide tables next year and publish them on its
website instead, the harbour master said on Monday.</p>
<p>Printed copies will still be available at the library for those who ask, she added, and
the office will keep a board by the slipway up to date every morning.</p>
</article></body></html>"""
SELECTION = "publish them on its website instead"
TIMEOUT = httpx.Timeout(10.0)


@pytest.fixture
def connector(library: Library) -> Iterator[Connector]:
    # The stored port is for the next start; this one listens on a free port.
    save_pairing(library.paths.connector, Pairing(DEFAULT_PORT, TOKEN, ORIGIN))

    def save(request: SaveRequest) -> dict[str, object]:
        saved = library.save_page(request.url, request.title, request.html, request.selection)
        return saved.to_json()

    running = Connector(library.paths.connector, save, port=0, max_body=256 * 1024)
    running.start()
    yield running
    running.stop()


def url(connector: Connector, path: str = "/api/save") -> str:
    return f"http://127.0.0.1:{connector.port}{path}"


def headers(**extra: str) -> dict[str, str]:
    base = {"Authorization": f"Bearer {TOKEN}", "Origin": ORIGIN}
    base.update(extra)
    return {k.replace("_", "-"): v for k, v in base.items() if v}


def payload(**extra: str) -> dict[str, str]:
    return {"url": "https://news.example.org/tides", "title": "Tides", "html": PAGE, **extra}


def post(connector: Connector, body: object, hdrs: dict[str, str]) -> httpx.Response:
    return httpx.post(url(connector), json=body, headers=hdrs, timeout=TIMEOUT)


def test_a_page_is_saved_and_its_selection_highlighted(
    connector: Connector, library: Library
) -> None:
    answer = post(connector, payload(selection=SELECTION), headers())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == "imported" and body["highlight"] == "added"
    assert answer.headers["access-control-allow-origin"] == ORIGIN
    article = library.get_article(body["id"])
    assert article.summary.title == "Tide tables move online"
    assert article.url == "https://news.example.org/tides"
    [highlight] = library.annotation_store.highlights(body["id"])
    assert article.text[highlight.start : highlight.end] == SELECTION
    assert library.search("slipway").hits[0].id == body["id"]  # searchable at once
    # The same page and selection again: the article and highlight are not doubled.
    again = post(connector, payload(selection=SELECTION), headers()).json()
    assert again["status"] == "duplicate" and again["highlight"] == "exists"
    assert library.count() == 1


def test_a_selection_is_found_fuzzily_or_reported(connector: Connector, library: Library) -> None:
    # As copied from a browser: other spacing, a word the page's markup split differently.
    fuzzy = post(connector, payload(selection="publish  them on its web site instead"), headers())
    assert fuzzy.json()["highlight"] == "added"
    missing = post(connector, payload(selection="nothing like this is in the page"), headers())
    assert missing.status_code == 200 and missing.json()["highlight"] == "not found"


def test_a_client_without_origin_needs_only_the_token(connector: Connector) -> None:
    answer = post(connector, payload(), headers(Origin=""))
    assert answer.status_code == 200
    assert "access-control-allow-origin" not in answer.headers


REFUSALS = {
    "no token": headers(Authorization=""),
    "wrong token": headers(Authorization="Bearer " + "x" * 43),
    "token as Basic": headers(Authorization=f"Basic {TOKEN}"),
    "foreign origin with the token": headers(Origin="https://evil.example"),
    "opaque origin": headers(Origin="null"),
    "another extension": headers(Origin="chrome-extension://" + "b" * 32),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_each_refusal_is_403_and_imports_nothing(
    connector: Connector, library: Library, case: str
) -> None:
    before = library.last_change()
    answer = post(connector, payload(), REFUSALS[case])
    assert answer.status_code == 403
    assert set(answer.json()) == {"error"}
    assert "access-control-allow-origin" not in answer.headers
    assert library.count() == 0 and library.last_change() == before


@pytest.mark.parametrize(
    "host", ["evil.example:{port}", "127.0.0.1", "localhost:1", "127.0.0.1.evil.example:{port}"]
)
def test_a_wrong_host_is_refused(connector: Connector, library: Library, host: str) -> None:
    # What a DNS-rebinding page's requests carry: its own host name, resolving to us.
    answer = post(connector, payload(), headers(Host=host.format(port=connector.port)))
    assert answer.status_code == 403 and "Host" in answer.json()["error"]
    assert library.count() == 0


def test_localhost_is_a_right_host(connector: Connector) -> None:
    answer = post(connector, payload(), headers(Host=f"localhost:{connector.port}"))
    assert answer.status_code == 200


def test_a_form_posted_by_a_foreign_page_is_refused(connector: Connector, library: Library) -> None:
    # A "simple" cross-site request (no preflight): a form or fetch(no-cors) from a web page.
    answer = httpx.post(
        url(connector),
        content=json.dumps(payload()),
        headers={"Content-Type": "text/plain", "Origin": "https://evil.example"},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 403
    assert library.count() == 0


def preflight(connector: Connector, origin: str) -> httpx.Response:
    return httpx.options(
        url(connector),
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
        timeout=TIMEOUT,
    )


def test_preflights_are_answered_for_the_paired_origin_only(connector: Connector) -> None:
    allowed = preflight(connector, ORIGIN)
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert allowed.headers["access-control-allow-methods"] == "POST"
    assert "access-control-allow-credentials" not in allowed.headers
    foreign = preflight(connector, "https://evil.example")
    assert foreign.status_code == 403
    assert not any(h.startswith("access-control-") for h in foreign.headers)


def test_a_body_over_the_cap_is_refused_before_it_is_read(
    connector: Connector, library: Library
) -> None:
    big = payload(html=PAGE + "<p>padding</p>" * 30_000)
    answer = post(connector, big, headers())
    assert answer.status_code == 413
    assert library.count() == 0
    # A declared length over the cap is refused at once, with no body sent at all.
    with socket.create_connection(("127.0.0.1", connector.port), timeout=5) as raw:
        raw.sendall(
            f"POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:{connector.port}\r\n"
            f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {10**12}\r\n\r\n".encode()
        )
        assert raw.recv(100).startswith(b"HTTP/1.1 413")


def test_a_chunked_body_is_refused(connector: Connector, library: Library) -> None:
    def chunks() -> Iterator[bytes]:
        yield json.dumps(payload()).encode()

    answer = httpx.post(
        url(connector),
        content=chunks(),
        headers={**headers(), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 411
    assert library.count() == 0


def test_get_changes_nothing(connector: Connector, library: Library) -> None:
    before = library.last_change()
    query = httpx.QueryParams(payload())
    saved = httpx.get(url(connector), params=query, headers=headers(), timeout=TIMEOUT)
    assert saved.status_code == 404
    ping = httpx.get(url(connector, "/api/ping"), headers=headers(), timeout=TIMEOUT)
    assert ping.status_code == 200 and ping.json()["ok"] is True
    for method in ("HEAD", "PUT", "DELETE", "BREW"):
        other = httpx.request(method, url(connector), headers=headers(), timeout=TIMEOUT)
        assert other.status_code == 405
    assert library.count() == 0 and library.last_change() == before


def test_a_rotated_token_applies_at_once(connector: Connector, library: Library) -> None:
    done = reader(library.paths.root, "serve", "--rotate-token", "--json", check=True)
    new = json.loads(done.stdout)["token"]
    assert new != TOKEN
    assert post(connector, payload(), headers()).status_code == 403
    assert post(connector, payload(), headers(Authorization=f"Bearer {new}")).status_code == 200


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "url": st.text(max_size=60) | JSON,
        "title": st.text(max_size=60) | JSON,
        "html": st.text(max_size=400) | st.just(PAGE) | JSON,
        "selection": st.text(max_size=40) | JSON,
    },
)


@pytest.mark.slow
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.binary(max_size=600)
    | JSON.map(json.dumps).map(str.encode)
    | FIELDS.map(lambda d: json.dumps(d).encode())
)
def test_fuzzed_bodies_get_an_answer_never_a_server_error(
    connector: Connector, body: bytes
) -> None:
    answer = httpx.post(
        url(connector),
        content=body,
        headers={**headers(), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )
    assert answer.status_code < 500
    assert "Traceback" not in answer.text
    assert answer.headers["content-type"].startswith("application/json")


def test_garbage_on_the_socket_gets_a_4xx(connector: Connector) -> None:
    for garbage in (
        b"\x00\xff garbage\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"X" * 70_000 + b"\r\n",
    ):
        with socket.create_connection(("127.0.0.1", connector.port), timeout=5) as raw:
            raw.sendall(garbage)
            status = raw.recv(64).split(b" ")[1]
        assert status.startswith(b"4"), (garbage[:20], status)


def test_serve_info_and_the_pairing_file(data_dir: Path) -> None:
    done = reader(data_dir, "serve", "--info", "--json", check=True)
    info = json.loads(done.stdout)
    assert set(info) >= {"port", "token"} and len(info["token"]) >= 32
    path = data_dir / "connector.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_pairing(path).token == info["token"]
    bad = reader(data_dir, "serve", "--pair-origin", "https://evil.example")
    assert bad.returncode == 1 and "not an extension origin" in bad.stderr
    reader(data_dir, "serve", "--pair-origin", ORIGIN + "/", check=True)
    assert load_pairing(path).origin == ORIGIN


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_reader_serve_saves_until_interrupted(data_dir: Path) -> None:
    port = free_port()
    reader(data_dir, "serve", "--port", str(port), "--pair-origin", ORIGIN, check=True)
    token = json.loads(reader(data_dir, "serve", "--info", "--json").stdout)["token"]
    server = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "serve"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        assert "listening on http://127.0.0.1" in server.stderr.readline()
        # TIMEOUT is the hang guard; how fast a save is answered is capture_bench.py's.
        answer = httpx.post(
            f"http://localhost:{port}/api/save",
            json=payload(),
            headers={"Authorization": f"Bearer {token}", "Origin": ORIGIN},
            timeout=TIMEOUT,
        )
        assert answer.status_code == 200, answer.text
        server.send_signal(2)  # Ctrl+C
        assert server.wait(timeout=10) == 0
    finally:
        server.kill()
        server.wait(timeout=10)
    listed = json.loads(reader(data_dir, "list", "--json", check=True).stdout)
    assert [a["title"] for a in listed] == ["Tide tables move online"]


def test_no_save_runs_once_the_connector_is_stopped(connector: Connector, library: Library) -> None:
    # The window stops the connector before it closes the library: a request still arriving
    # must not reach the library afterwards.
    body = json.dumps(payload()).encode()
    with socket.create_connection(("127.0.0.1", connector.port), timeout=5) as raw:
        raw.sendall(
            f"POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:{connector.port}\r\n"
            f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body[:100]
        )
        time.sleep(0.2)  # the handler is now waiting for the rest of the body
        connector.stop()
        raw.sendall(body[100:])
        assert raw.recv(100).startswith(b"HTTP/1.1 409")
    assert library.count() == 0
