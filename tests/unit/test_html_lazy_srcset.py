"""A lazily loaded image named only in `data-srcset` is kept, at its widest candidate."""

from __future__ import annotations

import base64

from reader.importers.html import import_html
from tests.hostile_images import png

TEXT = " ".join(["The keeper climbed the hundred steps of the tower every evening."] * 4)
BLANK = "data:image/png;base64," + base64.b64encode(png(1, 1)).decode()


def imported(attributes: str) -> list[str]:
    body = f"<article><p>{TEXT}</p><img {attributes} alt='The tower'><p>{TEXT} Again.</p>"
    page = f"<html><head><title>Tower</title></head><body>{body}</article></body></html>"
    return list(import_html(page.encode(), "tower.html").remote_images.values())


def test_an_image_only_in_data_srcset_is_kept_at_its_widest() -> None:
    srcset = (
        "https://img.example/upload/c_fill,w_80/tower.jpg 80w, "
        "https://img.example/upload/c_fill,w_800/tower.jpg 800w"
    )
    assert imported(f'src="{BLANK}" data-srcset="{srcset}"') == [
        "https://img.example/upload/c_fill,w_800/tower.jpg"
    ]


def test_a_srcset_address_with_commas_is_read_whole() -> None:
    srcset = "https://img.example/upload/c_fill,w_80/tower.jpg"
    assert imported(f'srcset="{srcset}"') == [srcset]
