"""Where sync files live: a small interface, and a folder carried by any file-sync tool.

A transport stores immutable files under names relative to one library's sync root
(`devices/<device>/<first>-<last>.jsonl.gz`, `objects/<sha256>`). It never modifies a file:
`put` writes a new name once, atomically, or does nothing when the name exists. A WebDAV
transport (webdav.py) implements the same methods (PUT to a temporary name, then MOVE without
overwrite).
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Protocol

from reader.errors import SyncError
from reader.sync import parts

# What sync tools leave beside real files: partial downloads, temporary names, conflict
# copies ("x.sync-conflict-20240101-120000-ABCDEF.gz", "x (conflicted copy).gz",
# "x (Bob's conflicted copy 2024-01-01).gz"). Only exact names of our own form are read.
RECORD_FILE = re.compile(r"^(\d{1,19})-(\d{1,19})\.jsonl\.gz$")
OBJECT_FILE = re.compile(r"^[0-9a-f]{64}$")
DEVICE_DIR = re.compile(r"^[0-9a-f]{32}$")
TEMP_PREFIX = ".tmp-"


class Transport(Protocol):
    """The storage sync needs: list, read, write-once."""

    def devices(self) -> list[str]:
        """Device ids that have a folder of record files."""
        ...

    def record_files(self, device: str) -> list[str]:
        """Names of that device's record files (artefacts of sync tools left out)."""
        ...

    def snapshots(self) -> list[str]:
        """Names of the files in snapshots/ (unfiltered: the caller picks its own form)."""
        ...

    def read(self, name: str) -> bytes | None:
        """A file's bytes, or None when it is absent."""
        ...

    def exists(self, name: str) -> bool: ...

    def put(self, name: str, data: bytes) -> None:
        """Write a new file atomically; a name that exists is left as it is."""
        ...

    def close(self) -> None:
        """Let go of connections (a folder holds none)."""
        ...


class FolderTransport:
    """Sync files in a local folder (Syncthing, Nextcloud, Dropbox… carry it elsewhere)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, name: str) -> Path:
        parts = name.split("/")
        if any(p in ("", ".", "..") for p in parts):
            raise SyncError(f"unsafe sync file name {name!r}")
        return self.root.joinpath(*parts)

    def devices(self) -> list[str]:
        folder = self.root / "devices"
        names = _entries(folder)
        return sorted(n for n in names if DEVICE_DIR.match(n) and (folder / n).is_dir())

    def record_files(self, device: str) -> list[str]:
        found = [n for n in _entries(self.root / "devices" / device) if RECORD_FILE.match(n)]
        return sorted(found, key=lambda n: int(RECORD_FILE.match(n).group(1)))  # type: ignore[union-attr]

    def snapshots(self) -> list[str]:
        folder = self.root / "snapshots"
        return [n for n in _entries(folder) if (folder / n).is_file()]

    def read(self, name: str) -> bytes | None:
        found = self._read(name)
        # An object a WebDAV device uploaded in parts (the same share, seen as a folder here).
        return found if found is not None else parts.read_parts(self._read, name)

    def _read(self, name: str) -> bytes | None:
        try:
            return self._path(name).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            return None
        except OSError as exc:
            raise SyncError(f"cannot read {self._path(name)}: {exc.strerror}") from exc

    def exists(self, name: str) -> bool:
        return self._path(name).is_file() or self._path(name + parts.LIST_SUFFIX).is_file()

    def close(self) -> None:
        pass

    def put(self, name: str, data: bytes) -> None:
        target = self._path(name)
        if target.exists():
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(6)}-{target.name}")
            with temp.open("xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            _publish(temp, target)
        except OSError as exc:
            raise SyncError(f"cannot write {target}: {exc.strerror}") from exc


def _publish(temp: Path, target: Path) -> None:
    """Give the finished file its name without ever replacing one of that name."""
    try:
        os.link(temp, target)  # fails if the name exists: nothing is ever overwritten
    except FileExistsError:
        pass
    except OSError:
        # Filesystems without hard links (FAT, some network mounts): rename, after a check.
        if not target.exists():
            temp.replace(target)
            return
    temp.unlink(missing_ok=True)


def _entries(folder: Path) -> list[str]:
    """The names in a folder of the sync folder; none while it does not exist (yet)."""
    try:
        return [p.name for p in folder.iterdir()]
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise SyncError(f"cannot read the sync folder {folder}: {exc.strerror}") from exc
