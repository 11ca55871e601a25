"""Running text written straight into a box beside headings reads as whole paragraphs."""

from __future__ import annotations

from reader.importers.html import import_html

OPENING = "I have written a few posts this year, but all of them went to"
LINK = '<a href="https://example.org/work">the harbour newsletter</a>'
CLOSING = "so this one is long overdue for the pier's own log, with its winter lamps."
SECTION = (
    "The keeper lit the north lamp at dusk and the south lamp an hour later, and wrote down "
    "each lighting in the log with the weather and the state of the sea."
)


def test_loose_text_with_a_link_stays_one_paragraph() -> None:
    post = (
        f"<div class='post-body'>{OPENING} {LINK} {CLOSING}<br><h2>The lamps</h2>"
        f"<br>{SECTION}<br>{SECTION} {LINK} again.<br></div>"
    )
    page = f"<html><head><title>Lamps</title></head><body>{post}</body></html>"
    html = import_html(page.encode(), "lamps.html").html
    assert f"<p>{OPENING} <a" in html
    assert f"the harbour newsletter</a> {CLOSING}" in html
    assert "<h2>The lamps</h2>" in html


def test_inline_boxes_around_blocks_are_not_joined_into_one_paragraph() -> None:
    steps = "".join(
        f"<span><div class='step'><p>{SECTION} Step {n}.</p></div></span>" for n in range(1, 4)
    )
    post = f"<div><h2>The lamps</h2>{steps}</div>"
    page = f"<html><head><title>Lamps</title></head><body>{post}</body></html>"
    html = import_html(page.encode(), "lamps.html").html
    assert html.count("<p>") == 3


def test_a_photo_box_s_caption_line_is_not_made_a_paragraph() -> None:
    # A news page's photo box: the image in its own paragraph, then a line of caption words
    # with a credit inside. Made a paragraph, both extractions kept each such line as text.
    def photo(n: int) -> str:
        return (
            f"<div class='photo'><p><img src='https://example.org/lamp{n}.jpg' alt='Lamp'></p>"
            f"<span class='line'>Lamp number {n} seen from the quay at night "
            "<span class='credit'>(Image: Harbour Archive)</span></span></div>"
        )

    text = f"<p>{SECTION} Lamp {{n}} was lit.</p><p>{SECTION} Another.</p>"
    body = "".join(photo(n) + f"<div class='body'>{text.format(n=n)}</div>" for n in range(1, 5))
    body = f"<div class='article'>{body}</div>"
    page = f"<html><head><title>Lamps</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "lamps.html")
    assert "Lamp 4 was lit." in article.text
    assert "seen from the quay" not in article.text
    assert "Harbour Archive" not in article.text


def test_short_lines_set_out_like_the_paragraphs_around_them_are_kept() -> None:
    # A story pasted from a word processor: each paragraph a styled box around a <span>; the
    # longer ones mix text and elements, the short lines of dialogue are one <span> each.
    said = ["Haldis snorted.", "“Yes.”", "The keeper stared at him.", "“Lamps?”"]
    boxes = []
    for n, line in enumerate(said):
        mixed = f"<span>{SECTION} It was <i>winter</i> on the pier, night {n}.</span>"
        for text in (mixed, f"<span>{line}</span>"):
            inner = f'<div style="direction: ltr">{text}</div>'
            boxes.append(f'<div style="margin: 1em 0">{inner}</div>')
    page = (
        "<html><head><title>Lamps</title></head><body><div class='chapter'>"
        f"{''.join(boxes)}</div></body></html>"
    )
    text = import_html(page.encode(), "lamps.html").text
    assert [line in text for line in said] == [True] * len(said)


def test_text_written_straight_into_the_body_reads_as_paragraphs_under_their_heading() -> None:
    # A page of samples with no box at all: headings and running text right in <body>.
    body = (
        f"<h1>Lamps</h1><p>{SECTION}</p><h2>The south lamp</h2>{OPENING} <b>at dusk</b>, "
        f"{CLOSING}<h2>The north lamp</h2><p>{SECTION} Again.</p>"
    )
    page = f"<html><head><title>Lamps</title></head><body>{body}</body></html>"
    html = import_html(page.encode(), "lamps.html").html
    assert "<h2>The south lamp</h2>" in html
    assert f"<p>{OPENING} <b>at dusk</b>, {CLOSING}</p>" in html
