"""HTML importer: a saved page's main content (trafilatura) and metadata, sanitized for display."""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import PurePath
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document, Extractor

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers.author_names import tidy_author
from reader.importers.box_fragments import drop_box_fragments
from reader.importers.buttons import drop_button_links
from reader.importers.byline_dates import without_date_word
from reader.importers.byline_lines import drop_byline_lines
from reader.importers.captions import restore_captions
from reader.importers.closing_boxes import drop_closing_boxes
from reader.importers.comment_sections import drop_comment_sections
from reader.importers.contents_lists import restore_contents_list
from reader.importers.control_roles import drop_controls
from reader.importers.datelines import drop_datelines
from reader.importers.definition_lists import restore_definition_lists
from reader.importers.deks import restore_dek
from reader.importers.demoted_headings import restore_demoted_headings
from reader.importers.dropped_images import restore_dropped_images
from reader.importers.empty_cells import restore_empty_cells
from reader.importers.encoding import decode_html
from reader.importers.gaps import paragraph_origins, restore_dropped_blocks
from reader.importers.header_links import drop_header_links
from reader.importers.home_logos import drop_home_logos
from reader.importers.hover_cards import drop_hover_cards
from reader.importers.html_metadata import PageMetadata, read_metadata
from reader.importers.icon_buttons import drop_icon_buttons
from reader.importers.image_objects import fill_image_objects
from reader.importers.inline_drawings import keep_inline_drawings
from reader.importers.inline_spaces import restore_inline_spaces
from reader.importers.kickers import drop_kickers
from reader.importers.language import cjk_language, detect_language
from reader.importers.layout_tables import unwrap_layout_tables
from reader.importers.lead_pictures import drop_header_furniture, restore_lead_picture
from reader.importers.licence_lines import drop_licence_lines
from reader.importers.link_menus import drop_link_menus
from reader.importers.link_openers import mark_link_openers, without_opener_marks
from reader.importers.link_targets import restore_link_targets
from reader.importers.local_images import LocalImages
from reader.importers.meta_lists import drop_meta_lists
from reader.importers.nested_articles import drop_nested_articles
from reader.importers.nesting import MAX_SOURCE_DEPTH, cap_nesting
from reader.importers.noscript_slots import fill_noscript_slots
from reader.importers.orphan_headings import drop_orphan_headings
from reader.importers.other_galleries import drop_other_galleries
from reader.importers.page_gaps import trafilatura_gaps
from reader.importers.page_images import (
    ImageSource,
    data_uri_image,
    embed_images,
    mark_drawings,
    unmark_drawings,
)
from reader.importers.page_parser import page_parser
from reader.importers.paragraph_lists import restore_paragraph_lists
from reader.importers.paragraph_twins import wrap_paragraph_twins
from reader.importers.plain_check import drop_overruled, drop_unconfirmed, may_drop, plain_text
from reader.importers.print_only import drop_print_only
from reader.importers.prompt_images import drop_prompt_images, mark_prompt_images
from reader.importers.ruby import restore_readings, without_readings
from reader.importers.sanitize import has_text, html_to_text, sanitize_html
from reader.importers.script_buttons import drop_script_buttons
from reader.importers.section_lists import restore_section_lists
from reader.importers.signup_boxes import drop_signup_boxes
from reader.importers.site_chrome import site_chrome, without_chrome, without_site_banner
from reader.importers.skip_links import drop_skipped_header
from reader.importers.slideshow_strips import drop_slideshow_strips
from reader.importers.split_body import restore_continuations
from reader.importers.step_labels import restore_step_labels
from reader.importers.structure import (
    document_html,
    mark_repeated_paragraphs,
    prepare_source,
    restore_repeats,
)
from reader.importers.table_captions import restore_table_captions
from reader.importers.teaser_images import drop_teaser_images
from reader.importers.teaser_lines import drop_teaser_lines
from reader.importers.teaser_tail import drop_teaser_tail
from reader.importers.title_heading import drop_title_heading
from reader.importers.tree import texts_read_once
from reader.importers.whole_page import is_line_dump, whole_page_html

log = logging.getLogger(__name__)

# trafilatura and htmldate log every page they give up on; we report failures ourselves.
for _noisy in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)

