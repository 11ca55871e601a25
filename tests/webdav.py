"""A real WebDAV server (WsgiDAV on cheroot) for the sync tests, in its own process.

`python -m tests.webdav ROOT PORT [MARKER]`: serves ROOT at http://127.0.0.1:PORT/dav/ with
basic auth (alice / secret). With MARKER, large uploads are received slowly and MARKER is
written once half of one has arrived, so a test can kill the server in mid-upload.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

USER, PASSWORD = "alice", "secret"
LARGE = 1 << 20  # bytes: an upload this big is slowed down when a marker is asked for
CHUNK = 64 * 1024


class Server:
    """The server process; `restart` kills it and starts a new one on the same port."""

    def __init__(self, root: Path, port: int, marker: Path | None = None) -> None:
        self.root, self.port, self.marker = root, port, marker
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/dav/"

    def start(self, *, slow: bool = False) -> None:
        args = [sys.executable, "-m", "tests.webdav", str(self.root), str(self.port)]
        if slow and self.marker is not None:
            args.append(str(self.marker))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        self.process = subprocess.Popen(args, env=env, cwd=Path(__file__).parent.parent)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
                return
            if self.process.poll() is not None:
                raise RuntimeError("the WebDAV test server did not start")
            time.sleep(0.05)
        raise RuntimeError("the WebDAV test server did not listen in time")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _SlowInput:
    """A request body read in small steps, announcing when half of it has arrived."""

    def __init__(self, stream: Any, length: int, marker: Path) -> None:
        self.stream, self.length, self.marker, self.read_so_far = stream, length, marker, 0

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size < 0 else min(size, CHUNK)
        data: bytes = self.stream.read(size)
        self.read_so_far += len(data)
        if self.read_so_far * 2 >= self.length and not self.marker.exists():
            self.marker.write_text("half")
        time.sleep(0.02)
        return data


def _slowed(app: Callable[..., Iterable[bytes]], marker: Path) -> Callable[..., Iterable[bytes]]:
    def wrapped(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if environ["REQUEST_METHOD"] == "PUT" and length >= LARGE:
            environ["wsgi.input"] = _SlowInput(environ["wsgi.input"], length, marker)
        return app(environ, start_response)

    return wrapped


def serve(root: Path, port: int, marker: Path | None) -> None:
    from cheroot import wsgi
    from wsgidav.wsgidav_app import WsgiDAVApp

    config = {
        "host": "127.0.0.1",
        "port": port,
        "provider_mapping": {"/dav": str(root)},
        "simple_dc": {"user_mapping": {"*": {USER: {"password": PASSWORD}}}},
        "http_authenticator": {"accept_basic": True, "accept_digest": False,
                               "default_to_digest": False},
        "verbose": 0,
        "logging": {"enable": False},
    }  # fmt: skip
    app: Callable[..., Iterable[bytes]] = WsgiDAVApp(config)
    if marker is not None:
        app = _slowed(app, marker)
    server = wsgi.Server(("127.0.0.1", port), app)
    server.start()  # blocks until the process is killed


if __name__ == "__main__":
    given = sys.argv[1:]
    serve(Path(given[0]), int(given[1]), Path(given[2]) if len(given) > 2 else None)
