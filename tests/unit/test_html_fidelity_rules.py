"""Structure the importer keeps from real-world page habits: gallery links, repeated text."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.html import import_html
from reader.importers.sanitize import sanitize_html
from reader.importers.structure import (
    REPEAT_MARK,
    RUN_MARK,
    document_html,
    mark_repeated_paragraphs,
    prepare_source,
)

LINES = (
    "The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening.",
    "In winter the walk was made with a lantern, since the wind put out the matches.",
    "The keeper's log records every lamp that failed, and the hour it was lit again.",
)


def imported(body: str) -> tuple[str, str]:
    markup = f'<html><head><meta charset="utf-8"><title>Pier lamps</title></head><body>{body}'
    article = import_html((markup + "</body></html>").encode(), "page.html")
    return article.html, article.text


def paragraphs(lines: tuple[str, ...]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_an_image_inside_a_gallery_link_is_kept() -> None:
    # A figure whose image opens the gallery at `#img-2`: an empty in-page link, like a
    # permalink mark, but holding the figure's image.
    figure = (
        '<figure><a href="#img-2"><img src="https://pier.example/lamp.jpg" alt="The north '
        'lamp at dusk"></a><figcaption>The north lamp</figcaption></figure>'
    )
    html, _ = imported(f"<article>{paragraphs(LINES[:2])}{figure}{paragraphs(LINES[2:])}</article>")
    assert 'alt="The north lamp at dusk"' in html


def test_a_permalink_mark_still_goes() -> None:
    heading = '<h2>Winter <a href="#winter">¶</a></h2>'
    html, text = imported(
        f"<article>{paragraphs(LINES[:1])}{heading}{paragraphs(LINES[1:])}</article>"
    )
    assert "¶" not in text and "<h2>Winter</h2>" in html


def test_a_paragraph_the_page_repeats_stays_repeated() -> None:
    refrain = LINES[0]
    body = paragraphs((LINES[1], refrain, refrain, LINES[2]))
    html, text = imported(f"<article>{body}</article>")
    assert text.count(refrain) == 2
    assert "\u2064" not in html and "\u2064" not in text


def test_a_text_block_the_page_repeats_stays_repeated() -> None:
    # The same as above, with the paragraphs written as <div>s of bare text.
    refrain = LINES[0]
    body = "".join(f"<div>{line}</div>" for line in (LINES[1], refrain, refrain, LINES[2]))
    html, text = imported(f"<article>{body}</article>")
    assert text.count(refrain) == 2
    assert "\u2064" not in html and "\u2064" not in text


def test_every_line_of_a_run_of_equal_link_lines_is_judged_alike() -> None:
    # Four lines that each hold one short link, alike in text, each to its own file: the
    # extractor judged every other one (the one carrying the repeat mark) unlike the rest.
    files = ("lamps.pdf", "log.pdf", "pier.pdf", "wind.pdf")
    links = "".join(f'<p><a href="https://pier.example/{name}">PDF</a></p>' for name in files)
    body = f"<article>{paragraphs(LINES[:2])}<p>The keeper's files</p>{links}"
    html, text = imported(f"{body}{paragraphs(LINES[2:])}</article>")
    assert [name for name in files if f"https://pier.example/{name}" in html] == list(files)
    assert text.count("PDF") == 4
    assert "\u2063" not in html and "\u2064" not in html


def test_a_blank_line_of_line_breaks_ends_a_paragraph() -> None:
    body = f"<article><p>{LINES[0]}<br><br>{LINES[1]}<br>{LINES[2]}<br><br><br></p></article>"
    html, text = imported(body)
    assert f"<p>{LINES[0]}</p>" in html
    assert f"<p>{LINES[1]}<br>{LINES[2]}</p>" in html  # a single break stays a line break
    assert f"{LINES[0]}\n\n{LINES[1]}\n{LINES[2]}" in text


def test_a_protocol_relative_image_is_a_web_image() -> None:
    figure = '<p><img src="//cdn.pier.example/lamp.jpg" alt="The north lamp"></p>'
    body = f"<article>{paragraphs(LINES[:2])}{figure}{paragraphs(LINES[2:])}</article>"
    markup = f"<html><head><title>Pier lamps</title></head><body>{body}</body></html>"
    article = import_html(markup.encode(), "page.html")
    assert list(article.remote_images.values()) == ["https://cdn.pier.example/lamp.jpg"]
    assert 'alt="The north lamp"' in article.html


# A 10x10 GIF, the grey square a lazy-loading page shows before its script runs.
STAND_IN = (
    "data:image/gif;base64,R0lGODlhCgAKAIAAAB8fHwAAACH5BAEAAAAALAAAAAAKAAoAAAIIhI+py+0PYysAOw=="
)


def test_a_lazy_loading_stand_in_gives_way_to_the_real_image() -> None:
    figure = (
        f'<p><img src="{STAND_IN}" data-src="https://pier.example/chart.png" '
        'alt="Lamps lit per year"></p>'
    )
    body = f"<article>{paragraphs(LINES[:2])}{figure}{paragraphs(LINES[2:])}</article>"
    markup = f"<html><head><title>Pier lamps</title></head><body>{body}</body></html>"
    article = import_html(markup.encode(), "page.html")
    assert list(article.remote_images.values()) == ["https://pier.example/chart.png"]
    assert article.assets == {}


def test_the_title_is_not_repeated_below_a_dateline() -> None:
    body = f"<article><p>08.04.2015 12:46</p><h1>Pier lamps</h1>{paragraphs(LINES)}</article>"
    html, text = imported(body)
    assert "<h1>" not in html and "Pier lamps" not in text
    # The dateline itself, a line of its own at the top, is the page's (see datelines.py).
    assert text.startswith(LINES[0][:30]) and "12:46" not in text


def test_the_title_with_a_section_suffix_is_not_repeated_as_a_heading() -> None:
    body = f"<article><h2>Pier lamps</h2>{paragraphs(LINES)}</article>"
    markup = f"<html><head><title>Pier lamps | Notes</title></head><body>{body}</body></html>"
    article = import_html(markup.encode(), "page.html")
    assert article.title == "Pier lamps | Notes"
    assert "<h2>" not in article.html


def test_a_section_heading_named_like_the_start_of_the_title_stays() -> None:
    body = f"<article>{paragraphs(LINES[:2])}<h2>Pier</h2>{paragraphs(LINES[2:])}</article>"
    markup = f"<html><head><title>Pier lamps</title></head><body>{body}</body></html>"
    assert "<h2>Pier</h2>" in import_html(markup.encode(), "page.html").html


def test_a_highlighted_code_table_becomes_a_code_block_without_line_numbers() -> None:
    code = (
        '<table><tbody><tr><td class="linenos"><pre>1\n2</pre></td><td class="code"><pre>'
        "lamp.light()\nlamp.dim(0.5)</pre></td></tr></tbody></table>"
    )
    html, _ = imported(f"<article>{paragraphs(LINES[:2])}{code}{paragraphs(LINES[2:])}</article>")
    assert "<td>" not in html
    assert "<pre><code>lamp.light()\nlamp.dim(0.5)</code></pre>" in html


def test_a_table_of_real_data_stays_a_table() -> None:
    table = "<table><tr><td>Pier</td><td>12</td></tr><tr><td>Quay</td><td>7</td></tr></table>"
    html, _ = imported(f"<article>{paragraphs(LINES[:2])}{table}{paragraphs(LINES[2:])}</article>")
    assert "<td>Quay</td>" in html


def test_a_one_row_table_of_numbers_stays_a_table() -> None:
    table = "<table><tr><td>12</td><td>7</td></tr></table>"
    html, _ = imported(f"<article>{paragraphs(LINES[:2])}{table}{paragraphs(LINES[2:])}</article>")
    assert "<td>12</td>" in html


def test_a_feed_entry_repeating_a_paragraph_keeps_no_mark() -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body>{paragraphs((LINES[0], LINES[0]))}</body></html>"
    )
    prepare_source(tree)  # the preparation feeds and books use: no extraction to undo a mark
    assert REPEAT_MARK not in tree.text_content()


def test_each_paragraph_of_a_run_of_repeats_carries_one_mark_unlike_its_neighbours() -> None:
    chorus = "<p>Light the lamps </p>"  # a space before the mark: still the same text
    tree = lxml.html.document_fromstring(f"<html><body>{chorus * 3}<p>Done</p></body></html>")
    mark_repeated_paragraphs(tree)
    ends = [paragraph.text_content()[-1] for paragraph in tree.iter("p")]
    assert ends == [RUN_MARK, REPEAT_MARK, RUN_MARK, "e"]


def test_a_div_of_the_extractors_blocks_leaves_them_at_the_top_level() -> None:
    """The extractor's recall path returns some blocks inside a <div>: made a <span> it was
    an inline element around paragraphs and headings (48 of 2,000 corpus pages)."""
    xml = (
        f"<body><div><p>{LINES[0]}</p><head rend='h2'>Winter</head><p>{LINES[1]}</p></div>"
        f"<p>{LINES[2]}</p></body>"
    )
    html = sanitize_html(document_html(etree.fromstring(xml)))
    assert "<span" not in html
    tree = lxml.html.fragment_fromstring(html, create_parent="body")
    assert [child.tag for child in tree] == ["p", "h2", "p", "p"]
    assert [child.text_content() for child in tree] == [LINES[0], "Winter", *LINES[1:]]


def test_markup_inside_inline_code_keeps_its_words_in_place() -> None:
    """The extractor moved an emphasis or a code inside code to the end of the paragraph,
    words and all ("Call open( to read the file … path, mode)")."""
    sentence = (
        "Call <code>open(<em><code>path</code></em>, <var>mode</var>)</code> to read the "
        "file, and close it once the keeper has copied the night's entries."
    )
    html, text = imported(paragraphs(LINES[:2]) + f"<p>{sentence}</p>" + paragraphs(LINES[2:]))
    assert "Call open(path, mode) to read the file, and close it" in text
    assert "<code>open(path, mode)</code>" in html


def test_a_file_name_with_a_placeholder_stays_in_its_sentence() -> None:
    """DocBook marks each placeholder of a file name (`<em class="replaceable">`); the name
    came out at the end of its sentence ("dquilt new  设置补丁名称； bugname.patch")."""
    name = '<code class="filename"><em class="replaceable"><code>bugname</code></em>.patch</code>'
    sentence = f"用 dquilt new {name} 设置补丁名称，然后用 dquilt add 声明要修改的文件。"
    _html, text = imported(paragraphs(LINES[:2]) + f"<p>{sentence}</p>" + paragraphs(LINES[2:]))
    assert "用 dquilt new bugname.patch 设置补丁名称，然后" in text


def test_a_code_block_keeps_its_markup() -> None:
    """Only code within the text loses its markup: the extractor keeps a block's in place."""
    block = "<pre><code>lamps = <em>count</em> + 1\nlog(<b>lamps</b>)</code></pre>"
    html, text = imported(paragraphs(LINES[:2]) + block + paragraphs(LINES[2:]))
    assert "<i>count</i>" in html and "<b>lamps</b>" in html
    assert "lamps = count + 1\nlog(lamps)" in text


