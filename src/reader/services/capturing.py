"""Articles from no file: a fetched URL, a page the browser sent, pasted bytes; web images."""

from __future__ import annotations

import functools
from collections.abc import Callable, Generator
from dataclasses import dataclass

from reader.capture.limits import FetchLimits
from reader.core.anchoring import locate_quote, reanchor
from reader.core.annotation import TextQuoteSelector
from reader.core.images import ImageDownload
from reader.core.import_failures import import_failure
from reader.errors import ImportFailed, QuoteNotFound
from reader.importers import import_bytes
from reader.services.annotating import Annotating
from reader.services.importing import Importing, ImportOptions, ImportResult, failed
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleStore
from reader.storage.assets import AssetStore


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


class Capturing:
    """Each capture is stored like an imported file (the same version logic), then the index
    catches up; the caller has checked that the library is writable."""

    def __init__(
        self,
        importing: Importing,
        articles: ArticleStore,
        annotation_store: AnnotationStore,
        annotations: Annotating,
        assets: AssetStore,
        index: Callable[[], None],
    ) -> None:
        self._importing = importing
        self._articles = articles
        self._annotation_store = annotation_store
        self._annotations = annotations
        self._assets = assets
        self._index = index

    def import_text(
        self, data: bytes, name: str, section: str | None, max_bytes: int
    ) -> ImportResult:
        """Import bytes that come from no file, pasted HTML or text (see Library.import_text)."""
        if len(data) > max_bytes:
            limit = max_bytes / (1024 * 1024)
            return failed(name, import_failure("text_too_large", limit=f"{limit:g}"))
        try:
            article = import_bytes(data, name)
        except ImportFailed as exc:
            return failed(name, exc.failure)
        result = self._importing.add(article, ImportOptions(section), name, None)
        self._index()
        return result

    def import_url(
        self, url: str, section: str | None, ask_when_unsure: bool, limits: FetchLimits | None
    ) -> ImportResult:
        """Fetch a web page (and its body's images) and import it like a saved file (see
        Library.import_url)."""
        from reader.capture.page import fetch_article  # httpx and the extractor: on first use

        shown = url.strip()
        try:
            article = fetch_article(shown, limits)
            options = ImportOptions(section, None, False, ask_when_unsure)
            result = self._importing.add(article, options, shown, None)
        except ImportFailed as exc:
            return failed(shown, exc.failure)
        self._index()
        return result

    def download_images(
        self, article_id: int, limits: FetchLimits | None
    ) -> Generator[ImageDownload, None, ImageDownload]:
        """Download the article's web images not saved yet (see Library.download_images)."""
        from reader.capture.images import download_images  # httpx: on first use

        article = self._articles.get(article_id)  # NotFound for an unknown id
        wanted = {
            name: url
            for name, url in self._assets.web_images(article_id).items()
            if f"assets/{name}" in article.html and not self._assets.has(article_id, name)
        }
        progress = ImageDownload(article_id, len(wanted))
        store = functools.partial(self._assets.add, article_id)
        yield from download_images(progress, article.url, wanted, store, limits or FetchLimits())
        return progress

    def save_page(self, url: str, title: str, html: str, selection: str) -> SavedPage:
        """Store a page a browser sent and highlight `selection` in it (see
        Library.save_page)."""
        from reader.capture.page import sent_article  # the extractor: loaded on first use

        article = sent_article(url, title, html)
        result = self._importing.add(article, ImportOptions(), url, None)
        highlight = None
        if selection.strip() and result.article_id is not None:
            highlight = self._highlight_selection(result.article_id, selection)
        self._index()
        return SavedPage(result, highlight)

    def _highlight_selection(self, article_id: int, selection: str) -> str:
        """ "added", "exists", or "not found": the quote exactly (first of repeats), else a
        fuzzy match (a selection spans text the extractor joined or dropped differently)."""
        text = self._articles.get(article_id).text
        try:
            start, end = locate_quote(text, selection, 1)
        except QuoteNotFound:
            found = reanchor(TextQuoteSelector(" ".join(selection.split())), None, text)
            if found.start is None or found.end is None:
                return "not found"
            start, end = found.start, found.end
        known = self._annotation_store.highlights(article_id)
        if any(h.start == start and h.end == end for h in known):
            return "exists"  # the same selection saved twice is one highlight
        self._annotations.highlight_span(article_id, start, end)
        return "added"
