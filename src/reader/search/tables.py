"""The folding tables kept on disk beside the index, so a new process reads them instead of
making them: making them (OpenCC over every Han character, NFKC over 200,000 code points)
was most of the time of a fresh process's first query."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

# Bump when the way a table is made changes while the data it is made from does not.
# 2: the fold table takes the accents off Latin letters.
TABLES_VERSION = 2

_folder: Path | None = None


def keep_in(folder: Path) -> None:
    """Keep the tables in `folder` (the index root) from now on, in this process."""
    global _folder  # one place per process, like the functools caches
    _folder = folder


def load(name: str, make: Callable[[], dict[int, str]]) -> dict[int, str]:
    """Table `name` as stored for this Unicode and OpenCC data, or made and stored."""
    path = _path(name)
    if path is not None:
        stored = _read(path)
        if stored is not None:
            return stored
    table = make()
    if path is not None:
        _write(path, table)
    return table


def _path(name: str) -> Path | None:
    if _folder is None:
        return None
    return _folder / f"{name}-{_data_key()}.json"


def _data_key() -> str:
    """What the tables are made from: Python's Unicode data and the installed OpenCC files
    (their size and time, read without importing OpenCC, which loads a native library)."""
    spec = importlib.util.find_spec("opencc")
    origin = spec.origin if spec is not None else None
    try:
        info = Path(origin).stat() if origin else None
    except OSError:
        info = None
    opencc = f"{info.st_size}.{info.st_mtime_ns}" if info else "none"
    return f"v{TABLES_VERSION}-u{unicodedata.unidata_version}-o{opencc}"


def _read(path: Path) -> dict[int, str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        table = {int(code): value for code, value in data.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return None  # missing or damaged: made again and rewritten
    if not all(isinstance(value, str) and value for value in table.values()):
        return None
    return table


def _write(path: Path, table: dict[int, str]) -> None:
    """Atomically, so a process reading meanwhile sees the whole file or none. Only into an
    existing folder (the index root is made by the first build); a folder that cannot be
    written only costs the next process the time to make the table again."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        log.debug("could not keep the folding table in %s", path, exc_info=True)
        # On a read-only file system even removing a file that was never made fails.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
