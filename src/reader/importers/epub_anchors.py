"""Anchors inside a book: element ids kept, made unique per chapter, so footnote links work.

Chapter files share one article, so each id takes its chapter's prefix ("fn1" in chapter 3
becomes "ch3-fn1"). Only blocks keep an id (the sanitizer allows no other, and inline elements
lose theirs before extraction): an id on a wrapper (`<aside id="fn1"><p>…`) moves to the
first block inside it, an id on an inline element (`<a id="r1"/>`, `<span id>`) to the block
around it.
"""

from __future__ import annotations

import re

import lxml.html

from reader.importers.epub_archive import resolve

# The elements the sanitizer keeps an `id` on (h1 becomes h3 in a chapter).
HOLDERS = ("p", "li", "dt", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def prefix_ids(tree: lxml.html.HtmlElement, anchor: str) -> set[str]:
    """Rename the chapter's ids to `<anchor>-<id>` on elements that can hold them; returns
    the original ids kept."""
    found = [(element, element.attrib.pop("id")) for element in tree.iter() if element.get("id")]
    kept: set[str] = set()
    # Elements holding their own id first, so a wrapper's id never takes their place.
    ordered = sorted(found, key=lambda pair: not _holds_itself(pair[0]))
    for element, name in ordered:
        holder = element if _holds_itself(element) else _holder_for(element)
        if holder is not None and holder.get("id") is None and _SAFE_ID.fullmatch(name):
            holder.set("id", f"{anchor}-{name}")
            kept.add(name)
    return kept


def _holds_itself(element: lxml.html.HtmlElement) -> bool:
    return element.tag in HOLDERS


def _holder_for(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """Where a wrapper's or an inline element's id goes: the first block inside it, else the
    block around it."""
    inside = (e for e in element.iterdescendants(*HOLDERS) if _holds_itself(e))
    around = (e for e in element.iterancestors(*HOLDERS) if _holds_itself(e))
    for candidate in (*inside, *around):
        if candidate.get("id") is None:
            return candidate
    return None


def rewrite_links(
    tree: lxml.html.HtmlElement,
    path: str,
    chapter_ids: dict[str, str],
    kept_ids: dict[str, set[str]],
) -> None:
    """Links to another part of the book lead there in the pane: to the element when it kept
    its id, else to its chapter's heading. Links to files the book does not show as chapters
    lose their target (their text stays)."""
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or _SCHEME.match(href):
            continue
        found = resolve(path, href)
        chapter = chapter_ids.get(found[0]) if found is not None else None
        if found is None or chapter is None:
            link.attrib.pop("href", None)
        elif found[1] in kept_ids.get(found[0], set()):
            link.set("href", f"#{chapter}-{found[1]}")
        else:
            link.set("href", f"#{chapter}")
