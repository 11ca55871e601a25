"""The HTML allow-list: what survives sanitizing, what never does, and the plain-text view."""

from __future__ import annotations

import re
import time

import pytest

from reader.importers.sanitize import MAX_DEPTH, html_to_text, sanitize_html
from tests.hostile_images import data_uri, png

# How long sanitizing one hostile page may take before it counts as a hang (seconds).
HANG_GUARD_S = 60


def test_structure_and_text_survive() -> None:
    html = sanitize_html(
        "<div><h2>Heading</h2><p>Some <em>stressed</em> and <strong>strong</strong> words, "
        "<sub>low</sub>, <sup>high</sup>, <mark>marked</mark>.</p>"
        "<ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote>"
        "<table><tr><th>A</th></tr><tr><td colspan='2'>1</td></tr></table>"
        "<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby></div>"
    )
    for fragment in (
        "<h2>Heading</h2>",
        "<em>stressed</em>",
        "<strong>strong</strong>",
        "<li>one</li>",
        "<blockquote><p>quoted</p></blockquote>",
        '<td colspan="2">1</td>',
        "<rt>かん</rt>",
    ):
        assert fragment in html
    assert "<div" not in html


def test_web_and_mail_links_are_kept_with_rel() -> None:
    html = sanitize_html(
        '<a href="https://example.org/x" target="_blank">web</a>'
        ' <a href="mailto:a@example.org">m</a>'
    )
    assert '<a href="https://example.org/x" rel="noopener noreferrer">web</a>' in html
    assert 'href="mailto:a@example.org"' in html
    assert "target" not in html


@pytest.mark.parametrize(
    ("markup", "forbidden"),
    [
        ("<p>a<script>alert(1)</script>b</p>", ["script", "alert"]),
        ('<p onclick="steal()">a</p><img src="assets/a.png" onerror="steal()">', ["steal", "on"]),
        ('<a href="javascript:alert(1)">x</a>', ["javascript", "href"]),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', ["alert", "href"]),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', ["alert", "href"]),
        ('<a href="  javascript:alert(1)">x</a>', ["alert", "href"]),
        ('<a href="vbscript:msgbox(1)">x</a>', ["vbscript", "href"]),
        ('<a href="file:///etc/passwd">x</a>', ["file:", "passwd"]),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', ["data:", "href"]),
        ('<a href="/etc/passwd">x</a>', ["passwd"]),
        ('<iframe src="https://evil.example/">fallback</iframe>', ["iframe", "evil", "fallback"]),
        ('<object data="https://evil.example/x.swf">o</object>', ["object", "evil"]),
        ('<embed src="https://evil.example/x.swf">', ["embed", "evil"]),
        (
            '<form action="https://evil.example/"><input name="pw"><button>Go</button></form>',
            ["form", "input", "button", "evil", "Go"],
        ),
        (
            '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
            ["meta", "refresh", "evil"],
        ),
        ('<link rel="stylesheet" href="https://evil.example/s.css">', ["link", "evil"]),
        ("<style>@import url(https://evil.example/s.css);</style>", ["style", "import", "evil"]),
        ('<p style="background:url(https://evil.example/p.png)">a</p>', ["style", "url(", "evil"]),
        (
            "<svg><script>alert(1)</script><circle r='5'/></svg>",
            ["svg", "script", "alert", "circle"],
        ),
        ("<math><mi>x</mi></math>", ["math", "<mi"]),
        ('<img src="https://tracker.example/pixel.gif" width="1" height="1">', ["img", "tracker"]),
        ('<img src="http://images.example/photo.jpg" alt="photo">', ["img", "images.example"]),
        ('<img src="//images.example/photo.jpg">', ["img", "images.example"]),
        ('<img src="/etc/passwd">', ["img", "passwd"]),
        ('<img src="file:///C:/Windows/win.ini">', ["img", "win.ini"]),
        (r'<img src="\\fileserver\share\a.png">', ["img", "fileserver"]),
        ('<img src="assets/../../etc/passwd.png">', ["img", "passwd"]),
        ('<img src="assets/sub/dir.png">', ["img", "sub/dir"]),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', ["img", "svg"]),
        ('<img src="data:text/html,<script>alert(1)</script>">', ["img", "script"]),
        ("<p>a<!-- a comment -->b</p>", ["comment", "<!--"]),
        ('<a href="https://ok.example/" onmouseover="steal()">x</a>', ["steal", "onmouseover"]),
    ],
)
def test_dangerous_markup_never_survives(markup: str, forbidden: list[str]) -> None:
    html = sanitize_html(markup).lower()
    for word in forbidden:
        assert word.lower() not in html, (markup, html)


def test_embedded_and_asset_images_survive() -> None:
    inline = data_uri(png(4, 3))
    html = sanitize_html(
        f'<img src="{inline}" alt="a"><img src="assets/0123abcd.jpg" width="300" height="abc">'
    )
    assert f'<img src="{inline}" alt="a">' in html
    assert '<img src="assets/0123abcd.jpg" width="300">' in html


