"""Nesting caps: a page nested deeper than any article keeps its text, and every pass after the
parse (the extractor, the sanitizer's parser) sees a bounded depth."""

from __future__ import annotations

import re

import lxml.html
import pytest

from reader.importers import sanitize
from reader.importers.html import import_html, parse_document
from reader.importers.nesting import MAX_SOURCE_DEPTH, cap_nesting
from reader.importers.sanitize import MAX_DEPTH, MAX_TABLE_DEPTH, html_to_text, sanitize_html


def markup_depth(markup: str) -> int:
    """The deepest nesting of well-formed markup, counted on its tags."""
    depth = deepest = 0
    for closing, _name in re.findall(r"<(/?)([a-z0-9]+)", markup):
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


def tree_depth(tree: lxml.html.HtmlElement) -> int:
    return max(sum(1 for _ in element.iterancestors()) for element in tree.iter())


def nested(tag: str, depth: int, text: str) -> str:
    return f"<{tag}>" * depth + text + f"</{tag}>" * depth


def test_cap_keeps_the_text_and_drops_only_the_tags_beyond_it() -> None:
    capped = cap_nesting("<p>before</p>" + nested("div", 500, "deep") + "<p>after</p>", 10)
    assert markup_depth(capped) == 10
    assert capped == "<p>before</p>" + nested("div", 10, "deep") + "<p>after</p>"


def test_closing_a_kept_element_closes_the_dropped_ones_inside_it() -> None:
    markup = "<div><section>" + "<span>" * 50 + "x</section><b>y</b></div>"
    capped = cap_nesting(markup, 4)
    assert capped == "<div><section><span><span>x</section><b>y</b></div>"


def test_well_formed_pages_and_omitted_end_tags_are_left_alone() -> None:
    rows = "".join(f"<tr><td><p>cell {n}<td>{n}" for n in range(500))  # end tags all omitted
    items = "".join(f"<li>item {n}" for n in range(500))
    markup = (
        "<!DOCTYPE html><html><head><title>a < b</title><script>if (a<b) {}</script></head>"
        f"<body><!-- <div><div> --><table>{rows}</table><ul>{items}</ul>"
        + nested("div", 40, "<img src=x><br/><svg><path/></svg>text")
        + "</body></html>"
    )
    assert cap_nesting(markup, 48) == markup


@pytest.mark.parametrize("depth", [300, 50_000])
def test_a_page_nested_past_the_parsers_limit_keeps_all_its_text(depth: int) -> None:
    # libxml2 stops reading at 255 levels: the deep text and everything after it were lost.
    body = (
        "<p>The harbour lights went on at dusk.</p>"
        + nested("div", depth, "Deep down, the ferry kept its timetable.")
        + "<p>After the nesting, the story goes on.</p>"
    )
    page = f"<html><head><title>Deep</title></head><body>{body}</body></html>"
    tree = parse_document(page)
    assert tree_depth(tree) <= MAX_SOURCE_DEPTH
    text = import_html(page.encode(), "deep.html").text
    assert "Deep down, the ferry kept its timetable." in text
    assert "After the nesting, the story goes on." in text


def test_markup_that_misleads_the_estimate_still_parses_to_its_end() -> None:
    # libxml2 nests `<li>` inside the open `<div>`, where the estimate sees a list item
    # closing the one before it: the depth is judged again, counting every open element.
    page = "<html><body>" + "<li><div>" * 20_000 + "Bottom line.</body></html>"
    tree = parse_document(page)
    assert MAX_SOURCE_DEPTH // 4 < tree_depth(tree) <= MAX_SOURCE_DEPTH  # not flattened whole
    assert "Bottom line." in tree.text_content()


class Spy:
    """The real cleaner, recording what it is given."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.fragments: list[str] = []

    def clean(self, fragment: str) -> str:
        self.fragments.append(fragment)
        return self.real.clean(fragment)  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("tag", ["div", "blockquote", "section"])
def test_the_sanitizers_parser_sees_a_bounded_depth(
    tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # nh3's parser walks the open elements for each of these tags: quadratic in the depth.
    spy = Spy(sanitize._CLEANER)
    monkeypatch.setattr(sanitize, "_CLEANER", spy)
    html = sanitize_html("<p>Intro.</p>" + nested(tag, 50_000, "deep inside") + "<p>Outro.</p>")
    assert [markup_depth(fragment) for fragment in spy.fragments] == [4 * MAX_DEPTH]
    assert html_to_text(html) == "Intro.\n\ndeep inside\n\nOutro."


def test_tables_nested_deeper_than_the_pane_lays_out_are_flattened_into_their_text() -> None:
    # Qt lays out a nested table once per measuring pass of the table around it: the work
    # doubles with each level, and twelve levels around one paragraph took seconds.
    cells = "<td>left</td><td>right</td></tr><tr><td>below</td></tr></table>"
    html = sanitize_html("<table><tr><td>" * 12 + "<p>The core.</p>" + cells * 12)
    assert html.count("<table>") == MAX_TABLE_DEPTH
    text = html_to_text(html)
    assert text.startswith("The core.\n\nleft right\nbelow")
    assert text.count("left") == text.count("right") == text.count("below") == 12


def test_tables_in_tables_up_to_the_cap_are_kept() -> None:
    levels = MAX_TABLE_DEPTH
    html = sanitize_html("<table><tr><td>" * levels + "x" + "</td></tr></table>" * levels)
    assert html == "<table><tbody><tr><td>" * levels + "x" + "</td></tr></tbody></table>" * levels


def test_empty_rows_of_a_flattened_table_add_no_lines() -> None:
    html = sanitize_html("<table><tr><td>" * 50 + "x" + "</td></tr><tr><td></td></tr></table>" * 50)
    assert html.count("<br>") == 1
    assert html_to_text(html).strip() == "x"


def test_markup_with_no_more_tags_than_the_cap_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    class Unread:
        def finditer(self, markup: str) -> object:
            raise AssertionError("markup this shallow was scanned for its depth")

    markup = "<p>" + "<b>" * 6 + "text</p>"  # 8 tags, all the "<" there are
    monkeypatch.setattr("reader.importers.nesting._TOKEN", Unread())
    assert cap_nesting(markup, 8) == markup
    with pytest.raises(AssertionError):
        cap_nesting(markup, 7)  # one "<" more than the cap: it is read


def test_the_cap_is_reached_exactly_by_markup_of_as_many_tags() -> None:
    assert cap_nesting("<i>" * 5 + "x", 5) == "<i>" * 5 + "x"
    assert cap_nesting("<i>" * 6 + "x", 5) == "<i>" * 5 + "x"


def test_an_end_tag_closes_the_innermost_element_of_its_name_dropped_or_kept() -> None:
    # The kept `<span>` is the innermost kept element, but the first `</span>` ends the dropped
    # one inside it: the end tag that closes the kept one is the second.
    markup = "<div><span><span>x</span>y</span><p>z<p>w</div>"
    assert cap_nesting(markup, 2) == "<div><span>xy</span><p>z<p>w</div>"
    assert cap_nesting(markup, 2, implied_ends=False) == "<div><span>xy</span><p>zw</div>"
