"""The page's boxes below the article that the extractor runs on into: headed, without a sentence.

Under a story or a chapter, pages stack small boxes: "Support the author" over two buttons,
the author's card (an avatar, a row of badges), "Log in to comment". The extractor sometimes
keeps them as the article's last blocks. What gives them away is a heading that heads no
text: after the article's last sentence come only headings, pictures without a caption and
lines of a few words. `drop_closing_boxes` removes that run, heading, pictures and lines,
when it holds a heading and a picture: a closing section of the article ("Gallery") has a
sentence or a caption under its heading, and a closing picture alone (no heading) stays.
"""

from __future__ import annotations

from typing import Any

from reader.importers.tree import words_in

# A block with this many words reads as a sentence of the article (or a picture's caption);
# each Han or kana letter counts as a word (a Chinese paragraph held fewer than 8 spaces).
_SENTENCE_WORDS = 8


def drop_closing_boxes(body: Any) -> None:
    """Remove from the extractor's XML `body` the headed, sentence-free run ending it."""
    blocks = list(body)
    start = len(blocks)
    while start > 0 and not _says_something(blocks[start - 1]):
        start -= 1
    run = blocks[start:]
    if start == 0 or not any(block.tag == "head" for block in run):
        return  # all of the body, or no heading: nothing tells a box from the article's end
    if not any(next(block.iter("graphic"), None) is not None for block in run):
        return
    for block in run:
        body.remove(block)


def _says_something(block: Any) -> bool:
    """A sentence, or a picture's caption however short."""
    if block.tag == "figcaption" or next(block.iter("figcaption"), None) is not None:
        return True
    return words_in(" ".join(block.itertext())) >= _SENTENCE_WORDS
