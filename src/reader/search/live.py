"""The live index as one process reads it: opened once, its searcher, and noticing changes.

Every query asks whether the index changed since the searcher was opened (a commit by this
or another process, a rebuild swapped in). Finding out for sure means reading CURRENT and
listing the generation's folder for its newest table of contents; instead, two `stat`s
tell that nothing changed: CURRENT is replaced through a new file (a new inode), and a
commit adds and removes files in the folder (a new modification time). A time stamp is
only trusted once it is older than `SETTLED_NS` when it is seen: a change made within the
file system's clock tick after a look would leave it as it was (git's "racy clean" case),
so until then every query looks for sure, as before.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from reader.errors import SearchError
from reader.search import layout
from reader.search.lookups import RememberedTerms, remember_terms
from reader.search.schema import ANNOTATIONS, INDEX_FORMAT
from reader.search.weighting import RememberingBM25F

log = logging.getLogger(__name__)

# Older than this, a modification time cannot still be moved by a change without changing
# (file systems stamp in ticks of up to 2 s: FAT; most in ns or a clock tick).
SETTLED_NS = 2_000_000_000

# Whoosh raises whatever its file parsing trips over (see index._ANY).
_ANY = Exception

Stamp = tuple[int, int, int, int, int]


class LiveIndex:
    """The live generation of the index under `root`, and one searcher on it. Not
    thread-safe: the caller holds its lock."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self.ix: Any = None
        self.folder: Path | None = None
        self._searcher: Any = None
        self._tables: list[RememberedTerms] = []
        self._generation = -1
        # Whether the searcher's segments hold any annotation document.
        self.annotated = True
        # CURRENT and the folder as they were when last found unchanged (None: look again).
        self._stamp: Stamp | None = None

    def searcher(self) -> Any:
        """The searcher, reopened when the index has a new generation; None without an index.

        Not Searcher.refresh(): it reuses the readers of unchanged segments, and with them
        their old deletions, so a deleted or replaced document would still be found.
        """
        for table in self._tables:
            table.forget()  # each use (a query) reads the term tables for itself
        stamp = self._stamp
        if self._searcher is not None and stamp is not None and self._stamp_now() == stamp:
            return self._searcher
        seen_at = time.time_ns()
        pointer = _stat(self._root / layout.POINTER)
        ix = self.open()
        if ix is None:
            return None
        generation = ix.latest_generation()
        if self._searcher is None or generation != self._generation:
            self._close_searcher()
            self._searcher = ix.searcher(weighting=RememberingBM25F())
            self._tables = remember_terms(self._searcher)
            self._generation = generation
            self.annotated = self._searcher.doc_frequency("kind", ANNOTATIONS) > 0
        self._stamp = _settled(pointer, _stat(self.folder), seen_at)
        return self._searcher

    def _stamp_now(self) -> Stamp | None:
        return _stamp(_stat(self._root / layout.POINTER), _stat(self.folder))

    def open(self) -> Any:
        """The live index, opened once and reopened when another process swapped it."""
        live = layout.current_dir(self._root)
        if live is None or not live.is_dir():
            self.forget()
            return None
        if live != self.folder or self.ix is None:
            self.forget()
            meta = layout.read_meta(live)
            if meta.get("format") != INDEX_FORMAT or not meta.get("complete"):
                raise SearchError("it was built by another version of Reader")
            self.ix = FileStorage(str(live), supports_mmap=False).open_index()
            self.folder = live
        return self.ix

    def open_or_none(self) -> Any:
        try:
            return self.open()
        except _ANY:  # see _ANY: a damaged live index is rebuilt by ensure_healthy
            return None

    def changed(self) -> None:
        """This process wrote the index: look for sure at the next query."""
        self._stamp = None

    def forget(self) -> None:
        self._close_searcher()
        self.ix = None
        self.folder = None

    def _close_searcher(self) -> None:
        self._stamp = None
        self._tables = []
        if self._searcher is not None:
            try:
                self._searcher.close()
            except _ANY:  # see _ANY; closing a damaged searcher must not hide the damage
                log.debug("closing the searcher failed", exc_info=True)
        self._searcher = None


def open_build(root: Path) -> Any:
    """The index of a rebuild under way (any process), so changes reach it too."""
    folder = layout.resumable_build_dir(root, INDEX_FORMAT)
    if folder is None:
        return None
    try:
        return FileStorage(str(folder), supports_mmap=False).open_index()
    except _ANY:  # see _ANY: a build not yet initialised, or damaged and to be redone
        return None


def _stat(path: Path | None) -> os.stat_result | None:
    try:
        return path.stat() if path is not None else None
    except OSError:
        return None


def _settled(
    pointer: os.stat_result | None, live: os.stat_result | None, seen_at: int
) -> Stamp | None:
    """The stamp to trust from now on (taken after `seen_at`): None when missing or recent."""
    if pointer is None or live is None:
        return None
    if max(pointer.st_mtime_ns, live.st_mtime_ns) > seen_at - SETTLED_NS:
        return None
    return _stamp(pointer, live)


def _stamp(pointer: os.stat_result | None, live: os.stat_result | None) -> Stamp | None:
    if pointer is None or live is None:
        return None
    return (pointer.st_ino, pointer.st_mtime_ns, pointer.st_size, live.st_ino, live.st_mtime_ns)
