"""Blocks of the rich extraction that the plain extraction of the same page does not hold.

We ask the extractor for images, links and formatting, so that the article shows them. Asked
so, it also keeps more of what surrounds the article: every figure's caption and credit again
under each photo, "more"/"less" caption togglers, "related" boxes, the page's address printed
in a header. Asked for text alone, it judges the same page more strictly. `drop_unconfirmed`
keeps, of the rich body, the blocks and loose lines whose text the plain extraction also found,
no more often than it found them, with every image and the first caption of its text right
after an image (the plain extraction has no images to judge captions by); unless the two
extractions disagree so much that the plain one chose other content. The plain extraction
mangles some text of the article itself (runs inline code together, reorders nested markup):
code blocks are never dropped, and a block stays whose words the plain text runs together, or
mostly holds between the texts of the block's confirmed neighbours.

The steps after it put back blocks the extractor left out (captions, lists, headings). What
the plain check dropped is not theirs to put back: `drop_unconfirmed` returns its `Verdict`,
and `drop_overruled` removes, after those steps, the blocks that bring a dropped text back.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import lxml.html
import trafilatura
from trafilatura.settings import Document, Extractor

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_SHINGLE = 3  # words; a block of fewer words must appear whole in the plain text
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "code"})
# Elements of the extractor's XML whose text is not run together with their neighbours'.
_SEPARATE = frozenset({*_BLOCKS, "item", "row", "cell", "lb", "graphic"})
# Below this share of the rich text confirmed, the plain extraction took other content (or
# little at all): nothing is dropped.
_AGREEMENT = 0.5
_CAPTION_LENGTH = 400  # characters of words
# Blocks: a run this long between confirmed ones, with few links and no image, is a part of
# the article the plain extraction passed over (a table of entries), not a caption or a box.
_LONG_RUN = 6
_GLUED = 8  # characters of words: a shorter text run together is found by chance


def plain_text(tree: lxml.html.HtmlElement) -> str | None:
    """The extractor's text of the page asked for text alone, or None when it finds none."""
    try:
        result = trafilatura.bare_extraction(tree, options=_plain_options())
    except Exception:  # a hostile page can trip any part of a third-party extractor
        log.debug("plain extraction failed; the rich one is kept whole", exc_info=True)
        return None
    return result.text if isinstance(result, Document) and result.text else None


@cache
def _plain_options() -> Extractor:
    """The settings `bare_extraction(tree, fast=True, include_comments=False)` would read
    from trafilatura's configuration on every call: read once."""
    return Extractor(output_format="python", fast=True, comments=False, tables=True)


def may_drop(body: Any) -> bool:
    """Whether `drop_unconfirmed` could take anything out of `body`, judged without the plain
    text: not when `body` holds fewer than two pieces of text (blocks or loose text), as one
    piece left unconfirmed is more than half of the text, and is then kept with the rest."""
    pieces = sum(1 for child in body if child.tag in _BLOCKS and _WORD.search(_text(child)))
    pieces += sum(1 for element in (body, *body) if _WORD.search(_loose(element, body)))
    return pieces >= 2


@dataclass
class Verdict:
    """The texts (see `_key`) the plain check dropped from a body, and those of its blocks left."""

    dropped: list[str] = field(default_factory=list)
    kept: set[str] = field(default_factory=set)

    def overrules(self, key: str) -> bool:
        """Whether a block of text `key` holds a dropped text or is part of one, and holds no
        kept block (texts of fewer than three words are too common to judge by)."""
        if key in self.kept or len(key.split()) < _SHINGLE:
            return False
        if not any(text in key or key in text for text in self.dropped):
            return False
        return not any(text in key for text in self.kept if len(text.split()) >= _SHINGLE)


def drop_unconfirmed(body: Any, plain: str | None) -> Verdict:
    """Remove from the extractor's XML `body` the blocks and the loose text between them that
    `plain` does not hold (keeping the blocks' images in their place); say what went."""
    if not plain:
        return Verdict()
    reference = _Plain(plain)
    texts = {child: _text(child) for child in body if child.tag in _BLOCKS}
    keys = {child: _key(text) for child, text in texts.items() if _WORD.search(text)}
    blocks = list(keys)
    unconfirmed = [b for b in blocks if b.tag != "code" and not reference.holds(keys[b])]
    unconfirmed = _without_first_captions(unconfirmed, keys)
    unconfirmed = _without_enclosed_prose(blocks, unconfirmed, keys, reference)
    # Copies beyond the plain text's count go, but their text is confirmed: not `dropped`.
    absent = [keys[b] for b in unconfirmed]
    unconfirmed += _repeated_beyond(blocks, set(unconfirmed), keys, reference)
    loose = [c for c in (body, *body) if _WORD.search(_loose(c, body))]
    stray = [c for c in loose if not reference.holds(_key(_loose(c, body)))]
    total = sum(len(texts[b]) for b in blocks) + sum(len(_loose(c, body)) for c in loose)
    dropped = sum(len(texts[b]) for b in unconfirmed) + sum(len(_loose(c, body)) for c in stray)
    if total == 0 or dropped > (1 - _AGREEMENT) * total:
        return Verdict()
    lost = [*absent, *(_key(_loose(c, body)) for c in stray)]
    verdict = Verdict([text for text in lost if len(text.split()) >= _SHINGLE])
    for element in stray:
        _set_loose(element, body)
    for block in unconfirmed:
        _replace_by_images(block)
    if verdict.dropped:  # with nothing dropped, `drop_overruled` never asks what was kept
        verdict.kept = {_key(_text(e)) for e in body.iter(*_BLOCKS, "figcaption")}
    return verdict


