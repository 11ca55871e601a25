"""What sync tells its callers: a run's report, the status, a kept conflicting value."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SyncReport:
    """What one sync run did."""

    captured: int = 0
    published_files: int = 0
    applied_files: int = 0
    applied_records: int = 0
    waiting_files: int = 0  # incomplete (still arriving): tried again next time
    refused_files: int = 0  # not sync files of this library: skipped for good

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    folder: str | None
    library: str
    device: str
    author: str
    last_sync: str | None
    pending: int
    conflicts: int
    waiting_files: int
    devices: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Conflict:
    """A value that lost to another device's, kept for the user to look at."""

    uid: str
    field: str
    value: object
    device: str
    author: str
    recorded: str

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)
