"""A player's controls and menus in the story, named by their ARIA roles, are not its text."""

from __future__ import annotations

from reader.importers.html import import_html
from tests.keeper_text import KEEPER

PLAYER = (
    '<div class="player"><video src="https://harbour.example/pier.mp4"></video>'
    '<div role="group"><div role="button">Play</div>'
    '<div class="time"><span>Current Time </span>0:00</div>'
    '<div role="slider" aria-valuenow="0"><span>Loaded: 0%</span></div>'
    '<div class="time"><span>Remaining Time </span>-0:00</div>'
    '<div role="menuitem">Chapters<ul role="menu">'
    '<li role="menuitemcheckbox">descriptions off, selected</li></ul></div></div></div>'
)


def html_of(player: str) -> str:
    first, second, third = (f"<p>{paragraph}</p>" for paragraph in KEEPER)
    body = f"<div class='story'><h1>The north pier lamps</h1>{first}{second}{player}{third}</div>"
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def test_a_players_control_bar_and_menus_are_left_out() -> None:
    html = html_of(PLAYER)
    assert "service on the pier" in html and "harbour office" in html
    for control in ("Current Time", "0:00", "Loaded", "Chapters", "descriptions off"):
        assert control not in html, control


def test_a_group_without_a_slider_stays() -> None:
    html = html_of('<div role="group"><p>The keeper kept a second log for the fog bell.</p></div>')
    assert "fog bell" in html


def test_a_group_holding_the_story_stays_around_its_slider() -> None:
    first, second, third = (f"<p>{paragraph}</p>" for paragraph in KEEPER)
    slider = '<div role="slider" aria-valuenow="3">Volume</div>'
    story = f"<div role='group'><h1>The north pier lamps</h1>{first}{second}{slider}{third}</div>"
    markup = f"<html><head><title>The north pier lamps</title></head><body>{story}</body></html>"
    html = import_html(markup.encode(), "p.html").html
    assert "service on the pier" in html and "harbour office" in html
    assert "Volume" not in html
