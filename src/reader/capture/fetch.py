"""Fetching a web page and its images over HTTP(S): bounded in time, size and redirects."""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpx

from reader import __version__
from reader.capture.addresses import (
    GuardedBackend,
    GuardedTransport,
    PrivateAddressRefused,
    is_private,
)
from reader.capture.limits import FetchLimits
from reader.core.import_failures import size_values
from reader.errors import ImportFailed

log = logging.getLogger(__name__)

USER_AGENT = f"Reader/{__version__} (article reader; +saves one page on request)"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Servers label many pages with these; the bytes then decide (see `looks_like_html`).
_GENERIC_TYPES = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "text/plain", "application/unknown"}
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<!--")


@dataclass(frozen=True)
class Page:
    """A fetched HTML page: where it ended up after redirects, its bytes and declared charset."""

    url: str
    data: bytes
    charset: str | None


def check_url(url: str) -> str:
    """The URL, stripped, if it is an http(s) URL with a host; ImportFailed otherwise."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise ImportFailed("bad_url", url=repr(url[:80])) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        if not scheme:
            raise ImportFailed("not_http")
        raise ImportFailed("scheme_refused", scheme=f"{scheme}:")
    if not host:
        raise ImportFailed("no_host", url=repr(url[:80]))
    return url


class Fetcher:
    """One HTTP client for a capture: the page, then its images, over kept-alive connections.

    Images may reach a private address (this machine, the LAN) only when the page came from
    one (see capture/addresses.py): after `page`, as that page's address says; otherwise as
    `images_for` was told.
    """

    def __init__(self, limits: FetchLimits | None = None) -> None:
        self.limits = limits or FetchLimits()
        self._backend = GuardedBackend()
        self._backend.allow_private = False
        self._client = self._new_client()

    def _new_client(self) -> httpx.Client:
        timeout = httpx.Timeout(
            connect=self.limits.connect_timeout,
            read=self.limits.read_timeout,
            write=self.limits.read_timeout,
            pool=self.limits.connect_timeout,
        )
        # Redirects are followed by hand, so that every hop is checked like the first URL.
        return httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            trust_env=False,  # no proxy or netrc credentials picked up behind the user's back
            transport=GuardedTransport(self._backend),
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def images_for(self, page_is_private: bool) -> None:
        """Whether the images fetched next may come from private addresses."""
        self._backend.allow_private = page_is_private

    def page(self, url: str) -> Page:
        """Fetch an HTML page, or raise ImportFailed with a one-line reason.

        The page itself may be anywhere the user points; its images then follow the rule for
        the address the page came from.
        """
        accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
        self._backend.allow_private = True
        try:
            page = self._page(url, accept)
        finally:
            self._backend.allow_private = False
        host = (urlsplit(page.url).hostname or "").lower()
        reached = self._backend.reached.get(host)
        # Connections the page's redirects opened must not carry images past the check.
        self._client.close()
        self._client = self._new_client()
        self.images_for(reached is not None and is_private(reached))
        return page

    def _page(self, url: str, accept: str) -> Page:
        with _explained(url), self._stream(url, accept) as response:
            content_type, charset = _content_type(response)
            if content_type not in _HTML_TYPES and content_type not in _GENERIC_TYPES:
                raise ImportFailed("not_html_said", type=content_type)
            data = self._read(response, self.limits.max_page_bytes)
            final = str(response.url)
        if content_type not in _HTML_TYPES and not looks_like_html(data):
            if not content_type:
                raise ImportFailed("not_html_untyped")
            raise ImportFailed("not_html", type=content_type)
        return Page(final, data, charset)

    def image(self, url: str, max_bytes: int) -> bytes | None:
        """An image's bytes, or None when it cannot be fetched within `max_bytes`; the caller
        judges the bytes by their content, never by the declared type."""
        try:
            return self.image_or_fail(url, max_bytes)
        except ImportFailed as exc:
            log.debug("image %s not saved: %s", url, exc)
            return None

    def image_or_fail(self, url: str, max_bytes: int) -> bytes:
        """An image's bytes, or ImportFailed saying why not."""
        with _explained(url), self._stream(url, "image/*") as response:
            return self._read(response, max_bytes)

    @contextmanager
    def _stream(self, url: str, accept: str) -> Iterator[httpx.Response]:
        current = check_url(url)
        for _hop in range(self.limits.max_redirects + 1):
            with self._client.stream("GET", current, headers={"Accept": accept}) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    current = _redirect_target(str(response.url), location)
                    continue
                _check_status(response)
                yield response
                return
        raise ImportFailed("too_many_redirects", limit=self.limits.max_redirects)

    def _read(self, response: httpx.Response, limit: int) -> bytes:
        """The body, refused as soon as it is known to pass `limit` (declared or received)."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ImportFailed("download_too_large", **size_values(int(declared), limit))
        deadline = time.monotonic() + self.limits.total_timeout
        chunks: list[bytes] = []
        size = 0
        # iter_bytes decompresses: the cap applies to what would be held in memory.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise ImportFailed("download_too_large_so_far", **size_values(size, limit))
            if time.monotonic() > deadline:
                raise ImportFailed("download_too_slow", seconds=f"{self.limits.total_timeout:g}")
            chunks.append(chunk)
        return b"".join(chunks)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes served with no useful content type open like an HTML document."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_STARTS) or b"<body" in head or b"<html" in head


def _redirect_target(base: str, location: str) -> str:
    if not location.strip():
        raise ImportFailed("redirect_nowhere")
    try:
        target = urljoin(base, location.strip())
    except ValueError:
        raise ImportFailed("redirect_invalid") from None
    try:
        return check_url(target)
    except ImportFailed:
        raise ImportFailed("redirect_refused", url=repr(target[:80])) from None


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status >= 400 or status < 200:
        phrase = response.reason_phrase or httpx.codes.get_reason_phrase(status)
        raise ImportFailed("http_status", status=f"{status} {phrase}".rstrip())
    if 300 <= status < 400:
        raise ImportFailed("http_redirect_unusable", status=status)


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    """The media type (lowercase, without parameters) and the charset parameter, if any."""
    message = Message()
    message["content-type"] = response.headers.get("content-type", "")
    media = message.get_content_type() if response.headers.get("content-type") else ""
    charset = message.get_param("charset")
    return media.lower(), charset if isinstance(charset, str) and charset.strip() else None


@contextmanager
def _explained(url: str) -> Iterator[None]:
    """Turn every transport failure into ImportFailed with one line a user can act on."""
    host = _host(url)
    try:
        yield
    except httpx.ConnectTimeout:
        raise ImportFailed("connect_timeout", host=host) from None
    except httpx.TimeoutException:
        raise ImportFailed("read_timeout", host=host) from None
    except httpx.ConnectError as exc:
        raise _connect_failure(exc, host) from None
    except httpx.RemoteProtocolError:
        raise ImportFailed("broken_response", host=host) from None
    except httpx.DecodingError:
        raise ImportFailed("undecodable_body", host=host) from None
    except httpx.UnsupportedProtocol:
        raise ImportFailed("not_http") from None
    except httpx.InvalidURL:
        raise ImportFailed("bad_url", url=repr(url[:80])) from None
    except httpx.HTTPError as exc:
        raise ImportFailed("fetch_failed", host=host, name=type(exc).__name__) from None
    except (UnicodeError, ValueError):  # an IDNA host that cannot be encoded, and the like
        raise ImportFailed("bad_url", url=repr(url[:80])) from None


def _connect_failure(exc: BaseException, host: str) -> ImportFailed:
    for cause in _causes(exc):
        if isinstance(cause, PrivateAddressRefused):
            return ImportFailed("private_address", host=host)
        if isinstance(cause, socket.gaierror):
            return ImportFailed("dns_failed", host=host)
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or "certificate not trusted"
            return ImportFailed("tls_failed", host=host, detail=reason)
        if isinstance(cause, ssl.SSLError):
            return ImportFailed("tls_failed", host=host, detail=cause.reason or cause)
        if isinstance(cause, ConnectionRefusedError):
            return ImportFailed("connection_refused", host=host)
    text = str(exc)
    if "getaddrinfo" in text or "Name or service not known" in text:
        return ImportFailed("dns_failed", host=host)
    if "SSL" in text or "certificate" in text:
        return ImportFailed("tls_failed_plain", host=host)
    return ImportFailed("cannot_connect", host=host)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc or url[:80]
    except ValueError:
        return url[:80]
