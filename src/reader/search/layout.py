"""Where index generations live under the index root, and the atomic swap between them.

    index_root/
        CURRENT               name of the live generation, replaced atomically
        gen-000007/           the live Whoosh index (+ reader-index.json, reader-origin.json:
                              the library and change-log position it was built from)
        build-000008/         a rebuild in progress, resumable (+ reader-index.json)
        REBUILD               lock file, held by the one process rebuilding

A rebuild writes a new directory and swaps CURRENT at the end, so a damaged or half-built
index is never the live one, and deleting the whole root is always safe.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

POINTER = "CURRENT"
META = "reader-index.json"
ORIGIN = "reader-origin.json"
_GENERATION = re.compile(r"^(gen|build)-(\d{6})$")


def current_dir(root: Path) -> Path | None:
    """The live generation's directory as CURRENT names it (it may not exist)."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    match = _GENERATION.match(name)
    return root / name if match and match.group(1) == "gen" else None


def _numbered(root: Path, kind: str) -> list[tuple[int, Path]]:
    found: list[tuple[int, Path]] = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return found
    for entry in entries:
        match = _GENERATION.match(entry.name)
        if match and match.group(1) == kind and entry.is_dir():
            found.append((int(match.group(2)), entry))
    return sorted(found)


def new_build_dir(root: Path) -> Path:
    """A fresh, empty build directory numbered after every existing generation."""
    numbers = [n for kind in ("gen", "build") for n, _ in _numbered(root, kind)]
    path = root / f"build-{max(numbers, default=0) + 1:06d}"
    path.mkdir(parents=True)
    return path


def resumable_build_dir(root: Path, index_format: str) -> Path | None:
    """The newest unfinished build of this format, if a rebuild was interrupted."""
    for _, path in reversed(_numbered(root, "build")):
        meta = read_meta(path)
        if meta.get("format") == index_format and not meta.get("complete"):
            return path
    return None


def read_meta(path: Path) -> dict[str, object]:
    return _read_json(path / META)


def write_meta(path: Path, index_format: str, *, complete: bool) -> None:
    _write_atomically(path / META, json.dumps({"format": index_format, "complete": complete}))


def identity(path: Path) -> str:
    """A name for one build of the index, kept across the swap from build-N to gen-N."""
    match = _GENERATION.match(path.name)
    origin = read_origin(path)
    built = str(origin.get("built", "")) if origin else ""
    return f"{match.group(2) if match else path.name}:{built}"


def write_origin(path: Path, origin: dict[str, object]) -> None:
    """Record what a build was made from (the library's id, its change-log position)."""
    _write_atomically(path / ORIGIN, json.dumps(origin))


def read_origin(path: Path) -> dict[str, object]:
    return _read_json(path / ORIGIN)


def _read_json(file: Path) -> dict[str, object]:
    """A build's small JSON record; {} when it is missing, torn or not an object."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def publish(root: Path, build: Path) -> Path:
    """Make a finished build the live generation; return its new directory."""
    match = _GENERATION.match(build.name)
    if not match:
        raise ValueError(f"not a build directory: {build}")
    live = root / f"gen-{match.group(2)}"
    build.rename(live)
    _write_atomically(root / POINTER, live.name + "\n")
    return live


def remove_old(root: Path, keep: Path | None, index_format: str) -> None:
    """Delete generations other than `keep`, and builds that cannot be resumed.

    Only the process holding the rebuild lock may call this. Files still open elsewhere are
    left for a later call (Windows refuses to delete them; POSIX keeps them readable).
    """
    for _, path in _numbered(root, "gen"):
        if path != keep:
            shutil.rmtree(path, ignore_errors=True)
    for _, path in _numbered(root, "build"):
        meta = read_meta(path)
        if meta.get("format") != index_format or meta.get("complete"):
            shutil.rmtree(path, ignore_errors=True)
    for leftover in root.glob("*.tmp"):
        if leftover.is_file():
            leftover.unlink(missing_ok=True)


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)
