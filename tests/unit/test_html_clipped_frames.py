"""A picture framed by a box whose style clips it (`overflow: hidden`) is shown, so it is kept."""

from __future__ import annotations

import pytest

from reader.importers.html import import_html
from tests.keeper_text import KEEPER

PHOTO = "https://img.example/pier/lamp.jpg"


def imported(style: str) -> tuple[list[str], str]:
    frame = f'<picture style="{style}"><img src="{PHOTO}" alt=""></picture>'
    figure = f"<figure>{frame}<figcaption>The north lamp at dusk.</figcaption></figure>"
    first, second, third = (f"<p>{paragraph}</p>" for paragraph in KEEPER)
    body = f"<article><section>{first}{second}</section><section>{figure}{third}</section>"
    page = f"<html><head><title>Pier</title></head><body>{body}</article></body></html>"
    article = import_html(page.encode(), "pier.html")
    return list(article.remote_images.values()), article.text


@pytest.mark.parametrize(
    "style",
    [
        "display: block; height: 0; overflow: hidden; padding-bottom: 66%",
        "overflow-x:hidden",
        "backface-visibility: hidden",
    ],
)
def test_a_picture_in_a_clipping_frame_is_kept(style: str) -> None:
    images, text = imported(style)
    assert images == [PHOTO]
    assert "The north lamp at dusk." in text


def test_a_frame_the_page_hides_still_goes() -> None:
    images, text = imported("display: none; overflow: hidden")
    assert images == []
    assert "north pier" in text
