"""Zotero annotation items as its web or local API returns them (with their parents, if given)."""

from __future__ import annotations

from reader.core.foreign import ForeignHighlight, ForeignKey, clean_quote
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

NAME = "zotero"
_WHAT = "Zotero file"
_HIGHLIGHTS = {"highlight", "underline"}


def _data(item: Json) -> Json:
    """The item's fields: the API wraps them in `data`; a saved item may be bare."""
    inner = item.get("data")
    if not isinstance(inner, dict):
        return item
    # The library an item belongs to sits beside `data`: keys are unique only within one.
    return {"library": item.get("library"), **inner}


def looks_like(data: object) -> bool:
    items = data if isinstance(data, list) else [data]
    return bool(items) and any(
        isinstance(i, dict) and _data(i).get("itemType") == "annotation" for i in items
    )


def parse(data: bytes) -> list[ForeignHighlight]:
    loaded = load_json(data, _WHAT)
    items = [
        _data(i) for i in objects(loaded if isinstance(loaded, list) else [loaded], _WHAT, "items")
    ]
    if not any(i.get("itemType") == "annotation" for i in items):
        raise fail(_WHAT, "no annotation items (itemType 'annotation')")
    by_key = {text_of(i.get("key")): i for i in items if text_of(i.get("key"))}
    found = []
    for item in items:
        if item.get("itemType") != "annotation" or item.get("annotationType") not in _HIGHLIGHTS:
            continue
        quote = clean_quote(text_of(item.get("annotationText")))
        if not quote:
            continue
        found.append(
            ForeignHighlight(
                source=NAME,
                key=_article_key(item, by_key),
                quote=quote,
                source_id=_id(item),
                note=text_of(item.get("annotationComment")),
                tags=tag_names(item.get("tags")),
                source_color=optional(item.get("annotationColor")),
                created=iso_time(item.get("dateAdded")),
                location=_page(item),
            )
        )
    return found


def _id(item: Json) -> str | None:
    key = optional(item.get("key"))
    library = item.get("library")
    scope = library.get("id") if isinstance(library, dict) else None
    return f"{scope}/{key}" if key and scope is not None else key


def _page(item: Json) -> str | None:
    label = optional(item.get("annotationPageLabel"))
    return f"page {label}" if label else None


def _article_key(item: Json, by_key: dict[str, Json]) -> ForeignKey:
    """Title, URL and first author of the top item above the annotation (through its file)."""
    url = title = None
    parent = by_key.get(text_of(item.get("parentItem")))
    seen: set[str] = set()
    while parent is not None and text_of(parent.get("key")) not in seen:
        seen.add(text_of(parent.get("key")))
        url = optional(parent.get("url")) or url
        title = optional(parent.get("title")) or title
        if parent.get("itemType") != "attachment":
            return ForeignKey(url=url, title=title, author=_first_author(parent))
        parent = by_key.get(text_of(parent.get("parentItem")))
    return ForeignKey(url=url, title=title)


def _first_author(item: Json) -> str | None:
    creators = item.get("creators")
    if not isinstance(creators, list):
        return None
    for creator in creators:
        if isinstance(creator, dict):
            name = text_of(creator.get("name"))
            last, first = text_of(creator.get("lastName")), text_of(creator.get("firstName"))
            return name or ", ".join(p for p in (last, first) if p) or None
    return None
