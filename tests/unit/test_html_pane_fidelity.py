"""Saved pages read like the original: no site tools in headings, footnote marks kept raised."""

from __future__ import annotations

import re

from reader.importers.html import import_html

LINES = (
    "The ferry left the harbour at seven each morning, loaded with post and the baker's "
    "bread for the islands further out.",
    "On calm days the crossing took forty minutes; in a westerly gale it could take two hours.",
    "The crew kept a book of every crossing, with the weather and the number of passengers.",
)


def imported(body: str, title: str = "Island ferry") -> tuple[str, str]:
    markup = f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}'
    article = import_html((markup + "</body></html>").encode(), "page.html")
    return article.html, article.text


def paragraphs(lines: tuple[str, ...]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_a_wiki_section_edit_link_and_its_brackets_go() -> None:
    heading = (
        '<h2><span class="headline" id="Winter">Winter</span><span class="editsection">'
        '<span class="bracket">[</span><a href="/w/index.php?title=Ferry&amp;action=edit'
        '&amp;section=1" title="Edit section: Winter">edit</a><span class="bracket">]</span>'
        "</span></h2>"
    )
    html, text = imported(f"<article>{paragraphs(LINES[:2])}{heading}{paragraphs(LINES[2:])}")
    assert re.search(r"<h2[^>]*>Winter</h2>", html)
    assert "edit" not in text and "[" not in text


def test_an_edit_link_known_only_by_its_box_goes() -> None:
    # The link leads nowhere that names an editor: only its box's class says what it is
    # (the check skipped on pages naming no such box must still see this one).
    heading = (
        '<h2 id="Winter">Winter <span class="mw-editsection">[<a href="/w/Ferry/section/1">'
        "bearbeiten</a>]</span></h2>"
    )
    html, text = imported(f"<article>{paragraphs(LINES[:2])}{heading}{paragraphs(LINES[2:])}")
    assert re.search(r"<h2[^>]*>Winter\s*</h2>", html)
    assert "bearbeiten" not in text and "[" not in text


def test_an_edit_link_in_plain_brackets_inside_a_heading_goes() -> None:
    heading = '<h3>Summer [<a href="https://wiki.example/Ferry?action=edit">edit</a>]</h3>'
    html, text = imported(f"<article>{paragraphs(LINES[:2])}{heading}{paragraphs(LINES[2:])}")
    assert re.search(r"<h3[^>]*>Summer\s*</h3>", html)
    assert "edit" not in text


def test_a_heading_that_links_to_an_article_about_editing_keeps_its_link() -> None:
    # Only a link that leads to an editor is a tool: words about editing are text.
    heading = '<h2><a href="https://wiki.example/Film_editing">Editing</a> the log</h2>'
    html, _ = imported(f"<article>{paragraphs(LINES[:2])}{heading}{paragraphs(LINES[2:])}")
    assert ">Editing</a> the log</h2>" in html


def test_an_edit_link_in_running_text_stays() -> None:
    # Outside a heading, a link to an editor is something the author wrote about.
    line = (
        'Anyone may correct the timetable on <a href="https://wiki.example/Ferry?action=edit">'
        "the editing page</a> of the harbour wiki, which the crew reads each week."
    )
    _, text = imported(f"<article>{paragraphs(LINES)}<p>{line}</p></article>")
    assert "the editing page of the harbour wiki" in text


def test_a_footnote_mark_before_a_link_stays_raised_and_apart() -> None:
    mark = '<sup id="ref-2" class="reference"><a href="#note-2">[2]</a></sup>'
    line = (
        f"The ferry was replaced in 1987.{mark} "
        '<a href="https://ferry.example/captain">The captain</a> retired the same year, after '
        "thirty years on the crossing."
    )
    notes = '<ol><li id="note-2">Harbour records, 1987.</li></ol>'
    html, text = imported(f"<article>{paragraphs(LINES)}<p>{line}</p>{notes}</article>")
    assert '<sup><a href="#note-2"' in html
    assert "1987.[2] The captain" in text


def test_a_footnote_mark_ending_a_paragraph_stays_raised() -> None:
    line = 'The timetable changed in spring.<sup><a href="#note-1">[1]</a></sup>'
    html, text = imported(f"<article>{paragraphs(LINES)}<p>{line}</p></article>")
    assert '<sup><a href="#note-1"' in html
    assert "\ufdd3" not in html and "\ufdd3" not in text


def test_bold_text_that_opens_with_a_link_stays_bold() -> None:
    line = 'Tickets are sold <b><a href="https://ferry.example/fares">at the pier</a></b>'
    html, _ = imported(f"<article>{paragraphs(LINES)}<p>{line}</p></article>")
    assert '<b><a href="https://ferry.example/fares"' in html


def test_a_table_that_lays_out_the_page_becomes_plain_blocks() -> None:
    layout = (
        "<table><tr><td><p>Crossings</p></td><td><h2>The winter timetable</h2>"
        f"{paragraphs(LINES)}</td></tr></table>"
    )
    html, text = imported(f"<article>{layout}</article>")
    assert "<table" not in html and "<td" not in html
    assert re.search(r"<h2[^>]*>The winter timetable</h2>", html)
    assert LINES[0] in text and "\t" not in text


def test_a_box_of_one_cell_is_no_table() -> None:
    box = f"<table><tr><td>{paragraphs(LINES[1:])}</td><td> </td></tr></table>"
    html, text = imported(f"<article>{paragraphs(LINES[:1])}{box}</article>")
    assert "<table" not in html
    assert LINES[2] in text


def test_a_table_of_data_stays_a_table() -> None:
    rows = "".join(
        f"<tr><td>{day}</td><td><p>07:00</p><p>by the north pier</p></td><td>{count}</td></tr>"
        for day, count in (("Monday", 41), ("Tuesday", 38), ("Wednesday", 52))
    )
    table = f"<table><tr><th>Day</th><th>Sailing</th><th>Passengers</th></tr>{rows}</table>"
    html, _ = imported(f"<article>{paragraphs(LINES)}{table}</article>")
    assert html.count("<td") == 9


def test_an_empty_spacer_table_goes() -> None:
    spacer = (
        '<table><tr><td>&nbsp;</td><td><img src="spacer.gif" width="8" height="8"></td></tr>'
        "</table>"
    )
    html, _ = imported(f"<article>{paragraphs(LINES[:2])}{spacer}{paragraphs(LINES[2:])}</article>")
    assert "<table" not in html


def test_an_empty_row_of_a_data_table_goes() -> None:
    # The last row's spacer image has no address to load it from: only borders would show.
    rows = "".join(f"<tr><td>{day}</td><td>{n}</td></tr>" for day, n in (("Mon", 41), ("Tue", 38)))
    spacer = '<tr><td>&nbsp;</td><td><img src="spacer.gif" width="8" height="8"></td></tr>'
    table = f"<table><tr><th>Day</th><th>Passengers</th></tr>{rows}{spacer}</table>"
    html, _ = imported(f"<article>{paragraphs(LINES)}{table}</article>")
    assert html.count("<tr") == 3
