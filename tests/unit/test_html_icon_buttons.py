"""Icons without words that are a link's only content are buttons, not the article's pictures."""

from __future__ import annotations

from tests.hostile_images import data_uri, png
from tests.keeper_text import LOG_ENTRIES, imported_log


def imported(closing: str) -> str:
    return imported_log(f"{LOG_ENTRIES}<p>{closing}</p>")


def icon(**attributes: str) -> str:
    named = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    return f'<img src="{data_uri(png(50, 21))}" {named}>'


def test_a_wordless_icon_link_closing_the_page_is_dropped() -> None:
    button = icon(width="50", height="21")
    assert "<img" not in imported(f'<a href="https://harbour.example/keepers">{button}</a>')


def test_an_icon_with_words_or_without_a_link_stays() -> None:
    named = icon(width="50", height="21", alt="Map of the pier")
    assert "<img" in imported(f'<a href="https://harbour.example/map">{named}</a>')
    assert "<img" in imported(icon(width="50", height="21"))
    big = f'<img src="{data_uri(png(400, 300))}" width="400" height="300">'
    assert "<img" in imported(f'<a href="https://harbour.example/photo">{big}</a>')
