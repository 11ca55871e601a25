"""The sync service: set up, join, sync now, status; composed by the Library.

A sync run captures local changes into records, publishes them as a new immutable file (and
article bodies as content-addressed objects), then applies other devices' whole files, one
transaction each, and publishes what that run captured. Nothing here knows how the files
travel: a Transport (transport.py) carries them.
"""

from __future__ import annotations

import getpass
import json
import logging
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.errors import SyncError
from reader.storage import changes
from reader.storage.assets import AssetStore
from reader.storage.database import Database, utc_now
from reader.sync import identity, snapshots
from reader.sync import status as sync_status
from reader.sync.apply import apply_records, materialize, pending
from reader.sync.capture import Author, capture
from reader.sync.locations import close_after, open_transport, prepare, shown
from reader.sync.objects import ObjectCache
from reader.sync.records import (
    Record,
    Torn,
    asset_object,
    content_object,
    decode_file,
    encode_file,
)

# Re-exported: the front ends import these from here.
from reader.sync.reports import Conflict as Conflict
from reader.sync.reports import SyncReport as SyncReport
from reader.sync.reports import SyncStatus as SyncStatus
from reader.sync.transport import Transport

log = logging.getLogger(__name__)

RECORDS_PER_FILE = 5000
# A device writes a snapshot once it has published this many records since its last one.
SNAPSHOT_EVERY = 20000
DEVICE_FILE = "device.json"
LIBRARY_ID = re.compile(r"^[0-9a-f]{32}$")
TransportFor = Callable[[str, str], Transport]


