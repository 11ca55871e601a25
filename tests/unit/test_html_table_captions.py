"""A table's caption stays its caption: not a header row with empty cells beside it."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html

INTRO = (
    "The keepers of the north pier log every lamp that fails to light at dusk, and the hour "
    "at which it was lit again by hand; the table below sums up one winter's log."
)


def test_a_table_caption_is_kept_as_its_caption() -> None:
    rows = "".join(
        f"<tr><td>{lamp}</td><td>{nights}</td></tr>"
        for lamp, nights in (("North", "12"), ("South", "7"), ("Harbour", "3"))
    )
    page = (
        f"<html><head><title>Lamps</title></head><body><article><p>{INTRO}</p>"
        "<table><caption><span>Table 1.</span> Lamps that failed</caption>"
        f"<thead><tr><th>Lamp</th><th>Nights</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<p>{INTRO} The south lamp was mended in March.</p></article></body></html>"
    )
    html = import_html(page.encode(), "lamps.html").html
    table = lxml.html.fragment_fromstring(html, create_parent="div").find(".//table")
    assert table is not None
    caption = table.find("caption")
    assert caption is not None and caption.text_content() == "Table 1. Lamps that failed"
    cells = [" ".join(cell.text_content().split()) for cell in table.iter("td", "th")]
    assert cells == ["Lamp", "Nights", "North", "12", "South", "7", "Harbour", "3"]
