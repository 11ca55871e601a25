"""Compacted snapshots: a device's whole merged state in one immutable file.

`snapshots/<device>-<lamport>.jsonl.gz` holds a header line (library, device, Lamport clock,
the record files it covers per device, line count), then one line per entity with every
field's value and version, then the conflict history. Merging is a per-field register, so
merging a snapshot and then the files it does not cover gives the state that replaying every
file gives. A new device starts from the newest whole snapshot; a torn one (still arriving)
or one not of this library is passed over. Snapshots are written once and never modified,
and no device deletes another's files.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from reader.sync import state
from reader.sync.records import FORMAT, KINDS, Record, Torn

SNAPSHOT_FILE = re.compile(r"^([0-9a-f]{32})-(\d{1,19})\.jsonl\.gz$")
FOLDER = "snapshots"
Conflict = tuple[str, str, str, int, str, str, int, str]


@dataclass(frozen=True)
class Snapshot:
    """What a snapshot file says: records (one per entity and version) and what it covers."""

    device: str
    lamport: int
    covered: dict[str, list[str]]
    records: list[Record]
    conflicts: list[Conflict]


def name_of(device: str, lamport: int) -> str:
    return f"{FOLDER}/{device}-{lamport}.jsonl.gz"


def newest_first(names: list[str]) -> list[str]:
    """Snapshot file names (artefacts of sync tools left out), the newest first."""
    found = [(int(m.group(2)), n) for n in names if (m := SNAPSHOT_FILE.match(n))]
    return [n for _, n in sorted(found, reverse=True)]


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def encode(
    conn: sqlite3.Connection, library: str, device: str, lamport: int,
    covered: dict[str, list[str]],
) -> bytes:  # fmt: skip
    """The bytes of a snapshot of the merged state held in `conn` (a read transaction)."""
    kinds = {str(u): str(k) for u, k in conn.execute("SELECT uid, kind FROM sync_entities")}
    entities: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    for uid, name, value, clock, who, author in conn.execute(
        "SELECT uid, field, value, lamport, device, author FROM sync_fields ORDER BY uid, field"
    ):
        entities[str(uid)][str(name)] = [json.loads(value), int(clock), str(who), str(author)]
    lines = [
        _dumps({"uid": uid, "kind": kinds.get(uid, state.PALETTE), "fields": fields})
        for uid, fields in entities.items()
    ]
    lines += [
        _dumps({"conflict": list(row)})
        for row in conn.execute(
            "SELECT uid, field, value, lamport, device, author, winner_lamport, winner_device "
            "FROM sync_conflicts ORDER BY id"
        )
    ]
    header = {
        "format": FORMAT, "snapshot": True, "library": library, "device": device,
        "lamport": lamport, "covered": covered, "count": len(lines),
    }  # fmt: skip
    return gzip.compress(b"\n".join([_dumps(header), *lines]) + b"\n", mtime=0)


def decode(data: bytes, library: str) -> Snapshot:
    """A whole snapshot; Torn while incomplete, ValueError when not one of this library."""
    try:
        lines = gzip.decompress(data).splitlines()
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
        raise Torn(str(exc)) from exc
    if not lines:
        raise Torn("an empty file")  # created, not yet written (or gone)
    try:
        header = json.loads(lines[0])
        body = [json.loads(line) for line in lines[1:] if line.strip()]
        if header.get("format") != FORMAT or not header.get("snapshot"):
            raise ValueError("not a snapshot")
        if header.get("library") != library:
            raise ValueError("a snapshot of another library")
        if len(body) != header.get("count"):
            raise Torn(f"{len(body)} of {header.get('count')} lines")
        return _parse(header, body)
    except (IndexError, KeyError, TypeError) as exc:
        raise ValueError(f"unreadable snapshot ({exc})") from exc


def _parse(header: dict[str, Any], body: list[dict[str, Any]]) -> Snapshot:
    records: list[Record] = []
    conflicts: list[Conflict] = []
    for line in body:
        if "conflict" in line:
            u, f, v, lam, dev, author, wl, wd = line["conflict"]
            conflicts.append((str(u), str(f), str(v), int(lam), str(dev), str(author),
                              int(wl), str(wd)))  # fmt: skip
        elif line["kind"] in KINDS:
            records += _records(str(line["uid"]), str(line["kind"]), line["fields"])
    covered = {str(d): [str(n) for n in names] for d, names in header["covered"].items()}
    return Snapshot(str(header["device"]), int(header["lamport"]), covered, records, conflicts)


def _records(uid: str, kind: str, fields: dict[str, list[Any]]) -> list[Record]:
    """An entity's fields as records, one per (version, author): merging them is merging
    the records they came from."""
    groups: dict[tuple[int, str, str], dict[str, Any]] = defaultdict(dict)
    for name, (value, lamport, device, author) in fields.items():
        groups[(int(lamport), str(device), str(author))][name] = value
    return [
        Record(0, kind, uid, lamport, device, author, "", values)
        for (lamport, device, author), values in sorted(groups.items())
    ]


def restore(conn: sqlite3.Connection, snapshot: Snapshot) -> None:
    """The snapshot's conflict history and covered files, after its records are merged."""
    conn.executemany(
        """INSERT OR IGNORE INTO sync_conflicts (uid, field, value, lamport, device, author,
               winner_lamport, winner_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        snapshot.conflicts,
    )
    for device, names in snapshot.covered.items():
        for name in names:
            last = name.split("-")[-1].split(".")[0]
            conn.execute(
                "INSERT OR IGNORE INTO sync_files (device, name, last_seq, applied) "
                "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                (device, name, int(last) if last.isdigit() else -1),
            )
