"""Which backups to keep: the newest few, then one per day, per week and per month.

The scheme of restic's and borg's `forget --keep-*`: each rule keeps the newest backup of each
of its last N periods that have a backup at all. A burst of backups in one hour therefore
fills one day's slot and pushes no older day out, and a library left alone for months keeps
its last backups instead of ageing them away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Retention:
    last: int = 3
    daily: int = 7
    weekly: int = 5
    monthly: int = 12


def _day(t: datetime) -> object:
    return t.date()


def _week(t: datetime) -> object:
    year, week, _ = t.isocalendar()
    return (year, week)


def _month(t: datetime) -> object:
    return (t.year, t.month)


def to_keep(taken: Sequence[datetime], rules: Retention) -> set[datetime]:
    """The times (of `taken`, UTC) whose backups stay; the others may be deleted."""
    newest_first = sorted(taken, reverse=True)
    keep = set(newest_first[: rules.last])
    periods: list[tuple[int, Callable[[datetime], object]]] = [
        (rules.daily, _day),
        (rules.weekly, _week),
        (rules.monthly, _month),
    ]
    for count, period_of in periods:
        seen: set[object] = set()
        for t in newest_first:
            if len(seen) >= count:
                break
            period = period_of(t)
            if period not in seen:
                seen.add(period)
                keep.add(t)
    return keep
