"""The Library facade: every user-visible operation, shared by the GUI and the command line."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from reader.annotating import Annotating
from reader.core.article import Article, ArticleSummary, StoredArticle
from reader.core.changes import Changes
from reader.core.versions import SourceMatch, Verdict, closest
from reader.errors import (
    DamagedDatabase,
    DataDirError,
    HasAnnotations,
    ImportFailed,
    NotFound,
    ReaderError,
    ReadOnlyLibrary,
)
from reader.exporters.files import write_export
from reader.importers import MAX_FILE_BYTES as MAX_FILE_BYTES  # the front ends' default
from reader.importers import display_path, expand_paths, import_bytes, read_file
from reader.indexer import Indexer
from reader.paths import DataPaths, make_private, move_aside
from reader.storage import changes, sources
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleFilter, ArticleStore
from reader.storage.assets import AssetStore
from reader.storage.backups import Backup, BackupSet, set_aside, verify
from reader.storage.checksums import ArticleCheck, repair_from_backups, stored_contents
from reader.storage.database import Database, read_only_message
from reader.storage.locks import LibraryLock
from reader.storage.sources import FileState, file_state
from reader.sync import SyncService
from reader.sync.service import SyncReport

if TYPE_CHECKING:
    from reader.search import SearchResult

log = logging.getLogger(__name__)


# A backup is taken at start when the newest is older than this, and after this many changes
# (but not within an hour of the last: a bulk import makes one backup, not one per 500 files).
BACKUP_EVERY = timedelta(hours=24)
BACKUP_AFTER_CHANGES = 500
BACKUP_AT_MOST_EVERY = timedelta(hours=1)

# During a long import the search index catches up every this many files.
INDEX_EVERY = 200


class ImportStatus(Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    UPDATED = "updated"
    FAILED = "failed"
    # Nothing stored: the file shares a source with article `match.article_id` and the texts
    # are neither clearly one story nor clearly two. The caller asks the user, then imports
    # again with `replace_id` or `as_new`.
    UNSURE = "unsure"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None
    # The stored article sharing this file or URL that the text was compared with, if any.
    match: SourceMatch | None = None

    @property
    def ok(self) -> bool:
        return self.status is not ImportStatus.FAILED

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "status": self.status.value,
            "id": self.article_id,
            "title": self.title,
            "reason": self.reason,
            "same_source": self.match.to_json() if self.match else None,
        }


@dataclass(frozen=True)
class ImportOptions:
    """How one file is imported (see Library.import_path)."""

    section: str | None = None
    replace_id: int | None = None
    as_new: bool = False
    ask_when_unsure: bool = False
    max_bytes: int = MAX_FILE_BYTES


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
        self.assets = AssetStore(paths.assets)
        # The device id is tied to this database file through a nonce kept beside it.
        self.sync = SyncService(self.db, paths.database.with_name(paths.database.name + ".device"))
        if not self.read_only:
            _make_room_for_folders(paths)
            self.assets.finish_staged(self.articles.exists)
            for entry in paths.private_entries():  # a library made before they were private
                make_private(entry)

    @property
    def read_only(self) -> bool:
        """True when changes are off (a read-only disk or folder, or opened to look only)."""
        return self.db.read_only

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
        """Import files and folders one by one, yielding a result per file.

        Each article is committed in its own transaction, so a failure or a stop keeps
        everything imported before it; a file that fails, for whatever reason, fails alone.
        """
        self._require_writable()
        try:
            for count, path in enumerate(expand_paths(paths), start=1):
                if should_stop():
                    return
                started(path)  # a front end may say what it is working on
                yield self.import_path(
                    path, section=section, ask_when_unsure=ask_when_unsure, max_bytes=max_bytes
                )
                if count % INDEX_EVERY == 0:
                    self.update_search_index()
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
        shown = display_path(path)
        options = ImportOptions(section, replace_id, as_new, ask_when_unsure, max_bytes)
        try:
            return self._import_one(path, shown, options)
        except ImportFailed as exc:
            return ImportResult(shown, ImportStatus.FAILED, reason=str(exc))
        except RecursionError:
            return ImportResult(shown, ImportStatus.FAILED, reason="too deeply nested")
        except MemoryError:
            return ImportResult(shown, ImportStatus.FAILED, reason="too large to import")
        except ReaderError:
            raise  # the library cannot be written, or no such article: not this file's fault
        except Exception as exc:
            # A bug met by one file must not cost the user the rest of the batch.
            log.exception("importing %s failed", shown)
            reason = f"unexpected error ({type(exc).__name__}); details in the log"
            return ImportResult(shown, ImportStatus.FAILED, reason=reason)

    def _import_one(self, path: Path, shown: str, options: ImportOptions) -> ImportResult:
        """An unchanged file is known before it is decoded; anything else is imported."""
        state = file_state(path)
        fresh = options.replace_id is None and not options.as_new
        if state is not None and fresh:
            known = self._unchanged(state, shown)
            if known is not None:
                return known
        data = read_file(path, options.max_bytes)
        if state is not None:
            state = replace(state, source_hash=hashlib.sha256(data).hexdigest())
            known = self._unchanged(state, shown) if fresh else None
            if known is not None:
                return known
        # Names are kept in their displayable form: lone surrogates cannot enter SQLite.
        article = replace(
            import_bytes(data, display_path(path.name)), source_path=display_path(path.resolve())
        )
        return self.add_article(
            article,
            section=options.section,
            path=shown,
            replace_id=options.replace_id,
            as_new=options.as_new,
            ask_when_unsure=options.ask_when_unsure,
            source=state,
        )

    def _unchanged(self, state: FileState, shown: str) -> ImportResult | None:
        """A file already imported as it is now: recognised by its size and modification
        time, or by its bytes' hash, before anything is decoded or extracted."""
        with self.db.reading() as conn:
            if state.source_hash:
                article_id = sources.article_for_bytes(conn, state.source_hash)
            else:
                article_id = sources.article_for_state(conn, state)
            if article_id is None:
                return None
            title = self.articles.title_in(conn, article_id)
        if state.source_hash:  # same bytes, new name or time: know it by those next time
            with self.db.transaction() as conn:
                sources.remember(conn, state, article_id)
        return ImportResult(shown, ImportStatus.DUPLICATE, article_id, title)

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
        section = section or article.section
        if replace_id is not None:
            self.articles.require(replace_id)
        with self.db.transaction(durable=True) as conn:
            existing = self.articles.find_content_in(conn, article.content_hash)
            if existing is not None:
                title = self.articles.title_in(conn, existing)
                if source is not None and source.source_hash:
                    sources.remember(conn, source, existing)
                return ImportResult(path, ImportStatus.DUPLICATE, existing, title)
            match = None if replace_id is not None or as_new else self._version_of(conn, article)
            if ask_when_unsure and match and match.verdict is Verdict.UNSURE:
                return ImportResult(path, ImportStatus.UNSURE, None, article.title, match=match)
            same = match.article_id if match and match.verdict is Verdict.SAME else replace_id
            if same is not None:
                self.articles.replace_content(conn, same, article, section)
                self.annotation_store.reanchor_article(conn, same, article.text)
                article_id, status = same, ImportStatus.UPDATED
            else:
                article_id, status = (
                    self.articles.insert(conn, article, section),
                    (ImportStatus.IMPORTED),
                )
            if source is not None and source.source_hash:
                sources.remember(conn, source, article_id)
            staged = self.assets.stage(article_id, article.assets)
        self.assets.publish(article_id, staged)
        self._count_change()
        return ImportResult(path, status, article_id, article.title, match=match)

    def _version_of(self, conn: sqlite3.Connection, article: Article) -> SourceMatch | None:
        """The stored article from the same file or URL whose text the new one keeps most of."""
        stored = self.articles.same_source_in(conn, article.source_path, article.url)
        return closest(article.text, stored)

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
        return write_export(path, text, data_root=self.paths.root, overwrite=overwrite)

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

    # -- search ------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, sort: str = "rank") -> SearchResult:
        """Ranked (or newest-first) hits with snippets; never raises for a malformed query."""
        return self.indexer.search(query, limit=limit, sort=sort)

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
        if self._changes >= BACKUP_AFTER_CHANGES and self.backups.due(BACKUP_AT_MOST_EVERY):
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
