"""The connector's pairing with one browser extension: its port, secret token and origin."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from reader.errors import ReaderError

log = logging.getLogger(__name__)

DEFAULT_PORT = 28245
# Extension origins as browsers send them: Chromium's 32 letters a–p, Firefox's UUID.
_ORIGIN = re.compile(
    r"chrome-extension://[a-p]{32}"
    r"|moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


@dataclass(frozen=True)
class Pairing:
    """Who may save into the library: whoever holds `token`, from `origin` when a browser."""

    port: int
    token: str
    origin: str | None = None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def check_origin(origin: str) -> str:
    """The extension origin, normalized; ReaderError for anything but an extension's."""
    origin = origin.strip().rstrip("/").lower()
    if not _ORIGIN.fullmatch(origin):
        raise ReaderError(
            "not an extension origin: expected chrome-extension://<32 letters a-p> "
            "or moz-extension://<uuid>"
        )
    return origin


def check_port(port: int) -> int:
    if not 1024 <= port <= 65535:
        raise ReaderError(f"not a usable port: {port} (choose one from 1024 to 65535)")
    return port


def load_pairing(path: Path) -> Pairing:
    """The stored pairing, created (with a fresh token) when there is none yet.

    A damaged file is set aside (never deleted) and a new pairing made: the extension then
    needs the new token, which is better than a connector that cannot start.
    """
    try:
        return _parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, ReaderError) as exc:
        log.warning("connector pairing %s unreadable (%s); making a new one", path, exc)
        with contextlib.suppress(OSError):
            path.rename(path.with_name(path.name + ".damaged"))
    pairing = Pairing(DEFAULT_PORT, new_token())
    save_pairing(path, pairing)
    return pairing


def save_pairing(path: Path, pairing: Pairing) -> None:
    """Write the pairing atomically, readable by its owner only (it holds the token)."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    data = json.dumps(pairing.to_json(), indent=2).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            if os.name == "posix":
                os.fchmod(handle, 0o600)  # whatever the umask
            os.write(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
        temporary.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ReaderError(f"cannot save the connector pairing in {path}: {exc.strerror}") from exc


def rotate_token(path: Path) -> Pairing:
    """A new token (the old one stops working at once for a running connector that reloads)."""
    pairing = replace(load_pairing(path), token=new_token())
    save_pairing(path, pairing)
    return pairing


def update_pairing(path: Path, *, origin: str | None = None, port: int | None = None) -> Pairing:
    pairing = load_pairing(path)
    if origin is not None:
        pairing = replace(pairing, origin=check_origin(origin))
    if port is not None:
        pairing = replace(pairing, port=check_port(port))
    save_pairing(path, pairing)
    return pairing


def read_pairing(path: Path) -> Pairing | None:
    """The stored pairing as it is now, or None when it is missing or unreadable; never
    creates or changes anything (what a running connector checks on each request)."""
    try:
        return _parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, ReaderError):
        return None


def _parse(text: str) -> Pairing:
    data = json.loads(text)
    port, token, origin = data["port"], data["token"], data.get("origin")
    if not isinstance(port, int) or not isinstance(token, str) or len(token) < 16:
        raise ValueError("missing port or token")
    if origin is not None and not isinstance(origin, str):
        raise ValueError("origin is not text")
    return Pairing(check_port(port), token, check_origin(origin) if origin else None)