def _switch(mac: str, default: str, n: int) -> str:
    """LibreOffice's help: a name for each system, all hidden until the page's script runs."""
    return (
        f'<span id="swlnsystextsharedguide_{n}" class="switchinline">'
        f'<span hidden="true" id="MACtextsharedguide_{n}" class="MAC">{mac}</span>'
        f'<span hidden="true" id="defaulttextsharedguide_{n}">{default}</span></span>'
    )


def test_of_a_pages_hidden_alternatives_the_default_one_shows() -> None:
    """Every alternative dropped as hidden, the sentence lost its word ("Press +C to copy");
    shown, the extractor still deleted it as a menu ("menuitem") or a share button (an id
    holding "shared")."""
    key = _switch('<span class="keycode">Command</span>', '<span class="keycode">Ctrl</span>', 1)
    menu = _switch(
        '<span class="menuitem">LibreOffice - Preferences</span>',
        '<span class="menuitem">Tools - Options</span>',
        2,
    )
    steps = (
        f'<p>Press <span class="keycode">Shift+</span>{key}<span class="keycode">+C</span> to '
        "copy the keeper's entries for the night into the harbour master's log.</p>"
        f"<p>To change where the log is kept, choose {menu}"
        '<span class="menuitem"> - Paths</span> and pick another folder for the copies.</p>'
    )
    _html, text = imported(paragraphs(LINES[:2]) + steps + paragraphs(LINES[2:]))
    assert "Press Shift+Ctrl+C to copy the keeper's entries" in text
    assert "choose Tools - Options - Paths and pick another folder" in text
    assert "Command" not in text and "Preferences" not in text
