"""A real HTTP server on 127.0.0.1 serving pages a test writes: routes, redirects, slow bodies."""

from __future__ import annotations

import contextlib
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    chunked: bool = False  # no Content-Length: the body streams in chunks
    # Held until the test sets it (or GATE_GUARD_S passes): a reply as slow as the test needs.
    gate: threading.Event | None = None


@dataclass
class Site:
    """The routes of a running server, changeable while it runs, and what was asked."""

    base: str
    routes: dict[str, Reply]
    requested: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)  # paths whose reply began to be sent

    def url(self, path: str) -> str:
        return self.base + path


# A hang guard: a gated reply is sent after this long even if the test never opens the gate.
GATE_GUARD_S = 60.0


def _handler(site_of: Callable[[], Site]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site = site_of()
            site.requested.append(self.path)
            reply = site.routes.get(self.path, Reply(b"not here", 404))
            time.sleep(reply.delay)
            if reply.gate is not None:
                reply.gate.wait(GATE_GUARD_S)
            site.answered.append(self.path)
            # The client may give up (a cap or a timeout under test).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(reply)

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(reply.body), 65536):
                    piece = reply.body[start : start + 65536]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up mid-body (a size cap under test) is expected here


# How often a test server looks for shutdown(): the stdlib's 0.5 s was most of a test.
POLL_S = 0.02


@contextmanager
def serving(routes: dict[str, Reply]) -> Iterator[Site]:
    """Serve `routes` on 127.0.0.1 (a free port) for the duration of the block."""
    holder: list[Site] = []
    server = _QuietServer(("127.0.0.1", 0), _handler(lambda: holder[0]))
    holder.append(Site(f"http://127.0.0.1:{server.server_address[1]}", routes))
    # shutdown() waits for the serving loop's next poll: 0.5 s by default, on every test.
    thread = threading.Thread(target=server.serve_forever, args=(POLL_S,), daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def redirect(to: str, status: int = 302) -> Reply:
    return Reply(b"", status, {"Location": to})


def html(body: str | bytes, charset: str | None = "utf-8") -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    content_type = "text/html" + (f"; charset={charset}" if charset else "")
    return Reply(data, headers={"Content-Type": content_type})


def png(width: int = 4, height: int = 3) -> bytes:
    """A real PNG of a grey rectangle."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