def test_blocks_holding_nothing_visible_are_dropped_and_the_text_is_unchanged() -> None:
    # Each would be a blank gap in the pane (an item a bullet with nothing after it).
    page = (
        '<p>One</p><p></p><p class="spacer">&nbsp;</p><h2> </h2><p><br></p>'
        "<blockquote><p> </p></blockquote><ul><li></li></ul><ol><li></li><li>Two</li></ol>"
        '<p><img src="assets/a.png"></p><pre>  </pre><table><tr><td></td><td>3</td></tr></table>'
    )
    cleaned = sanitize_html(page)
    assert cleaned == (
        '<p>One</p><ol><li>Two</li></ol><p><img src="assets/a.png"></p><pre>  </pre>'
        "<table><tbody><tr><td></td><td>3</td></tr></tbody></table>"
    )
    assert html_to_text(cleaned) == html_to_text(page)


def test_links_without_a_safe_target_become_text() -> None:
    html = sanitize_html('<p>see <a href="javascript:x()">this <b>page</b></a> now</p>')
    assert html == "<p>see this <b>page</b> now</p>"


def test_bidi_controls_in_text_are_left_alone() -> None:
    text = "abc \u202eevil\u202c \u200fdef"
    assert html_to_text(sanitize_html(f"<p>{text}</p>")) == text


@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "b", "li", "table", "p"])
def test_ten_thousand_deep_nesting_neither_hangs_nor_overflows(tag: str) -> None:
    markup = f"<{tag}>" * 10_000 + "deep inside" + f"</{tag}>" * 10_000
    started = time.perf_counter()
    html = sanitize_html(markup)
    text = html_to_text(html)
    # A hang guard: at most about a second even on a loaded machine; a recursive walk
    # overflows (RecursionError) long before this depth, and the depth cap is checked below.
    assert time.perf_counter() - started < HANG_GUARD_S
    assert "deep inside" in text
    depth = deepest = 0
    for closing, _name in re.findall(r"<(/?)([a-z0-9]+)", html):
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    assert deepest <= MAX_DEPTH


def test_unclosed_deep_nesting_is_handled() -> None:
    html = sanitize_html("<p>" + "<span><em>" * 20_000 + "tail")
    assert html_to_text(html) == "tail"


def test_plain_text_paragraphs_breaks_and_entities() -> None:
    html = sanitize_html(
        "<h1>Title</h1><p>First   line<br>second &amp; third</p>"
        "<ul><li>one</li><li>two</li></ul><p>x &lt; y</p>"
    )
    assert html_to_text(html) == "Title\n\nFirst line\nsecond & third\n\none\n\ntwo\n\nx < y"


def test_plain_text_of_tables_pre_and_ruby() -> None:
    html = sanitize_html(
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<pre>  indented\n    code</pre><p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字</ruby></p>"
    )
    assert html_to_text(html) == "A\tB\n\n1\t2\n\n  indented\n    code\n\n漢字"


def test_source_line_breaks_inside_chinese_are_not_spaces() -> None:
    assert html_to_text("<p>中文\n段落 and\nEnglish</p>") == "中文段落 and English"


def test_source_line_breaks_beside_supplementary_han_are_not_spaces() -> None:
    # 𠮟 (U+20B9F) is an everyday Japanese kanji outside the BMP.
    assert html_to_text("<p>先生に𠮟\nられた</p>") == "先生に𠮟られた"


def test_source_line_breaks_inside_korean_are_spaces() -> None:
    # Korean spaces its words, as the plain-text importer knows: a break between words is one.
    assert html_to_text("<p>어제는 가족과\n바닷가에 다녀왔습니다.</p>") == (
        "어제는 가족과 바닷가에 다녀왔습니다."
    )


def test_anchors_within_the_article_survive_in_a_safe_shape() -> None:
    html = sanitize_html(
        '<ul><li><a href="#ch2">Chapter two</a></li><li><a href="#a b">Bad</a></li>'
        '<li><a href="#&quot;x">Quote</a></li></ul>'
        '<h2 id="ch2">Chapter two</h2><h3 id="2bad">Starts with a digit</h3>'
        '<p id="ch3-fn1">A footnote</p><h4 id="x" onclick="y">Four</h4>'
        '<p id="a.b">Dotted</p><table><tr><td id="c1">cell</td></tr></table>'
    )
    assert '<a href="#ch2"' in html
    assert 'href="#a b"' not in html and "Bad" in html  # unsafe: the link becomes text
    assert "Quote" in html and 'href="#' + '"' not in html
    assert '<h2 id="ch2">' in html
    assert "<h3>Starts with a digit</h3>" in html
    assert '<p id="ch3-fn1">A footnote</p>' in html
    assert '<h4 id="x">Four</h4>' in html
    # Dots are safe in a name (Markdown footnotes use them) and kept.
    assert '<p id="a.b">Dotted</p>' in html and "<td>cell</td>" in html


def test_the_spacing_inside_table_cells_is_not_text() -> None:
    html = "<table><tr><td>  colza </td><td>\n 12 </td></tr></table><p>a \t b</p>"
    assert html_to_text(html) == "colza\t12\n\na b"


def test_plain_text_of_stray_and_unbalanced_tags() -> None:
    # The text pass reads tags one by one: a close with nothing open, an element left open,
    # text after the last tag and a <br> written as a pair each keep their reading.
    unbalanced = "</pre>a  b<pre> x\n  y</pre></pre>tail  end"
    assert html_to_text(unbalanced) == "a b\n\n x\n  y\n\ntail end"
    assert html_to_text("</rt>a<rt>hid<b>den</b></rt>b<rt>open") == "ab"
    assert html_to_text("x<br></br>y<td>c</td><td> d</td>") == "x\n\ny\tc\td"
    assert html_to_text("<td></td><td>a</td>&amp;<p>\xa0</p>") == "a&"
