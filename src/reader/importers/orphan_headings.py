"""Headings left heading nothing: the title of a box the extractor emptied ("Recommended videos").

A page heads its boxes as it heads its sections: "Recommended videos" over a player, "Related"
over links. When the extractor drops the box (a script fills it) and keeps its heading, the
heading stands over nothing: at the article's end, or right above the next heading of its rank
or higher, with at most the box's emptied shell in between. A reader of the page saw a heading
over a box, never a heading over nothing, so `drop_orphan_headings` removes it with that shell.
A heading over a lower one (a section over its first subsection) heads that one and stays.
A line set wholly in bold counts as a heading below all the marked ones; a long bold line (a
notice, a bold paragraph) is never dropped, but it ends the section of the bold line above it.
"""

from __future__ import annotations

from typing import Any

_BOLD = "#b"
_BOLD_RANK = 7  # below <h6>: a bold line heads less than any marked heading
_LINE_WORDS = 12  # a bold line this long (in words or characters) is not a heading
_LINE_CHARS = 40


def drop_orphan_headings(body: Any) -> None:
    """Remove from the extractor's XML `body` the headings that head nothing."""
    blocks = list(body)
    if not any(_rank(block) is None and not _blank(block) for block in blocks):
        return  # all headings: nothing says which of them head the article
    next_rank = 0  # the end of the body ends every section
    shell: list[Any] = []
    for block in reversed(blocks):
        if _blank(block):
            shell.append(block)
            continue
        rank = _rank(block)
        if shell and rank is not None and next_rank <= rank and _droppable(block):
            for dropped in [block, *shell]:
                body.remove(dropped)
        else:
            next_rank = rank if rank is not None else _BOLD_RANK + 1
        shell = []


def _rank(block: Any) -> int | None:
    """A heading's rank (1 for <h1>, 7 for a bold line), None for a block of the text."""
    if block.tag == "head":
        rend = block.get("rend") or ""
        return int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 3
    if block.tag != "p" or not "".join(block.itertext()).strip():
        return None
    if (block.text or "").strip() or any(not _bold_only(child) for child in block):
        return None
    return _BOLD_RANK


def _bold_only(child: Any) -> bool:
    """A child of a paragraph that adds only bold text (or a line break) to it."""
    if (child.tail or "").strip():
        return False
    return child.tag == "lb" or (child.tag == "hi" and _BOLD in (child.get("rend") or ""))


def _droppable(block: Any) -> bool:
    """A marked heading, or a bold line short enough to be one."""
    if block.tag == "head":
        return True
    text = " ".join("".join(block.itertext()).split())
    return len(text.split()) <= _LINE_WORDS and len(text) <= _LINE_CHARS


def _blank(block: Any) -> bool:
    """A paragraph with nothing left in it: the shell of what the extractor emptied."""
    if block.tag != "p" or "".join(block.itertext()).strip():
        return False
    return all(child.tag == "lb" for child in block.iter() if child is not block)
