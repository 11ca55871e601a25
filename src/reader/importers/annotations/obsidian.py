"""The Obsidian Web Clipper's highlights export: `[{url, title?, highlights: [{text, ...}]}]`."""

from __future__ import annotations

from html.parser import HTMLParser

from reader.core.foreign import ForeignHighlight, ForeignKey, clean_quote
from reader.importers.annotations.common import (
    Json,
    fail,
    iso_time,
    load_json,
    objects,
    optional,
    text_of,
)

NAME = "obsidian"
_WHAT = "Obsidian Web Clipper file"
_BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr"}


def looks_like(data: object) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(p, dict) and "url" in p and "highlights" in p for p in data)
    )


def parse(data: bytes) -> list[ForeignHighlight]:
    loaded = load_json(data, _WHAT)
    if not isinstance(loaded, list):
        raise fail(_WHAT, "not a list of pages")
    return [h for page in objects(loaded, _WHAT, "pages") for h in _page(page)]


def _page(page: Json) -> list[ForeignHighlight]:
    url = optional(page.get("url"))
    if url is None:
        raise fail(_WHAT, "a page without a 'url'")
    key = ForeignKey(url=url, title=optional(page.get("title")))
    found = []
    for item in objects(page.get("highlights", []), _WHAT, "highlights"):
        quote = clean_quote(_plain(text_of(item.get("text")) or text_of(item.get("content"))))
        if not quote:
            continue
        found.append(
            ForeignHighlight(
                source=NAME,
                key=key,
                quote=quote,
                source_id=_id(url, item),
                prefix=str(item.get("prefix") or ""),
                suffix=str(item.get("suffix") or ""),
                note=_notes(item.get("notes")),
                created=iso_time(item.get("timestamp")),
            )
        )
    return found


def _id(url: str, item: Json) -> str | None:
    raw = optional(item.get("id")) or optional(item.get("timestamp"))
    return f"{url}#{raw}" if raw else None


def _notes(value: object) -> str:
    if isinstance(value, list):
        return "\n\n".join(text_of(v) for v in value if text_of(v))
    return text_of(value)


class _Text(HTMLParser):
    """The text of a highlighted fragment, which the clipper stores as HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")


def _plain(fragment: str) -> str:
    if "<" not in fragment and "&" not in fragment:
        return fragment
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)
