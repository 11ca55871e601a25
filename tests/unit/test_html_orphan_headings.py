"""A heading whose box the extractor emptied (a video player) heads nothing and goes."""

from __future__ import annotations

from lxml import etree

from reader.importers.orphan_headings import drop_orphan_headings
from tests.keeper_text import KEEPER

NOTICE = "This story first ran in the Harbour Gazette and is reprinted here with its permission."


def body_of(*blocks: tuple[str, str, str]) -> etree._Element:
    """The extractor's XML: the keeper's paragraphs, then `blocks` as (tag, rend, text);
    a rend of "#b" sets the paragraph's text in bold."""
    body = etree.Element("body")
    for paragraph in KEEPER:
        etree.SubElement(body, "p").text = paragraph
    for tag, rend, text in blocks:
        block = etree.SubElement(body, tag)
        if tag == "p" and rend == "#b":
            etree.SubElement(block, "hi", rend=rend).text = text
        else:
            block.set("rend", rend)
            block.text = text
    return body


def texts(body: etree._Element) -> list[str]:
    return ["".join(block.itertext()) for block in body]


def test_a_heading_over_an_emptied_shell_at_the_end_or_above_its_equal_goes() -> None:
    for blocks in (
        (("head", "h2", "Watch next"), ("p", "", "")),
        (("head", "h3", "Watch next"), ("p", "", ""), ("head", "h2", "Sources")),
        (("p", "#b", "Watch next"), ("p", "", ""), ("p", "#b", NOTICE)),
    ):
        body = body_of(*blocks)
        drop_orphan_headings(body)
        assert "Watch next" not in texts(body)
        assert texts(body)[: len(KEEPER)] == list(KEEPER)


def test_section_headings_stay() -> None:
    for blocks in (
        # a section over its first subsection, with a spacer between them
        (("head", "h2", "The lamps"), ("p", "", ""), ("head", "h3", "Wicks"), ("p", "", "Cut.")),
        # a heading straight over the next: nothing says a box was emptied under it
        (("p", "#b", "Let us talk."), ("p", "#b", NOTICE)),
        (("head", "h2", "Further reading"),),
        # a long bold line is a notice, not a heading
        (("p", "#b", NOTICE), ("p", "", "")),
    ):
        body = body_of(*blocks)
        drop_orphan_headings(body)
        kept = [text for text in texts(body) if text]
        assert kept == [*KEEPER, *(text for _, _, text in blocks if text)]
