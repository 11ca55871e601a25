"""What a Library is made of: the parts it opens at once, and those made on first use."""

from __future__ import annotations

import functools
import importlib
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from reader.errors import ReadOnlyLibrary
from reader.paths import DataPaths
from reader.services.indexer import Indexer
from reader.services.safekeeping import Safekeeping
from reader.services.stores import Stores
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleStore
from reader.storage.assets import AssetStore
from reader.storage.database import Database, read_only_message

if TYPE_CHECKING:
    from reader.services.annotating import Annotating
    from reader.services.capturing import Capturing
    from reader.services.extraction import Extraction
    from reader.services.importing import Importing
    from reader.sync.service import SyncService

_Part = TypeVar("_Part")


def names_imported_later(module: str, later: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` handing out the names of `later` (name -> the module holding
    it), each imported on first use, so that a light command (search, list, show) does not
    load the importers, exporters, capture and sync (see the light-imports test)."""

    def named(name: str) -> object:
        if name not in later:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return getattr(importlib.import_module(later[name]), name)

    return named


class LibraryParts:
    """A Library's parts: the stores it opens at once (declared here, opened by the Library),
    the parts only some commands use, each made on first use with its imports, and the write
    guard they are all handed."""

    paths: DataPaths
    db: Database
    articles: ArticleStore
    annotation_store: AnnotationStore
    assets: AssetStore
    stores: Stores  # the four above as one value, for the parts that take them all
    indexer: Indexer
    safekeeping: Safekeeping
    _making: threading.RLock
    update_search_index: Callable[[], None]  # the Library's, handed to the parts

    @property
    def read_only(self) -> bool:
        """True when changes are off (a read-only disk or folder, or opened to look only)."""
        return self.db.read_only

    def _require_writable(self) -> None:
        """Refuse a change before any of its work (every write also checks, in transaction())."""
        if self.read_only:
            raise ReadOnlyLibrary(read_only_message(self.paths.database))

    # The parts only some commands use are made on first use, with their imports.

    @functools.cached_property
    def annotations(self) -> Annotating:
        from reader.services.annotating import Annotating

        parts = (self.db, self.articles, self.annotation_store, self.indexer)
        return self._made("annotations", functools.partial(Annotating, *parts))

    @functools.cached_property
    def extraction(self) -> Extraction:
        from reader.services.extraction import Extraction

        return self._made("extraction", Extraction)

    @functools.cached_property
    def importing(self) -> Importing:
        from reader.services.importing import Importing

        extraction = self.extraction  # made before _made's lock is held (see capturing)
        changed, index = self.safekeeping.count_change, self.update_search_index
        return self._made(
            "importing",
            functools.partial(
                Importing, self.stores, changed=changed, index=index, extraction=extraction
            ),
        )

    @functools.cached_property
    def capturing(self) -> Capturing:
        from reader.services.capturing import Capturing

        # The parts it takes are made before _made's lock is held: cached_property (3.11)
        # holds a lock of its own while making one, and the two taken in turn could deadlock.
        importing, annotations = self.importing, self.annotations
        parts = (importing, self.articles, self.annotation_store, annotations, self.assets)
        writable = self._require_writable
        return self._made(
            "capturing", functools.partial(Capturing, *parts, self.update_search_index, writable)
        )

    @functools.cached_property
    def sync(self) -> SyncService:
        from reader.sync.service import SyncService

        # The device id is tied to this database file through a nonce kept beside it.
        device = self.paths.database.with_name(self.paths.database.name + ".device")
        return self._made(
            "sync", functools.partial(SyncService, self.db, device, assets=self.assets)
        )

    def _made(self, name: str, make: Callable[[], _Part]) -> _Part:
        """One part even when two threads first ask at once (cached_property has no lock
        since Python 3.12): the first one made is kept, before any other is begun."""
        with self._making:
            if name not in self.__dict__:
                self.__dict__[name] = make()
            part: _Part = self.__dict__[name]
            return part