def drop_overruled(body: Any, verdict: Verdict) -> None:
    """Remove the blocks put back into `body` after `drop_unconfirmed` that bring back a text
    it dropped (keeping their images)."""
    if not verdict.dropped:
        return
    for element in list(body.iter(*_BLOCKS, "figcaption")):
        if element.getparent() is not None and verdict.overrules(_key(_text(element))):
            _replace_by_images(element)


class _Plain:
    """The plain text, ready to be asked whether (and how often) it holds a piece of text.

    Pieces are looked up by their words, from where the plain text has their rarest word: a
    page of 200,000 links asked the whole text for each of its 200,000 pieces (quadratic:
    10,000 links took 1 s of it, 40,000 took 20 s).
    """

    def __init__(self, plain: str) -> None:
        # No word spans a line break: the words of the lines, in turn, are the text's words.
        lines = [_words(line) for line in plain.splitlines()]
        self.words = [word for words in lines for word in words]
        self.joined = f" {' '.join(self.words)} "
        # The plain extraction runs inline elements together ("<code>a</code><code>b</code>"
        # as "ab"): without spaces, the texts agree.
        self.glued = self.joined.replace(" ", "")
        self._shingles: set[tuple[str, ...]] | None = None  # made when first needed
        self._places: dict[str, list[int]] | None = None  # word -> where it is, made likewise
        self._found: dict[str, int] = {}  # key -> where it is first, or -1
        # The extractor writes a block per line: most questions are answered by a line.
        self.lines = Counter(f" {' '.join(words)} " for words in lines)

    def contains(self, key: str) -> bool:
        """Whether the plain text holds `key` (see `_key`) whole: its words in a row."""
        return key in self.lines or self._first(key) >= 0

    def holds(self, key: str) -> bool:
        """Whether the plain text holds `key` (see `_key`), or most of its word triples."""
        if self.contains(key):
            return True
        glued = key.replace(" ", "")
        if len(glued) >= _GLUED and glued in self.glued:
            return True  # its words, run together by the plain text's lost spaces
        own = _shingles(key.split())
        if self._shingles is None:
            self._shingles = _shingles(self.words)
        return bool(own) and len(own & self._shingles) * 2 >= len(own)

    def between(self, first: str, last: str) -> frozenset[str]:
        """The words after `first`'s first occurrence and before the next of `last` (texts
        as `_key` makes them), none when either is not found whole."""
        start = self._first(first)
        if start < 0:
            return frozenset()
        after = start + len(first.split())
        end = next(self._starts(last, after), -1)
        return frozenset(self.words[after:end]) if end >= 0 else frozenset()

    def occurrences(self, key: str) -> int:
        """How often `key` (words between spaces) occurs; neighbours share a space."""
        if key in self.lines:
            return self.lines[key]
        count, free, size = 0, 0, len(key.split())
        for start in self._starts(key):
            if start >= free:
                count, free = count + 1, start + size
        return count

    def _first(self, key: str) -> int:
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = next(self._starts(key), -1)
        return found

    def _starts(self, key: str, after: int = 0) -> Iterator[int]:
        """Where `key`'s words begin in a row in the plain text, in order, from word `after`."""
        words = key.split()
        if not words:
            if key in self.joined:
                yield 0
            return
        if self._places is None:
            self._places = {}
            for place, word in enumerate(self.words):
                self._places.setdefault(word, []).append(place)
        places = self._places
        anchor = min(range(len(words)), key=lambda i: len(places.get(words[i], ())))
        size = len(words)
        for place in places.get(words[anchor], ()):
            start = place - anchor
            if start >= after and self.words[start : start + size] == words:
                yield start


def _loose(element: Any, body: Any) -> str:
    """Text directly in `body`: its own text, or the tail of one of its children."""
    return str((element.text if element is body else element.tail) or "")


