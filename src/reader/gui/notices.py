"""What the window tells the user by kind (import failures, search warnings), translated."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from reader.core.notices import Notice
from reader.services.library import ImportResult

# One translation per kind of core.import_failures and core.search_notices (each in the
# context its catalogue has). Literal calls, so lupdate sees every one; lambdas, so the
# lookup happens when shown.
_TEMPLATES: dict[str, Callable[[], str]] = {
    # why an import failed
    "file_gone": lambda: QCoreApplication.translate("ImportFailures", "the file does not exist"),
    "permission_denied": lambda: QCoreApplication.translate("ImportFailures", "permission denied"),
    "unreadable": lambda: QCoreApplication.translate(
        "ImportFailures", "cannot read the file ({detail})"
    ),
    "bad_file_name": lambda: QCoreApplication.translate("ImportFailures", "not a valid file name"),
    "not_regular_file": lambda: QCoreApplication.translate(
        "ImportFailures", "not a regular file ({kind})"
    ),
    "file_too_large": lambda: QCoreApplication.translate(
        "ImportFailures", "file too large ({size} MB; the limit is {limit} MB)"
    ),
    "text_too_large": lambda: QCoreApplication.translate(
        "ImportFailures", "larger than {limit} MB"
    ),
    "unsupported_type": lambda: QCoreApplication.translate(
        "ImportFailures", "unsupported file type {suffix}"
    ),
    "empty_file": lambda: QCoreApplication.translate("ImportFailures", "the file is empty"),
    "several_articles": lambda: QCoreApplication.translate(
        "ImportFailures", "the file holds {count} articles; import it as a file"
    ),
    "several_to_replace_one": lambda: QCoreApplication.translate(
        "ImportFailures", "the file holds several articles: it cannot replace one"
    ),
    "no_text": lambda: QCoreApplication.translate("ImportFailures", "no readable text found"),
    "binary": lambda: QCoreApplication.translate("ImportFailures", "not a text file (binary data)"),
    "damaged_utf8": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged UTF-8 text (decoding it would need replacement characters)"
    ),
    "unknown_encoding": lambda: QCoreApplication.translate(
        "ImportFailures",
        "unknown text encoding (no supported encoding decodes it without replacement characters)",
    ),
    "xml_malformed": lambda: QCoreApplication.translate(
        "ImportFailures", "{part} is not well-formed XML"
    ),
    "xml_empty": lambda: QCoreApplication.translate("ImportFailures", "{part} is empty"),
    "not_epub": lambda: QCoreApplication.translate(
        "ImportFailures", "not an EPUB book (not a readable zip archive)"
    ),
    "epub_too_many_files": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged or hostile EPUB (more than {limit} files)"
    ),
    "epub_unsafe_name": lambda: QCoreApplication.translate(
        "ImportFailures", "hostile EPUB (unsafe file name {name})"
    ),
    "epub_too_big": lambda: QCoreApplication.translate(
        "ImportFailures", "hostile EPUB (unpacks to more than {limit} MB)"
    ),
    "epub_cannot_unpack": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (cannot unpack {name})"
    ),
    "epub_unknown_compression": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (unknown compression in {name})"
    ),
    "epub_missing": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (no {name})"
    ),
    "epub_missing_package": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (no package file {name})"
    ),
    "epub_no_package": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (its container names no package file)"
    ),
    "epub_not_opf": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (the package file is not an OPF package)"
    ),
    "epub_drm": lambda: QCoreApplication.translate(
        "ImportFailures", "the EPUB is DRM-protected (its content is encrypted)"
    ),
    "epub_no_chapters": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (its spine lists no readable chapters)"
    ),
    "epub_no_text": lambda: QCoreApplication.translate(
        "ImportFailures", "no readable text found in the EPUB"
    ),
    "epub_missing_chapter": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged EPUB (chapter {name} is missing or empty)"
    ),
    "feed_no_entries": lambda: QCoreApplication.translate(
        "ImportFailures", "the feed has no entries with text"
    ),
    "not_feed": lambda: QCoreApplication.translate(
        "ImportFailures", "not a feed (neither XML nor JSON)"
    ),
    "not_feed_xml": lambda: QCoreApplication.translate(
        "ImportFailures", "not a feed (an XML document of type <{root}>)"
    ),
    "not_feed_json": lambda: QCoreApplication.translate(
        "ImportFailures", "not a feed (the JSON cannot be read)"
    ),
    "not_json_feed": lambda: QCoreApplication.translate(
        "ImportFailures", "not a feed (a JSON file without a JSON Feed version)"
    ),
    "not_mhtml": lambda: QCoreApplication.translate(
        "ImportFailures", "not an MHTML file (no MIME Content-Type header)"
    ),
    "mhtml_unseparable": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged MHTML file (its parts cannot be separated)"
    ),
    "mhtml_too_deep": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged MHTML file (parts nested too deeply)"
    ),
    "mhtml_too_many_parts": lambda: QCoreApplication.translate(
        "ImportFailures", "damaged MHTML file (more than {limit} parts)"
    ),
    "mhtml_no_page": lambda: QCoreApplication.translate(
        "ImportFailures", "the MHTML file contains no HTML page"
    ),
    "mhtml_empty_page": lambda: QCoreApplication.translate(
        "ImportFailures", "the MHTML file's page is empty"
    ),
    "importer_crashed": lambda: QCoreApplication.translate(
        "ImportFailures", "the importer crashed on this file ({how})"
    ),
    "too_deeply_nested": lambda: QCoreApplication.translate("ImportFailures", "too deeply nested"),
    "too_large_to_import": lambda: QCoreApplication.translate(
        "ImportFailures", "too large to import"
    ),
    "unexpected": lambda: QCoreApplication.translate(
        "ImportFailures", "unexpected error ({name}); details in the log"
    ),
    "bad_url": lambda: QCoreApplication.translate("ImportFailures", "not a valid URL: {url}"),
    "no_host": lambda: QCoreApplication.translate(
        "ImportFailures", "not a valid URL (no host): {url}"
    ),
    "scheme_refused": lambda: QCoreApplication.translate(
        "ImportFailures", "only http and https URLs can be fetched (this one has {scheme})"
    ),
    "not_http": lambda: QCoreApplication.translate(
        "ImportFailures", "only http and https URLs can be fetched"
    ),
    "not_html_said": lambda: QCoreApplication.translate(
        "ImportFailures", "not an HTML page (the server says {type})"
    ),
    "not_html": lambda: QCoreApplication.translate("ImportFailures", "not an HTML page ({type})"),
    "not_html_untyped": lambda: QCoreApplication.translate(
        "ImportFailures", "not an HTML page (no content type)"
    ),
    "too_many_redirects": lambda: QCoreApplication.translate(
        "ImportFailures", "too many redirects (more than {limit})"
    ),
    "download_too_large": lambda: QCoreApplication.translate(
        "ImportFailures", "too large ({size} MB; the limit is {limit} MB)"
    ),
    "download_too_large_so_far": lambda: QCoreApplication.translate(
        "ImportFailures", "too large (more than {size} MB; the limit is {limit} MB)"
    ),
    "download_too_slow": lambda: QCoreApplication.translate(
        "ImportFailures", "the download took longer than {seconds} s; stopped"
    ),
    "redirect_nowhere": lambda: QCoreApplication.translate(
        "ImportFailures", "the server redirected without saying where"
    ),
    "redirect_invalid": lambda: QCoreApplication.translate(
        "ImportFailures", "the server redirected to an invalid URL"
    ),
    "redirect_refused": lambda: QCoreApplication.translate(
        "ImportFailures", "redirected to a URL that is refused: {url}"
    ),
    "http_status": lambda: QCoreApplication.translate(
        "ImportFailures", "the server answered {status}"
    ),
    "http_redirect_unusable": lambda: QCoreApplication.translate(
        "ImportFailures", "the server answered {status} without a usable redirect"
    ),
    "connect_timeout": lambda: QCoreApplication.translate(
        "ImportFailures", "timed out connecting to {host}"
    ),
    "read_timeout": lambda: QCoreApplication.translate(
        "ImportFailures", "timed out waiting for {host} to answer"
    ),
    "private_address": lambda: QCoreApplication.translate(
        "ImportFailures",
        "not fetched: {host} is on this computer or local network; the article is not from there",
    ),
    "dns_failed": lambda: QCoreApplication.translate(
        "ImportFailures", "cannot find the server {host} (DNS lookup failed)"
    ),
    "tls_failed": lambda: QCoreApplication.translate(
        "ImportFailures", "secure connection to {host} failed (TLS: {detail})"
    ),
    "tls_failed_plain": lambda: QCoreApplication.translate(
        "ImportFailures", "secure connection to {host} failed (TLS)"
    ),
    "connection_refused": lambda: QCoreApplication.translate(
        "ImportFailures", "{host} refused the connection"
    ),
    "cannot_connect": lambda: QCoreApplication.translate(
        "ImportFailures", "cannot connect to {host}"
    ),
    "broken_response": lambda: QCoreApplication.translate(
        "ImportFailures", "{host} sent a broken response or closed the connection"
    ),
    "undecodable_body": lambda: QCoreApplication.translate(
        "ImportFailures", "{host} sent a body that cannot be decompressed"
    ),
    "fetch_failed": lambda: QCoreApplication.translate(
        "ImportFailures", "cannot fetch from {host} ({name})"
    ),
    # what a search says about its query
    "unbalanced_quote": lambda: QCoreApplication.translate(
        "SearchNotices", "unbalanced quote; searched for the words instead"
    ),
    "unmatched_bracket": lambda: QCoreApplication.translate(
        "SearchNotices", "ignored an unmatched )"
    ),
    "stray_operator": lambda: QCoreApplication.translate(
        "SearchNotices", "ignored a stray {operator}"
    ),
    "nested_too_deeply": lambda: QCoreApplication.translate(
        "SearchNotices", "brackets nested too deeply; ignored them"
    ),
    "unbalanced_bracket": lambda: QCoreApplication.translate(
        "SearchNotices", "unbalanced bracket; ignored it"
    ),
    "too_many_clauses": lambda: QCoreApplication.translate(
        "SearchNotices", "searched only the first {limit} words"
    ),
    "empty_filter": lambda: QCoreApplication.translate("SearchNotices", "nothing after {field}:"),
    "unknown_value": lambda: QCoreApplication.translate(
        "SearchNotices", "unknown {field}:{value}; ignored it"
    ),
    "leading_wildcard": lambda: QCoreApplication.translate(
        "SearchNotices", "words cannot start with a wildcard; searched without it"
    ),
    "bad_date": lambda: QCoreApplication.translate(
        "SearchNotices", "not a date: {value} (use 2024, 2024-10 or 2024-10-26)"
    ),
    "query_too_long": lambda: QCoreApplication.translate(
        "SearchNotices", "query shortened to its first {limit} characters"
    ),
    "nothing_to_search": lambda: QCoreApplication.translate(
        "SearchNotices", "nothing to search for in that query"
    ),
    "nothing_searchable": lambda: QCoreApplication.translate(
        "SearchNotices", "nothing searchable in '{text}'"
    ),
    "phrase_too_long": lambda: QCoreApplication.translate(
        "SearchNotices", "searched the first {limit} words of a long phrase"
    ),
    "too_many_terms": lambda: QCoreApplication.translate(
        "SearchNotices", "query shortened: it had more than {limit} terms"
    ),
    "unknown_filter": lambda: QCoreApplication.translate(
        "SearchNotices", "unknown filter {field}:"
    ),
    "unknown_prefix": lambda: QCoreApplication.translate(
        "SearchNotices", "{field}: is not a filter; searched for {value} alone"
    ),
    "index_rebuilt": lambda: QCoreApplication.translate(
        "SearchNotices", "The search index was rebuilt."
    ),
    "rebuilding": lambda: QCoreApplication.translate(
        "SearchNotices",
        "The search index is being rebuilt; results will appear when it is done.",
    ),
}

# Parts of a file the importers name in a failure ("the feed is not well-formed XML"); file
# names inside a book (META-INF/container.xml) are shown as they are.
_PARTS: dict[str, Callable[[], str]] = {
    "the feed": lambda: QCoreApplication.translate("ImportFailures", "the feed"),
    "the package file": lambda: QCoreApplication.translate("ImportFailures", "the package file"),
    "the contents": lambda: QCoreApplication.translate("ImportFailures", "the contents"),
}


def notice_text(notice: Notice) -> str:
    """One notice in the interface language; its English text for a kind we do not know."""
    if notice.kind not in _TEMPLATES:
        return notice.text
    params = notice.params
    if "part" in params and params["part"] in _PARTS:
        params["part"] = _PARTS[params["part"]]()
    return _TEMPLATES[notice.kind]().format(**params)


def reason_text(result: ImportResult) -> str:
    """Why a file was not imported, in the interface language when it failed by a kind."""
    if result.failure is not None:
        return notice_text(result.failure)
    return result.reason or ""


def notices_text(notices: Sequence[Notice]) -> str:
    """A search's notices in the interface language, in one line."""
    separator = QCoreApplication.translate("SearchNotices", "; ")
    return separator.join(notice_text(said) for said in notices)


def english_text(notices: Sequence[Notice]) -> str:
    """The message the services built from a search's notices (a rebuild is said first)."""
    rebuilt = [said.text for said in notices if said.kind == "index_rebuilt"]
    rest = "; ".join(said.text for said in notices if said.kind != "index_rebuilt")
    return " ".join(part for part in (*rebuilt, rest) if part)


def known_kinds() -> frozenset[str]:
    return frozenset(_TEMPLATES)
