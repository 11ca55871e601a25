"""The Library facade: every user-visible operation, shared by the GUI and the command line."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from reader.core.article import Article, ArticleSummary, StoredArticle
from reader.errors import ImportFailed, NotFound, ReaderError
from reader.importers import expand_paths, import_file
from reader.paths import DataPaths
from reader.storage.articles import ArticleFilter, ArticleStore
from reader.storage.database import Database

log = logging.getLogger(__name__)


class ImportStatus(Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None

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
        }


class Library:
    """A library in one data directory: articles in SQLite, article assets beside it."""

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths
        self.db = Database(paths.database)
        self.articles = ArticleStore(self.db)
        self._remove_unfinished_assets()

    def close(self) -> None:
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
    ) -> Iterator[ImportResult]:
        """Import files and folders one by one, yielding a result per file.

        Each article is committed in its own transaction, so a failure or a stop keeps
        everything imported before it.
        """
        for path in expand_paths(paths):
            if should_stop():
                return
            yield self.import_path(path, section=section)

    def import_path(self, path: Path, *, section: str | None = None) -> ImportResult:
        try:
            article = import_file(path)
        except ImportFailed as exc:
            return ImportResult(str(path), ImportStatus.FAILED, reason=str(exc))
        except RecursionError:
            return ImportResult(str(path), ImportStatus.FAILED, reason="too deeply nested")
        except MemoryError:
            return ImportResult(str(path), ImportStatus.FAILED, reason="too large to import")
        return self.add_article(article, section=section, path=str(path))

    def add_article(
        self, article: Article, *, section: str | None = None, path: str = ""
    ) -> ImportResult:
        """Store one imported article: new, a duplicate, or a new version of a known source."""
        section = section or article.section
        with self.db.transaction() as conn:
            existing = _first_id(
                conn, "SELECT id FROM articles WHERE content_hash = ?", article.content_hash
            )
            if existing is not None:
                title = self.articles.title_in(conn, existing)
                return ImportResult(path, ImportStatus.DUPLICATE, existing, title)
            same_source = self.articles.find_source_in(conn, article.source_path, article.url)
            if same_source is not None:
                self.articles.replace_content(conn, same_source, article, section)
                article_id, status = same_source, ImportStatus.UPDATED
            else:
                article_id, status = (
                    self.articles.insert(conn, article, section),
                    (ImportStatus.IMPORTED),
                )
            staged = self._stage_assets(article_id, article)
        self._publish_assets(article_id, staged)
        return ImportResult(path, status, article_id, article.title)

    def _stage_assets(self, article_id: int, article: Article) -> Path | None:
        """Write the article's images to a temporary folder, renamed once the row commits."""
        if not article.assets:
            return None
        staging = self.paths.assets / f"{article_id}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for name, data in article.assets.items():
            (staging / Path(name).name).write_bytes(data)
        return staging

    def _publish_assets(self, article_id: int, staged: Path | None) -> None:
        if staged is None:
            return
        final = self.paths.assets / str(article_id)
        shutil.rmtree(final, ignore_errors=True)
        staged.rename(final)

    def _remove_unfinished_assets(self) -> None:
        if self.paths.assets.is_dir():
            for partial in self.paths.assets.glob("*.partial"):
                shutil.rmtree(partial, ignore_errors=True)

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
        return self.paths.assets / str(article_id)

    # -- changes -----------------------------------------------------------------------------

    def remove(self, article_id: int) -> ArticleSummary:
        summary = self.get_article(article_id).summary
        with self.db.transaction() as conn:
            if not self.articles.delete(conn, article_id):
                raise NotFound(f"no article with id {article_id}")
        shutil.rmtree(self.assets_dir(article_id), ignore_errors=True)
        return summary

    def mark_read(self, ids: Iterable[int], read: bool = True) -> None:
        with self.db.transaction() as conn:
            self.articles.set_read(conn, ids, read)

    def set_reading_position(self, article_id: int, position: float) -> None:
        with self.db.transaction() as conn:
            self.articles.set_position(conn, article_id, position)

    def set_bookmarked(self, article_id: int, on: bool = True) -> None:
        self.get_article(article_id)  # NotFound for a bad id
        with self.db.transaction(durable=True) as conn:
            self.articles.set_bookmarked(conn, article_id, on)

    def rename_section(self, old: str, new: str) -> None:
        if not new.strip():
            raise ReaderError("a section needs a name")
        with self.db.transaction() as conn:
            self.articles.rename_section(conn, old, new)

    def move_to_section(self, ids: Iterable[int], section: str | None) -> None:
        with self.db.transaction() as conn:
            self.articles.move(conn, list(ids), section)


def _first_id(conn: sqlite3.Connection, sql: str, *params: object) -> int | None:
    row = conn.execute(sql, params).fetchone()
    return int(row[0]) if row else None


def open_library(paths: DataPaths) -> Library:
    """Open (creating if needed) the library in a data directory, or raise ReaderError."""
    try:
        return Library(paths)
    except ReaderError:
        raise
    except OSError as exc:
        raise ReaderError(f"cannot open the library in {paths.root}: {exc.strerror}") from exc
