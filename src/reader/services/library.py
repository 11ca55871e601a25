"""The Library facade: every user-visible operation, shared by the GUI and the command line."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reader.capture.limits import FetchLimits as FetchLimits  # the front ends' options
from reader.core.anchoring import locate_quote, reanchor
from reader.core.annotation import TextQuoteSelector
from reader.core.article import Article, ArticleSummary, StoredArticle
from reader.core.changes import Changes
from reader.core.edits import Snapshot, make_edit
from reader.core.images import ImageDownload as ImageDownload  # what the front ends are handed
from reader.errors import (
    DamagedDatabase,
    DataDirError,
    HasAnnotations,
    ImportFailed,
    NotFound,
    QuoteNotFound,
    ReaderError,
    ReadOnlyLibrary,
)
from reader.exporters.files import write_export
from reader.importers import MAX_FILE_BYTES as MAX_FILE_BYTES  # the front ends' default
from reader.importers import expand_paths, import_bytes
from reader.paths import DataPaths, make_private, move_aside
from reader.services.annotating import Annotating
from reader.services.importing import Importing, ImportOptions
from reader.services.importing import ImportResult as ImportResult  # what the front ends are handed
from reader.services.importing import ImportStatus as ImportStatus
from reader.services.importing import skipped_kinds as skipped_kinds
from reader.services.indexer import Indexer, library_id
from reader.services.organizing import Organizing
from reader.services.trash import TRASH_KEPT, Trash
from reader.storage import changes, edits
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleFilter, ArticleStore
from reader.storage.assets import AssetStore
from reader.storage.backups import Backup, BackupSet, set_aside, verify
from reader.storage.checksums import ArticleCheck, repair_from_backups, stored_contents
from reader.storage.database import Database, read_only_message
from reader.storage.locks import LibraryLock
from reader.storage.sources import FileState
from reader.sync import SyncService
from reader.sync.service import SyncReport

if TYPE_CHECKING:
    from reader.search import SearchResult, Snippet

log = logging.getLogger(__name__)


# A backup is taken at start when the newest is older than this, and after this many changes
# (but not within an hour of the last: a bulk import makes one backup, not one per 500 files).
BACKUP_EVERY = timedelta(hours=24)
BACKUP_AFTER_CHANGES = 500
BACKUP_AT_MOST_EVERY = timedelta(hours=1)


@dataclass(frozen=True)
class SavedPage:
    """What the connector did with a page: the import, and the selection's highlight
    ("added", "exists", "not found"; None without a selection)."""

    result: ImportResult
    highlight: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.result.article_id,
            "status": self.result.status.value,
            "title": self.result.title,
            "highlight": self.highlight,
        }


class Library:
    """A library in one data directory: articles in SQLite, article assets beside it."""

    def __init__(self, paths: DataPaths, *, read_only: bool = False) -> None:
        """Open the library; `read_only` (or a library that cannot be written) turns changes
        off: every change then fails with ReadOnlyLibrary, and nothing is written."""
        self.paths = paths
        self.db = Database(paths.database, lock=paths.library_lock, read_only=read_only)
        self.articles = ArticleStore(self.db)
        self.annotation_store = AnnotationStore(self.db)
        self.indexer = Indexer(
            self.db, self.articles, paths.index_root, self._index_extras, read_only=self.read_only
        )
        self.annotations = Annotating(self.db, self.articles, self.annotation_store, self.indexer)
        self.backups = BackupSet(paths.backups)
        self._changes = 0
        self._last_attempt: datetime | None = None  # of a change-triggered backup
        self.assets = AssetStore(paths.assets)
        self.importing = Importing(
            self.db,
            self.articles,
            self.annotation_store,
            self.assets,
            changed=self._count_change,
            index=self.update_search_index,
        )
        self.organizing = Organizing(self.db, self.articles, self.update_search_index)
        self.trash_can = Trash(self.db, self.articles, self.assets, self.update_search_index)
        # The device id is tied to this database file through a nonce kept beside it.
        self.sync = SyncService(
            self.db, paths.database.with_name(paths.database.name + ".device"),
            assets=self.assets,
        )  # fmt: skip
        if not self.read_only:
            _make_room_for_folders(paths)
            self.assets.finish_staged(self.articles.exists)
            for entry in paths.private_entries():  # a library made before they were private
                make_private(entry)

    @property
    def read_only(self) -> bool:
        """True when changes are off (a read-only disk or folder, or opened to look only)."""
        return self.db.read_only

    def library_id(self) -> str:
        """This library's own id, kept inside it: front ends key per-library settings by it,
        so that a setting never follows the window to another library (--data-dir)."""
        with self.db.reading() as conn:
            return library_id(conn)

    def _require_writable(self) -> None:
        """Refuse a change before any of its work (every write also checks, in transaction())."""
        if self.read_only:
            raise ReadOnlyLibrary(read_only_message(self.paths.database))

    def _index_extras(self, article_id: int) -> dict[str, object]:
        found = self.annotation_store.for_article(article_id)
        return {
            "notes": found.notes_text,
            "tags": tuple(found.all_tags),
            "colors": tuple(str(c) for c in found.colors),
        }

    def close(self) -> None:
        self.indexer.close()
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- import ------------------------------------------------------------------------------

    def files_to_import(self, paths: Iterable[Path]) -> list[Path]:
        """The files an import of these paths will visit, so progress can show a total."""
        return list(expand_paths(paths))

    def import_paths(
        self,
        paths: Iterable[Path],
        *,
        section: str | None = None,
        should_stop: Callable[[], bool] = lambda: False,
        ask_when_unsure: bool = False,
        max_bytes: int = MAX_FILE_BYTES,
        started: Callable[[Path], None] = lambda _path: None,
    ) -> Iterator[ImportResult]:
        """Import files and folders, yielding a result per file, in order.

        Files are extracted on all cores and stored in batches, one durable transaction
        each; a file's result is yielded only once its batch has committed, so whatever was
        reported imported stays imported, after a crash too. A file that fails, for
        whatever reason (its worker process crashing included), fails alone. When
        `should_stop()` turns true the import ends soon after, keeping what was stored.
        """
        self._require_writable()
        options = ImportOptions(section, None, False, ask_when_unsure, max_bytes)
        try:
            yield from self.importing.files(paths, options, should_stop, started)
        finally:
            self.update_search_index()

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
        if replace_id is not None:
            self.articles.require(replace_id)
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
        """Store one imported article: new, a duplicate, or a new version of a known one.

        A new version (`replace_id`, or the same source file or URL with substantially the
        same text: see reader.core.versions) keeps the article's id, bookmarks and annotations;
        its highlights are re-anchored in the same transaction. A different text from the same
        source is a new article, and so is an unsure one unless `ask_when_unsure` (then nothing
        is stored and the result says UNSURE). `as_new` skips the comparison.
        """
        if replace_id is not None:
            self.articles.require(replace_id)
        options = ImportOptions(section, replace_id, as_new, ask_when_unsure)
        return self.importing.add(article, options, path, source)

    def import_text(
        self, data: bytes, name: str, *, section: str | None = None, max_bytes: int = MAX_FILE_BYTES
    ) -> ImportResult:
        """Import bytes that come from no file (pasted HTML or text): `name`, such as
        "pasted.html" or "pasted.txt", picks the importer by its suffix, and an untitled text
        is named after it. A failure is a FAILED result with a one-line reason."""
        self._require_writable()
        if len(data) > max_bytes:
            limit = max_bytes / (1024 * 1024)
            return ImportResult(name, ImportStatus.FAILED, reason=f"larger than {limit:g} MB")
        try:
            article = import_bytes(data, name)
        except ImportFailed as exc:
            return ImportResult(name, ImportStatus.FAILED, reason=str(exc))
        result = self.add_article(article, section=section, path=name)
        self.update_search_index()
        return result

    # -- capture from the web ----------------------------------------------------------------

    def import_url(
        self,
        url: str,
        *,
        section: str | None = None,
        ask_when_unsure: bool = False,
        limits: FetchLimits | None = None,
    ) -> ImportResult:
        """Fetch a web page (and its body's images) and import it like a saved file; a page
        from a URL already in the library goes through the same version logic as a file.
        A failure to fetch or import is a FAILED result with a one-line reason."""
        from reader.capture.page import fetch_article  # httpx and the extractor: on first use

        self._require_writable()
        shown = url.strip()
        try:
            article = fetch_article(shown, limits)
            result = self.add_article(
                article, section=section, path=shown, ask_when_unsure=ask_when_unsure
            )
        except ImportFailed as exc:
            return ImportResult(shown, ImportStatus.FAILED, reason=str(exc))
        self.update_search_index()
        return result

    def download_images(
        self, article_id: int, limits: FetchLimits | None = None
    ) -> Generator[ImageDownload, None, ImageDownload]:
        """Download the article's web images not saved yet into its asset folder, on request
        (never automatically); yields after each image and returns the final count. The pane
        shows them once it reloads the article; the text does not change."""
        from reader.capture.images import download_images  # httpx: on first use

        self._require_writable()
        article = self.get_article(article_id)  # NotFound for an unknown id
        wanted = {
            name: url
            for name, url in self.assets.web_images(article_id).items()
            if f"assets/{name}" in article.html and not self.assets.has(article_id, name)
        }
        progress = ImageDownload(article_id, len(wanted))
        store = functools.partial(self.assets.add, article_id)
        yield from download_images(progress, article.url, wanted, store, limits or FetchLimits())
        return progress

    def save_page(self, url: str, title: str, html: str, selection: str = "") -> SavedPage:
        """Store a page a browser sent (its rendered DOM), and highlight `selection` in it.

        Raises ImportFailed when the page cannot become an article; the highlight is best
        effort: `SavedPage.highlight` says whether the selection was found in the text.
        """
        from reader.capture.page import sent_article  # the extractor: loaded on first use

        self._require_writable()
        result = self.add_article(sent_article(url, title, html), path=url)
        highlight = None
        if selection.strip() and result.article_id is not None:
            highlight = self._highlight_selection(result.article_id, selection)
        self.update_search_index()
        return SavedPage(result, highlight)

    def _highlight_selection(self, article_id: int, selection: str) -> str:
        """ "added", "exists", or "not found": the quote exactly (first of repeats), else a
        fuzzy match (a selection spans text the extractor joined or dropped differently)."""
        text = self.articles.get(article_id).text
        try:
            start, end = locate_quote(text, selection, 1)
        except QuoteNotFound:
            found = reanchor(TextQuoteSelector(" ".join(selection.split())), None, text)
            if found.start is None or found.end is None:
                return "not found"
            start, end = found.start, found.end
        known = self.annotation_store.highlights(article_id)
        if any(h.start == start and h.end == end for h in known):
            return "exists"  # the same selection saved twice is one highlight
        self.annotations.highlight_span(article_id, start, end)
        return "added"

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
        """Article counts of the smart views."""
        return {
            "all": self.articles.count(),
            "unread": self.articles.count(ArticleFilter(unread=True)),
            "bookmarked": self.articles.count(ArticleFilter(bookmarked=True)),
            "recent": self.articles.count(ArticleFilter(recently_read=True)),
            "annotated": self.articles.count(ArticleFilter(annotated=True)),
            "trash": self.articles.count(ArticleFilter(trashed=True)),
        }

    def get_article(self, article_id: int) -> StoredArticle:
        return self.articles.get(article_id)

    def sections(self) -> list[tuple[str, int]]:
        return self.articles.sections()

    def sites(self) -> list[tuple[str, int]]:
        return self.articles.sites()

    def count(self) -> int:
        return self.articles.count()

    def assets_dir(self, article_id: int) -> Path:
        return self.assets.folder(article_id)

    # -- changes -----------------------------------------------------------------------------

    def remove(self, article_id: int, *, with_annotations: bool = False) -> ArticleSummary:
        """Remove an article; one with annotations only when the caller says so explicitly."""
        self._require_writable()
        summary = self.articles.summary(article_id)
        count = self.annotation_store.annotation_count(article_id)
        if count and not with_annotations:
            raise HasAnnotations(
                f"article #{article_id} has {count} annotation(s); export them first, "
                "or confirm removing them too"
            )
        with self.db.transaction() as conn:
            if not self.articles.delete(conn, article_id):
                raise NotFound(f"no article with id {article_id}")
        self.assets.remove(article_id)
        self.update_search_index()
        return summary

    def trash(self, ids: Iterable[int]) -> list[int]:
        """Move articles to the Trash (notes and highlights stay with them); returns the ids
        that went there."""
        self._require_writable()
        return self.trash_can.put(ids)

    def trashed(self) -> list[ArticleSummary]:
        """What the Trash holds, most recently trashed first."""
        return self.articles.query(ArticleFilter(trashed=True), sort="trashed")

    def restore_from_trash(self, ids: Iterable[int]) -> list[int]:
        self._require_writable()
        return self.trash_can.restore(ids)

    def empty_trash(self, older_than: timedelta | None = None) -> list[int]:
        """Delete trashed articles for good; `older_than` keeps the recently trashed."""
        self._require_writable()
        return self.trash_can.empty(older_than)

    def empty_expired_trash(self) -> list[int]:
        """At start: articles trashed more than 30 days ago go for good."""
        return [] if self.read_only else self.trash_can.empty(TRASH_KEPT)

    def mark_read(self, ids: Iterable[int], read: bool = True) -> None:
        with self.db.transaction() as conn:
            self.articles.set_read(conn, ids, read)

    def set_reading_position(self, article_id: int, position: float) -> None:
        with self.db.transaction() as conn:
            self.articles.set_position(conn, article_id, position)

    def set_bookmarked(self, article_id: int, on: bool = True) -> None:
        self.articles.require(article_id)
        with self.db.transaction(durable=True) as conn:
            self.articles.set_bookmarked(conn, article_id, on)
        self.update_search_index()

    def rename_section(self, old: str, new: str) -> None:
        if not new.strip():
            raise ReaderError("a section needs a name")
        with self.db.transaction() as conn:
            self.articles.rename_section(conn, old, new)
        self.update_search_index()

    def details(self, article_id: int) -> Snapshot:
        """The fields Edit Details shows, as stored, and which of them the user edited."""
        with self.db.reading() as conn:
            return edits.snapshot(conn, article_id)[0]

    def edit_details(self, article_id: int, values: Mapping[str, str | None]) -> Snapshot:
        """Correct an article's metadata by hand (an empty value clears a field; a title
        cannot be cleared). The edited fields become the user's: a re-import, a new version or
        another device's import keeps them. Returns the state before, for undo."""
        self._require_writable()
        change = make_edit(values)
        with self.db.transaction(durable=True) as conn:
            before = edits.edit(conn, self.articles, article_id, change)
        self.update_search_index()
        return before

    def restore_details(self, article_id: int, before: Snapshot) -> None:
        """Put back what `edit_details` returned: the values and which were the user's."""
        self._require_writable()
        with self.db.transaction(durable=True) as conn:
            edits.edit(conn, self.articles, article_id, before.as_edit(), before.edited)
        self.update_search_index()

    def move_to_section(self, ids: Iterable[int], section: str | None) -> None:
        ids = list(ids)
        with self.db.transaction() as conn:
            self.articles.move(conn, ids, section)
        self.update_search_index()

    # -- exports -----------------------------------------------------------------------------

    def export_to_file(
        self, format: str, ids: Sequence[int], path: Path, *, overwrite: bool = False
    ) -> Path:
        """Export annotations to a file, atomically; never into the data folder, never over
        an existing file unless `overwrite`. Returns where it was written."""
        text = self.annotations.export(format, ids)
        return write_export(path, text, data_dir=self.paths.root, force=overwrite)

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
        self._require_writable()
        self._changes = 0
        backup = self.backups.create(self.db.reading)
        make_private(backup.path)
        return backup

    def backup_if_due(self) -> None:
        """The periodic backup; cheap when none is due (front ends call it off the hot path)."""
        if not self.read_only and self.articles.count() and self.backups.due(BACKUP_EVERY):
            self._safe_backup()

    def _count_change(self, n: int = 1) -> None:
        self._changes += n
        if self._changes < BACKUP_AFTER_CHANGES or not self.backups.due(BACKUP_AT_MOST_EVERY):
            return
        # A failed attempt waits as long as a success would: a library whose backups fail
        # (a full disk, a damaged article) must not pay for a full copy every 500 changes.
        now = datetime.now(UTC)
        if self._last_attempt is not None and now - self._last_attempt < BACKUP_AT_MOST_EVERY:
            return
        self._last_attempt = now
        self._safe_backup()

    def check_articles(self, *, repair: bool = True) -> ArticleCheck:
        """Check every article's title and text against its content hash; rewrite damaged
        ones from the newest backup holding them intact (annotations are never touched)."""
        if not self.db.integrity_ok():
            raise DamagedDatabase(f"the library {self.paths.database} is damaged")
        with self.db.reading() as conn:
            checked, damaged = 0, []
            for content in stored_contents(conn):
                checked += 1
                if not content.intact:
                    damaged.append(content)
        repaired: dict[int, Path] = {}
        if repair and damaged:
            with self.db.transaction(durable=True) as conn:
                # The rewritten rows reach the change log (and so the index) by trigger.
                repaired = repair_from_backups(conn, damaged, [b.path for b in self.backups.list()])
            self.update_search_index()
        return ArticleCheck(checked, tuple(c.article_id for c in damaged), repaired)

    def _safe_backup(self) -> None:
        try:
            self.backup()
        except ReaderError as exc:
            log.warning("automatic backup failed: %s", exc)

    def update_search_index(self) -> None:
        """Bring the index up to date with recorded changes; a failure leaves them queued."""
        self.indexer.flush_quietly()

    def search_index_problem(self) -> str | None:
        """Why the search index needs a rebuild (missing, damaged, another library's), or
        None; an index behind the change log is brought up to date on the way."""
        return self.indexer.problem()

    def rebuild_search_index(
        self, should_stop: Callable[[], bool] = lambda: False
    ) -> Iterator[tuple[int, int]]:
        """Rebuild the index from the library, yielding (done, total); resumable."""
        return self.indexer.rebuild(should_stop)


