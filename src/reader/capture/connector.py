"""The local connector: an HTTP server on 127.0.0.1 through which the paired extension saves pages.

Every request must come with the pairing token (a Bearer header, compared in constant time),
a Host naming the loopback address and our port (a DNS-rebinding page names its own host), and
either no Origin (a command-line client) or exactly the paired extension's. A web page can send
none of that: it cannot read the token, and its Origin is its own. GET changes nothing; bodies
are capped before they are read; every refusal is a 4xx with a one-line JSON message.

Pairing is one step: the extension, given the token, posts to /api/pair and its Origin (which
only an extension can send: chrome-extension:// or moz-extension://) becomes the paired one,
when none is yet. Another extension later is refused, whatever token it holds, until the user
names it with `reader serve --pair-origin` (the refusal says the exact command).
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from reader import __version__
from reader.capture.pairing import Pairing, check_origin, read_pairing, update_pairing
from reader.errors import ImportFailed, ReaderError

log = logging.getLogger(__name__)

MB = 1024 * 1024
MAX_BODY = 50 * MB  # a page with its images inlined; the importer's own file limit
SAVE_PATH = "/api/save"
PING_PATH = "/api/ping"
PAIR_PATH = "/api/pair"
STOP_POLL_S = 0.05  # seconds: how soon stop() is seen by the serving thread (20 wake-ups a second)


@dataclass(frozen=True)
class SaveRequest:
    """A page the extension sent: its URL, title, serialized DOM and the selected text."""

    url: str
    title: str
    html: str
    selection: str = ""


SaveFunction = Callable[[SaveRequest], dict[str, object]]


class Refused(Exception):
    """A request answered with a 4xx status and a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Connector:
    """The server: `start()` binds 127.0.0.1:<port> and serves on a thread until `stop()`."""

    def __init__(
        self, pairing_file: Path, save: SaveFunction, *, port: int, max_body: int = MAX_BODY
    ) -> None:
        self.pairing_file = pairing_file
        self.save = save
        self.max_body = max_body
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.save_lock = threading.Lock()  # one save at a time: the library has one writer
        self.pair_lock = threading.Lock()  # two first requests must not both pair
        self.stopped = False  # set under save_lock: no save starts once stop() has returned

    @property
    def port(self) -> int:
        return _port_of(self._server) if self._server else self._port

    def pairing(self) -> Pairing | None:
        """Read on every request, so a rotated token or new origin applies at once."""
        return read_pairing(self.pairing_file)

    def start(self) -> None:
        """Listen (on loopback only); ReaderError when the port is taken."""
        self.stopped = False
        try:
            self._server = _Server(("127.0.0.1", self._port), _Handler, self)
        except OSError as exc:
            raise ReaderError(
                f"the connector cannot listen on 127.0.0.1:{self._port} ({exc.strerror}); "
                "is Reader's window or another `reader serve` running?"
            ) from None
        # serve_forever checks for a shutdown between waits of poll_interval: its default
        # half second was how long every stop (closing the window, a test) sat idle.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": STOP_POLL_S},
            name="reader-connector",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop listening; returns once no save is running, and none will start after (a
        request still being read is refused), so the caller may close the library."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self.save_lock:
            self.stopped = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def wait(self) -> None:
        """Block until stopped (the headless `reader serve`)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout=0.5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False  # never share the port with another listener

    def __init__(self, address: tuple[str, int], handler: Any, connector: Connector) -> None:
        self.connector = connector
        super().__init__(address, handler)

    def handle_error(self, request: object, client_address: object) -> None:
        log.debug("connector: a request failed", exc_info=True)  # a client that hung up


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "Reader-connector"
    sys_version = ""
    timeout = 15  # a client that declares a body and sends nothing is cut off

    # -- methods ------------------------------------------------------------------------------

    def do_POST(self) -> None:
        self._answer(self._pair if self.path == PAIR_PATH else self._save)

    def do_GET(self) -> None:
        self._answer(self._ping)

    def do_OPTIONS(self) -> None:
        self._answer(self._preflight)

    def _answer(self, action: Callable[[], tuple[int, dict[str, object]]]) -> None:
        """Run one request; whatever happens the client gets JSON and a 2xx or 4xx."""
        origin = self.headers.get("Origin")
        try:
            status, body = action()
        except Refused as exc:
            self._send(exc.status, {"error": str(exc)}, origin=None)
            return
        except Exception:  # a bug must not become a 500 with a traceback
            log.exception("connector: request failed")
            self._send(400, {"error": "the request could not be handled (see the log)"}, None)
            return
        self._send(status, body, origin=origin)

    def _save(self) -> tuple[int, dict[str, object]]:
        self._admit()
        if self.path != SAVE_PATH:
            raise Refused(404, "no such endpoint")
        request = _parse_save(self._body())
        connector = self.server.connector
        try:
            with connector.save_lock:
                if connector.stopped:
                    raise Refused(409, "Reader is closing; try again when it runs")
                return 200, connector.save(request)
        except ImportFailed as exc:
            raise Refused(422, f"the page cannot be saved: {exc}") from None
        except ReaderError as exc:
            raise Refused(409, str(exc)) from None

    def _pair(self) -> tuple[int, dict[str, object]]:
        """Pair the calling extension (its Origin) when none is paired; the token is required."""
        self._check_host()
        self._check_token(self._pairing())
        self._body()  # read, so the connection stays usable; its content does not matter
        try:
            origin = check_origin(self.headers.get("Origin") or "")
        except ReaderError:
            raise Refused(403, "only a browser extension can pair (no extension Origin)") from None
        connector = self.server.connector
        with connector.pair_lock:
            paired = self._pairing().origin  # read again under the lock
            if paired is None:
                try:
                    update_pairing(connector.pairing_file, origin=origin)
                except ReaderError as exc:
                    raise Refused(409, str(exc)) from None
                log.info("connector: paired with %s", origin)
            elif paired != origin:
                raise Refused(
                    403,
                    f"another extension is paired ({paired}); to pair this one instead, run: "
                    f"reader serve --pair-origin {origin}",
                )
        return 200, {"paired": origin, "port": _port_of(self.server)}

    def _ping(self) -> tuple[int, dict[str, object]]:
        self._admit()
        if self.path != PING_PATH:
            raise Refused(404, "no such endpoint")
        return 200, {"ok": True, "version": __version__}

    def _preflight(self) -> tuple[int, dict[str, object]]:
        """CORS preflight: only the paired extension's origin, only POST to the save path."""
        self._check_host()
        pairing = self._pairing()
        origin = (self.headers.get("Origin") or "").lower()
        if self.path == PAIR_PATH and pairing.origin is None and _is_extension(origin):
            # Harmless: the pairing request itself still needs the token.
            return 204, {}
        if pairing.origin is None or origin != pairing.origin:
            raise Refused(403, "origin not paired with this library")
        if self.path != SAVE_PATH or self.headers.get("Access-Control-Request-Method") != "POST":
            raise Refused(403, "only POST /api/save is allowed")
        return 204, {}

    # -- checks -------------------------------------------------------------------------------

    def _admit(self) -> Pairing:
        """Host, then Origin, then the token: each failure a 403."""
        self._check_host()
        pairing = self._pairing()
        origin = self.headers.get("Origin")
        if origin is not None and pairing.origin is None:
            raise Refused(403, "no extension is paired yet: save the token in its options")
        if origin is not None and origin.lower() != pairing.origin:
            raise Refused(403, "origin not paired with this library")
        self._check_token(pairing)
        return pairing

    def _check_token(self, pairing: Pairing) -> None:
        given = self.headers.get("Authorization", "")
        scheme, _, token = given.partition(" ")
        expected = pairing.token.encode("utf-8")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            token.strip().encode("utf-8", "replace"), expected
        ):
            raise Refused(403, "missing or wrong pairing token")

    def _check_host(self) -> None:
        port = _port_of(self.server)
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in (f"127.0.0.1:{port}", f"localhost:{port}"):
            raise Refused(403, "wrong Host (only 127.0.0.1 and localhost with the port)")

    def _pairing(self) -> Pairing:
        pairing = self.server.connector.pairing()
        if pairing is None:
            raise Refused(403, "the connector is not paired (run `reader serve --info`)")
        return pairing

    def _body(self) -> bytes:
        """The body, read only when its declared length is within the cap."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            raise Refused(411, "a Content-Length is required (chunked bodies are refused)")
        declared = (self.headers.get("Content-Length") or "").strip()
        if not declared.isdigit():
            self.close_connection = True
            raise Refused(411, "a Content-Length is required")
        if int(declared) > self.server.connector.max_body:
            self.close_connection = True  # the unread body must not be taken for a request
            limit = self.server.connector.max_body / MB
            raise Refused(413, f"the page is too large (the limit is {limit:g} MB)")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self.close_connection = True
            raise Refused(415, "the body must be JSON (Content-Type: application/json)")
        return self.rfile.read(int(declared))

    # -- answers ------------------------------------------------------------------------------

    def _send(self, status: int, body: dict[str, object], origin: str | None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body else b""
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            # An HTTP/0.9 answer has no status line: a client could not tell a refusal.
            self.request_version = "HTTP/1.0"
            self.close_connection = True
        self.send_response(status)
        if origin is not None:  # only reached when the origin is the paired one
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
            if self.command == "OPTIONS":
                self.send_header("Access-Control-Allow-Methods", "POST")
                self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Cache-Control", "no-store")
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's own errors (a malformed request line, an unknown method) as JSON
        4xx: an unknown method is 405, never 501."""
        status = code if code < 500 else (405 if code == 501 else 400)
        self.close_connection = True
        self._send(status, {"error": message or "bad request"}, origin=None)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("connector: %s", format % args)


def _parse_save(body: bytes) -> SaveRequest:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refused(400, "the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise Refused(400, "the body must be a JSON object")
    fields: dict[str, str] = {}
    for name in ("url", "title", "html", "selection"):
        value = data.get(name, "" if name in ("title", "selection") else None)
        if not isinstance(value, str):
            raise Refused(400, f"'{name}' must be a string")
        fields[name] = value
    if not fields["html"].strip():
        raise Refused(400, "'html' is empty")
    return SaveRequest(**fields)


def _is_extension(origin: str) -> bool:
    try:
        check_origin(origin)
    except ReaderError:
        return False
    return True


def _port_of(server: ThreadingHTTPServer) -> int:
    return int(server.server_address[1])
