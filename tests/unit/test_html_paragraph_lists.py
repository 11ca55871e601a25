"""Lists whose items are paragraphs keep their list through extraction."""

from __future__ import annotations

import lxml.html

from reader.importers.html import import_html

STEPS = (
    "Fill the lamp with oil before the light fades over the harbour wall.",
    "Trim the wick so that the flame burns evenly and does not smoke the glass.",
    "Polish the lens with a soft cloth, working from the centre outwards.",
)
NOTE = "Keepers wrote down every lighting in the log, with the hour and the weather."


def items(html: str, tag: str) -> list[list[str]]:
    """The text of each item of each `tag` list in `html`."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return [
        [" ".join(" ".join(item.itertext()).split()) for item in listing.iter("li")]
        for listing in tree.iter(tag)
    ]


def page(body: str) -> bytes:
    return f"<html><head><title>Lamps</title></head><body>{body}</body></html>".encode()


def test_a_one_item_list_of_a_paragraph_stays_a_list() -> None:
    article = import_html(page(f"<ol><li><p>{STEPS[0]}</p></li></ol>"), "lamps.html")
    assert items(article.html, "ol") == [[STEPS[0]]]


def test_list_items_of_paragraphs_between_paragraphs_stay_one_list() -> None:
    steps = "".join(f"<li><p>{step}</p></li>" for step in STEPS)
    body = f"<article><p>{NOTE}</p><ul>{steps}</ul><p>{NOTE} Twice.</p></article>"
    article = import_html(page(body), "lamps.html")
    assert items(article.html, "ul") == [list(STEPS)]
    assert article.html.index(NOTE) < article.html.index(STEPS[0])
    assert article.html.index(STEPS[2]) < article.html.index("Twice.")


def test_an_item_of_two_paragraphs_is_one_item() -> None:
    body = f"<ol><li><p>{STEPS[0]}</p><p>{STEPS[1]}</p></li><li><p>{STEPS[2]}</p></li></ol>"
    article = import_html(page(body), "lamps.html")
    assert items(article.html, "ol") == [[f"{STEPS[0]} {STEPS[1]}", STEPS[2]]]


def test_paragraphs_outside_lists_stay_paragraphs() -> None:
    body = f"<div><p>{STEPS[0]}</p><p>{STEPS[1]}</p></div>"
    article = import_html(page(body), "lamps.html")
    assert items(article.html, "ul") == items(article.html, "ol") == []
