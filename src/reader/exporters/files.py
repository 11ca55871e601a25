"""Writing an export to a file: never inside the library's folder, never over a file unasked,
and atomically (a temporary file beside the target, synced, then renamed over it)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from reader.errors import ExportRefused


def write_export(path: Path, text: str, *, data_dir: Path, force: bool = False) -> Path:
    """Write text (UTF-8) to path; returns the path written. Every export to a file comes here."""
    # Absolute but not resolved: replacing a link replaces the link, not what it points at.
    target = Path.cwd() / path
    _check_target(target, data_dir, force=force)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportRefused(f"cannot write {path}: {exc.strerror or exc}") from None
    return target


def _check_target(target: Path, data_dir: Path, *, force: bool) -> None:
    parent = target.parent
    if not parent.is_dir():
        raise ExportRefused(f"cannot write {target}: the folder {parent} does not exist")
    # Resolved, so that a link or a relative path cannot reach the library another way.
    real, library = parent.resolve() / target.name, data_dir.resolve()
    if real.is_relative_to(library) or target.resolve().is_relative_to(library):
        raise ExportRefused(f"cannot write {target}: it is inside the library folder {library}")
    if target.is_dir():
        raise ExportRefused(f"cannot write {target}: it is a folder")
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportRefused(f"cannot write {target}: {exc.strerror or exc}") from None
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        # A device, a FIFO or a socket: replaced by a file even with --force, /dev/null and
        # /dev/full were gone (as root); never what replacing an export means.
        raise ExportRefused(f"cannot write {target}: it is not a file (a device, pipe or socket)")
    if not force:
        raise ExportRefused(f"{target} exists already (use --force to replace it)")
