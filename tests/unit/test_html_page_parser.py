"""The parser of whole pages: lxml.html's element classes, without a Python call per element."""

from __future__ import annotations

import copy
import sys
from types import FrameType
from typing import Any

import lxml.html

from reader.importers.html import parse_document

PAGE = (
    "<!DOCTYPE html><html><head><title>Pier</title></head><body>"
    "<form action='/s'><label>Find <input name=q></label><select><option>1</option></select>"
    "<textarea>t</textarea></form><P>Text<o:p>word</o:p>&nbsp;<svg><circle/></svg></P>"
    "<table><tr><td>1</td></tr></table></body></html>"
)


def test_each_element_has_the_class_lxml_html_gives_it() -> None:
    ours = [(e.tag, type(e)) for e in parse_document(PAGE).iter()]
    theirs = [(e.tag, type(e)) for e in lxml.html.document_fromstring(PAGE).iter()]
    assert ours == theirs
    assert {type(e) for e in parse_document(PAGE).iter("form", "input")} == {
        lxml.html.FormElement,
        lxml.html.InputElement,
    }


def test_walking_the_tree_calls_no_python_code(monkeypatch: Any) -> None:
    """lxml.html's parser chose each element's class in a Python method, run whenever code
    touched an element: 6-9% of the extractor's time."""
    tree = parse_document(PAGE.replace("<table>", "<div><p>Text <b>bold</b></p></div>" * 50))
    calls: list[str] = []

    def watch(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            calls.append(frame.f_code.co_name)

    sys.setprofile(watch)
    try:
        found = sum(1 for element in tree.iter() for _ in element.iterchildren())
        copied = sum(1 for _ in copy.deepcopy(tree).iter())  # as the extractor does
    finally:
        sys.setprofile(None)
    assert found > 100 and copied > found  # every element touched
    assert "lookup" not in calls
