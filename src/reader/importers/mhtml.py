"""MHTML importer: the saved page's root HTML part, with the images it shows kept as assets."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from urllib.parse import urljoin, urlsplit

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers.encoding import canonical_name, decode_html
from reader.importers.html import article_from_markup
from reader.importers.page_images import MAX_IMAGE_BYTES, ImageSource

# MIME charset labels whose bytes are better decoded by the superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
# A saved page has tens or hundreds of parts; far more means a hostile or broken file.
MAX_PARTS = 20_000


def import_mhtml(data: bytes, filename: str) -> Article:
    """Import a browser's single-file page archive (`.mhtml` / `.mht`)."""
    message = _parse(data)
    parts = _parts(message)
    root = _root_part(message, parts)
    markup, encoding = _decode_html_part(root)
    page_url = _location(root)
    source = _image_source(parts, page_url)
    return article_from_markup(markup, filename, encoding=encoding, image_source=source)


def _parse(data: bytes) -> Message:
    # compat32 is the lenient policy: browsers write headers the modern parser may object to.
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if message.get("Content-Type") is None:
        raise ImportFailed("not_mhtml")
    return message


def _parts(message: Message) -> list[Message]:
    """The leaf parts, in order."""
    content_type = message.get_content_type()
    if content_type.startswith("multipart/") and not message.is_multipart():
        raise ImportFailed("mhtml_unseparable")
    try:
        parts = [part for part in message.walk() if not part.is_multipart()]
    except RecursionError:
        raise ImportFailed("mhtml_too_deep") from None
    if len(parts) > MAX_PARTS:
        raise ImportFailed("mhtml_too_many_parts", limit=MAX_PARTS)
    return parts


def _root_part(message: Message, parts: list[Message]) -> Message:
    """The page itself: the HTML part the archive names as its start (by Content-ID) or its
    snapshot location, else the first HTML part (browsers write the page first)."""
    pages = [p for p in parts if p.get_content_type() in {"text/html", "application/xhtml+xml"}]
    if not pages:
        raise ImportFailed("mhtml_no_page")
    start = message.get_param("start")
    start_id = start.strip().strip("<>") if isinstance(start, str) else ""
    snapshot = (message.get("Snapshot-Content-Location") or "").strip()
    by_start = [p for p in pages if (p.get("Content-ID") or "").strip().strip("<>") == start_id]
    by_location = [p for p in pages if snapshot and _location(p) == snapshot]
    return ((by_start if start_id else []) or by_location or pages)[0]


def _decode_html_part(part: Message) -> tuple[str, str]:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ImportFailed("mhtml_empty_page")
    charset = (part.get_content_charset() or "").strip().lower()
    if charset:
        codec = _SUPERSETS.get(charset, charset)
        try:
            return payload.decode(codec), canonical_name(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: let the HTML decoder judge the bytes
    return decode_html(payload)


def _location(part: Message) -> str | None:
    location = (part.get("Content-Location") or "").strip()
    return location or None


def _image_source(parts: list[Message], page_url: str | None) -> ImageSource:
    """Look up an <img> source among the archive's image parts, by location or content id."""
    images: dict[str, Message] = {}
    for part in parts:
        if part.get_content_maintype() != "image":
            continue
        location = _location(part)
        if location:
            images.setdefault(location, part)
        content_id = (part.get("Content-ID") or "").strip().strip("<>")
        if content_id:
            images.setdefault(f"cid:{content_id}", part)

    def source(reference: str) -> bytes | None:
        part = images.get(reference) or images.get(_absolute(reference, page_url))
        return _image_payload(part) if part is not None else None

    return source


def _absolute(reference: str, page_url: str | None) -> str:
    if page_url is None or urlsplit(reference).scheme:
        return reference
    try:
        return urljoin(page_url, reference)
    except ValueError:
        return reference


def _image_payload(part: Message) -> bytes | None:
    raw = part.get_payload()
    # Base64 is 4/3 of the bytes: skip oversized images before decoding them.
    if not isinstance(raw, str) or len(raw) > MAX_IMAGE_BYTES * 4 // 3 + 1024 * 1024:
        return None
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) and len(payload) <= MAX_IMAGE_BYTES else None
