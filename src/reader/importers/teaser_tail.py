"""Links to other stories at the foot of an extracted body: the page's teasers, not its text.

Below an article, pages list their other stories: "You may also like...", then headlines,
each a link to another page, often with a line or a thumbnail under it. The extractor keeps
such a list when it sits inside the article's box. `drop_teaser_tail` removes the run of
blocks that ends the body when each of its entries opens with a link to another page, there
are at least three of them, and the article before them is longer than the run's links; a
short paragraph right under a heading that is such a link is its teaser's summary and goes
with it, and a short line right before the run (its title) goes with it too. A run under a
heading of a level the article uses for its sections is one of them ("See also", "External
links"), and stays.
"""

from __future__ import annotations

from typing import Any

from reader.core.scripts import CJK_MAIN, HAN_COMPATIBILITY, HANGUL_SYLLABLES, one_of

_MIN_ENTRIES = 3
_TITLE_WORDS = 6  # a run's title: "You may also like...", "More from the site"
# Characters a teaser's link holds at least: a headline, not a tag ("Harbour", "Ferries,").
_HEADLINE = 15
# Words a teaser's summary holds at most: a line or two of the story under its headline.
_SUMMARY_WORDS = 80
# Elements of the extractor's XML that hold no text of their own to judge (a thumbnail, a line
# break) and that a teaser run may hold between its entries.
_FILLER = frozenset({"graphic", "lb"})
# Chinese, Japanese and Korean write without spaces: each of their characters counts as a word,
# or an article in those scripts weighs a few "words" a paragraph against its teasers.
_CJK = one_of(CJK_MAIN, HANGUL_SYLLABLES, HAN_COMPATIBILITY)


def drop_teaser_tail(body: Any) -> None:
    """Remove from the extractor's XML `body` the teasers its last blocks are."""
    blocks = list(body)
    start, entries = len(blocks), 0
    while start > 0:
        block = blocks[start - 1]
        if block.tag in _FILLER or not _words(block):
            start -= 1
            continue
        opened = _entries(block)
        if opened == 0 and not _is_summary(block, blocks[: start - 1]):
            break
        entries += opened
        start -= 1
    if entries < _MIN_ENTRIES:
        return
    # A teaser's summary is the teaser's: the run weighs what its links say.
    run = sum(_words(block) for block in blocks[start:] if _entries(block))
    if start > 0 and _is_section_heading(blocks[start - 1], blocks[: start - 1]):
        return  # "See also", "External links": a section of the article, made of links
    if start > 0 and _is_title(blocks[start - 1]):
        start -= 1
    if sum(_words(block) for block in blocks[:start]) <= run:
        return  # a page of links: what is left would not be an article
    for block in blocks[start:]:
        body.remove(block)


def _entries(block: Any) -> int:
    """How many teaser entries `block` is: 1 for a heading or paragraph that opens with a
    link to another page, its item count for a list whose items all do; else 0."""
    if block.tag == "list":
        items = [item for item in block.iter("item") if _words(item)]
        return len(items) if items and all(_opens_with_link(i) for i in items) else 0
    return 1 if block.tag in {"head", "p"} and _opens_with_link(block) else 0


def _is_summary(block: Any, before: list[Any]) -> bool:
    """Whether `block` is a short paragraph right under a headline linking to its story
    (a stream of teasers: each headline, then a line or two of its story)."""
    if block.tag != "p" or _words(block) > _SUMMARY_WORDS:
        return False
    above = next((b for b in reversed(before) if b.tag not in _FILLER and _words(b)), None)
    return above is not None and above.tag == "head" and _opens_with_link(above)


def _opens_with_link(element: Any) -> bool:
    """Whether the first text of `element` is a link to another page (not within this one)
    that reads as a headline."""
    if (element.text or "").strip():
        return False
    for child in element:
        if child.tag == "ref":
            headline = len(" ".join(" ".join(child.itertext()).split())) >= _HEADLINE
            return headline and not (child.get("target") or "#").startswith("#")
        if _words(child) or (child.tail or "").strip():
            return child.tag == "hi" and _opens_with_link(child)
    return False


def _is_section_heading(block: Any, before: list[Any]) -> bool:
    """Whether `block` is a heading of a level the article uses above it for its sections
    (its headline, the first block with words, is not one of them)."""
    texts = [other for other in before if _words(other)]
    levels = {head.get("rend") for head in texts[1:] if head.tag == "head"}
    return block.tag == "head" and block.get("rend") in levels


def _is_title(block: Any) -> bool:
    words = _words(block)
    has_link = next(block.iter("ref"), None) is not None
    return block.tag in {"head", "p"} and 0 < words <= _TITLE_WORDS and not has_link


def _words(element: Any) -> int:
    text = " ".join(element.itertext())
    return len(text.split()) + len(_CJK.findall(text))
