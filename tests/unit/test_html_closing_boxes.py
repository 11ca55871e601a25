"""The boxes under an article (a support box, the author's card) that the extractor kept."""

from __future__ import annotations

from lxml import etree

from reader.importers.closing_boxes import drop_closing_boxes
from tests.keeper_text import KEEPER


def body_of(*blocks: tuple[str, str]) -> etree._Element:
    """The extractor's XML: the keeper's paragraphs, then `blocks` as (tag, text or src)."""
    body = etree.Element("body")
    for paragraph in KEEPER:
        etree.SubElement(body, "p").text = paragraph
    for tag, value in blocks:
        if tag == "graphic":
            etree.SubElement(body, tag, src=value)
        else:
            etree.SubElement(body, tag).text = value
    return body


def kept(body: etree._Element) -> list[str]:
    return [element.get("src") or "".join(element.itertext()) for element in body]


def test_a_heading_over_pictures_and_short_lines_after_the_text_goes() -> None:
    body = body_of(
        ("head", 'Support "The Keeper"'),
        ("graphic", "avatar.png"),
        ("graphic", "badge-1.png"),
        ("graphic", "badge-2.png"),
        ("p", "Log in to comment"),
    )
    drop_closing_boxes(body)
    assert kept(body) == list(KEEPER)


def test_a_closing_section_with_a_sentence_or_captions_stays() -> None:
    sentence = "The pier as the keeper left it, photographed the winter after he retired."
    for closing in (
        (("head", "The pier today"), ("graphic", "pier.png"), ("p", sentence)),
        (("head", "Photos"), ("graphic", "pier.png"), ("figcaption", "The pier")),
    ):
        body = body_of(*closing)
        drop_closing_boxes(body)
        assert len(body) == len(KEEPER) + len(closing)


def test_a_closing_picture_without_a_heading_and_a_closing_heading_alone_stay() -> None:
    picture = (("graphic", "pier.png"), ("p", "Photo: harbour office"))
    for closing in (picture, (("head", "Notes"),)):
        body = body_of(*closing)
        drop_closing_boxes(body)
        assert len(body) == len(KEEPER) + len(closing)


def test_a_closing_section_of_chinese_or_japanese_sentences_stays() -> None:
    """Written without spaces, a sentence of theirs held fewer than eight words split at
    spaces: sections closing help pages went as boxes (12 of the corpus's pages)."""
    for sentence in (
        "显示当前记录的编号。输入一个编号以转到对应的记录。",
        "グリッド線の表示を切り替えます。",
    ):
        closing = (("head", "记录编号"), ("graphic", "icon.png"), ("p", sentence))
        body = body_of(*closing)
        drop_closing_boxes(body)
        assert kept(body) == [*KEEPER, "记录编号", "icon.png", sentence]
    body = body_of(("head", "广告"), ("graphic", "qr.png"), ("p", "扫码关注"))  # a box stays one
    drop_closing_boxes(body)
    assert kept(body) == list(KEEPER)
