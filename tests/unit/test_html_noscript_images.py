"""A lazy image's blank stand-in is replaced by the real image the page puts in <noscript>."""

from __future__ import annotations

import base64

from reader.importers.html import import_html
from tests.hostile_images import png
from tests.keeper_text import KEEPER

BLANK = "data:image/png;base64," + base64.b64encode(png(1, 1)).decode()
PHOTO = "https://img.example/pier/lamp.jpg"


def imported(twin: str, inline: str = BLANK) -> tuple[dict[str, bytes], list[str]]:
    image = f'<span><img src="{inline}" alt="The lamp">{twin}</span>'
    first, second, third = (f"<p>{paragraph}</p>" for paragraph in KEEPER)
    body = f"<article>{first}{second}{image}{third}</article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    article = import_html(page.encode(), "pier.html")
    return article.assets, list(article.remote_images.values())


def test_the_noscript_image_replaces_the_blank_stand_in() -> None:
    assets, remote = imported(f'<noscript><img src="{PHOTO}" alt="The lamp"></noscript>')
    assert assets == {}
    assert remote == [PHOTO]


def test_a_noscript_srcset_gives_its_widest_image() -> None:
    srcset = f"{PHOTO.replace('.jpg', '-small.jpg')} 320w, {PHOTO} 1200w"
    assets, remote = imported(f'<noscript><img srcset="{srcset}" alt="The lamp"></noscript>')
    assert assets == {}
    assert remote == [PHOTO]


def test_an_inline_picture_of_its_own_is_kept_over_its_twin() -> None:
    picture = "data:image/png;base64," + base64.b64encode(png(40, 30)).decode()
    assets, remote = imported(f'<noscript><img src="{PHOTO}"></noscript>', picture)
    assert list(assets.values()) == [base64.b64decode(picture.split(",")[1])]
    assert remote == []


def slotted(preview: str) -> list[str]:
    """A figure as a lazy page sets it: a preview, an empty slot, the real image in noscript."""
    figure = (
        f'<figure><div><div><img src="{preview}" width="1144" height="708"></div>'
        f'<img width="1144" height="708"><noscript><img src="{PHOTO}"></noscript></div>'
        "<figcaption>The lamp at dusk</figcaption></figure>"
    )
    first, second, third = (f"<p>{paragraph}</p>" for paragraph in KEEPER)
    body = f"<article>{first}{second}{figure}{third}</article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    return list(import_html(page.encode(), "pier.html").remote_images.values())


def test_an_empty_slot_gets_its_noscript_image_and_the_blurred_preview_goes() -> None:
    assert slotted("https://img.example/small/lamp.jpg?q=20") == [PHOTO]


def test_a_preview_of_another_file_is_a_picture_of_its_own() -> None:
    assert slotted("https://img.example/pier/ferry.jpg") == ["https://img.example/pier/ferry.jpg"]
