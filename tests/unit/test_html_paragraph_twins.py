"""A page's paragraphs written as boxes of one class stay together, whatever each box holds."""

from __future__ import annotations

from reader.importers.html import import_html, parse_document
from reader.importers.paragraph_twins import wrap_paragraph_twins
from reader.importers.structure import prepare_source

# The keeper's story in boxes of one class: most hold a link beside their text, one holds its
# text alone.
LINKED = [
    "The lamps on the north pier were lit at dusk by the {keeper}, who walked the length of the "
    "pier twice each evening and trimmed every wick before the ferry came in.",
    "In winter the walk was made with a {lantern}, since the wind put out the matches, and the "
    "keeper's log of those evenings survives in the harbour office to this day.",
    "The log notes the weather, the ships that passed and the {oil} each lamp burned, in a hand "
    "that grows shakier in the last years of the keeper's long service on the pier.",
    "When the lamps were electrified the log was given to the {museum}, where a page of it is "
    "shown beside the last brass lamp that stood at the end of the north pier.",
    "The {ferry} company still runs its boats to the timetable the keeper knew, though the "
    "morning boat now leaves half an hour earlier than it did in his day on the pier.",
    "Each summer the harbour {festival} lights one oil lamp on the pier again, and children "
    "take turns to carry the lantern along the pier the way the keeper used to carry it.",
]
PLAIN = (
    '"Nobody lights a lamp by hand any more, and nobody writes down the weather," said the '
    "harbour master, who keeps the log's last volume in a drawer of her desk."
)


def page(plain_at: int, plain_class: str = "story-paragraph") -> bytes:
    boxes = [f'<div class="story-paragraph">{line.format(**LINKS)}</div>' for line in LINKED]
    boxes.insert(plain_at, f'<div class="{plain_class}">{PLAIN}</div>')
    body = f'<div class="story"><h1>The north pier lamps</h1>{"".join(boxes)}</div>'
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


LINKS = {
    word: f'<a href="https://harbour.example/{word}">{word}</a>'
    for word in ("keeper", "lantern", "oil", "museum", "ferry", "festival")
}


def test_a_box_of_plain_text_among_boxes_with_links_is_kept() -> None:
    for plain_at in (1, 3):
        text = import_html(page(plain_at), "p.html").text
        assert "trimmed every wick" in text and "brass lamp" in text
        assert "nobody writes down the weather" in text


def test_a_box_of_plain_text_with_one_more_class_is_kept() -> None:
    text = import_html(page(2, "story-paragraph quoted"), "p.html").text
    assert "nobody writes down the weather" in text


def test_a_caption_box_in_a_figure_is_left_as_it_is() -> None:
    caption = "The last brass lamp of the north pier, in the harbour museum"
    figure = (
        '<figure><img src="https://harbour.example/lamp.jpg" alt="">'
        f'<div class="story-paragraph">{caption}</div></figure>'
    )
    markup = page(2).replace(b"<h1>", figure.encode() + b"<h1>")
    tree = parse_document(markup.decode())
    prepare_source(tree)  # the boxes with links get their paragraphs, as on import
    wrap_paragraph_twins(tree)
    assert len(list(tree.iter("p"))) == len(LINKED) + 1  # the plain box's too
    assert next(tree.iter("figure")).find("div/p") is None
