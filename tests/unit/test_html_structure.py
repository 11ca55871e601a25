"""Article structure kept by the HTML importer: inline code, code blocks, tables, lists."""

from __future__ import annotations

from pathlib import Path

from reader.importers.html import import_html
from reader.importers.sanitize import html_to_text

DATA = Path(__file__).parent.parent / "data" / "html"


def imported(name: str) -> tuple[str, str, str]:
    article = import_html((DATA / name).read_bytes(), name)
    return article.title, article.html, article.text


class TestDocsPage:
    title, html, text = imported("docs-inline-code.html")

    def test_inline_code_stays_in_its_sentence(self) -> None:
        assert "The daemon reads lantern.conf at start-up and writes a lock file" in self.text
        assert "<code>lantern.conf</code>" in self.html
        assert "<pre><code>lantern.conf" not in self.html

    def test_a_link_inside_code_keeps_its_place(self) -> None:
        assert "can be inspected via mod_glow when the lamp is lit at dusk." in self.text
        assert "mod_glow</code></a> when the lamp" in self.html

    def test_menu_spans_keep_their_text(self) -> None:
        assert "choose Tools - Options, and then click the Lamp icon" in self.text
        assert "Choose Format - Lamp Colour to open the dialog" in self.text

    def test_code_block_is_pre_code_and_keeps_its_lines(self) -> None:
        assert "<pre><code>[lamp]\ncolour = amber\nlight_at = 19:00" in self.html
        assert "[lamp]\ncolour = amber\n" in self.text

    def test_permalink_marks_go_and_the_title_is_not_repeated(self) -> None:
        assert "¶" not in self.text
        assert self.title == "Configuring the lantern daemon"
        assert not self.text.startswith("Configuring the lantern daemon")
        assert "<h2>Example</h2>" in self.html

    def test_headings_lists_blockquote_and_definitions(self) -> None:
        assert "<h3>Options</h3>" in self.html and "<h4>Notes on colours</h4>" in self.html
        assert "<dt><code>colour</code></dt><dd>The colour of the glass" in self.html
        assert "<li>Amber is the default.<ul><li>It was chosen" in self.html
        assert "<blockquote><p>Light the lamp before the fog" in self.html

    def test_text_is_the_text_of_the_html(self) -> None:
        assert self.text == html_to_text(self.html)


class TestTablePage:
    title, html, text = imported("table.html")

    def test_table_is_kept_as_a_table(self) -> None:
        assert self.html.count("<tr>") == 4
        assert "<th>Height (cm)</th>" in self.html
        assert "<td>412345</td>" in self.html

    def test_each_row_is_one_line_of_cells(self) -> None:
        assert "1\t06:12\t412345" in self.text
        assert "Day\tHigh water\tHeight (cm)" in self.text


def test_docbook_subsection_headings_are_kept_in_order() -> None:
    _, html, text = imported("docbook-sections.html")
    headings = ("<h3>2.1. Wicks</h3>", "<h3>2.2. Glass</h3>", "<h4>2.2.1. Cracked glass</h4>")
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert html.index("Spare wicks") < positions[1] < html.index("cleaned on Sundays")
    assert "2.2.1. Cracked glass\n\nA cracked glass" in text


class TestShortPageOfATable:
    """Too short for the extractor's scoring: the page's own markup is the article."""

    title, html, text = imported("short-table-page.html")

    def test_the_table_stays_a_table_with_a_row_per_line(self) -> None:
        assert self.html.count("<tr>") == 4
        assert "Oil\tTins\tHours per tin\n\ncolza\t12\t40\n\nparaffin\t30\t55" in self.text

    def test_the_navigation_and_the_repeated_title_go(self) -> None:
        assert self.title == "3.4. Lamp oils"
        assert self.text.startswith("The store keeps these oils.\n\nTable 3.4. Oils in the store")
        for chrome in ("Prev", "Next", "Home", "Chapter 3. Supplies"):
            assert chrome not in self.text

    def test_no_empty_paragraphs_stand_for_the_boxes(self) -> None:
        assert "<p></p>" not in self.html.replace(" ", "").replace("\n", "")


def test_a_page_of_nothing_but_navigation_keeps_its_text() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Contents</title></head><body><nav><ul>'
        '<li><a href="a.html">Lamps</a></li><li><a href="b.html">Wicks</a></li></ul></nav>'
        "</body></html>"
    )
    assert "Lamps" in import_html(page.encode(), "contents.html").text


def test_footnotes_are_kept_at_the_end_and_linked_both_ways() -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><article><h1>Lamps</h1><p>The lamps '
        'were lit at dusk<sup id="ref-1"><a href="#note-1">1</a></sup> by the keeper, who '
        "walked the length of the pier twice each evening to check every wick.</p><p>In winter "
        "the walk was made with a lantern, since the wind off the sea put out the matches.</p>"
        '<div class="footnotes"><ol><li id="note-1"><p>Or at six in winter, whichever came '
        'first. <a href="#ref-1">\u21a9</a></p></li></ol></div></article></body></html>'
    )
    article = import_html(page.encode(), "notes.html")
    assert article.text.endswith("Or at six in winter, whichever came first. \u21a9")
    assert 'href="#note-1"' in article.html and '<li id="note-1">' in article.html
    assert 'href="#ref-1"' in article.html and 'id="ref-1"' in article.html


def test_a_note_named_by_an_anchor_is_found_and_a_name_used_twice_is_not() -> None:
    # Targets are found by `id` or by `<a name>`; a name that two elements claim leads
    # nowhere for sure, and neither gets it.
    page = (
        '<html><head><meta charset="utf-8"></head><body><article><h1>Lamps</h1><p>The lamps '
        'were lit at dusk<sup><a href="#n1">1</a></sup> by the keeper, who walked the pier '
        'twice each evening<sup><a href="#n2">2</a></sup> to check every wick.</p><p>In '
        "winter the walk was made with a lantern, since the wind put out the matches.</p>"
        '<ol><li><a name="n1">Or at six in winter, whichever came first.</a></li>'
        '<li id="n2">Once at seven and again at ten.</li><li id="n2">A second note.</li></ol>'
        "</article></body></html>"
    )
    html = import_html(page.encode(), "notes.html").html
    assert '<li id="n1">' in html
    assert 'id="n2"' not in html


def test_what_the_page_never_shows_is_not_imported() -> None:
    visible = (
        "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length "
        "of the pier twice each evening to check every wick.</p>"
    )
    hidden = (
        "<div hidden><p>Template text that a script would fill in later.</p></div>"
        '<p style="display: none">A paragraph the page keeps out of sight.</p>'
        '<p style="visibility:hidden">Another paragraph nobody sees.</p>'
        '<p aria-hidden="true">Screen readers skip this line of text.</p>'
    )
    page = f'<html><head><meta charset="utf-8"></head><body><article>{visible}{hidden}'
    page += f"{visible.replace('north', 'south')}</article></body></html>"
    text = import_html(page.encode(), "page.html").text
    assert "north pier" in text and "south pier" in text
    for gone in ("Template text", "out of sight", "nobody sees", "Screen readers"):
        assert gone not in text