def _make_room_for_folders(paths: DataPaths) -> None:
    """A file (or FIFO…) where the backups or assets folder belongs is set aside, never
    deleted, so backups and imports work again."""
    for folder in (paths.backups, paths.assets):
        if not os.path.lexists(folder) or folder.is_dir():
            continue
        try:
            aside = move_aside(folder, "not-a-folder")
        except OSError as exc:
            raise DataDirError(
                f"{folder} should be a folder and cannot be moved away: {exc.strerror}"
            ) from exc
        log.warning("%s was not a folder; set aside as %s", folder, aside)


@dataclass(frozen=True)
class Recovery:
    """A damaged library was set aside at start; `backup` is the newest good one, if any."""

    damaged: Path
    backup: Backup | None

    def message(self) -> str:
        text = f"The library was damaged and has been set aside as {self.damaged}."
        if self.backup is not None:
            when = self.backup.taken.strftime("%Y-%m-%d %H:%M UTC")
            text += f" A good backup from {when} can be restored: {self.backup.path}"
        else:
            text += " No good backup was found; starting with an empty library."
        return text


def open_library(paths: DataPaths, *, read_only: bool = False) -> tuple[Library, Recovery | None]:
    """Open (creating if needed) the library in a data directory, or raise ReaderError.

    A damaged database is renamed `<name>.damaged-<time>` (never deleted) and an empty
    library opened in its place; the Recovery says where it went and which backup to offer.
    A library that cannot be written (or `read_only`) is opened with changes off.
    """
    try:
        return Library(paths, read_only=read_only), None
    except DamagedDatabase:
        recovery = None if read_only else recover_damaged(paths)
        if recovery is None:
            raise
        return Library(paths), recovery
    except ReaderError:
        raise
    except OSError as exc:
        raise ReaderError(f"cannot open the library in {paths.root}: {exc.strerror}") from exc


def recover_damaged(paths: DataPaths) -> Recovery | None:
    """Set a damaged library aside (never deleting it); None when it is missing or sound.

    Called at open, and by a front end when a read later fails as "malformed": a large
    library is not checked page by page at open (see database.CHECK_AT_OPEN_BYTES).
    The file is checked again first, so a passing error never moves a sound library; and it
    stays where it is while another Reader has it open (that one would go on writing into the
    file set aside).
    """
    hold = LibraryLock(paths.library_lock)
    if not hold.exclusive():
        log.error("library %s is damaged but open in another Reader; left in place", paths.database)
        return None
    try:
        if not paths.database.exists() or verify(paths.database):
            return None
        damaged = set_aside(paths.database, "damaged")
    except OSError as exc:  # a read-only disk: the damage is reported, the file stays
        log.error("damaged library %s cannot be set aside: %s", paths.database, exc)
        return None
    finally:
        hold.release()
    if damaged is None:
        return None
    log.error("library %s was damaged; set aside as %s", paths.database, damaged)
    return Recovery(damaged, BackupSet(paths.backups).newest_good())
