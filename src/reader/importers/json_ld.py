"""A page's JSON-LD: its article object, all of its objects, and their values as text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html

from reader.importers.html_values import clean, is_url

# JSON-LD blocks bigger than this are data dumps, not article metadata.
_MAX_JSON_LD = 512 * 1024
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Report|SocialMediaPosting)$")
# XHTML habits around a script's JSON: `<![CDATA[ … ]]>` or `<!-- … -->`, maybe commented.
_SCRIPT_WRAPPER = re.compile(
    r"^\s*(?:/[/*]\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*/)?|(?:/[/*]\s*)?(?:\]\]>|-->)(?:\s*\*/)?\s*$"
)
_ORGANIZATION = re.compile(r"Organi[sz]ation|Corporation|NewsMediaOrganization|WebSite|Brand")


def article(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first article-like object in the page's JSON-LD blocks, or {}."""
    for item in objects(tree):
        if "headline" in item or any(_ARTICLE_TYPE.search(t) for t in types(item)):
            return item
    return {}


def objects(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD blocks."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = _SCRIPT_WRAPPER.sub("", script.text or "")
        if len(raw) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _items(data)


def _items(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level objects, including those in lists and in `@graph`."""
    pending = [data]
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)


def types(item: dict[str, Any]) -> list[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def text(value: Any) -> str | None:
    """A JSON-LD value that should be text: a string, or the first string of a list."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return value if isinstance(value, str) else None


def name(value: Any) -> str | None:
    """A JSON-LD person/organisation (or a list of them) as display text."""
    items = value if isinstance(value, list) else [value]
    names = [text(item.get("name")) if isinstance(item, dict) else text(item) for item in items]
    return clean(", ".join(n for n in names if n and not is_url(n)))


def person(value: Any) -> str | None:
    """JSON-LD authors, leaving out organisations (a publisher named as the author)."""
    items = value if isinstance(value, list) else [value]
    people = [i for i in items if not (isinstance(i, dict) and _is_organization(i))]
    return name(people) if people else None


def _is_organization(item: dict[str, Any]) -> bool:
    return any(_ORGANIZATION.search(t) for t in types(item))


def entity_id(value: Any) -> str | None:
    return text(value.get("@id")) if isinstance(value, dict) else text(value)
