"""The Library facade: every user-visible operation, shared by the GUI and the command line."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reader.capture.limits import FetchLimits as FetchLimits  # the front ends' options
from reader.core.article import Article, ArticleSummary, StoredArticle
from reader.core.changes import Changes
from reader.core.edits import Snapshot
from reader.core.images import ImageDownload as ImageDownload  # what the front ends are handed
from reader.importers import MAX_FILE_BYTES as MAX_FILE_BYTES  # the front ends' default
from reader.paths import DataPaths
from reader.services.editing import Editing
from reader.services.indexer import Indexer, annotation_extras
from reader.services.organizing import Organizing
from reader.services.parts import LibraryParts, names_imported_later
from reader.services.recovery import Recovery as Recovery  # what the front ends are handed
from reader.services.recovery import opened, settle
from reader.services.recovery import recover_damaged as recover_damaged
from reader.services.safekeeping import Safekeeping
from reader.services.stores import Stores
from reader.services.trash import Trash
from reader.storage import changes
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleFilter, ArticleStore
from reader.storage.assets import AssetStore
from reader.storage.backups import Backup, BackupSet
from reader.storage.checksums import ArticleCheck
from reader.storage.database import Database
from reader.storage.sources import FileState

if TYPE_CHECKING:
    from reader.search import SearchResult, Snippet
    from reader.services.capturing import SavedPage as SavedPage  # what the connector is handed
    from reader.services.importing import FoundFiles as FoundFiles  # handed to front ends
    from reader.services.importing import ImportResult as ImportResult  # handed to front ends
    from reader.services.importing import ImportStatus as ImportStatus
    from reader.services.importing import skipped_kinds as skipped_kinds
    from reader.sync.service import SyncReport

# The names above, each imported on first use (see names_imported_later).
__getattr__ = names_imported_later(
    __name__,
    {
        "SavedPage": "reader.services.capturing",
        "FoundFiles": "reader.services.importing",
        "ImportResult": "reader.services.importing",
        "ImportStatus": "reader.services.importing",
        "skipped_kinds": "reader.services.importing",
    },
)


class Library(LibraryParts):
    """A library in one data directory: articles in SQLite, article assets beside it."""

    def __init__(self, paths: DataPaths, *, read_only: bool = False) -> None:
        """Open the library; `read_only` (or a library that cannot be written) turns changes
        off: every change then fails with ReadOnlyLibrary, and nothing is written."""
        self.paths = paths
        self._making = threading.RLock()
        self.db = Database(paths.database, lock=paths.library_lock, read_only=read_only)
        self.articles = ArticleStore(self.db)
        self.annotation_store = AnnotationStore(self.db)
        extras = annotation_extras(self.annotation_store)
        self.indexer = Indexer(
            self.db, self.articles, paths.index_root, extras, read_only=self.read_only
        )
        self.safekeeping = Safekeeping(
            self.db,
            self.articles,
            BackupSet(paths.backups),
            self._require_writable,
            self.update_search_index,
            paths.library_lock,
        )
        self.backups = self.safekeeping.backups
        self.assets = AssetStore(paths.assets)
        self.stores = Stores(self.db, self.articles, self.annotation_store, self.assets)
        index, writable = self.update_search_index, self._require_writable
        self.editing = Editing(self.stores, index, writable)
        self.organizing = Organizing(self.db, self.articles, index)
        self.trash_can = Trash(self.db, self.articles, self.assets, index, writable)
        if not self.read_only:
            settle(paths, self.assets, self.articles.exists)

    def library_id(self) -> str:
        """This library's own id, kept inside it: front ends key per-library settings by it,
        so that a setting never follows the window to another library (--data-dir)."""
        with self.db.reading() as conn:
            return changes.library_id(conn)

    def close(self) -> None:
        if "extraction" in self.__dict__:  # made by an import: its kept workers stop now
            self.extraction.close()
        self.indexer.close()
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- import ------------------------------------------------------------------------------

    def files_to_import(self, paths: Iterable[Path]) -> list[Path]:
        """The files an import of these paths will visit."""
        return self.find_files(paths).files

    def find_files(self, paths: Iterable[Path]) -> FoundFiles:
        """The files and folders walked once: give the result to `import_paths` to import
        what was counted without walking again."""
        return self.importing.find(paths)

    def import_paths(
        self,
        paths: Iterable[Path] | FoundFiles,
        *,
        section: str | None = None,
        should_stop: Callable[[], bool] = lambda: False,
        ask_when_unsure: bool = False,
        max_bytes: int = MAX_FILE_BYTES,
        started: Callable[[Path], None] = lambda _path: None,
    ) -> Iterator[ImportResult]:
        """Import files and folders (or what `find_files` found in them), yielding a result
        per file, in order; what was reported imported stays imported (see Importing.files)."""
        self._require_writable()
        from reader.services.importing import ImportOptions

        options = ImportOptions(section, None, False, ask_when_unsure, max_bytes)
        yield from self.importing.files(paths, options, should_stop, started)

    def import_path(
        self,
        path: Path,
        *,
        section: str | None = None,
        replace_id: int | None = None,
        as_new: bool = False,
        ask_when_unsure: bool = False,
        max_bytes: int = MAX_FILE_BYTES,
    ) -> ImportResult:
        """Import one file. Its own failures become a FAILED result; the library's raise."""
        from reader.services.importing import ImportOptions

        options = ImportOptions(section, replace_id, as_new, ask_when_unsure, max_bytes)
        return self.importing.file(path, options)

    def add_article(
        self,
        article: Article,
        *,
        section: str | None = None,
        path: str = "",
        replace_id: int | None = None,
        as_new: bool = False,
        ask_when_unsure: bool = False,
        source: FileState | None = None,
    ) -> ImportResult:
        """Store one imported article: new, a duplicate, or a new version of a known one (see
        Importing.add)."""
        from reader.services.importing import ImportOptions

        options = ImportOptions(section, replace_id, as_new, ask_when_unsure)
        return self.importing.add(article, options, path, source)

    def import_text(
        self, data: bytes, name: str, *, section: str | None = None, max_bytes: int = MAX_FILE_BYTES
    ) -> ImportResult:
        """Import pasted HTML or text (see Capturing.import_text)."""
        return self.capturing.import_text(data, name, section, max_bytes)

    # -- capture from the web ----------------------------------------------------------------

    def import_url(
        self,
        url: str,
        *,
        section: str | None = None,
        ask_when_unsure: bool = False,
        limits: FetchLimits | None = None,
    ) -> ImportResult:
        """Fetch a web page and import it like a saved file (see Capturing.import_url)."""
        return self.capturing.import_url(url, section, ask_when_unsure, limits)

    def download_images(
        self, article_id: int, limits: FetchLimits | None = None
    ) -> Generator[ImageDownload, None, ImageDownload]:
        """Download the article's web images not saved yet (see Capturing.download_images)."""
        return (yield from self.capturing.download_images(article_id, limits))

    def save_page(self, url: str, title: str, html: str, selection: str = "") -> SavedPage:
        """Store a page a browser sent, highlighting `selection` (see Capturing.save_page)."""
        return self.capturing.save_page(url, title, html, selection)

    # -- reading -----------------------------------------------------------------------------

    def list_articles(
        self,
        *,
        section: str | None = None,
        site: str | None = None,
        unread: bool = False,
        bookmarked: bool = False,
        sort: str = "published",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        view = ArticleFilter(section=section, site=site, unread=unread, bookmarked=bookmarked)
        return self.articles.query(
            view, sort=sort, descending=descending, limit=limit, offset=offset
        )

    def article_ids(
        self, view: ArticleFilter | None = None, *, sort: str = "published", descending: bool = True
    ) -> list[int]:
        """The ordered ids of a view: what the article list holds before paging rows in."""
        return self.articles.ids(view, sort=sort, descending=descending)

    def summaries(self, ids: Sequence[int]) -> dict[int, ArticleSummary]:
        return self.articles.summaries(ids)

    def view_counts(self) -> dict[str, int]:
        """Article counts of the smart views (see Organizing.view_counts)."""
        return self.organizing.view_counts()

    def get_article(self, article_id: int) -> StoredArticle:
        return self.articles.get(article_id)

    def sections(self) -> list[tuple[str, int]]:
        return self.articles.sections()

    def sites(self) -> list[tuple[str, int]]:
        return self.articles.sites()

    def count(self) -> int:
        return self.articles.count()

    def is_empty(self) -> bool:
        """No article out of the Trash (what count() == 0 says, without counting)."""
        return self.articles.none_listed()

    def assets_dir(self, article_id: int) -> Path:
        return self.assets.folder(article_id)

    # -- changes -----------------------------------------------------------------------------

    def remove(self, article_id: int, *, with_annotations: bool = False) -> ArticleSummary:
        """Remove an article; one with annotations only when the caller says so explicitly."""
        return self.editing.remove(article_id, with_annotations)

    def trash(self, ids: Iterable[int]) -> list[int]:
        """Move articles to the Trash; returns the ids that went there (see Trash)."""
        return self.trash_can.put(ids)

    def trashed(self) -> list[ArticleSummary]:
        return self.trash_can.held()

    def restore_from_trash(self, ids: Iterable[int]) -> list[int]:
        return self.trash_can.restore(ids)

    def empty_trash(
        self, older_than: timedelta | None = None, *, with_annotations: bool = True
    ) -> list[int]:
        """Delete trashed articles for good; `older_than` keeps the recently trashed; without
        `with_annotations`, refused while any of them holds notes or highlights."""
        return self.trash_can.empty(older_than, with_annotations=with_annotations)

    def empty_expired_trash(self) -> list[int]:
        """At start: articles trashed more than 30 days ago go for good."""
        return self.trash_can.empty_expired()

    def mark_read(self, ids: Iterable[int], read: bool = True) -> None:
        self.editing.mark_read(ids, read)

    def set_reading_position(self, article_id: int, position: float) -> None:
        self.editing.set_reading_position(article_id, position)

    def set_bookmarked(self, article_id: int, on: bool = True) -> None:
        self.editing.set_bookmarked(article_id, on)

    def rename_section(self, old: str, new: str) -> None:
        self.editing.rename_section(old, new)

    def details(self, article_id: int) -> Snapshot:
        """The fields Edit Details shows, as stored, and which of them the user edited."""
        return self.editing.details(article_id)

    def edit_details(self, article_id: int, values: Mapping[str, str | None]) -> Snapshot:
        """Correct an article's metadata by hand; returns the state before, for undo (see
        Editing.edit_details)."""
        return self.editing.edit_details(article_id, values)

    def restore_details(self, article_id: int, before: Snapshot) -> None:
        """Put back what `edit_details` returned: the values and which were the user's."""
        self.editing.restore_details(article_id, before)

    def move_to_section(self, ids: Iterable[int], section: str | None) -> None:
        self.editing.move_to_section(ids, section)

    # -- exports -----------------------------------------------------------------------------

    def export_to_file(
        self, format: str, ids: Sequence[int], path: Path, *, overwrite: bool = False
    ) -> Path:
        """Export annotations to a file, atomically; never into the data folder, never over
        an existing file unless `overwrite`. Returns where it was written."""
        return self.annotations.export_to_file(format, ids, path, self.paths.root, overwrite)

    # -- the change log ----------------------------------------------------------------------

    def last_change(self) -> int:
        """The change log's newest position: a front end remembers it and later asks
        `changes_since` what happened meanwhile, in this process or any other."""
        with self.db.reading() as conn:
            return changes.last_seq(conn)

    def changes_since(self, seq: int) -> Changes:
        """One summary of every change after `seq`: the single event views refresh on."""
        with self.db.reading() as conn:
            return changes.between(conn, seq)

    def sync_now(self) -> SyncReport:
        """Sync through the configured folder; what arrived reaches the search index too."""
        report = self.sync.now()
        self.update_search_index()
        return report

    def sync_compact(self) -> str:
        """Sync, then write a snapshot of the merged state; returns its name."""
        name = self.sync.compact()
        self.update_search_index()
        return name

    # -- search ------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, sort: str = "rank") -> SearchResult:
        """Ranked (or newest-first) hits, without snippets (see `snippets`); never raises for
        a malformed query."""
        return self.indexer.search(query, limit=limit, sort=sort)

    def snippets(self, ids: Sequence[int], terms: Sequence[str]) -> dict[int, Snippet]:
        """Snippets for the hits on screen, marking `terms` (a SearchResult's terms)."""
        return self.indexer.snippets(ids, terms)

    # -- backups -----------------------------------------------------------------------------

    def backup(self) -> Backup:
        """Take a verified backup now (kept in the rotating set)."""
        return self.safekeeping.backup()

    def backup_if_due(self) -> None:
        """The periodic backup; cheap when none is due (front ends call it off the hot path)."""
        self.safekeeping.backup_if_due()

    def backup_in_worker(self) -> None:
        """From now on automatic backups run in a worker process, never on this process's
        threads (the window); the command line backs up small libraries on the spot and
        hands large ones to a detached process."""
        self.safekeeping.in_worker()

    def check_articles(self, *, repair: bool = True) -> ArticleCheck:
        """Check every article's title and text against its content hash; rewrite damaged
        ones from the newest backup holding them intact (annotations are never touched)."""
        return self.safekeeping.check_articles(repair)

    def update_search_index(self) -> None:
        """Bring the index up to date with recorded changes; a failure leaves them queued."""
        self.indexer.flush_quietly()

    def update_search_index_in_worker(self) -> None:
        """From now on the index catches up with the log in a worker process, not on this
        process's threads (the window: see IndexWorker); the command line indexes in-process."""
        self.indexer.catch_up_in_worker()

    def extract_in_workers(self) -> None:
        """From now on every import and capture extracts in worker processes, kept warm
        between imports, never on this process's threads (the window: see Extraction); the
        command line extracts a small import's files in-process."""
        self.extraction.in_workers()

    def stop_search_index_worker(self) -> None:
        """The window is closing: end the index's worker process now rather than wait for
        it (a batch it is writing is finished first); the log keeps what it did not apply."""
        self.indexer.stop_worker()

    def search_index_problem(self) -> str | None:
        """Why the search index needs a rebuild (missing, damaged, another library's), or
        None; an index behind the change log is brought up to date on the way."""
        return self.indexer.problem()

    def rebuild_search_index(
        self, should_stop: Callable[[], bool] = lambda: False
    ) -> Iterator[tuple[int, int]]:
        """Rebuild the index from the library, yielding (done, total); resumable."""
        return self.indexer.rebuild(should_stop)


def open_library(paths: DataPaths, *, read_only: bool = False) -> tuple[Library, Recovery | None]:
    """Open (creating if needed) the library in a data directory, or raise ReaderError; a
    damaged one is set aside and an empty one opened in its place (see recovery.opened)."""
    return opened(paths, read_only, lambda writes: Library(paths, read_only=not writes))
