"""Why a file or page could not be imported: a stable kind, its values, the English text."""

from __future__ import annotations

import math

from reader.core.notices import Notice, notice_from

MB = 1024 * 1024

# A new kind needs a line here and one in the window's translations (gui/notices.py).
ENGLISH = {
    # reading the file
    "file_gone": "the file does not exist",
    "permission_denied": "permission denied",
    "unreadable": "cannot read the file ({detail})",
    "bad_file_name": "not a valid file name",
    "not_regular_file": "not a regular file ({kind})",
    "file_too_large": "file too large ({size} MB; the limit is {limit} MB)",
    "text_too_large": "larger than {limit} MB",
    # what the bytes are
    "unsupported_type": "unsupported file type {suffix}",
    "empty_file": "the file is empty",
    "several_articles": "the file holds {count} articles; import it as a file",
    "several_to_replace_one": "the file holds several articles: it cannot replace one",
    "no_text": "no readable text found",
    "binary": "not a text file (binary data)",
    "damaged_utf8": "damaged UTF-8 text (decoding it would need replacement characters)",
    "unknown_encoding": (
        "unknown text encoding (no supported encoding decodes it without replacement characters)"
    ),
    "xml_malformed": "{part} is not well-formed XML",
    "xml_empty": "{part} is empty",
    # EPUB books
    "not_epub": "not an EPUB book (not a readable zip archive)",
    "epub_too_many_files": "damaged or hostile EPUB (more than {limit} files)",
    "epub_unsafe_name": "hostile EPUB (unsafe file name {name})",
    "epub_too_big": "hostile EPUB (unpacks to more than {limit} MB)",
    "epub_cannot_unpack": "damaged EPUB (cannot unpack {name})",
    "epub_unknown_compression": "damaged EPUB (unknown compression in {name})",
    "epub_missing": "damaged EPUB (no {name})",
    "epub_missing_package": "damaged EPUB (no package file {name})",
    "epub_no_package": "damaged EPUB (its container names no package file)",
    "epub_not_opf": "damaged EPUB (the package file is not an OPF package)",
    "epub_drm": "the EPUB is DRM-protected (its content is encrypted)",
    "epub_no_chapters": "damaged EPUB (its spine lists no readable chapters)",
    "epub_no_text": "no readable text found in the EPUB",
    "epub_missing_chapter": "damaged EPUB (chapter {name} is missing or empty)",
    # feeds
    "feed_no_entries": "the feed has no entries with text",
    "not_feed": "not a feed (neither XML nor JSON)",
    "not_feed_xml": "not a feed (an XML document of type <{root}>)",
    "not_feed_json": "not a feed (the JSON cannot be read)",
    "not_json_feed": "not a feed (a JSON file without a JSON Feed version)",
    # MHTML pages
    "not_mhtml": "not an MHTML file (no MIME Content-Type header)",
    "mhtml_unseparable": "damaged MHTML file (its parts cannot be separated)",
    "mhtml_too_deep": "damaged MHTML file (parts nested too deeply)",
    "mhtml_too_many_parts": "damaged MHTML file (more than {limit} parts)",
    "mhtml_no_page": "the MHTML file contains no HTML page",
    "mhtml_empty_page": "the MHTML file's page is empty",
    # the import itself
    "importer_crashed": "the importer crashed on this file ({how})",
    "too_deeply_nested": "too deeply nested",
    "too_large_to_import": "too large to import",
    "unexpected": "unexpected error ({name}); details in the log",
    # fetching a web page
    "bad_url": "not a valid URL: {url}",
    "no_host": "not a valid URL (no host): {url}",
    "scheme_refused": "only http and https URLs can be fetched (this one has {scheme})",
    "not_http": "only http and https URLs can be fetched",
    "not_html_said": "not an HTML page (the server says {type})",
    "not_html": "not an HTML page ({type})",
    "not_html_untyped": "not an HTML page (no content type)",
    "too_many_redirects": "too many redirects (more than {limit})",
    "download_too_large": "too large ({size} MB; the limit is {limit} MB)",
    "download_too_large_so_far": "too large (more than {size} MB; the limit is {limit} MB)",
    "download_too_slow": "the download took longer than {seconds} s; stopped",
    "redirect_nowhere": "the server redirected without saying where",
    "redirect_invalid": "the server redirected to an invalid URL",
    "redirect_refused": "redirected to a URL that is refused: {url}",
    "http_status": "the server answered {status}",
    "http_redirect_unusable": "the server answered {status} without a usable redirect",
    "connect_timeout": "timed out connecting to {host}",
    "read_timeout": "timed out waiting for {host} to answer",
    "private_address": (
        "not fetched: {host} is on this computer or local network; the article is not from there"
    ),
    "dns_failed": "cannot find the server {host} (DNS lookup failed)",
    "tls_failed": "secure connection to {host} failed (TLS: {detail})",
    "tls_failed_plain": "secure connection to {host} failed (TLS)",
    "connection_refused": "{host} refused the connection",
    "cannot_connect": "cannot connect to {host}",
    "broken_response": "{host} sent a broken response or closed the connection",
    "undecodable_body": "{host} sent a body that cannot be decompressed",
    "fetch_failed": "cannot fetch from {host} ({name})",
}


def import_failure(kind: str, /, **values: object) -> Notice:
    """Why one import failed, e.g. kind "file_too_large" with size "12.5" and limit "10"."""
    return notice_from(ENGLISH, kind, values, "import failure")


def megabytes(size: int) -> str:
    """A size in MB to a tenth, rounded up: what a message about a file's size shows."""
    return _tenths(math.ceil(size * 10 / MB))


def size_values(size: int, limit: int) -> dict[str, str]:
    """The {size} and {limit} of a "too large" failure, in MB: the size rounded up and the
    limit down, so that a file just over the limit never reads as equal to it."""
    return {"size": megabytes(size), "limit": _tenths(math.floor(limit * 10 / MB))}


def _tenths(tenths: int) -> str:
    """12.5 for 125, 30 for 300: every digit kept (a float's :g keeps six)."""
    whole, tenth = divmod(tenths, 10)
    return f"{whole}.{tenth}" if tenth else str(whole)
