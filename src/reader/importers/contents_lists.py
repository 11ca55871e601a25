"""A page's own table of contents, which the extractor drops as a list of links.

A long article (an encyclopedia entry, a manual's chapter) often opens with a list of its
sections, each entry a link to a heading further down the page. trafilatura reads such a list
as navigation and leaves it out, yet it is the article's own outline, shown in it under its
"Contents" label. `restore_contents_list` finds it again: a list every entry of which is an
in-page link, most of them naming a heading the extraction kept. It goes back, nested as the
page nests it, in front of the first kept block that follows it in the page, its label first.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from reader.importers.tree import HEADINGS, text_of

# Fewer entries than this is a pair of "jump to" links, not an outline.
MIN_ENTRIES = 3
# A label ("Contents", "On this page") is a few words, not a sentence.
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40
# The page's lists holding a link within the page, in the page's order.
_IN_PAGE_LISTS = etree.XPath("(//ul|//ol)[.//a[starts-with(@href, '#')]]")


def restore_contents_list(
    body: Any, source: lxml.html.HtmlElement, origins: dict[str, Any]
) -> None:
    """Put the page's table of contents back into `body` (the extractor's XML); `origins`
    maps the text of each source paragraph to it (`paragraph_origins`)."""
    if any(child.tag == "list" and _all_in_page(child) for child in body):
        return  # the extraction kept it
    headings = {text_of(head) for head in body.iter("head")}
    kept = {text_of(paragraph) for paragraph in body.iter("p")}
    listing = next(
        (
            found
            for found in _IN_PAGE_LISTS(source)
            if _is_contents(found, headings) and _in_flow(found, kept)
        ),
        None,
    )
    if listing is None:
        return
    anchor = _following_block(body, listing, origins, headings)
    if anchor is None:
        return
    index = body.index(anchor)
    label = _label(listing)
    body.insert(index, _as_list(listing))
    if label is not None:
        body.insert(index, label)


def _all_in_page(listing: Any) -> bool:
    targets = [ref.get("target") or "" for ref in listing.iter("ref")]
    return bool(targets) and all(target.startswith("#") for target in targets)


def _is_contents(listing: Any, headings: set[str]) -> bool:
    """Every entry of the outermost list `listing` is one in-page link and nothing else, and
    most entries name a heading the extraction kept."""
    if any(parent.tag in {"ul", "ol"} for parent in listing.iterancestors()):
        return False
    entries = [_entry(item) for item in listing.iter("li")]
    if len(entries) < MIN_ENTRIES or any(entry is None for entry in entries):
        return False
    named = sum(1 for entry in entries if entry is not None and _heading_text(entry) in headings)
    return named * 2 > len(entries)


def _in_flow(listing: Any, kept: set[str]) -> bool:
    """Whether the list's own box (the list with its label) stands among the article's
    paragraphs, where the page sets it in the text; an outline in a column beside the
    article (a sticky side menu) is the page's navigation."""
    box, size = listing, len(text_of(listing))
    parent = box.getparent()
    while parent is not None and len(text_of(parent)) <= size + MAX_LABEL_CHARS:
        box, parent = parent, parent.getparent()
    return any(
        sibling.tag == "p" and text_of(sibling) in kept
        for sibling in (*box.itersiblings(preceding=True), *box.itersiblings())
    )


def _entry(item: Any) -> Any | None:
    """The item's one link, when it leads within the page and is all the item's own text."""
    own = [a for a in item.iter("a") if _item_of(a) is item]
    if len(own) != 1 or not (own[0].get("href") or "").startswith("#"):
        return None
    spare = "".join(item.text or "") + "".join(
        (child.tail or "") for child in item if child.tag not in {"ul", "ol"}
    )
    return own[0] if text_of(own[0]) and not spare.strip() else None


def _item_of(link: Any) -> Any | None:
    return next(link.iterancestors("li"), None)


def _heading_text(link: Any) -> str:
    """The entry's text without its section number ("2.1 Pledge" reads "Pledge")."""
    words = text_of(link).split()
    if len(words) > 1 and words[0].rstrip(".").replace(".", "").isdigit():
        words = words[1:]
    return " ".join(words)


def _following_block(
    body: Any, listing: Any, origins: dict[str, Any], headings: set[str]
) -> Any | None:
    """The first top-level block of `body` that the page sets after `listing`: a paragraph
    read from there, or a heading the list names."""
    named = {_heading_text(link) for link in listing.iter("a")} & headings
    after = _elements_after(listing)
    for child in body:
        if child.tag == "head" and text_of(child) in named:
            return child
        origin = origins.get(text_of(child)) if child.tag == "p" else None
        if origin is not None and origin in after:
            return child
    return None


def _elements_after(listing: Any) -> set[Any]:
    return (
        set(listing.itersiblings())
        | {element for sibling in listing.itersiblings() for element in sibling.iterdescendants()}
        | {
            element
            for ancestor in listing.iterancestors()
            for sibling in ancestor.itersiblings()
            for element in (sibling, *sibling.iterdescendants())
        }
    )


def _label(listing: Any) -> Any | None:
    """The list's label ("Contents"): the short linkless block right before it, as a heading
    when the page makes it one."""
    before = listing.getprevious()
    text = text_of(before)
    if before is None or not text or len(text.split()) > MAX_LABEL_WORDS:
        return None
    if next(before.iter("a"), None) is not None:
        return None
    heading = next(before.iter(*HEADINGS), None)
    label = etree.Element("head", rend=heading.tag) if heading is not None else etree.Element("p")
    label.text = text
    return label


def _as_list(listing: Any) -> Any:
    """The source list as the extractor's XML: an item per entry, its link kept, a nested
    list inside its item."""
    built = etree.Element("list", rend=listing.tag)
    for item in listing.iterchildren("li"):
        entry = etree.SubElement(built, "item")
        link = _entry(item)
        if link is not None:
            etree.SubElement(entry, "ref", target=link.get("href")).text = text_of(link)
        for nested in item.iterchildren("ul", "ol"):
            entry.append(_as_list(nested))
    return built
