"""A table cell that is only a link keeps its link through extraction."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.empty_cells import restore_empty_cells
from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

ROWS = (("Harbour Lights", "71.1 MB", "8.0 MB"), ("Pier Keeper", "32.7 MB", "9.6 MB"))


def page_table() -> str:
    head = "<tr><td><p>Application</p></td><td><p>Size</p></td><td><p>Patch</p></td></tr>"
    rows = "".join(
        f'<tr><td><div><p><a href="https://example.org/app/{index}">{name}</a></p></div></td>'
        f"<td><p>{size}</p></td><td><p>{patch}</p></td></tr>"
        for index, (name, size, patch) in enumerate(ROWS)
    )
    return f"<table><tbody>{head}{rows}</tbody></table>"


def test_a_cell_holding_only_a_link_keeps_it() -> None:
    page = f"<html><head><title>Patches</title></head><body><article>{KEEPER_HTML}"
    page += f"{page_table()}{KEEPER_HTML}</article></body></html>"
    article = import_html(page.encode(), "patches.html")
    for index, (name, _, _) in enumerate(ROWS):
        assert f'<a href="https://example.org/app/{index}"' in article.html
        assert name in article.text


def test_a_layout_cell_or_a_row_of_another_shape_is_not_filled() -> None:
    body = etree.fromstring(
        "<body><table><row><cell/><cell><p>Tide tables</p></cell></row>"
        "<row><cell/><cell><p>Ferry times</p></cell></row></table></body>"
    )
    long_text = "The harbour office, its opening hours and its notices. " * 4
    source = lxml.html.document_fromstring(
        f"<body><table><tr><td>{long_text}</td><td>Tide tables</td></tr>"
        '<tr><td colspan="2">Ferry times</td></tr></table></body>'
    )
    restore_empty_cells(body, source)
    assert ["".join(cell.itertext()) for cell in body.iter("cell")] == [
        "",
        "Tide tables",
        "",
        "Ferry times",
    ]


def fact_box(parts: str) -> str:
    rows = (
        "<tr><th>Lamp</th><td>North pier</td></tr>"
        f"<tr><th>Parts</th><td>{parts}</td></tr><tr><th>Oil</th><td>Colza</td></tr>"
    )
    page = f"<html><head><title>Lamps</title></head><body><article>{KEEPER_HTML}"
    return page + f"<table>{rows}</table>{KEEPER_HTML}</article></body></html>"


def test_a_cell_that_is_one_list_keeps_its_items_apart() -> None:
    # "Wick" and "Glass" set one a line in the page, not run together into "WickGlass".
    parts = '<ul><li><a href="https://example.org/wick">Wick</a></li><li>Glass</li></ul>'
    html = import_html(fact_box(parts).encode(), "lamps.html").html
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    cell = next(cell for cell in tree.iter("td") if "Wick" in cell.text_content())
    assert [item.text_content() for item in cell.iter("li")] == ["Wick", "Glass"]
    assert cell.find(".//li/a").get("href") == "https://example.org/wick"


def test_a_cell_saying_more_than_its_list_keeps_its_text() -> None:
    parts = "Both: <ul><li>Wick</li><li>Glass</li></ul>"
    html = import_html(fact_box(parts).encode(), "lamps.html").html
    assert "<li>" not in html
    assert "Both:" in html
