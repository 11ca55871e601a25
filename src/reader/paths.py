"""Where Reader keeps its files: the only module that knows folder and file names."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "article-reader"
ENV_DATA_DIR = "READER_DATA_DIR"


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
