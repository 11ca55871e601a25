"""The colour palette's meanings as one synced entity: a field per colour.

The entity "palette" holds "meaning:<colour>" → what the colour stands for (None when
cleared), so meanings set on two devices for two colours are both kept and the same colour
follows the per-field (Lamport, device) rule like every other field.
"""

from __future__ import annotations

import sqlite3

from reader.sync.entities import Fields
from reader.sync.state import PALETTE

UID = KIND = PALETTE
PREFIX = "meaning:"


def read_palette(conn: sqlite3.Connection) -> Fields:
    rows = conn.execute("SELECT name, meaning FROM colors ORDER BY position").fetchall()
    return {f"{PREFIX}{r[0]}": r[1] for r in rows}


def write_palette(conn: sqlite3.Connection, target: Fields) -> None:
    """Meanings of the colours this library knows; a colour it does not know is skipped."""
    for name, meaning in target.items():
        if name.startswith(PREFIX) and (meaning is None or isinstance(meaning, str)):
            conn.execute(
                "UPDATE colors SET meaning = ? WHERE name = ? AND meaning IS NOT ?",
                (meaning, name.removeprefix(PREFIX), meaning),
            )
