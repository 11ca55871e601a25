"""Sync through immutable per-device files in a shared folder (a service the Library composes)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.sync.service import SyncService as SyncService
    from reader.sync.service import SyncStatus as SyncStatus

__all__ = ["SyncService", "SyncStatus"]


def __getattr__(name: str) -> object:
    # The service (and all it imports) loads on first use: the command line's `sync`
    # options (credentials, locations) are read by every command, the service by few.
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module("reader.sync.service"), name)