class SyncService:
    """Sync of one library through a transport; every call is one short operation."""

    def __init__(
        self, db: Database, nonce_file: Path, transport_for: TransportFor = open_transport,
        assets: AssetStore | None = None,
    ) -> None:  # fmt: skip
        self.db = db
        self.nonce_file = nonce_file
        self.transport_for = transport_for
        self.assets = assets

    # -- set up ------------------------------------------------------------------------------

    def setup(
        self, location: Path | str, author: str | None = None, *, user: str | None = None,
        password: str | None = None,
    ) -> SyncStatus:  # fmt: skip
        """Sync this library through `location`: a folder (created if missing) or a WebDAV
        URL (checked first; a password given is kept in the OS keyring)."""
        who = self._configure(location, author, user, password)
        close_after(self._transport(), lambda t: self._announce(t, who))
        return self.status()

    def _configure(
        self, location: Path | str, author: str | None, user: str | None, password: str | None
    ) -> Author:
        return self._keep(prepare(location, user, password), author)

    def _keep(self, where: str, author: str | None) -> Author:
        """Store a prepared sync location and the user's name in it."""
        with self.db.transaction(durable=True) as conn:
            identity.put(conn, "folder", where)
            # A blank name is no name: exports and the records of changes would disagree.
            name = author.strip() if author else None
            identity.put(conn, "author", name or changes.author_name(conn) or _user())
            return self._who(conn)

    def join(
        self, library: str, location: Path | str | None = None, author: str | None = None,
        *, user: str | None = None, password: str | None = None,
    ) -> SyncStatus:  # fmt: skip
        """Become a device of the library `library` found in the sync folder."""
        library = library.strip().lower()
        if not LIBRARY_ID.match(library):
            raise SyncError(f"{library!r} is not a library id (32 hexadecimal digits)")
        if location is not None:
            folder: str | None = prepare(location, user, password)
        else:
            with self.db.reading() as conn:
                folder = identity.get(conn, "folder")
        if not folder:
            raise SyncError("sync is not set up; give the sync folder too")
        if not close_after(self.transport_for(folder, library), lambda t: t.devices()):
            # Nothing is changed: the folder synced with so far stays the one used.
            raise SyncError(f"there is no library {library} in the sync folder {shown(folder)}")
        if location is not None:
            self._keep(folder, author)  # announced below, in the library joined
        with self.db.transaction(durable=True) as conn:
            if identity.library_id(conn) != library:
                _forget_sync_state(conn)
                identity.put(conn, "library", library)
            who = self._who(conn)
        close_after(self._transport(), lambda t: self._announce(t, who))
        return self.status()

    # -- sync --------------------------------------------------------------------------------

    def now(self) -> SyncReport:
        """Publish local changes, apply other devices' files, publish again."""
        transport = self._transport()
        with self.db.transaction(durable=True) as conn:
            who = self._who(conn)
            first = not identity.get(conn, "captured_seq")
            captured = capture(conn, who, everything=first, objects=self._objects(None))
        try:
            self._announce(transport, who)
            files = self._publish(transport)
            applied = self._apply(transport)
            files += self._publish(transport)
            if self._published_since_snapshot() >= SNAPSHOT_EVERY:
                self._write_snapshot(transport)
        finally:
            transport.close()
        with self.db.transaction() as conn:
            identity.put(conn, "last_sync", utc_now())
            identity.put(conn, "waiting_files", str(applied.waiting_files))
        return SyncReport(
            captured, files, applied.applied_files, applied.applied_records,
            applied.waiting_files, applied.refused_files,
        )  # fmt: skip

    def _transport(self) -> Transport:
        with self.db.reading() as conn:
            folder = identity.get(conn, "folder")
            library = identity.library_id(conn)
        if not folder:
            raise SyncError("sync is not set up; run `reader sync setup FOLDER` first")
        return self.transport_for(folder, library)

    def _who(self, conn: sqlite3.Connection) -> Author:
        device = identity.device_id(conn, self.db.path, self.nonce_file)
        return Author(device, changes.author_name(conn) or _user())

    def _announce(self, transport: Transport, who: Author) -> None:
        """The device's folder, with who writes in it (a group shows authors by it)."""
        name = f"devices/{who.device}/{DEVICE_FILE}"
        if not transport.exists(name):
            about = {"device": who.device, "author": who.name, "since": utc_now()}
            transport.put(name, json.dumps(about, ensure_ascii=False).encode())

    # -- publishing --------------------------------------------------------------------------

    def _publish(self, transport: Transport) -> int:
        """Write the unpublished records, a file per RECORDS_PER_FILE; returns files written."""
        written = 0
        while True:
            with self.db.reading() as conn:
                library = identity.library_id(conn)
                rows = conn.execute(
                    "SELECT seq, device, record FROM sync_outbox WHERE published = 0 "
                    "ORDER BY seq LIMIT ?",
                    (RECORDS_PER_FILE,),
                ).fetchall()
            if not rows:
                return written
            device = str(rows[0][1])
            batch = [_outbox_record(r) for r in rows if str(r[1]) == device]
            self._publish_objects(transport, batch)
            name = f"devices/{device}/{batch[0].seq}-{batch[-1].seq}.jsonl.gz"
            transport.put(name, encode_file(library, device, batch))
            with self.db.transaction() as conn:
                conn.execute(
                    "UPDATE sync_outbox SET published = 1 WHERE seq BETWEEN ? AND ? AND device = ?",
                    (batch[0].seq, batch[-1].seq, device),
                )
            written += 1

    def _objects(self, transport: Transport | None) -> ObjectCache:
        return ObjectCache(transport, self.assets)

    def _publish_objects(self, transport: Transport, batch: list[Record]) -> None:
        """Article bodies and assets first, so a file never names an object that is not
        there."""
        for record in batch:
            if record.kind != "article":
                continue
            sha = record.fields.get("content")
            if sha and not transport.exists(f"objects/{sha}"):
                self._publish_body(transport, record.uid, str(sha))
            assets = record.fields.get("assets") or {}
            if assets:
                self._publish_assets(transport, record.uid, dict(assets))

    def _local_id(self, uid: str) -> int | None:
        with self.db.reading() as conn:
            row = conn.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else int(row[0])

    def _publish_body(self, transport: Transport, uid: str, sha: str) -> None:
        with self.db.reading() as conn:
            row = conn.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
            body = None if row is None else _body(conn, int(row[0]))
        if body is None:
            return  # changed since: a later record names the newer body
        found, data = content_object(*body)
        if found == sha:
            transport.put(f"objects/{sha}", data)

    def _publish_assets(self, transport: Transport, uid: str, assets: dict[str, str]) -> None:
        missing = {s for s in assets.values() if not transport.exists(f"objects/{s}")}
        article_id = self._local_id(uid) if missing else None
        if article_id is None or self.assets is None:
            return
        for data in self.assets.files(article_id).values():
            found, stored = asset_object(data)
            if found in missing:  # an asset changed since is named by a later record
                transport.put(f"objects/{found}", stored)

    # -- snapshots ---------------------------------------------------------------------------

    def compact(self) -> str:
        """Sync, then write a snapshot of the merged state; returns its name."""
        self.now()
        return close_after(self._transport(), self._write_snapshot)

    def _published_since_snapshot(self) -> int:
        with self.db.reading() as conn:
            since = int(identity.get(conn, "snapshot_outbox_seq", "0"))
            return int(
                conn.execute(
                    "SELECT count(*) FROM sync_outbox WHERE published = 1 AND seq > ?", (since,)
                ).fetchone()[0]
            )

    def _write_snapshot(self, transport: Transport) -> str:
        """The merged state as one immutable file; the files it covers are listed in it."""
        with self.db.reading() as conn:
            me = identity.get(conn, "device")
            covered: dict[str, list[str]] = {me: transport.record_files(me)}
            for device, name in conn.execute("SELECT device, name FROM sync_files"):
                covered.setdefault(str(device), []).append(str(name))
            lamport = int(identity.get(conn, "lamport", "0"))
            outbox = conn.execute("SELECT coalesce(max(seq), 0) FROM sync_outbox").fetchone()[0]
            data = snapshots.encode(conn, identity.library_id(conn), me, lamport, covered)
        name = snapshots.name_of(me, lamport)
        transport.put(name, data)
        with self.db.transaction() as conn:
            identity.put(conn, "snapshot_outbox_seq", str(outbox))
        return name

    def _start_from_snapshot(self, transport: Transport, library: str, fetch: ObjectCache) -> int:
        """A device that has applied nothing yet starts from the newest whole snapshot of
        another device; returns how many entities it held (0: none usable)."""
        with self.db.reading() as conn:
            me = identity.get(conn, "device")
        for name in snapshots.newest_first(transport.snapshots()):
            if name.startswith(me):
                continue  # its own: what it holds is already here
            data = transport.read(f"snapshots/{name}")
            try:
                snapshot = snapshots.decode(data or b"", library)
            except Torn:
                continue  # still arriving: an older whole one, or every file, will do
            except ValueError as exc:
                log.warning("sync snapshot %s skipped: %s", name, exc)
                continue
            with self.db.transaction(durable=True) as conn:
                capture(conn, self._who(conn), objects=fetch)
                apply_records(conn, snapshot.records, fetch)
                snapshots.restore(conn, snapshot)
                identity.put(conn, "captured_seq", str(changes.last_seq(conn)))
            return len({r.uid for r in snapshot.records})
        return 0

    # -- applying ----------------------------------------------------------------------------

    def _apply(self, transport: Transport) -> SyncReport:
        with self.db.reading() as conn:
            me = identity.get(conn, "device")
            library = identity.library_id(conn)
            done = {
                (str(d), str(n)) for d, n in conn.execute("SELECT device, name FROM sync_files")
            }
        fetch = self._objects(transport)
        if not done and self._start_from_snapshot(transport, library, fetch):
            with self.db.reading() as conn:
                done = {
                    (str(d), str(n)) for d, n in conn.execute("SELECT device, name FROM sync_files")
                }
        files = records = waiting = refused = 0
        for device in transport.devices():
            if device == me:
                continue
            for name in transport.record_files(device):
                if (device, name) in done:
                    continue
                outcome = self._apply_file(transport, library, device, name, fetch)
                if outcome is None:
                    waiting += 1
                elif outcome < 0:
                    refused += 1
                else:
                    files += 1
                    records += outcome
        self._retry_pending(fetch)
        return SyncReport(0, 0, files, records, waiting, refused)

    def _retry_pending(self, fetch: ObjectCache) -> None:
        """Entities whose article body arrived after their records are written now."""
        with self.db.reading() as conn:
            waiting = pending(conn)
        if not waiting:
            return
        with self.db.transaction(durable=True) as conn:
            capture(conn, self._who(conn), objects=fetch)
            materialize(conn, pending(conn), fetch)
            identity.put(conn, "captured_seq", str(changes.last_seq(conn)))

    def _apply_file(
        self, transport: Transport, library: str, device: str, name: str, fetch: ObjectCache
    ) -> int | None:
        """Apply one file: records changed, None while torn, -1 when refused for good."""
        data = transport.read(f"devices/{device}/{name}")
        if data is None:
            return None
        try:
            batch = decode_file(data, library, device)
        except Torn:
            return None
        except ValueError as exc:
            log.warning("sync file %s of device %s skipped: %s", name, device, exc)
            batch, changed = [], -1
        with self.db.transaction(durable=True) as conn:
            if batch:
                capture(conn, self._who(conn), objects=fetch)  # local edits get versions first
                changed = apply_records(conn, batch, fetch)
                # Rows the apply wrote to the change log are not local changes.
                identity.put(conn, "captured_seq", str(changes.last_seq(conn)))
            last = batch[-1].seq if batch else -1
            conn.execute(
                "INSERT OR IGNORE INTO sync_files (device, name, last_seq, applied) "
                "VALUES (?, ?, ?, ?)",
                (device, name, last, utc_now()),
            )
        return changed

    # -- reading -----------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self.db.reading() as conn:
            return sync_status.status(conn)

    def conflicts(self) -> list[Conflict]:
        """Every value that lost to another device's, newest first."""
        with self.db.reading() as conn:
            return sync_status.conflicts(conn)


def _outbox_record(row: sqlite3.Row) -> Record:
    data = json.loads(row[2])
    return Record.from_json({**data, "seq": int(row[0]), "device": str(row[1])})


def _body(conn: sqlite3.Connection, article_id: int) -> tuple[str, str] | None:
    row = conn.execute(
        "SELECT text, html FROM article_content WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def _forget_sync_state(conn: sqlite3.Connection) -> None:
    """Joining another library: this library's contents are offered to it afresh."""
    for table in ("sync_fields", "sync_entities", "sync_outbox", "sync_files", "sync_conflicts"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM sync_meta WHERE key = 'captured_seq'")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "reader"
