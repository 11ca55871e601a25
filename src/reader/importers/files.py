"""The files an import is given: found inside the chosen folders, read only if regular, bounded."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.import_failures import MB, size_values
from reader.errors import ImportFailed

log = logging.getLogger(__name__)

# Larger files are refused before they are read: no saved article is this big, and parsing
# takes about 100 times a page's size in memory (a 195 MB page took 5 GB and 9 minutes).
MAX_FILE_BYTES = 50 * MB

# O_NONBLOCK: opening a FIFO must not wait for a writer (the fstat check then refuses it).
# O_NOCTTY: a terminal device named by mistake must not become our controlling terminal.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = MB

# The folder a browser's "save complete" writes beside `page.html`: `page_files` (Chrome, Edge,
# Firefox), or a localized name from older browsers. Its HTML files are saved frames and ads,
# never articles; its images are read by the page's import (see local_images).
_RESOURCE_FOLDER_SUFFIXES = ("_files", "_archivos", "-Dateien", "_fichiers", "_arquivos", "_file")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

_SPECIAL_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def display_path(path: os.PathLike[str] | str) -> str:
    """A path as text that can be stored, printed and shown: undecodable bytes as `\\xe9`.

    Python keeps a file name's undecodable bytes as lone surrogates (surrogateescape); SQLite,
    JSON and terminals reject those, so they become visible backslash escapes instead.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes for import, or ImportFailed: the one way importers read a file.

    Only regular files are read (a FIFO would block forever, /dev/zero never ends), and never
    more than `max_bytes` + 1 bytes, even when the file grows while it is read.
    """
    try:
        # Refused from stat alone, so that a device is not even opened (opening can act).
        _check(path.stat(), max_bytes)
        fd = os.open(path, _OPEN_FLAGS)
        try:
            _check(os.fstat(fd), max_bytes)  # what was opened may not be what was looked at
            data = _read_at_most(fd, max_bytes + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise ImportFailed("file_gone") from None
    except PermissionError:
        raise ImportFailed("permission_denied") from None
    except OSError as exc:
        raise ImportFailed("unreadable", detail=exc.strerror or exc) from None
    except ValueError:  # a NUL in the name: no file can have it
        raise ImportFailed("bad_file_name") from None
    if len(data) > max_bytes:
        raise ImportFailed("file_too_large", **size_values(len(data), max_bytes))
    return data


def _check(info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _SPECIAL_KINDS if test(info.st_mode)), None)
        raise ImportFailed("not_regular_file", kind=kind or "a special file")
    if info.st_size > max_bytes:
        raise ImportFailed("file_too_large", **size_values(info.st_size, max_bytes))


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class Skipped:
    """A file inside a chosen folder that an import passes over, and why."""

    path: Path
    reason: str


# Whether a file found in a folder is imported: None if so, else the reason it is skipped.
Accept = Callable[[Path], str | None]


def walk_paths(
    paths: Iterable[Path], accept: Accept, exclude: Iterable[Path] = ()
) -> Iterator[Path | Skipped]:
    """Files to import: given files as they are, folders walked recursively in name order.

    Hidden files and folders (a leading dot) are passed over silently inside folders; files
    that `accept` refuses come as Skipped, with its reason. A path given explicitly is always
    yielded, so that an unsupported, missing or special file is reported rather than
    silently ignored. Inside a folder a symbolic link is followed only when its target stays
    inside that folder. Folders in `exclude` (the library's own data folder) are never
    entered: a library's database and assets are not articles.
    """
    excluded = frozenset(_real(p) for p in exclude)
    for path in paths:
        if _is_dir(path):
            yield from _walk(path, _Walk(path.resolve(), accept, excluded))
        else:
            yield path  # read_file says what is wrong with it, if anything


def read_head(path: Path, size: int) -> bytes:
    """At most the first `size` bytes of a regular file; b"" when it cannot be read."""
    try:
        _check(path.stat(), MAX_FILE_BYTES * 1024)
        fd = os.open(path, _OPEN_FLAGS)
        try:
            _check(os.fstat(fd), MAX_FILE_BYTES * 1024)
            return _read_at_most(fd, size)
        finally:
            os.close(fd)
    except (OSError, ValueError, ImportFailed):
        return b""


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, ValueError):  # unreachable or unnamable: reported when read
        return False


class _Walk:
    """One chosen folder being walked: its real location and the real folders already seen."""

    def __init__(self, root: Path, accept: Accept, excluded: frozenset[Path]) -> None:
        self.root = root
        self.accept = accept
        self.seen: set[Path] = set(excluded)  # as if walked already: never entered


def _walk(folder: Path, walk: _Walk) -> Iterator[Path | Skipped]:
    real = folder.resolve()
    if real in walk.seen:  # a link back up, or to a folder walked already: no loops
        return
    walk.seen.add(real)
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError:
        yield folder  # reported as unreadable by the caller
        return
    pages = {
        entry.name[: -len(Path(entry.name).suffix)]
        for entry in entries
        if Path(entry.name).suffix.lower() in _PAGE_SUFFIXES
    }
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        kind = _kind(entry, walk.root)
        if kind == "folder" and _is_page_resources(entry.name, pages):
            log.debug("skipped %s: the saved page's own files", display_path(entry.path))
        elif kind == "folder":
            yield from _walk(path, walk)
        elif kind == "file":
            reason = walk.accept(path)
            yield path if reason is None else Skipped(path, reason)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _is_page_resources(name: str, pages: set[str]) -> bool:
    return any(
        name.endswith(suffix) and name[: -len(suffix)] in pages
        for suffix in _RESOURCE_FOLDER_SUFFIXES
    )


def _kind(entry: os.DirEntry[str], root: Path) -> str | None:
    """ "file", "folder" or None (skipped: special, unreadable, or a link leading out)."""
    try:
        if entry.is_symlink():
            target = Path(entry.path).resolve(strict=True)
            if not target.is_relative_to(root):
                log.warning(
                    "skipped %s: a link to outside the chosen folder", display_path(entry.path)
                )
                return None
            if target.is_dir():
                return "folder"
            return "file" if target.is_file() else None
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        return "file" if entry.is_file(follow_symlinks=False) else None
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return None
