"""The labels opening a how-to's step boxes ("Step 1") come back before each step's text."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.html import import_html
from reader.importers.step_labels import restore_step_labels
from reader.importers.tree import text_of

STEPS = (
    "Soak the foam in a bucket of water until it sinks to the bottom of the bucket.",
    "Dig a hole in the foam large enough to hold the roots of your plant.",
    "Pin the moss around the foam so that none of the foam shows through it.",
)


def _box(label: str, text: str) -> str:
    return f'<div class="step"><span class="head">{label}</span><p>{text}</p></div>'


def restored(page: str, *kept: str) -> list[tuple[str, str]]:
    body = etree.Element("body")
    for text in kept:
        etree.SubElement(body, "p").text = text
    restore_step_labels(body, lxml.html.document_fromstring(page))
    return [(e.tag, text_of(e)) for e in body]


def test_each_steps_label_comes_back_before_its_text() -> None:
    page = "".join(_box(f"Step {n}", text) for n, text in enumerate(STEPS, start=1))
    assert restored(page, *STEPS) == [
        ("p", "Step 1"),
        ("p", STEPS[0]),
        ("p", "Step 2"),
        ("p", STEPS[1]),
        ("p", "Step 3"),
        ("p", STEPS[2]),
    ]


def test_a_label_opening_a_list_comes_back_before_the_list() -> None:
    items = "<ul><li>Moss</li> <li>Foam</li></ul>"
    listing = f'<div class="step"><span class="head">You need:</span>{items}</div>'
    page = listing + _box("Step 1", STEPS[0])
    body = etree.Element("body")
    items = etree.SubElement(body, "list", rend="ul")
    for text in ("Moss", "Foam"):
        etree.SubElement(items, "item").text = text
    etree.SubElement(body, "p").text = STEPS[0]
    restore_step_labels(body, lxml.html.document_fromstring(page))
    assert [(e.tag, text_of(e)) for e in body][:2] == [("p", "You need:"), ("list", "MossFoam")]


def test_one_short_line_before_a_paragraph_is_not_a_step() -> None:
    # A date or a byline opening one box is the page's, not a series of labels.
    page = _box("May 3, 2016", STEPS[0]) + f"<div><p>{STEPS[1]}</p></div>"
    assert restored(page, STEPS[0], STEPS[1]) == [("p", STEPS[0]), ("p", STEPS[1])]


def test_labels_that_are_links_or_already_kept_are_left_alone() -> None:
    linked = "".join(
        f'<div><span class="kicker"><a href="/s{n}">Section</a></span><p>{text}</p></div>'
        for n, text in enumerate(STEPS)
    )
    assert restored(linked, *STEPS) == [("p", text) for text in STEPS]
    page = "".join(_box(f"Step {n}", text) for n, text in enumerate(STEPS, start=1))
    kept = ("Step 1", STEPS[0], "Step 2", STEPS[1], "Step 3", STEPS[2])
    assert restored(page, *kept) == [("p", text) for text in kept]


def test_an_imported_how_to_keeps_its_step_labels() -> None:
    boxes = "".join(_box(f"Step {n}", text * 2) for n, text in enumerate(STEPS, start=1))
    page = f"<html><head><title>Moss</title></head><body><div>{boxes}</div></body></html>"
    article = import_html(page.encode(), "moss.html")
    texts = [line for line in article.text.splitlines() if line.strip()]
    assert [line for line in texts if line.startswith("Step")] == ["Step 1", "Step 2", "Step 3"]
