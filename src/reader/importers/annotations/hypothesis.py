"""Hypothesis annotations: its JSON export and the API's search results ({"rows": [...]})."""

from __future__ import annotations

from reader.core.foreign import ForeignHighlight, ForeignKey, clean_quote
from reader.errors import InvalidAnnotations
from reader.importers.annotations.common import (
    Json,
    fail,
    iso_time,
    load_json,
    objects,
    optional,
    tag_names,
    text_of,
)

NAME = "hypothesis"
_WHAT = "Hypothesis file"


def rows(data: object) -> list[Json] | None:
    """The annotations of a Hypothesis document, or None when it is not one."""
    if isinstance(data, dict):
        for field in ("rows", "annotations"):
            if field in data:
                return objects(data[field], _WHAT, field)
        return None
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        return data if all("target" in r and "uri" in r for r in data) else None
    return None


def looks_like(data: object) -> bool:
    if not isinstance(data, dict | list):
        return False
    try:
        found = rows(data)
    except InvalidAnnotations:
        return False
    return found is not None and bool(found) and all("target" in r for r in found)


def parse(data: bytes) -> list[ForeignHighlight]:
    found = rows(load_json(data, _WHAT))
    if found is None:
        raise fail(_WHAT, "no 'rows' or 'annotations' list")
    highlights = []
    for row in found:
        if row.get("references"):  # a reply in a discussion, not a highlight
            continue
        highlight = _highlight(row)
        if highlight is not None:
            highlights.append(highlight)
    return highlights


def _highlight(row: Json) -> ForeignHighlight | None:
    targets = row.get("target")
    if not isinstance(targets, list) or not targets or not isinstance(targets[0], dict):
        raise fail(_WHAT, f"annotation {text_of(row.get('id'))!r} has no target")
    target: Json = targets[0]
    quote = _quote_selector(target.get("selector"))
    if quote is None or not clean_quote(text_of(quote.get("exact"))):
        return None  # a page note: nothing to anchor
    document = row.get("document")
    titles = document.get("title") if isinstance(document, dict) else None
    title = titles[0] if isinstance(titles, list) and titles else titles
    return ForeignHighlight(
        source=NAME,
        key=ForeignKey(
            url=optional(row.get("uri")) or optional(target.get("source")),
            title=optional(title),
        ),
        quote=clean_quote(text_of(quote.get("exact"))),
        source_id=optional(row.get("id")),
        prefix=str(quote.get("prefix") or ""),
        suffix=str(quote.get("suffix") or ""),
        note=text_of(row.get("text")),
        tags=tag_names(row.get("tags")),
        created=iso_time(row.get("created")),
    )


def _quote_selector(selectors: object) -> Json | None:
    if not isinstance(selectors, list):
        return None
    for selector in selectors:
        if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
            return selector
    return None
