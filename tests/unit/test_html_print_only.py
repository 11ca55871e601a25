"""What a page shows only when printed is not the article its reader sees."""

from __future__ import annotations

import lxml.html
import pytest

from reader.importers import print_only
from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

ARTICLE = KEEPER_HTML
NOTICE = (
    "This copy is for your personal, non-commercial use only. To order copies for your "
    "colleagues, visit the reprints desk of the Harbour Gazette."
)


def test_the_print_header_and_footer_are_left_out() -> None:
    body = (
        f'<div class="main"><div class="print-header"><p>{NOTICE}</p>'
        "<p>https://harbour.example/news/pier-lamps</p></div>"
        f"<h1>The north pier lamps</h1>{ARTICLE}"
        '<div class="print-footer"><p>Copyright 2019 Harbour Gazette Ltd. All rights '
        "reserved.</p></div></div>"
    )
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    text = import_html(markup.encode(), "p.html").text
    assert "trimmed every wick" in text and "service on the pier" in text
    assert "non-commercial" not in text and "All rights reserved" not in text


def test_a_page_naming_nothing_for_print_is_not_judged_element_by_element(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    judged: list[object] = []
    original = print_only._print_only

    def counting(element: lxml.html.HtmlElement) -> bool:
        judged.append(element)
        return original(element)

    monkeypatch.setattr(print_only, "_print_only", counting)
    page = f'<html><body><div class="main" id="story">{ARTICLE}</div></body></html>'
    tree = lxml.html.document_fromstring(page)
    print_only.drop_print_only(tree)
    assert judged == []
    assert lxml.html.tostring(tree) == lxml.html.tostring(lxml.html.document_fromstring(page))
    named = page.replace('id="story"', 'id="story"><p class="lead visible-print">x</p')
    print_only.drop_print_only(tree := lxml.html.document_fromstring(named))
    assert judged and "visible-print" not in lxml.html.tostring(tree, encoding="unicode")
