"""Definition lists the extractor dropped or broke up between two kept paragraphs."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html

BEFORE = "Mandatory arguments to long options are mandatory for short options too."
AFTER = "Written by the harbour master of the north pier, who keeps the tide tables."

# A man page as converters write it: the options list stands directly in <body>.
MAN_PAGE = (
    "<html><head><title>TIDE(1)</title></head><body><h1>TIDE</h1><h2>NAME</h2>"
    "<p>tide - print the harbour's tide table</p><h2>DESCRIPTION</h2>"
    "<p>Print the times of high and low water for each port, in the port's local time.</p>"
    f"<p>{BEFORE}</p><dl><dt><b>-a</b>, <b>--all</b></dt><dd>print every tide of the day</dd>"
    "<dt><b>-d</b>, <b>--days</b>=<i>N</i></dt><dd>print the next N days rather than today</dd>"
    "<dt><b>--metres</b></dt><dd>give heights in metres, not feet</dd>"
    "<dt><b>-q</b>, <b>--quiet</b></dt><dd>print only the times, without the heights</dd></dl>"
    f"<h2>AUTHOR</h2><p>{AFTER}</p></body></html>"
)

# mandoc's output: each term a permalinked <code>, the list in the section's box.
MANDOC_PAGE = (
    '<html><head><title>TIDE(1)</title></head><body><div class="manual-text">'
    '<section class="Sh"><h1 class="Sh" id="D">DESCRIPTION</h1>'
    '<p class="Pp">The tide utility prints the times of high and low water for each port.</p>'
    f'<p class="Pp">{BEFORE}</p><dl class="Bl-tag">'
    '<dt id="a"><a class="permalink" href="#a"><code class="Fl">-a</code></a></dt>'
    "<dd>Print every tide of the day, the small ones too.</dd>"
    '<dt id="q"><a class="permalink" href="#q"><code class="Fl">-q</code></a></dt>'
    "<dd>Print only the times, without the heights.</dd></dl>"
    f'<p class="Pp">{AFTER}</p></section></div></body></html>'
)

# DocBook's variablelist: the <dl> in a box of its own, each definition a paragraph.
DOCBOOK_PAGE = (
    '<html><head><title>Chapter 2. Lamps</title></head><body><div class="chapter">'
    '<h2 class="title">Chapter 2. Lamps</h2>'
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked out.</p>"
    f'<p>{BEFORE}</p><div class="variablelist"><dl class="variablelist">'
    '<dt><span class="term"><code class="literal">steady</code></span></dt>'
    "<dd><p>The flame burns without a break from dusk until dawn.</p></dd>"
    '<dt><span class="term"><code class="literal">flashing</code></span></dt>'
    "<dd><p>A shutter covers the flame once every four seconds.</p></dd>"
    '<dt><span class="term"><code class="literal">dark</code></span></dt>'
    "<dd><p>The lamp is not lit, for repairs or in a calm summer.</p></dd></dl></div>"
    f"<p>{AFTER}</p></div></body></html>"
)


def pairs(page: str) -> list[tuple[str, str]]:
    """The imported article's terms and definitions, in order, each tag with its text."""
    tree = lxml.html.fromstring(import_html(page.encode(), "tide.html").html)
    return [(e.tag, " ".join(e.text_content().split())) for e in tree.iter("dt", "dd")]


def blocks(page: str) -> list[str]:
    tree = lxml.html.fromstring(import_html(page.encode(), "tide.html").html)
    return [e.tag for e in tree.iter("p", "dl", "pre", "h1", "h2", "h3")]


def test_a_man_pages_options_list_standing_in_body_is_kept() -> None:
    assert pairs(MAN_PAGE) == [
        ("dt", "-a, --all"),
        ("dd", "print every tide of the day"),
        ("dt", "-d, --days=N"),
        ("dd", "print the next N days rather than today"),
        ("dt", "--metres"),
        ("dd", "give heights in metres, not feet"),
        ("dt", "-q, --quiet"),
        ("dd", "print only the times, without the heights"),
    ]
    # In its place: after the paragraph before it, before the next section's heading.
    assert blocks(MAN_PAGE)[-4:] == ["p", "dl", "h2", "p"]


def test_mandocs_terms_left_as_loose_code_come_back_as_the_list() -> None:
    assert pairs(MANDOC_PAGE) == [
        ("dt", "-a"),
        ("dd", "Print every tide of the day, the small ones too."),
        ("dt", "-q"),
        ("dd", "Print only the times, without the heights."),
    ]
    assert "pre" not in blocks(MANDOC_PAGE)  # the terms are no code blocks of their own


def test_a_docbook_variablelist_kept_in_pieces_comes_back_whole() -> None:
    assert [tag for tag, _ in pairs(DOCBOOK_PAGE)] == ["dt", "dd"] * 3
    assert pairs(DOCBOOK_PAGE)[:2] == [
        ("dt", "steady"),
        ("dd", "The flame burns without a break from dusk until dawn."),
    ]
    assert blocks(DOCBOOK_PAGE)[-3:] == ["p", "dl", "p"]


def test_a_list_of_links_between_the_paragraphs_stays_out() -> None:
    links = (
        '<dl><dt><a href="/a">Tides of the south pier</a></dt><dd><a href="/b">Read on</a></dd>'
        '<dt><a href="/c">The lamp room</a></dt><dd><a href="/d">Read on</a></dd></dl>'
    )
    page = MAN_PAGE.split("<dl>")[0] + links + "<h2>AUTHOR</h2>" + f"<p>{AFTER}</p></body></html>"
    assert pairs(page) == []


def test_the_terms_of_a_list_put_back_keep_their_bold_and_code() -> None:
    """An option's name is bold (a man page) or code (mandoc, DocBook): the list put back
    read each term as plain text."""
    terms = {
        MAN_PAGE: ["<b>-a</b>, <b>--all</b>", "<b>-d</b>, <b>--days</b>=<i>N</i>"],
        MANDOC_PAGE: ["<code>-a</code>", "<code>-q</code>"],
        DOCBOOK_PAGE: ["<code>steady</code>", "<code>flashing</code>", "<code>dark</code>"],
    }
    for page, expected in terms.items():
        html = import_html(page.encode(), "tide.html").html
        written = [
            lxml.html.tostring(dt, encoding="unicode")
            for dt in lxml.html.fromstring(html).iter("dt")
        ]
        assert [w.removeprefix("<dt>").removesuffix("</dt>") for w in written][
            : len(expected)
        ] == expected
