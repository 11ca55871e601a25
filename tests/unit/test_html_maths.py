"""Formulas (MathML, and MathJax's rendering of it) are kept as readable text."""

from __future__ import annotations

import base64
import re

from reader.importers.html import import_html
from tests.web import png

LEAD = "The keeper measured the beam of the lamp across the bay on a clear night."
MATHJAX = (
    '<mjx-container class="MathJax" jax="CHTML"><mjx-math><mjx-msup><mjx-mi>'
    '<mjx-c class="mjx-c1D465"></mjx-c></mjx-mi></mjx-msup></mjx-math>'
    '<mjx-assistive-mml display="inline"><math><msup><mi>x</mi><mn>2</mn></msup>'
    "<mo>=</mo><mfrac><mi>d</mi><mn>4</mn></mfrac></math></mjx-assistive-mml></mjx-container>"
)


def imported(formula: str) -> tuple[str, str]:
    body = f"<article><p>{LEAD}</p><p>So {formula} held for every range we tried.</p></article>"
    page = f"<html><head><title>Beam</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "beam.html")
    return article.text, article.html


def test_mathjax_formula_reads_as_its_mathml() -> None:
    text, html = imported(MATHJAX)
    assert "So x2 = (d)/(4) held for every range" in " ".join(text.split())
    assert "x<sup>2</sup>" in html


def test_plain_mathml_in_a_sentence_is_kept() -> None:
    formula = "<math><msqrt><mi>a</mi><mo>+</mo><mi>b</mi></msqrt></math>"
    text, _ = imported(formula)
    assert "So √(a + b) held" in " ".join(text.split())


def test_a_page_box_named_after_mathjax_stays_whole() -> None:
    formula = "<math><mi>y</mi></math>"
    body = f'<div class="mathjax-content"><p>{LEAD}</p><p>Then {formula} rose.</p></div>'
    article = import_html(f"<html><body>{body}</body></html>".encode(), "b.html")
    assert LEAD in article.text
    assert "Then y rose." in " ".join(article.text.split())


def test_a_formula_shown_as_a_picture_keeps_its_picture_in_place() -> None:
    """Wikipedia hides each formula's MathML (for screen readers) beside the picture it shows
    (hidden from them): both went, leaving "a matrix  is denoted by , then"."""
    picture = "data:image/png;base64," + base64.b64encode(png(24, 12)).decode()
    formula = (
        '<span class="mwe-math-element"><span class="mwe-math-mathml-inline '
        'mwe-math-mathml-a11y" style="display: none;"><math alttext="{\\displaystyle A^{H}}">'
        '<semantics><msup><mi>A</mi><mi>H</mi></msup><annotation encoding="application/x-tex">'
        "{\\displaystyle A^{H}}</annotation></semantics></math></span>"
        f'<img src="{picture}" class="mwe-math-fallback-image-inline" aria-hidden="true" '
        'style="vertical-align: -0.338ex; width:3.139ex; height:2.676ex;" '
        'alt="{\\displaystyle A^{H}}"></span>'
    )
    text, html = imported(formula)
    assert re.search(r'So <img src="assets/[^"]+" alt="\{\\displaystyle A\^\{H\}\}"> held', html)
    assert "So held for every range" in " ".join(text.split())  # the picture, not its MathML
