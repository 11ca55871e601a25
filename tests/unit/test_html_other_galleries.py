"""A gallery of other stories set inside an article is not the article; its own gallery is."""

from __future__ import annotations

import lxml.html
from lxml import etree

from reader.importers.html import import_html
from reader.importers.other_galleries import drop_other_galleries

TITLE = "How the keeper lights the harbour lamps"
STORY = (
    "<p>The keeper lights the north lamp at dusk and the south lamp an hour later.</p>"
    "<p>Each lighting goes into the log with the weather and the state of the sea.</p>"
)
OTHER = ("Bakery opens on the quay", "Ferry fares rise", "Council votes on parking")


def gallery(headlines: tuple[str, ...], total: int = 30) -> str:
    slides = "".join(
        f'<item><head rend="h2">{n}/{total} {headlines[n % len(headlines)]}</head>'
        f"<p>What happened this week, told in a line under the photo.</p></item>"
        for n in range(1, 7)
    )
    return f'<head rend="h2">Town news in pictures</head><list rend="ul">{slides}</list>'


def kept(body_markup: str) -> str:
    body = etree.fromstring(f"<body>{body_markup}</body>")
    source = lxml.html.fromstring(f"<html><head><title>{TITLE}</title></head><body></body></html>")
    drop_other_galleries(body, source)
    return " ".join("".join(body.itertext()).split())


def test_a_counted_gallery_of_other_stories_goes_with_its_heading() -> None:
    left = kept(STORY + gallery(OTHER) + "<p>The lamps burn until dawn.</p>")
    assert "Ferry" not in left and "in pictures" not in left
    assert left.startswith("The keeper lights") and left.endswith("burn until dawn.")


def test_the_articles_own_gallery_stays() -> None:
    own = ("The keeper at the north lamp", "Harbour lamps at dusk", "The south lamp lit")
    assert "north lamp" in kept(STORY + gallery(own))
    assert "Ferry" in kept(gallery(OTHER))  # a page that is all gallery: the article itself
    assert "Ferry" in kept(STORY + gallery(OTHER, total=6))  # a few photos of the day


def show(title: str) -> str:
    """A viewer of a slideshow: its heading, its toolbar, slides that repeat its title."""
    toolbar = "".join(f"<item>{label}</item>" for label in ("Share", "1 of 4", "Fullscreen"))
    slides = "".join(
        f'<item><list rend="ul"><item>Previous</item><item>Next</item></list>'
        f'<head rend="h4">{title}</head><p>Photo {n}, told in a line.</p></item>'
        for n in range(1, 5)
    )
    return (
        f'<head rend="h3">Featured slide shows</head><list rend="ul">{toolbar}</list>'
        f'<list rend="ul">{slides}</list>'
    )


def test_a_viewer_of_another_slideshow_goes_with_its_toolbar() -> None:
    left = kept(STORY + show("Bakery opens on the quay"))
    assert left.endswith("state of the sea.")
    assert "harbour lamps" in kept(STORY + show("The harbour lamps at dusk"))


def test_the_importer_leaves_the_gallery_out() -> None:
    slides = "".join(
        f"<li><h2><span>{n}/40</span> {OTHER[n % 3]}</h2>"
        f"<p>What happened in town this week, told in a line under its photo number {n}.</p></li>"
        for n in range(1, 9)
    )
    long_story = "".join(
        f"<p>The keeper lights the north lamp at dusk, then the south lamp an hour later, "
        f"and notes the weather in the log; entry {n}.</p>"
        for n in range(1, 7)
    )
    page = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"{long_story}<div><h2>Town news in pictures</h2><ul class='legends'>{slides}</ul></div>"
        "<p>The lamps burn until dawn, and the keeper sleeps till noon.</p></article></body></html>"
    )
    html = import_html(page.encode(), "lamps.html").html
    assert "north lamp" in html and "until dawn" in html
    assert "Ferry" not in html and "in pictures" not in html


def test_teasers_sharing_one_label_stay() -> None:
    # Teasers may each carry the same line ("Read more"): they link to their stories.
    teasers = "".join(
        f'<item><ref target="https://harbour.example/s{n}">Story {n}</ref>'
        f'<head rend="h4">Bakery news</head></item>'
        for n in range(1, 6)
    )
    assert "Story 5" in kept(STORY + f'<list rend="ul">{teasers}</list>')
