"""Sync through immutable per-device files in a shared folder (a service the Library composes)."""

from reader.sync.service import SyncService, SyncStatus

__all__ = ["SyncService", "SyncStatus"]
