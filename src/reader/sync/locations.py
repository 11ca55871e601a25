"""Where a library syncs: a local folder, or a WebDAV URL (`https://user@host/dav/path`).

The location is stored as it is given, with the user name in the URL and never the password
(credentials.py). Both kinds give a Transport rooted at `reader-sync/v1/<library-id>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import quote, unquote, urlsplit

from reader.errors import SyncError
from reader.sync import credentials
from reader.sync.transport import FolderTransport, Transport

if TYPE_CHECKING:
    from reader.sync.webdav import WebDAVTransport

ROOT = "reader-sync/v1"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
T = TypeVar("T", bound=Transport)
R = TypeVar("R")


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def webdav_location(url: str, user: str | None) -> str:
    """The URL to store: scheme, `user@host`, path; a user name in the URL counts too."""
    parts = urlsplit(url.strip())
    if not parts.hostname:
        raise SyncError(f"{url!r} is not a WebDAV address (https://host/path)")
    if parts.password or parts.query or parts.fragment:
        raise SyncError("give the WebDAV address without a password, query or fragment")
    if parts.scheme.lower() == "http" and parts.hostname not in LOOPBACK:
        raise SyncError("use https:// for WebDAV: over http the password would travel in clear")
    name = user or (unquote(parts.username) if parts.username else "")
    if not name:
        raise SyncError("give the WebDAV user name (--user NAME)")
    host = parts.netloc.rpartition("@")[2]
    path = parts.path.rstrip("/") or ""
    return f"{parts.scheme.lower()}://{quote(name, safe='')}@{host}{path}/"


def account(location: str) -> str:
    """The keyring's name for a WebDAV location's password: `user@host/path`."""
    return location.split("://", 1)[1].rstrip("/")


def webdav_transport(location: str, library: str, password: str | None = None) -> WebDAVTransport:
    # Imported here: the HTTP client (a quarter of a second to import) is wanted only by a
    # WebDAV sync, not by every start of the window or the CLI.
    from reader.sync.webdav import WebDAVTransport

    parts = urlsplit(location)
    user = unquote(parts.username or "")
    secret = password if password is not None else credentials.password_for(account(location))
    share = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
    return WebDAVTransport(share, f"{ROOT}/{library}" if library else "", (user, secret))


def open_transport(location: str, library: str) -> Transport:
    """The sync root of one library at a stored location."""
    if is_url(location):
        return webdav_transport(location, library)
    return FolderTransport(Path(location) / "reader-sync" / "v1" / library)


def prepare(location: Path | str, user: str | None, password: str | None) -> str:
    """The location to store, once it is known to work."""
    if is_url(location):
        return prepare_webdav(str(location), user, password)
    return prepare_folder(location)


def prepare_folder(location: Path | str) -> str:
    folder = Path(location)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SyncError(f"cannot use {folder} as the sync folder: {exc.strerror}") from exc
    return str(folder.resolve())


def prepare_webdav(url: str, user: str | None, password: str | None) -> str:
    """Check a WebDAV share with these credentials, then keep the password in the keyring."""
    where = webdav_location(url, user)
    close_after(webdav_transport(where, "", password), lambda t: t.probe())
    if password is not None:
        credentials.remember(account(where), password)
    return where


def close_after(transport: T, use: Callable[[T], R]) -> R:
    try:
        return use(transport)
    finally:
        transport.close()


def shown(location: str) -> str:
    """A location as the user may see it (no user name in a URL)."""
    return re.sub(r"//[^/@]*@", "//", location)
