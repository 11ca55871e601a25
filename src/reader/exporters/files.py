"""Writing an export to a file the user named: never into the library, never over a file
without leave, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.errors import ExportRefused


def write_export(path: Path, text: str, *, data_root: Path, overwrite: bool = False) -> Path:
    """Write `text` to `path` atomically (a temporary file beside it, fsynced, renamed)."""
    target = _checked_target(path, data_root, overwrite)
    try:
        handle, temp = tempfile.mkstemp(prefix=".export-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportRefused(f"cannot write in {target.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ExportRefused(f"cannot write {target}: {exc.strerror}") from None
    return target


def _checked_target(path: Path, data_root: Path, overwrite: bool) -> Path:
    try:
        target = path.expanduser().absolute()
        resolved = target.resolve()
        root = data_root.resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise ExportRefused(f"cannot write {path}: {exc}") from None
    if resolved == root or root in resolved.parents:
        raise ExportRefused(
            f"{path} is inside the library's data folder; choose a file outside {data_root}"
        )
    if not resolved.parent.is_dir():
        raise ExportRefused(f"the folder {target.parent} does not exist")
    if resolved.is_dir():
        raise ExportRefused(f"{path} is a folder; name a file to export to")
    if resolved.exists() and not overwrite:
        raise ExportRefused(f"{path} already exists; add --force to replace it")
    if resolved.exists() and not resolved.is_file():
        raise ExportRefused(f"{path} is not a regular file")
    return resolved
