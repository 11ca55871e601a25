"""trafilatura's metadata read field by field, only for the gaps a page's own metadata leaves."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params

from reader.importers.encoding import decode_html
from reader.importers.html import import_html, parse_document
from reader.importers.html_metadata import PageMetadata
from reader.importers.page_gaps import trafilatura_gaps

DATA = Path(__file__).parent.parent / "data" / "html"
BYLINE_PAGE = (
    "<html><head><title>Lamps of the north pier</title></head><body>"
    '<div class="byline"><span class="author">Mara Lindqvist</span></div>'
    "<p>The lamps on the north pier were lit at dusk by the keeper.</p></body></html>"
)
USED = ("title", "author", "url", "date", "sitename")


def whole(markup: str) -> dict[str, object]:
    """What trafilatura's own metadata reader gives for the fields we use."""
    document = extract_metadata(parse_document(markup), None, set_date_params(False), False)
    return {name: getattr(document, name) for name in USED}


def gaps(markup: str, own: PageMetadata | None = None) -> dict[str, object]:
    document = trafilatura_gaps(parse_document(markup), own or PageMetadata())
    return {name: getattr(document, name) for name in USED}


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.html")))
def test_with_every_field_open_the_values_are_trafilaturas_own(name: str) -> None:
    markup, _encoding = decode_html((DATA / name).read_bytes())
    assert gaps(markup) == whole(markup)


def test_a_byline_in_the_page_is_found_as_trafilatura_finds_it() -> None:
    assert gaps(BYLINE_PAGE)["author"] == whole(BYLINE_PAGE)["author"] == "Mara Lindqvist"


def test_fields_the_page_names_itself_are_not_looked_for() -> None:
    own = PageMetadata(title="Own title", author="Own Author", site="Own site")
    found = gaps(BYLINE_PAGE, own)
    assert found["author"] is None
    assert found["sitename"] is None


def test_in_page_links_do_not_become_links_to_the_home_page() -> None:
    # trafilatura resolved "#part-2" against the site's root once it knew the page's URL,
    # which made a link to the home page of the site; such a link now stays out.
    markup = (
        '<html><head><link rel="canonical" href="https://lamps.example/pier">'
        "<title>Lamps of the north pier</title></head><body><article>"
        '<p>See <a href="#part-2">the second part</a> of this account of the lamps, '
        "which were lit at dusk by the keeper who walked the pier twice each evening.</p>"
        '<p>Also <a href="https://lamps.example/keepers">the keepers</a> of the pier, '
        "who carried a lantern in winter since the wind put out the matches.</p>"
        "</article></body></html>"
    )
    article = import_html(markup.encode(), "pier.html")
    assert "lamps.example#part-2" not in article.html
    assert 'href="https://lamps.example/keepers"' in article.html
    assert "the second part" in article.text


@pytest.mark.parametrize(
    "byline",
    [
        '<span class="author-name">Mara Lindqvist</span>',
        '<p class="ArticleByline">By Mara Lindqvist</p>',
        '<div id="zuozhe">作者：林马拉</div>',
        '<div itemprop="author">Mara Lindqvist</div>',
        '<div data-component="Byline">Mara Lindqvist</div>',
        "<author>Mara Lindqvist</author>",
        '<a rel="author" href="https://lamps.example/mara">Mara Lindqvist</a>',
        '<span class="staff-writer">Mara Lindqvist</span>',
    ],
)
def test_every_kind_of_byline_trafilatura_knows_is_still_found(byline: str) -> None:
    markup = BYLINE_PAGE.replace('<div class="byline"><span class="author">', "<div>").replace(
        "Mara Lindqvist</span></div>", byline
    )
    expected = whole(markup)["author"]
    assert expected  # the page is one where trafilatura's search finds a byline
    assert gaps(markup)["author"] == expected
