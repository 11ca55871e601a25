"""What a page shows only when printed is not the article its reader sees."""

from __future__ import annotations

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
