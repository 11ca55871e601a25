"""Change-triggered backups: a failed attempt is not repeated every few hundred changes."""

from __future__ import annotations

import pytest

from reader.errors import StorageError
from reader.services import safekeeping
from reader.services.library import Library


@pytest.mark.logs
def test_a_failed_backup_waits_like_a_successful_one(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []

    def failing(reading: object) -> object:
        attempts.append(reading)
        raise StorageError("the disk is full")

    monkeypatch.setattr(library.backups, "create", failing)
    for _ in range(4):  # four bulk imports' worth of changes in a row
        library.safekeeping.count_change(safekeeping.BACKUP_AFTER_CHANGES)
    assert len(attempts) == 1
