"""An element's text read in one call gives what joining its text pieces gives; a page
read once keeps its texts only while the caller leaves it unchanged."""

from __future__ import annotations

import copy

import lxml.html
import pytest
from lxml import etree

from reader.importers.tree import joined_text, text_of, texts_read_once

PAGE = (
    "<html><body><div id='box'>Lead <!-- a note --><p>One &amp; <b>two</b></p>"
    "<?php echo 1 ?><ul><li>three</li> <li>four</li></ul> end</div>tail words</body></html>"
)


def test_joined_text_is_the_pieces_run_together_without_comments_or_tail() -> None:
    tree = lxml.html.document_fromstring(PAGE)
    box = tree.get_element_by_id("box")
    assert joined_text(box) == "Lead One & twothree four end"
    for element in tree.iter(etree.Element):  # every element, as the importers meet them
        assert joined_text(element) == "".join(element.itertext())


def test_joined_text_reads_extractor_xml_and_character_data() -> None:
    body = etree.fromstring("<body><p>a<hi rend='#b'>b</hi><![CDATA[<c>]]></p><lb/>x</body>")
    assert joined_text(body) == "ab<c>x" == "".join(body.itertext())


def test_a_comment_is_refused_as_itertext_refuses_it() -> None:
    with pytest.raises(ValueError):
        joined_text(etree.Comment("note"))


def test_text_of_collapses_spaces() -> None:
    element = lxml.html.fragment_fromstring("<p> a\n<b>b </b>\tc </p>")
    assert text_of(element) == "a b c"
    assert text_of(None) == ""


def test_a_page_read_once_keeps_its_texts_until_left() -> None:
    page = lxml.html.document_fromstring("<html><body><p id='a'>First words</p></body></html>")
    paragraph = page.get_element_by_id("a")
    with texts_read_once(page):
        assert text_of(paragraph) == "First words"
        paragraph.text = "Changed"  # against the promise: shows the text is not read again
        assert text_of(paragraph) == "First words"
    assert text_of(paragraph) == "Changed"  # left: the page is read afresh
    with texts_read_once(page):
        assert text_of(paragraph) == "Changed"


def test_other_trees_are_read_afresh_while_a_page_is_read_once() -> None:
    page = lxml.html.document_fromstring("<html><body><p>Page</p></body></html>")
    body = etree.fromstring("<body><p>one</p></body>")
    detached = copy.deepcopy(page)
    with texts_read_once(page):
        assert text_of(body[0]) == "one"
        body[0].text = "two"
        assert text_of(body[0]) == "two"
        assert text_of(detached) == "Page"
        detached.find(".//p").text = "Copy"
        assert text_of(detached) == "Copy"


def test_leaving_on_an_error_forgets_the_texts() -> None:
    page = lxml.html.document_fromstring("<html><body><p>Before</p></body></html>")
    with pytest.raises(RuntimeError), texts_read_once(page):
        assert text_of(page) == "Before"
        raise RuntimeError
    page.find(".//p").text = "After"
    assert text_of(page) == "After"