_ACTIVE_CONTENT = (
    *("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet"),
    *("template", "svg", "canvas", "audio", "video", "button", "select", "textarea"),
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LEADING_HEADING = re.compile(r"\s*<h([1-6])>(.*?)</h\1>", re.DOTALL)
# How deep the page may nest, tried in turn until libxml2 reads it to its end: past 255 levels
# it stops reading, and every later pass does work in proportion to the depth. Real pages
# stay far below the first cap; the next ones cover markup whose nesting the estimate
# misjudges (elements the parser leaves open where the estimate closes them), and 0 (no
# elements, all the text) always parses.
_DEPTH_CAPS = ((MAX_SOURCE_DEPTH, True), (MAX_SOURCE_DEPTH // 2, False), (0, False))
_TOO_DEEP = etree.ErrorTypes.ERR_RESOURCE_LIMIT


def import_html(data: bytes, filename: str, local: LocalImages | None = None) -> Article:
    """Import a saved web page: its main text, metadata and sanitized HTML; with `local`, the
    images a "save complete" stored beside it (`page_files/`) are kept too."""
    markup, encoding = decode_html(data)
    read_local = local.source() if local is not None else None

    def source(value: str) -> bytes | None:
        data = data_uri_image(value)
        return data if data is not None or read_local is None else read_local(value)

    return article_from_markup(markup, filename, encoding=encoding, image_source=source)


def article_from_markup(
    markup: str,
    filename: str,
    *,
    encoding: str | None = None,
    image_source: ImageSource | None = None,
    page_url: str | None = None,
) -> Article:
    """Build an Article from decoded HTML; `image_source` supplies images stored beside it.
    `page_url`, the address the page was fetched or saved from, resolves its relative images
    and links as the browser did (a `<base>` in the page still wins, as in the browser)."""
    tree = parse_document(markup)
    prepare_source(tree)  # first: a heading's "¶" must not reach the title either
    meta = read_metadata(tree, markup)
    mark_prompt_images(tree)  # before the buttons go: drop_prompt_images needs to know
    keep_inline_drawings(tree)  # before active content goes: a diagram is an <svg> too
    _drop_active_content(tree)
    base_url = _base_url(tree, page_url or meta.url)
    fill_noscript_slots(tree)  # an empty lazy <img> whose real image is in <noscript>
    fill_image_objects(tree)  # a lazy figure named only by its microdata
    assets, remote = embed_images(tree, image_source or data_uri_image, base_url)
    gaps = trafilatura_gaps(tree, meta)
    gaps.author = without_date_word(gaps.author, tree)
    chrome = site_chrome(tree)
    _resolve_links(tree, page_url or meta.url or _site_root(gaps.url))
    drop_link_menus(tree)  # a navigation box of links one per line, kept as text otherwise
    drop_button_links(tree)  # "Try it now", "Next": the page's buttons, not its text
    drop_controls(tree)  # a player's control bar, menus, sliders: by their ARIA roles
    drop_home_logos(tree)  # the site's logo, a picture linking to its home page
    drop_icon_buttons(tree)  # a small wordless picture that is all a link holds
    drop_script_buttons(tree)  # "Share on Facebook": a script's control, a tooltip its word
    drop_skipped_header(tree)  # what the page's "skip to content" link jumps over
    drop_signup_boxes(tree)  # a newsletter's pitch around an e-mail field
    drop_print_only(tree)  # a print header or footer the style sheet hides on screen
    drop_hover_cards(tree)  # a link's pop-up card of more links, inside the sentence
    drop_teaser_lines(tree, page_url or meta.url)  # "Related: <a>Another story</a>"
    drop_nested_articles(tree)  # comments, teasers, other posts inside the article
    drop_comment_sections(tree)  # readers' comments the extractor takes for the article
    wrap_paragraph_twins(tree)  # a box of bare text among boxes of the same class holding a <p>
    mark_repeated_paragraphs(tree)  # undone by restore_repeats once extracted
    mark_link_openers(tree)  # undone by without_opener_marks once extracted
    mark_drawings(tree)  # undone by _sanitized, on the extraction or the page's own body
    document = _extract(tree)
    meta.complete(gaps if document is not None else None)  # no article: no guesses either
    _drop_readings(meta)
    meta.author = tidy_author(meta.author)  # "By A, AP Writer" is A
    html, text = _sanitized_body(document, tree, chrome, meta.site)
    title = meta.title or _first_heading(html) or PurePath(filename).stem
    html, text = drop_title_heading(html, text, title)
    html, text = drop_byline_lines(html, text, meta.author)  # "By NAME": the header says it
    banner_kept = html
    html = without_site_banner(html, meta.site)
    text = text if html is banner_kept else html_to_text(html)  # `text` is kept html's
    if not text.strip():
        raise ImportFailed("no_text")
    return Article(
        title=title,
        text=text,
        html=html,
        section=meta.section,
        site=meta.site,
        author=meta.author,
        published=meta.published,
        url=meta.url,
        language=_language(meta, text),
        encoding=encoding,
        assets={name: data for name, data in assets.items() if f"assets/{name}" in html},
        remote_images={name: url for name, url in remote.items() if f"assets/{name}" in html},
    )


def parse_document(markup: str) -> lxml.html.HtmlElement:
    """A forgiving parse of a whole page; ImportFailed when there is nothing to parse."""
    markup = _XML_DECLARATION.sub("", markup.replace("\x00", ""), count=1)
    if not markup.strip():
        raise ImportFailed("no_text")
    for cap, implied_ends in _DEPTH_CAPS:
        parser = page_parser()
        capped = cap_nesting(markup, cap, implied_ends=implied_ends)
        try:
            tree = lxml.html.document_fromstring(capped, parser=parser)
        except (etree.LxmlError, ValueError):
            # The parser recovers from any broken markup; it gives up only on a page that
            # holds nothing but comments or processing instructions.
            raise ImportFailed("no_text") from None
        if not any(error.type == _TOO_DEEP for error in parser.error_log):
            break
    return tree


def _drop_active_content(tree: lxml.html.HtmlElement) -> None:
    """Remove code and embedded objects, keeping the text that follows them.

    trafilatura deletes such elements together with their tail, which loses the rest of a
    paragraph after an <embed> or an inline <script>.
    """
    for element in list(tree.iter(*_ACTIVE_CONTENT)):
        if element.tag in {"embed", "frame"}:
            # Void elements: anything "inside" is the page's text that the parser nested
            # under them.
            element.drop_tag()
        else:
            element.drop_tree()


def _resolve_links(tree: lxml.html.HtmlElement, page_url: str | None) -> None:
    """Make relative links absolute, so they still lead somewhere outside the saved page."""
    absolute_links(tree, _base_url(tree, page_url))


def absolute_links(tree: lxml.html.HtmlElement, base: str | None) -> None:
    """Relative links made absolute against `base` (links within the page are left alone)."""
    if base is None:
        return
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href and not href.startswith("#") and not _HAS_SCHEME.match(href):
            try:
                anchor.set("href", urljoin(base, href))
            except ValueError:  # a malformed URL: the sanitizer drops the link
                continue


def _base_url(tree: lxml.html.HtmlElement, page_url: str | None) -> str | None:
    return _base_href(tree) or page_url


def _site_root(url: str | None) -> str | None:
    """`https://host/` of a page's URL: where trafilatura resolves the links of a page that
    names its URL only in places our own metadata does not trust."""
    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}/"


def _base_href(tree: lxml.html.HtmlElement) -> str | None:
    for element in tree.iter("base"):
        href = (element.get("href") or "").strip()
        if href.lower().startswith(("http://", "https://")):
            return href
    return None


# --- main content -----------------------------------------------------------------------------


def _extract(tree: lxml.html.HtmlElement) -> Document | None:
    """trafilatura's main content, or None when it finds no article. (Its metadata comes
    from `trafilatura_gaps`, only where the page's own is missing.)"""
    try:
        # trafilatura works on a copy: our tree stays whole for the fallback
        result = trafilatura.bare_extraction(tree, options=_rich_options())
    except Exception:  # a hostile page can trip any part of a third-party extractor
        log.debug("trafilatura failed; falling back to the page body", exc_info=True)
        return None
    return result if isinstance(result, Document) else None


@cache
def _rich_options() -> Extractor:
    """The extraction's settings, read from trafilatura's configuration once rather than by
    `bare_extraction` on every call (their date settings, fixed at the first call, serve only
    trafilatura's metadata search, which is not asked for)."""
    return Extractor(
        comments=False,
        tables=True,
        images=True,
        links=True,
        formatting=True,
        # Not "python": that format also renders the body as text (a tenth of the
        # extraction's time), which we never use; `raw_text` says whether it holds any.
        output_format="xml",
    )


def _document_html(document: Document | None, tree: lxml.html.HtmlElement) -> str | None:
    """The extracted article as HTML, or None when the extraction holds no text."""
    if document is None or document.body is None or not (document.raw_text or "").strip():
        return None
    if is_line_dump(document.body):
        return None  # the page's own markup says more than the extractor's lines
    verdict = drop_unconfirmed(document.body, plain_text(tree) if may_drop(document.body) else None)
    origins = paragraph_origins(tree)  # read once: the steps below leave the page unchanged
    drop_box_fragments(document.body, tree)  # "Mozilla." left loose from a side box's line
    restore_definition_lists(document.body, tree, origins)  # a man page's options
    restore_paragraph_lists(document.body, tree, origins)
    restore_demoted_headings(document.body, tree)
    restore_dropped_images(document.body, tree)  # the extractor's text-only fallback lost them
    restore_dropped_blocks(document.body, tree, origins)
    restore_section_lists(document.body, tree)  # "See also" and its links, under its heading
    restore_step_labels(document.body, tree)  # "Step 1" opening each step's box
    drop_header_furniture(document.body, tree)  # a section's banner, the author's thumbnail
    restore_lead_picture(document.body, tree)  # the photo in the article's header
    restore_dek(document.body, tree)  # the subtitle under the headline
    restore_captions(document.body, tree)
    restore_continuations(document.body, tree, origins)
    drop_overruled(document.body, verdict)  # what those put back, the plain check had dropped
    drop_other_galleries(document.body, tree)  # another topic's slides ("7/50") in a story
    drop_teaser_tail(document.body)  # links to the site's other stories below the article
    drop_closing_boxes(document.body)  # "Support the author", the author's card, under the text
    drop_orphan_headings(document.body)  # a box's heading, the box emptied: over nothing
    drop_licence_lines(document.body, tree)  # "This website is licensed under ...": the footer's
    drop_teaser_images(document.body, tree)  # their thumbnails, once their headlines are gone
    drop_prompt_images(document.body, tree)  # a call to act's picture, its line and button gone
    drop_slideshow_strips(document.body, tree)  # a gallery's thumbnails opening its viewer
    drop_datelines(document.body)  # "20 Nov, 2019 05:47" on a line of its own, at an end
    drop_header_links(document.body, tree)  # the author's name, "Topics: a, b": links, not text
    drop_kickers(document.body)  # "chaos theory": the story's tag, a link above the headline
    drop_meta_lists(document.body)  # "24 July 2015 | US & Canada | 941 comments" as a list
    restore_contents_list(document.body, tree, origins)  # the article's outline, in-page links
    restore_inline_spaces(document.body, tree)
    restore_link_targets(document.body, tree)
    restore_table_captions(document.body, tree)
    restore_empty_cells(document.body, tree)  # a cell that was only a link
    return document_html(document.body)


def _sanitized_body(
    document: Document | None, tree: lxml.html.HtmlElement, chrome: set[str], site: str | None
) -> tuple[str, str]:
    """The extracted article without the site's chrome, or the page's own main region when
    the extraction holds no text but chrome and the site's name; as HTML and as its text."""
    with texts_read_once(tree):  # the extraction is put together from an unchanged page
        extracted = _document_html(document, tree)
    if extracted is not None:
        html = without_chrome(_sanitized(extracted), chrome)
        text = html_to_text(html)
        bare = without_chrome(html, {*chrome, site or ""})
        if text.strip() if bare is html else has_text(bare):
            return html, text
    html = _sanitized(whole_page_html(tree))
    bare = without_chrome(html, chrome)
    html = bare if has_text(bare) else html  # a page of chrome: better than none
    return html, html_to_text(html)


def _sanitized(markup: str) -> str:
    """Extracted HTML sanitized, without the marks put on the page to carry it through
    extraction, and without the tables that only laid the page out (judged once the
    sanitizer has dropped what a cell would not show: spacer images, scripts)."""
    html = sanitize_html(_restore_marks(markup))
    unwrapped = unwrap_layout_tables(html)
    return html if unwrapped is html else sanitize_html(unwrapped)


def _restore_marks(markup: str) -> str:
    """Extracted HTML without the marks put on the page to carry it through extraction."""
    return unmark_drawings(without_opener_marks(restore_repeats(restore_readings(markup))))


def _drop_readings(meta: PageMetadata) -> None:
    """A title or byline written with ruby reads as its base text."""
    for name in ("title", "heading", "page_title", "author", "site", "section"):
        setattr(meta, name, without_readings(getattr(meta, name)))


def _first_heading(html: str) -> str | None:
    match = _LEADING_HEADING.match(html)
    if match is None:
        return None
    return html_to_text(match.group(2)).strip() or None


def _language(meta: PageMetadata, text: str) -> str | None:
    """The declared language, unless the text's script plainly says otherwise.

    Templates often keep `lang="en"` on pages in Chinese or Japanese; CJK script detection is
    reliable, so it wins over a declaration naming another language.
    """
    declared = meta.language
    # With a declaration only the CJK scripts can overrule it: other languages go unlooked.
    detected = cjk_language(text) if declared else detect_language(text)
    if declared == "zh":
        return detected if detected and detected.startswith("zh") else "zh"
    cjk = detected in {"zh-Hans", "zh-Hant", "ja", "ko"}
    if declared and detected and cjk and declared.split("-")[0] != detected.split("-")[0]:
        return detected
    return declared or detected
