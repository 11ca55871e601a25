"""Annotation operations of the Library: highlights, notes, tags, exports and imports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.core.anchoring import locate_quote
from reader.core.annotation import ArticleAnnotations, Color, Highlight, Note
from reader.exporters import AnnotatedArticle, render, w3c
from reader.indexer import Indexer, enqueue
from reader.storage.annotations import AnnotationImportReport, AnnotationStore, HighlightFilter
from reader.storage.articles import ArticleStore
from reader.storage.database import Database


class Annotating:
    """Every change is one durable transaction, then the article is re-indexed."""

    def __init__(
        self, db: Database, articles: ArticleStore, store: AnnotationStore, indexer: Indexer
    ) -> None:
        self.db = db
        self.articles = articles
        self.store = store
        self.indexer = indexer

    def _reindex(self, ids: Iterable[int]) -> None:
        with self.db.transaction() as conn:
            enqueue(conn, ids)
        self.indexer.flush_quietly()

    # -- highlights --------------------------------------------------------------------------

    def highlight_quote(
        self,
        article_id: int,
        quote: str,
        *,
        occurrence: int | None = None,
        color: Color | str = Color.YELLOW,
        note: str = "",
        tags: Sequence[str] = (),
    ) -> Highlight:
        """Highlight a quoted passage; QuoteNotFound / QuoteAmbiguous when it is unclear."""
        text = self.articles.get(article_id).text
        start, end = locate_quote(text, quote, occurrence)
        return self.highlight_span(article_id, start, end, color=color, note=note, tags=tags)

    def highlight_span(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: Color | str = Color.YELLOW,
        note: str = "",
        tags: Sequence[str] = (),
    ) -> Highlight:
        """Highlight text[start:end] in code points (the GUI converts from UTF-16 first)."""
        highlight = self.store.add_highlight(article_id, start, end, color, note, tags)
        self._reindex([article_id])
        return highlight

    def update_highlight(
        self,
        highlight_id: int,
        *,
        color: Color | str | None = None,
        note: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Highlight:
        highlight = self.store.update_highlight(highlight_id, color=color, note=note, tags=tags)
        self._reindex([highlight.article_id])
        return highlight

    def delete_highlight(self, highlight_id: int) -> Highlight:
        highlight = self.store.delete_highlight(highlight_id)
        self._reindex([highlight.article_id])
        return highlight

    def reattach(self, highlight_id: int, start: int, end: int) -> Highlight:
        highlight = self.store.reattach(highlight_id, start, end)
        self._reindex([highlight.article_id])
        return highlight

    def highlights(self, article_id: int) -> list[Highlight]:
        return self.store.highlights(article_id)

    def list_highlights(self, view: HighlightFilter | None = None) -> list[Highlight]:
        return self.store.list_highlights(view)

    # -- notes and tags ----------------------------------------------------------------------

    def set_note(self, article_id: int, text: str) -> Note | None:
        self.articles.require(article_id)
        note = self.store.set_article_note(article_id, text)
        self._reindex([article_id])
        return note

    def set_tags(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        self.articles.require(article_id)
        result = self.store.set_article_tags(article_id, tags)
        self._reindex([article_id])
        return result

    def set_color_meaning(self, color: Color | str, meaning: str | None) -> None:
        self.store.set_color_meaning(color, meaning)

    def color_meanings(self) -> dict[Color, str | None]:
        return self.store.color_meanings()

    def tag_counts(self) -> list[tuple[str, int]]:
        return self.store.tag_counts()

    def for_article(self, article_id: int) -> ArticleAnnotations:
        return self.store.for_article(article_id)

    def annotated_ids(self) -> list[int]:
        return self.store.annotated_article_ids()

    # -- exchange ----------------------------------------------------------------------------

    def export(self, format: str, ids: Sequence[int]) -> str:
        items = [AnnotatedArticle(self.articles.get(i), self.store.for_article(i)) for i in ids]
        return render(format, items, self.store.color_meanings())

    def import_w3c(self, path: Path) -> AnnotationImportReport:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise w3c.InvalidAnnotations(f"cannot read {path}: {exc.strerror}") from None
        loaded = w3c.loads(data)
        report = self.store.import_annotations(loaded.groups, loaded.meanings)
        report.skipped = loaded.skipped
        self._reindex(report.articles)
        return report
