"""How often the window's background refreshes run: each rests after working.

An import's updates come a few times a second; counting or listing 100,000 articles takes a
few hundred ms of a core (and of the interpreter lock). Back to back, they kept a core busy
for the whole import, beside the UI thread. So a refresh starts no sooner than three times as
long as the last one took after it ended: each works at most a quarter of the time, and a
small library, whose counts take a few ms, is refreshed as often as before.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

REST_FACTOR = 3
MAX_REST_S = 5.0


def timed(work: Callable[[], T]) -> tuple[T, float]:
    """What `work` returns, and how many seconds it took (its cost, for `rest_until`)."""
    started = time.perf_counter()
    return work(), time.perf_counter() - started


def rest_until(cost_s: float) -> float:
    """When the next refresh may start (time.monotonic()), one that took `cost_s` having
    ended now."""
    return time.monotonic() + min(MAX_REST_S, cost_s * REST_FACTOR)


def ms_until(moment: float) -> int:
    """Whole milliseconds from now until `moment` (time.monotonic()); 0 once past, or within
    the few ms by which a coarse timer may fire early."""
    left = moment - time.monotonic()
    return 0 if left < 0.01 else math.ceil(left * 1000)
