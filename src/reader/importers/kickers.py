"""A kicker above the headline: the story's section or tag, a link, not a heading of the text.

News pages set a label above the headline ("chaos theory", "Politics"), as a heading made of one
link to the tag's or section's page. The extractor keeps it as the body's first heading, where
it reads as the title of a section the article does not have. `drop_kickers` removes the
first block of the extracted body when it is a heading whose words are all one short link,
and the next block is a heading too (the headline it labels).
"""

from __future__ import annotations

from typing import Any

from reader.importers.tree import word_count

_WORDS = 4  # "chaos theory", "Biz & IT": a label, not a headline


def drop_kickers(body: Any) -> None:
    """Remove from the extractor's XML `body` the kicker that opens it, if any."""
    blocks = [block for block in body if word_count(block) or block.tag == "graphic"]
    if len(blocks) < 2 or blocks[0].tag != "head" or blocks[1].tag != "head":
        return
    kicker = blocks[0]
    links = list(kicker.iter("ref"))
    target = links[0].get("target") if len(links) == 1 else None
    linked = len(links) == 1 and word_count(links[0]) == word_count(kicker)
    if linked and target and not target.startswith("#") and word_count(kicker) <= _WORDS:
        body.remove(kicker)
