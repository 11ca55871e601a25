"""Which network addresses an image download may reach: a public page's images never reach
into the user's own machine or network.

An image URL is checked by the address it resolves to when the connection is made (not by its
name: `localhost`, `router.lan` or a name an attacker points at 127.0.0.1 are all private), and
the connection goes to that checked address, so a second lookup cannot answer differently.
Loopback, private, link-local and other non-public addresses are refused unless the page itself
is on such an address: a page from the LAN may show the LAN's images.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not the public internet

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class PrivateAddressRefused(httpcore.ConnectError):
    """A public page's image named an address on this machine or its local network."""


def is_private(address: Address) -> bool:
    """Loopback, private, link-local, shared, unspecified, reserved or multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        not address.is_global
        or address.is_multicast
        or (isinstance(address, ipaddress.IPv4Address) and address in _SHARED)
    )


def resolve(host: str, port: int) -> list[Address]:
    """The addresses a host name stands for (itself when it is an address)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in found))


def url_is_private(url: str | None) -> bool:
    """Whether a page's URL is on a private address; unknown or unresolvable: not private."""
    try:
        parts = urlsplit(url or "")
        host = parts.hostname
        return bool(host) and any(is_private(a) for a in resolve(host or "", parts.port or 80))
    except (OSError, ValueError, UnicodeError):
        return False


class GuardedBackend(SyncBackend):
    """Connects to the checked address of a host; records where each host was reached."""

    def __init__(self) -> None:
        self.allow_private = True
        self.reached: dict[str, Address] = {}

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        if not addresses:
            raise httpcore.ConnectError(f"no address for {host}")
        if not self.allow_private and any(is_private(a) for a in addresses):
            raise PrivateAddressRefused(f"{host} is on this machine or its local network")
        stream = super().connect_tcp(
            str(addresses[0]), port, timeout, local_address, socket_options
        )
        self.reached[host.strip("[]").lower()] = addresses[0]
        return stream


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that connects through GuardedBackend."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__(trust_env=False)
        # httpx offers no argument for the network backend: the pool it builds is replaced by
        # one like it over ours, with the same verified TLS settings.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=backend,
        )
