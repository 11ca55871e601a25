"""Backups thinned by age: a burst of backups never pushes older days out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.services.library import Library
from reader.storage.backups import BackupSet
from reader.storage.retention import Retention, to_keep

NOW = datetime(2025, 3, 31, 12, 0, tzinfo=UTC)


def _dailies(days: int) -> list[datetime]:
    """One backup a day at 03:00 for the `days` days before NOW."""
    return [(NOW - timedelta(days=d)).replace(hour=3) for d in range(1, days + 1)]


def _burst(count: int, start: datetime = NOW) -> list[datetime]:
    """`count` backups a few seconds apart, as a bulk import used to make."""
    return [start + timedelta(seconds=3 * i) for i in range(count)]


def _crafted(folder: Path, times: list[datetime]) -> BackupSet:
    folder.mkdir(parents=True, exist_ok=True)
    for t in times:
        (folder / f"library-{t.strftime('%Y%m%dT%H%M%S%fZ')}.sqlite3").write_bytes(b"")
    return BackupSet(folder)


def test_a_burst_keeps_one_backup_per_older_day_and_week(tmp_path: Path) -> None:
    dailies, burst = _dailies(30), _burst(10)
    backups = _crafted(tmp_path / "backups", dailies + burst)
    backups.thin()
    kept = {b.taken for b in backups.list()}
    assert set(dailies[:6]) <= kept  # the six days before today: one each
    assert {t for t in burst if t in kept} == set(sorted(burst)[-3:])  # the newest three
    weeks = {t.isocalendar()[:2] for t in kept}
    assert len(weeks) == 5  # and the newest backup of each of five weeks
    assert min(kept) == dailies[21] == datetime(2025, 3, 9, 3, tzinfo=UTC)  # a Sunday


def test_backups_kept_after_a_bulk_import_on_30_days_of_dailies() -> None:
    """The figure for the issue: 3,000 files at one backup per 500 changes made six backups."""
    dailies = _dailies(30)
    before = len(to_keep(dailies, Retention()))
    after = to_keep(dailies + _burst(6), Retention())
    assert set(dailies[:6]) <= after
    # The newest three (all of today), six older days, three older weeks: 12 of 36, where
    # "keep five" kept five of the burst and none of the dailies.
    assert len(after) == 3 + 6 + 3 == 12
    assert before == 11  # the same 30 dailies without the import (one more older week)


def test_a_library_left_alone_keeps_its_last_backups() -> None:
    """Periods count only when they have a backup: months of rest age nothing away."""
    old = [datetime(2023, 1, d, tzinfo=UTC) for d in range(1, 11)]
    kept = to_keep(old, Retention())
    assert sorted(old, reverse=True)[:7] == sorted(kept, reverse=True)[:7]


def test_a_bulk_import_makes_one_backup_not_one_per_500_files(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.services.safekeeping.BACKUP_AFTER_CHANGES", 5)
    for n in range(30):
        library.add_article(Article(title=f"Bulk {n}", text=f"text {n}", html="<p>x</p>"))
    assert len(library.backups.list()) == 1
