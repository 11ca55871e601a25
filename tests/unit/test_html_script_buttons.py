"""The icons of a script's share bar are controls, not the article's pictures."""

from __future__ import annotations

from tests.hostile_images import data_uri, png
from tests.keeper_text import LOG_ENTRIES, imported_log


def imported(closing: str) -> str:
    return imported_log(f"<div>{LOG_ENTRIES}{closing}</div>")


def button(label: str, alt: str = "", size: str = "") -> str:
    """A share bar's box: a handler, a tooltip and one picture laid out in a table."""
    icon = f'<img src="{data_uri(png(24, 24))}" alt="{alt}" {size}>'
    return (
        f'<div onclick="bar.press(this)" title="{label}"><table><tbody><tr>'
        f"<td></td><td>{icon}</td></tr></tbody></table></div>"
    )


def test_the_icons_of_a_share_bar_are_dropped() -> None:
    bar = "".join(button(label) for label in ("Share on Mastodon", "Messenger", "email"))
    assert "<img" not in imported(f"<div>{bar}</div>")


def test_a_picture_with_words_or_a_large_one_or_without_a_tooltip_stays() -> None:
    assert "<img" in imported(button("Open the photo", alt="The north lamp at dusk"))
    assert "<img" in imported(button("Open the photo", size='width="600" height="400"'))
    untitled = button("").replace(' title=""', "")
    assert "<img" in imported(untitled)
