"""Sync files on a WebDAV share (Nextcloud, ownCloud, an institution's server), through httpx.

Plain RFC 4918 only, so any server will do: PROPFIND (Depth 1) lists a folder, GET reads,
MKCOL makes folders, and a file is written once by a PUT to a temporary name in the same
folder followed by a MOVE with `Overwrite: F`, so a name, once there, is never replaced.
A 412 on that MOVE means the name exists: if its content is ours the write is done, else
it is an error. The temporary file's size and ETag are checked before it is given its name.
Objects over parts.PART_SIZE are uploaded in parts (parts.py): servers' own chunking and
partial PUTs are not standard WebDAV, so resuming works at the level of whole parts, each
written once; an upload cut off sends only the parts not yet stored. Connection failures,
timeouts and 5xx answers are retried with a bounded backoff; anything else is a one-line
SyncError.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import time
from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit
from xml.etree import ElementTree

import httpx

from reader.errors import SyncError
from reader.sync import parts
from reader.sync.transport import DEVICE_DIR, RECORD_FILE, TEMP_PREFIX

DAV = "{DAV:}"
PROPFIND_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
    b"<d:resourcetype/><d:getcontentlength/><d:getetag/></d:prop></d:propfind>"
)
ATTEMPTS = 5  # a request is tried this many times on 5xx, timeouts and lost connections
BACKOFF = 0.5  # seconds before the first retry, doubled each time (0.5+1+2+4 = 7.5 s in all)
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class Entry:
    """One member of a WebDAV folder listing."""

    __slots__ = ("etag", "folder", "name", "size")

    def __init__(self, name: str, folder: bool, size: int | None, etag: str | None) -> None:
        self.name, self.folder, self.size, self.etag = name, folder, size, etag


class WebDAVTransport:
    """A library's sync root at `share`/`prefix`, where `share` already exists on the server."""

    def __init__(
        self,
        share: str,
        prefix: str,
        auth: tuple[str, str] | None,
        *,
        attempts: int = ATTEMPTS,
        backoff: float = BACKOFF,
        client: httpx.Client | None = None,
        part_size: int | None = None,
    ) -> None:
        self.share = share.rstrip("/") + "/"
        self.prefix = prefix.strip("/")
        self.host = urlsplit(share).netloc.rpartition("@")[2]
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.part_size = part_size or parts.PART_SIZE
        self.client = client or httpx.Client(auth=auth, timeout=TIMEOUT, follow_redirects=True)
        # Files are immutable, so a name seen once exists for good; listings are cached per
        # folder for the run (a name absent from a cached listing may still appear: the MOVE
        # then answers 412 and the content is compared).
        self._listings: dict[str, dict[str, Entry]] = {}
        self._folders: set[str] = set()

    def close(self) -> None:
        self.client.close()

    # -- the Transport interface -------------------------------------------------------------

    def devices(self) -> list[str]:
        found = self._list("devices")
        return sorted(n for n, e in found.items() if e.folder and DEVICE_DIR.match(n))

    def record_files(self, device: str) -> list[str]:
        found = self._list(f"devices/{device}", fresh=True)
        names = [n for n, e in found.items() if not e.folder and RECORD_FILE.match(n)]
        return sorted(names, key=lambda n: int(RECORD_FILE.match(n).group(1)))  # type: ignore[union-attr]

    def snapshots(self) -> list[str]:
        return [n for n, e in self._list("snapshots", fresh=True).items() if not e.folder]

    def read(self, name: str) -> bytes | None:
        found = self._get(name)
        return found if found is not None else parts.read_parts(self._get, name)

    def exists(self, name: str) -> bool:
        folder, _, leaf = name.rpartition("/")
        listed = self._list(folder)
        return leaf in listed or leaf + parts.LIST_SUFFIX in listed

    def put(self, name: str, data: bytes) -> None:
        if self.exists(name):
            return
        if parts.in_parts(name, data, self.part_size):
            parts.put_in_parts(self.put, name, data, self.part_size)
            return
        folder, _, leaf = name.rpartition("/")
        self._make_folders(folder)
        temp = f"{folder}/{TEMP_PREFIX}{secrets.token_hex(6)}-{leaf}" if folder else leaf
        try:
            self._upload(temp, data)
            self._move(temp, name, data)
        except SyncError:
            self._forget(temp)
            raise
        self._list(folder)[leaf] = Entry(leaf, False, len(data), None)

    def probe(self) -> None:
        """Check that the share answers and the credentials are accepted."""
        response = self._request("PROPFIND", self.share, depth="0")
        if response.status_code == 404:
            raise SyncError(f"there is no WebDAV folder at {_shown(self.share)}")
        self._expect(response, "open", "", 207)

    def _get(self, name: str) -> bytes | None:
        response = self._request("GET", self._url(name))
        if response.status_code == 404:
            return None
        self._expect(response, "read", name, 200)
        return response.content

    # -- writing -----------------------------------------------------------------------------

    def _upload(self, temp: str, data: bytes) -> None:
        """PUT the whole file, again if it arrived short; our temporary name may be replaced."""
        for _ in range(self.attempts):
            response = self._request("PUT", self._url(temp), content=data)
            self._expect(response, "write", temp, 200, 201, 204)
            entry = self._stat(temp)
            sent = response.headers.get("etag")
            if entry is not None and entry.size == len(data) and _same_etag(sent, entry.etag):
                return
        raise SyncError(f"the WebDAV server at {self.host} keeps storing {temp} incomplete")

    def _move(self, temp: str, name: str, data: bytes) -> None:
        headers = {"Destination": self._url(name), "Overwrite": "F"}
        response = self._request("MOVE", self._url(temp), headers=headers)
        if response.status_code in (201, 204):
            return
        # 412: the name exists. 404: our temporary file is gone, so an earlier MOVE whose
        # answer was lost went through. Either way the file there must be what we wrote.
        if response.status_code in (404, 412):
            self._forget(temp)
            there = self.read(name)
            if there is not None and _sha(there) == _sha(data):
                return
            raise SyncError(f"{name} already exists on the WebDAV server with other content")
        self._expect(response, "write", name, 201, 204)

    def _forget(self, temp: str) -> None:
        """Remove our temporary file if it is still there; a failure here loses nothing."""
        # A stray temporary name is ignored by every reader.
        with contextlib.suppress(httpx.HTTPError):
            self.client.request("DELETE", self._url(temp))

    def _make_folders(self, folder: str) -> None:
        """Create the sync root's folders top-down, each once per run."""
        path = ""
        for part in "/".join(p for p in (self.prefix, folder) if p).split("/"):
            path = f"{path}/{part}" if path else part
            if path in self._folders:
                continue
            response = self._request("MKCOL", self.share + _quoted(path) + "/")
            # 405: the folder exists already (what MKCOL answers for an existing collection).
            self._expect(response, "create the folder", path, 201, 405)
            self._folders.add(path)

    # -- reading -----------------------------------------------------------------------------

    def _list(self, folder: str, *, fresh: bool = False) -> dict[str, Entry]:
        if fresh or folder not in self._listings:
            self._listings[folder] = self._propfind(folder)
        return self._listings[folder]

    def _propfind(self, folder: str) -> dict[str, Entry]:
        url = self._url(folder).rstrip("/") + "/"
        response = self._request("PROPFIND", url, depth="1")
        if response.status_code == 404:
            return {}
        self._expect(response, "list", folder, 207)
        entries = _parse_multistatus(response.content, urlsplit(url).path)
        return {e.name: e for e in entries}

    def _stat(self, name: str) -> Entry | None:
        response = self._request("PROPFIND", self._url(name), depth="0")
        if response.status_code == 404:
            return None
        self._expect(response, "check", name, 207)
        found = _parse_multistatus(response.content, None)
        return found[0] if found else None

    # -- HTTP --------------------------------------------------------------------------------

    def _url(self, name: str) -> str:
        parts = name.split("/") if name else []
        if any(p in ("", ".", "..") for p in parts):
            raise SyncError(f"unsafe sync file name {name!r}")
        path = "/".join(p for p in (self.prefix, name) if p)
        return self.share + _quoted(path)

    def _request(
        self,
        method: str,
        url: str,
        *,
        depth: str | None = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One request, retried with backoff on lost connections, timeouts and 5xx."""
        sent = dict(headers or {})
        if depth is not None:
            sent["Depth"] = depth
            sent["Content-Type"] = "application/xml; charset=utf-8"
            content = PROPFIND_BODY
        problem = ""
        for attempt in range(self.attempts):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                response = self.client.request(method, url, content=content, headers=sent)
            except httpx.HTTPError as exc:
                problem = _describe(exc)
                continue
            if response.status_code < 500 or response.status_code == 507:
                return response
            problem = f"it answered {response.status_code} {response.reason_phrase}"
        raise SyncError(f"the WebDAV server at {self.host} cannot be reached: {problem}")

    def _expect(self, response: httpx.Response, doing: str, name: str, *codes: int) -> None:
        code = response.status_code
        if code in codes:
            return
        if code == 401:
            raise SyncError(f"the WebDAV server at {self.host} refused the user name or password")
        if code == 403:
            raise SyncError(f"the WebDAV share at {self.host} does not let you {doing} {name}")
        if code == 507:
            raise SyncError(f"the WebDAV share at {self.host} is full")
        raise SyncError(
            f"cannot {doing} {name or _shown(self.share)} on the WebDAV server at {self.host}: "
            f"{code} {response.reason_phrase}"
        )


def _parse_multistatus(body: bytes, folder_path: str | None) -> list[Entry]:
    """Members of a PROPFIND answer; the folder itself (its own href) is left out."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise SyncError(f"the WebDAV server sent a listing that cannot be read: {exc}") from exc
    own = None if folder_path is None else unquote(folder_path).rstrip("/")
    entries = []
    for response in root.iter(f"{DAV}response"):
        href = unquote(urlsplit(response.findtext(f"{DAV}href", "")).path).rstrip("/")
        if own is not None and href == own:
            continue
        prop = _ok_prop(response)
        if prop is None:
            continue
        folder = prop.find(f"{DAV}resourcetype/{DAV}collection") is not None
        size = prop.findtext(f"{DAV}getcontentlength")
        entries.append(
            Entry(
                href.rpartition("/")[2],
                folder,
                int(size) if size and size.strip().isdigit() else None,
                prop.findtext(f"{DAV}getetag"),
            )
        )
    return entries


def _ok_prop(response: ElementTree.Element) -> ElementTree.Element | None:
    """The properties the server found (a propstat answered 200), merged into one element."""
    merged = ElementTree.Element(f"{DAV}prop")
    for propstat in response.iter(f"{DAV}propstat"):
        if " 200 " in f"{propstat.findtext(f'{DAV}status', '')} ":
            for prop in propstat.iter(f"{DAV}prop"):
                merged.extend(list(prop))
    return merged if len(merged) else None


def _same_etag(sent: str | None, listed: str | None) -> bool:
    """An upload's ETag matches the stored file's, when the server gives both."""
    if not sent or not listed:
        return True
    strip: Callable[[str], str] = lambda tag: tag.strip().removeprefix("W/").strip('"')  # noqa: E731
    return strip(sent) == strip(listed)


def _quoted(path: str) -> str:
    return quote(path, safe="/")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _describe(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "it did not answer in time"
    if isinstance(exc, httpx.ConnectError):
        return "the connection was refused or the host is unknown"
    return str(exc) or type(exc).__name__


def _shown(url: str) -> str:
    """A URL without the user name in it."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
