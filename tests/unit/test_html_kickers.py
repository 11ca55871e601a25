"""The story's tag above its headline ("chaos theory", a link) is not a heading of the text."""

from __future__ import annotations

from reader.importers.html import import_html

ARTICLE = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening and trimmed every wick before the ferry came in.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
    "<h2>The log</h2><p>The log notes the weather, the ships that passed and the oil each lamp "
    "burned, in a hand that grows shakier in the last years of the keeper's service.</p>"
)


def html_of(kicker: str) -> str:
    body = f"<article>{kicker}<h1>The north pier lamps</h1>{ARTICLE}</article>"
    head = '<meta charset="utf-8"><title>Lamps and keepers</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def test_a_linked_label_above_the_headline_is_left_out() -> None:
    html = html_of('<h6><a href="https://harbour.example/tag/lamps/">harbour lamps</a></h6>')
    assert "harbour lamps" not in html
    assert "<h2>The log</h2>" in html


def test_a_heading_of_words_of_its_own_stays() -> None:
    assert "Harbour lamps" in html_of("<h6>Harbour lamps</h6>")
    assert "Lamps of the" in html_of('<h6>Lamps of the <a href="/pier">pier</a></h6>')