def _set_loose(element: Any, body: Any) -> None:
    if element is body:
        body.text = None
    else:
        element.tail = None


def _without_first_captions(blocks: list[Any], keys: dict[Any, str]) -> list[Any]:
    """`blocks` but the captions of images (a short paragraph right after an image, or a
    line right before it saying what its description says), each text once: the plain
    extraction has no images, so it has no say on their captions."""
    seen: set[str] = set()
    kept = []
    for block in blocks:
        text = keys[block]
        previous, following = block.getprevious(), block.getnext()
        caption = block.tag == "p" and previous is not None and previous.tag == "graphic"
        # A line right before a picture saying what the picture's description says is its title
        titled = following is not None and following.tag == "graphic"
        caption = caption or (titled and _key(following.get("alt") or "") == text)
        if caption and len(text) <= _CAPTION_LENGTH and text not in seen:
            seen.add(text)
            continue
        kept.append(block)
    return kept


def _without_enclosed_prose(
    blocks: list[Any], unconfirmed: list[Any], keys: dict[Any, str], reference: _Plain
) -> list[Any]:
    """`unconfirmed` but the runs of blocks between two confirmed ones whose words the plain
    text mostly holds between those two, none holding many links or beside an image: there,
    the plain extraction mangled the article's own text (ran words together, reordered or
    lost some), where it leaves out a caption or a call to act entirely. A run of
    `_LONG_RUN` such blocks, and a note box in the run, stay whatever the plain text holds."""
    if not unconfirmed:
        return unconfirmed
    left = set(unconfirmed)
    kept: set[Any] = set()
    run: list[Any] = []
    before: Any = None
    for block in blocks:
        if block in left:
            run.append(block)
            continue
        if not reference.contains(keys[block]):
            continue  # confirmed in pieces: no place in the plain text to measure from
        if run and before is not None:
            span = reference.between(keys[before], keys[block])
            long = len(run) >= _LONG_RUN and all(_prose(b, keys[b], None) for b in run)
            kept.update(run if long or all(_prose(b, keys[b], span) for b in run) else ())
            kept.update(b for b in run if _note(b, keys[b]))
        run, before = [], block
    return [block for block in unconfirmed if block not in kept]


def _prose(block: Any, key: str, span: frozenset[str] | None) -> bool:
    """Whether `span` (None: any text) holds most of `block`'s words, links hold few of
    them, and no image is beside or in it (a caption away from its image is not prose)."""
    beside = (block.getprevious(), block.getnext(), block.find(".//graphic"))
    if any(_is_graphic(element) for element in beside):
        return False
    words = key.split()
    size = sum(len(word) for word in words)
    known = sum(len(word) for word in words if span is None or word in span)
    linked = sum(len(word) for ref in block.iter("ref") for word in _words(_text(ref)))
    return known * 2 >= size and linked * 2 < size


def _note(block: Any, key: str) -> bool:
    """Whether `block` is a box of prose set in a table (a note, a tip, a warning beside its
    icon), with few links."""
    if block.tag != "table" or block.find("row/cell/p") is None:
        return False
    size = sum(len(word) for word in key.split())
    return sum(len(word) for ref in block.iter("ref") for word in _words(_text(ref))) * 2 < size


def _is_graphic(element: Any) -> bool:
    return element is not None and element.tag == "graphic"


def _repeated_beyond(
    blocks: list[Any], unconfirmed: set[Any], keys: dict[Any, str], reference: _Plain
) -> list[Any]:
    """The copies of a block beyond the number of times the plain text holds its text (a
    caption under each of a gallery's photos)."""
    left: dict[str, int] = {}
    extra = []
    for block in blocks:
        if block in unconfirmed or block.tag == "code":  # a line of code may recur
            continue
        key = keys[block]
        if key not in left:
            # 0: confirmed by most of its shingles rather than found whole: once, then
            left[key] = reference.occurrences(key) or 1
        if left[key] <= 0:
            extra.append(block)
        left[key] -= 1
    return extra


def _replace_by_images(block: Any) -> None:
    parent = block.getparent()
    position = parent.index(block)
    for offset, graphic in enumerate(list(block.iter("graphic"))):
        graphic.tail = None
        parent.insert(position + offset, graphic)
    tail = block.tail
    parent.remove(block)
    if tail and tail.strip():  # loose text after the block is the parent's, keep it
        previous = parent[position - 1] if position > 0 else None
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail


def _text(element: Any) -> str:
    """The text of an XML element, with a space where one of its items, cells or lines ends."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            continue
        gap = " " if child.tag in _SEPARATE else ""
        parts.extend((gap, _text(child), gap, child.tail or ""))
    return "".join(parts)


def _key(text: str) -> str:
    """The words of `text`, folded, between single spaces (and a space at each end)."""
    return f" {' '.join(_words(text))} "


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
