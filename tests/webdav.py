"""A real WebDAV server (WsgiDAV on cheroot) for the sync tests, in its own process.

`python -m tests.webdav ROOT PORT [MARKER [SLOW_FROM [AFTER]]]`: serves ROOT at
http://127.0.0.1:PORT/dav/ with basic auth (alice / secret). With MARKER, uploads of SLOW_FROM
bytes or more (default LARGE) are received slowly and MARKER is written once half of one has
arrived, or, given AFTER, once AFTER bytes of such uploads have arrived in all, so a test can
kill the server in mid-upload (of a later part, say). With FAULT in the environment
("short": every PUT stores only the first half of its body; "etag": every PUT answers an ETag
that is not the stored file's) the server misbehaves as a broken proxy or server would.
"""

from __future__ import annotations

import contextlib
import io
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
FAULT = "READER_TEST_DAV_FAULT"


class Server:
    """The server process; `restart` kills it and starts a new one on the same port."""

    def __init__(
        self, root: Path, port: int, marker: Path | None = None, *, slow_from: int = 0,
        after: int = 0, fault: str = "",
    ) -> None:  # fmt: skip
        self.root, self.port, self.marker, self.fault = root, port, marker, fault
        self.slow_from, self.after = slow_from or LARGE, after
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/dav/"

    def start(self, *, slow: bool = False) -> None:
        args = [sys.executable, "-m", "tests.webdav", str(self.root), str(self.port)]
        if slow and self.marker is not None:
            args += [str(self.marker), str(self.slow_from), str(self.after)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), FAULT: self.fault}
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

    received = 0  # bytes of all slowed uploads so far (one server process, one test)

    def __init__(self, stream: Any, length: int, marker: Path, after: int) -> None:
        self.stream, self.length, self.marker, self.read_so_far = stream, length, marker, 0
        self.after = after

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size < 0 else min(size, CHUNK)
        data: bytes = self.stream.read(size)
        self.read_so_far += len(data)
        _SlowInput.received += len(data)
        reached = (
            _SlowInput.received >= self.after if self.after else self.read_so_far * 2 >= self.length
        )
        if reached and not self.marker.exists():
            self.marker.write_text("half")
        time.sleep(0.02)
        return data


def _slowed(
    app: Callable[..., Iterable[bytes]], marker: Path, slow_from: int, after: int
) -> Callable[..., Iterable[bytes]]:
    def wrapped(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if environ["REQUEST_METHOD"] == "PUT" and length >= slow_from:
            environ["wsgi.input"] = _SlowInput(environ["wsgi.input"], length, marker, after)
        return app(environ, start_response)

    return wrapped


def _faulty(app: Callable[..., Iterable[bytes]], fault: str) -> Callable[..., Iterable[bytes]]:
    def wrapped(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        if environ["REQUEST_METHOD"] != "PUT":
            return app(environ, start_response)
        if fault == "short":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body[: len(body) // 2])
            environ["CONTENT_LENGTH"] = str(len(body) // 2)
            return app(environ, start_response)

        def other_etag(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            kept = [(k, v) for k, v in headers if k.lower() != "etag"]
            return start_response(status, [*kept, ("ETag", '"not-the-stored-one"')], *rest)

        return app(environ, other_etag)

    return wrapped


def serve(root: Path, port: int, marker: Path | None, slow_from: int, after: int) -> None:
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
        app = _slowed(app, marker, slow_from, after)
    if os.environ.get(FAULT):
        app = _faulty(app, os.environ[FAULT])
    server = wsgi.Server(("127.0.0.1", port), app)
    server.start()  # blocks until the process is killed


if __name__ == "__main__":
    given = sys.argv[1:]
    numbers = [int(n) for n in given[3:5]] + [LARGE, 0][len(given[3:5]) :]
    serve(Path(given[0]), int(given[1]), Path(given[2]) if len(given) > 2 else None, *numbers)
