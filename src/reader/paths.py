"""Where Reader keeps its files: the only module that knows folder and file names."""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

APP_NAME = "article-reader"
ENV_DATA_DIR = "READER_DATA_DIR"
# Owner-only, as browsers keep their profiles: the library holds what a person reads and writes.
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


@dataclass(frozen=True)
class DataPaths:
    """The files and folders inside one data directory."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "library.sqlite3"

    @property
    def index_root(self) -> Path:
        """Parent of the search index folders (one per build, swapped atomically)."""
        return self.root / "index"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def assets(self) -> Path:
        """Images and other files that belong to imported articles, one folder per article."""
        return self.root / "assets"

    @property
    def lock_file(self) -> Path:
        return self.root / "reader.lock"

    @property
    def library_lock(self) -> Path:
        """Held shared by every open library and exclusively by a restore (storage/locks.py).

        Apart from the window's `lock_file`: that one is one-window-per-library, this one
        guards the database file itself, for the command line too.
        """
        return self.root / "library.lock"

    @property
    def log_file(self) -> Path:
        return self.root / "reader.log"

    @property
    def connector(self) -> Path:
        """The browser connector's pairing: port, token and the extension's origin (secret)."""
        return self.root / "connector.json"

    def private_entries(self) -> Iterator[Path]:
        """What holds the user's data, to be owner-only: the folder, the database and its
        side files, the log, the backups, and the index and asset folders (whose contents
        are then out of others' reach whatever their own modes)."""
        yield self.root
        for suffix in ("", "-wal", "-shm", "-journal"):
            yield self.database.with_name(self.database.name + suffix)
        yield self.log_file
        yield self.connector
        for folder in (self.backups, self.index_root):
            yield folder
            with contextlib.suppress(OSError):  # missing, or not a folder
                yield from folder.iterdir()
        yield self.assets


def make_private(path: Path) -> None:
    """Take group and other permissions off a file or folder (POSIX; a no-op elsewhere).

    Symbolic links, special files and anything missing or not ours are left alone.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = path.lstat().st_mode
        if (stat.S_ISDIR(mode) or stat.S_ISREG(mode)) and mode & 0o077:
            path.chmod(stat.S_IMODE(mode) & ~0o077)


def create_private_file(path: Path) -> bool:
    """Make sure `path` is an owner-only regular file, creating it empty (0600 whatever the
    umask) if needed; False when something else (a folder, a FIFO) is in the way."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        try:
            is_file = stat.S_ISREG(path.stat().st_mode)
        except OSError:
            return False
        if is_file:
            make_private(path)
        return is_file
    except OSError:
        return False
    try:
        if os.name == "posix":
            os.fchmod(handle, PRIVATE_FILE)  # the umask may have taken owner bits off
    finally:
        os.close(handle)
    return True


def move_aside(path: Path, label: str) -> Path:
    """Rename `path` to an unused `<name>.<label>-<UTC time>[-n]` beside it; never deleted,
    never renamed over anything. Returns where it went; OSError when it cannot be moved."""
    for target in set_aside_names(path.parent, f"{path.name}.{label}"):
        try:
            move_to_free_name(path, target)
        except FileExistsError:
            continue
        return target
    raise AssertionError("unreachable")


def set_aside_names(folder: Path, stem: str, suffix: str = "") -> Iterator[Path]:
    """Candidate names for something set aside: `<stem>-<UTC time in µs>[-n]<suffix>`.

    The one naming scheme of every set-aside file (damaged libraries, replaced indexes,
    pre-migration copies, restores): sorted by time, and the caller claims a name without
    replacing anything (O_EXCL or a hard link), moving on to the next when it is taken.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    for n in itertools.count():
        yield folder / (f"{stem}-{stamp}" + (f"-{n}" if n else "") + suffix)


def move_to_free_name(source: Path, target: Path) -> None:
    """Rename source to target, refusing (FileExistsError) when target already exists.

    A hard link fails when the name is taken, where a rename would silently replace it; a
    folder, or a filesystem without hard links (FAT, some network shares), is checked first
    and then renamed.
    """
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        source.rename(target)
        return
    source.unlink()


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    """Pick the data directory: `--data-dir`, then `READER_DATA_DIR`, then the platform default."""
    if explicit:
        root = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        root = Path(os.environ[ENV_DATA_DIR])
    else:
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return DataPaths(root.expanduser().absolute())


def resources_dir() -> Path:
    """The bundled resources folder (sample articles, icons, translations)."""
    here = Path(__file__).resolve().parent
    packaged = here / "resources"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"
