"""Articles from no file: a fetched URL, a page the browser sent, pasted bytes; web images."""

from __future__ import annotations

import functools
from collections.abc import Callable, Generator
from dataclasses import dataclass

from reader.capture.limits import FetchLimits
from reader.core.anchoring import locate_quote, reanchor
from reader.core.annotation import TextQuoteSelector
from reader.core.article import Article
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
    catches up; a read-only library refuses a capture before any of its work."""

    def __init__(
        self,
        importing: Importing,
        articles: ArticleStore,
        annotation_store: AnnotationStore,
        annotations: Annotating,
        assets: AssetStore,
        index: Callable[[], None],
        require_writable: Callable[[], None],
    ) -> None:
        self._importing = importing
        self._articles = articles
        self._annotation_store = annotation_store
        self._annotations = annotations
        self._assets = assets
        self._index = index
        self._require_writable = require_writable

    def import_text(
        self, data: bytes, name: str, section: str | None, max_bytes: int
    ) -> ImportResult:
        """Import bytes that come from no file (pasted HTML or text): `name`, such as
        "pasted.html" or "pasted.txt", picks the importer by its suffix, and an untitled text
        is named after it. A failure is a FAILED result with a one-line reason."""
        self._require_writable()
        if len(data) > max_bytes:
            limit = max_bytes / (1024 * 1024)
            return failed(name, import_failure("text_too_large", limit=f"{limit:g}"))
        try:
            article = self._importing.extraction.run(import_bytes, (data, name))
        except ImportFailed as exc:
            return failed(name, exc.failure)
        result = self._importing.add(article, ImportOptions(section), name, None)
        self._index()
        return result

    def import_url(
        self, url: str, section: str | None, ask_when_unsure: bool, limits: FetchLimits | None
    ) -> ImportResult:
        """Fetch a web page (and its body's images) and import it like a saved file; a page
        from a URL already in the library goes through the same version logic as a file.
        A failure to fetch or import is a FAILED result with a one-line reason."""
        self._require_writable()
        shown = url.strip()
        try:
            # The page is fetched and extracted where imports extract (see Extraction).
            article = self._importing.extraction.run(_fetched, (shown, limits))
            options = ImportOptions(section, None, False, ask_when_unsure)
            result = self._importing.add(article, options, shown, None)
        except ImportFailed as exc:
            return failed(shown, exc.failure)
        self._index()
        return result

    def download_images(
        self, article_id: int, limits: FetchLimits | None
    ) -> Generator[ImageDownload, None, ImageDownload]:
        """Download the article's web images not saved yet into its asset folder, on request
        (never automatically); yields after each image and returns the final count. The pane
        shows them once it reloads the article; the text does not change."""
        self._require_writable()
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
        """Store a page a browser sent (its rendered DOM), and highlight `selection` in it.

        Raises ImportFailed when the page cannot become an article; the highlight is best
        effort: `SavedPage.highlight` says whether the selection was found in the text.
        """
        self._require_writable()
        article = self._importing.extraction.run(_sent, (url, title, html))
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


# Where extractions run (see Extraction), the capture modules are loaded: httpx and the
# extractor (hundreds of modules) load in a worker, not in the window's process.


def _fetched(url: str, limits: FetchLimits | None) -> Article:
    from reader.capture.page import fetch_article

    return fetch_article(url, limits)


def _sent(url: str, title: str, html: str) -> Article:
    from reader.capture.page import sent_article

    return sent_article(url, title, html)
