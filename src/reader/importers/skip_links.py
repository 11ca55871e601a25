"""The site's header a "skip to content" link jumps over: its logo, login prompt and menus.

Pages open with a link for keyboard and screen-reader users (`<a href="#content">Skip to
content</a>`, often hidden, sometimes an invisible image) whose target is where the page's own
content starts: what comes before it is, by the page's own word, the header a reader skips.
The extractor keeps such a header when it sits in the same box as the text (a logo, "Sign in
for more", a three-item user menu). `drop_skipped_header` removes, before extraction, every
part of the page before the target of such a link among the page's first links, when the
target plainly opens the page's content: most of the text follows it and nothing before it
reads as running text (a link to a table of contents' first section does not qualify).
"""

from __future__ import annotations

import lxml.html

_FIRST_LINKS = 3  # a skip link is among the first links of the page, before any menu
_RUNNING_TEXT = 200  # characters: a paragraph this long is the page's text, not its header
_SHARE_AFTER = 2  # the text after the target outweighs the header's this many times


def drop_skipped_header(tree: lxml.html.HtmlElement) -> None:
    """Remove from `tree` what its skip link's target says is the page's header."""
    body = tree.find("body")
    if body is None:
        return
    target = None
    for candidate in _skip_targets(body):
        if _opens_content(body, candidate):
            target = candidate  # the latest: the one skipping the most header
    if target is not None:
        _drop_before(body, target)


def _skip_targets(body: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The elements the page's first in-page links point at, each after its link."""
    links = [link for link in body.iter("a") if link.get("href")][:_FIRST_LINKS]
    names = {(link.get("href") or "").strip(): link for link in links}
    names = {href[1:]: link for href, link in names.items() if href.startswith("#") and href[1:]}
    targets = []
    passed = set()  # the links already met in the walk: a target comes after its link
    for element in body.iter() if names else ():
        if not isinstance(element.tag, str):
            continue
        name = element.get("id") or (element.get("name") if element.tag == "a" else None)
        link = names.pop(name, None) if name else None
        if link is not None and link in passed:
            targets.append(element)
        if element in names.values():
            passed.add(element)
    return targets


def _opens_content(body: lxml.html.HtmlElement, target: lxml.html.HtmlElement) -> bool:
    """Whether the page's text mostly follows `target`, with no running text before it."""
    before = 0
    for part in _before(body, target):
        if any(len(p.text_content().strip()) >= _RUNNING_TEXT for p in part.iter("p")):
            return False
        before += len("".join(part.text_content().split()))
    after = len("".join(body.text_content().split())) - before
    return after >= _SHARE_AFTER * before and after > 0


def _before(
    body: lxml.html.HtmlElement, target: lxml.html.HtmlElement
) -> list[lxml.html.HtmlElement]:
    """The page's parts wholly before `target`: each ancestor's earlier children."""
    parts: list[lxml.html.HtmlElement] = []
    child = target
    for parent in target.iterancestors():
        parts.extend(child.itersiblings(preceding=True))
        if parent is body:
            break
        child = parent
    return [part for part in parts if isinstance(part.tag, str)]


def _drop_before(body: lxml.html.HtmlElement, target: lxml.html.HtmlElement) -> None:
    for part in _before(body, target):
        part.tail = None  # the text between the header's boxes is the header's too
        part.drop_tree()
