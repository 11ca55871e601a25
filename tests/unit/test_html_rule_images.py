"""A rule line drawn as an image (a thin bar between sections) is no picture of the article."""

from __future__ import annotations

import pytest

from reader.importers.html import import_html
from tests.keeper_text import KEEPER


def remote_images(image: str) -> list[str]:
    first, second, third = (f"<p>{paragraph}</p>" for paragraph in KEEPER)
    body = f"<article>{first}{second}{image}{third}</article>"
    page = f"<html><head><title>Pier</title></head><body>{body}</body></html>"
    return list(import_html(page.encode(), "pier.html").remote_images.values())


@pytest.mark.parametrize(("width", "height"), [("535", "15"), ("464", "2"), ("600px", "3px")])
def test_a_thin_bar_goes(width: str, height: str) -> None:
    bar = f'<img src="https://img.example/bar.gif" width="{width}" height="{height}" alt="line">'
    assert remote_images(bar) == []


@pytest.mark.parametrize(
    ("width", "height"),
    [("570", "0"), ("300", "16"), ("640", "360"), ("600", "")],  # 0 or none: height unsaid
)
def test_a_picture_stays(width: str, height: str) -> None:
    photo = f'<img src="https://img.example/lamp.jpg" width="{width}" height="{height}">'
    assert remote_images(photo) == ["https://img.example/lamp.jpg"]
