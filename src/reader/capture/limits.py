"""How much a capture may fetch and how long it may wait (light: no HTTP client imported)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.import_failures import MB


@dataclass(frozen=True)
class FetchLimits:
    """How much one capture may fetch, and how long it may wait."""

    max_page_bytes: int = 20 * MB
    max_image_bytes: int = 5 * MB  # the HTML importer keeps no larger image
    max_images: int = 100
    max_image_total: int = 50 * MB
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # the longest silence while a response arrives
    total_timeout: float = 60.0  # one response, from request to last byte
    max_redirects: int = 10
