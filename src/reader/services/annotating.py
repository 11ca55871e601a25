"""Annotation operations of the Library: highlights, notes, tags, exports and imports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.core.anchoring import locate_quote
from reader.core.annotation import ArticleAnnotations, Color, Highlight, Note
from reader.errors import ImportFailed, InvalidAnnotations, NotYours, ReaderError
from reader.exporters import AnnotatedArticle, render, w3c_import
from reader.exporters.files import write_export
from reader.exporters.vault import KINDS, Vault, VaultReport
from reader.importers.annotations import LABELS, detect, parse_foreign
from reader.importers.files import display_path, read_file
from reader.services.indexer import Indexer
from reader.storage import changes
from reader.storage.annotations import AnnotationImportReport, AnnotationStore, HighlightFilter
from reader.storage.articles import ArticleStore
from reader.storage.database import Database
from reader.storage.foreign import ForeignImportReport, import_foreign, quotes_to_look_up

# Words (or CJK characters) of a quote looked up as a phrase when searching the library for it.
_PHRASE_WORDS = 8
_PHRASE_CHARS = 12


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
        """The change is in the log already (same transaction): bring the index up to it."""
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
        self._require_own(self.store.highlight(highlight_id))
        highlight = self.store.update_highlight(highlight_id, color=color, note=note, tags=tags)
        self._reindex([highlight.article_id])
        return highlight

    def delete_highlight(self, highlight_id: int) -> Highlight:
        self._require_own(self.store.highlight(highlight_id))
        highlight = self.store.delete_highlight(highlight_id)
        self._reindex([highlight.article_id])
        return highlight

    def restore_highlight(self, deleted: Highlight) -> Highlight:
        """Undo a deletion: the highlight comes back as it was (with a new id)."""
        highlight = self.store.restore_highlight(deleted)
        self._reindex([highlight.article_id])
        return highlight

    def reattach(self, highlight_id: int, start: int, end: int) -> Highlight:
        self._require_own(self.store.highlight(highlight_id))
        highlight = self.store.reattach(highlight_id, start, end)
        self._reindex([highlight.article_id])
        return highlight

    def confirm(self, highlight_id: int) -> Highlight:
        """Accept the position a fuzzy highlight was found at after the article changed."""
        self._require_own(self.store.highlight(highlight_id))
        return self.store.confirm(highlight_id)

    def restore_anchor(self, before: Highlight) -> Highlight:
        """Undo a Confirm or a Re-attach: the highlight is anchored as it was before."""
        highlight = self.store.put_anchor(before)
        self._reindex([highlight.article_id])
        return highlight

    def is_mine(self, annotation: Highlight | Note | None) -> bool:
        """Whether the user may change it: not another group member's."""
        author = None if annotation is None else annotation.author
        return not author or author == self.author_name()

    def _require_own(self, annotation: Highlight | Note | None) -> None:
        if not self.is_mine(annotation):
            assert annotation is not None
            what = "highlight" if isinstance(annotation, Highlight) else "note"
            raise NotYours(
                f"this {what} is {annotation.author}'s: others' annotations are read-only "
                "(permissions are those of the shared folder)"
            )

    def highlights(self, article_id: int) -> list[Highlight]:
        return self.store.highlights(article_id)

    def list_highlights(self, view: HighlightFilter | None = None) -> list[Highlight]:
        return self.store.list_highlights(view)

    def authors(self) -> list[str]:
        """Who wrote the library's highlights (one name without a group)."""
        return self.store.highlight_authors()

    # -- notes and tags ----------------------------------------------------------------------

    def set_note(self, article_id: int, text: str) -> Note | None:
        self.articles.require(article_id)
        self._require_own(self.store.for_article(article_id).note)
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
        return render(format, items, self.store.color_meanings(), creator=self.author_name())

    def export_to_file(
        self, format: str, ids: Sequence[int], path: Path, data_dir: Path, overwrite: bool
    ) -> Path:
        """Export annotations to a file, atomically; never into `data_dir` (the library's),
        never over an existing file unless `overwrite`. Returns where it was written."""
        text = self.export(format, ids)
        return write_export(path, text, data_dir=data_dir, force=overwrite)

    def author_name(self) -> str | None:
        """The name the user goes by in a shared library (set with sync), if any."""
        with self.db.reading() as conn:
            return changes.author_name(conn)

    def export_vault(
        self,
        vault: Path,
        ids: Sequence[int],
        *,
        data_root: Path,
        kind: str = "obsidian",
        recreate: bool = False,
    ) -> VaultReport:
        """A note per annotated article in an Obsidian vault or a Logseq graph (`kind`); only
        Reader's region of an existing note is rewritten, and a note the user deleted comes
        back only if `recreate`. An article whose last annotation went has its note (if the
        vault has one) emptied of highlights, not left showing them."""
        with self.db.reading() as conn:
            library = changes.library_id(conn)[:12] or "library"
        target = Vault(vault, data_root, KINDS[kind])
        annotated = set(self.store.annotated_article_ids())
        # Only articles the vault had a note for: an export of the whole library must not
        # load every unannotated article.
        noted = target.exported_ids()
        bare = frozenset(
            i
            for i in ids
            if i not in annotated and f"{library}-{i}" in noted and self.articles.exists(i)
        )
        items = [
            AnnotatedArticle(self.articles.get(i), self.store.for_article(i))
            for i in ids
            if i in annotated or i in bare
        ]
        reader_ids = {item.article.id: f"{library}-{item.article.id}" for item in items}
        return target.export(
            items, self.store.color_meanings(), reader_ids, recreate=recreate, update_only=bare
        )

    def import_w3c(self, path: Path) -> AnnotationImportReport:
        return self._import_w3c_data(_read(path))

    def _import_w3c_data(self, data: bytes) -> AnnotationImportReport:
        loaded = w3c_import.loads(data)
        report = self.store.import_annotations(loaded.groups, loaded.meanings)
        report.skipped = loaded.skipped
        report.linked_pages = loaded.linked_pages
        self._reindex(report.articles)
        return report

    def import_annotations(
        self, path: Path, format: str | None = None
    ) -> ForeignImportReport | AnnotationImportReport:
        """Highlights from a file another tool (or Reader) wrote; `format` is detected if None.

        The whole file is parsed before anything is stored, and stored in one transaction: a
        malformed file raises InvalidAnnotations and changes nothing.
        """
        data = _read(path)
        chosen = format or detect(data, path.name)
        if chosen == "w3c":
            return self._import_w3c_data(data)
        items = parse_foreign(data, chosen)
        found = {q: self._articles_quoting(q) for q in quotes_to_look_up(self.db, items)}
        report = import_foreign(self.db, self.articles, items, lambda q: found.get(q, []), LABELS)
        report.format = chosen
        self._reindex(report.articles)
        return report

    def _articles_quoting(self, quote: str) -> list[int]:
        """Articles the search index finds the start of a quote in (a phrase query)."""
        words = quote.replace('"', " ").split()[:_PHRASE_WORDS]
        phrase = " ".join(words)
        if len(words) == 1:  # CJK has no spaces: a run of characters is the phrase
            phrase = phrase[:_PHRASE_CHARS]
        if not phrase.strip():
            return []
        try:
            return [hit.id for hit in self.indexer.search(f'"{phrase}"', limit=20).hits]
        except ReaderError:  # the index is a cache: the texts are scanned instead
            return []


def _read(path: Path) -> bytes:
    try:
        return read_file(path)  # a FIFO or /dev/zero is refused, not read forever
    except ImportFailed as exc:
        raise InvalidAnnotations(f"cannot read {display_path(path)}: {exc}") from None
