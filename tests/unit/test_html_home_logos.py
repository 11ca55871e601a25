"""The site's logo, a picture linking to its home page, is not the article's picture."""

from __future__ import annotations

from reader.importers.html import import_html

ARTICLE = (
    "<p>The lamps on the north pier were lit at dusk by the keeper, who walked the length of "
    "the pier twice each evening and trimmed every wick before the ferry came in.</p>"
    "<p>In winter the walk was made with a lantern, since the wind put out the matches, and "
    "the keeper's log of those evenings survives in the harbour office.</p>"
)


def html_of(picture: str) -> str:
    body = f"<div class='story'>{picture}<h1>The north pier lamps</h1>{ARTICLE}</div>"
    head = '<meta charset="utf-8"><title>The north pier lamps</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def test_a_picture_linking_to_the_home_page_is_left_out() -> None:
    for home in ("/", "https://harbour.example/", "https://harbour.example"):
        picture = f'<a href="{home}"><img src="https://harbour.example/logo.png" alt="Logo"></a>'
        html = html_of(picture)
        assert "keeper" in html
        assert "<img" not in html, home


def test_a_picture_linking_elsewhere_stays() -> None:
    for target in ("/lamps/large.jpg", "https://harbour.example/?page=2", "/news/"):
        picture = f'<a href="{target}"><img src="https://harbour.example/lamp.jpg" alt=""></a>'
        assert "<img" in html_of(picture), target


def html_titled(title: str, picture: str) -> str:
    body = f"<div class='story'>{picture}<h1>The north pier lamps</h1>{ARTICLE}</div>"
    head = f'<meta charset="utf-8"><title>{title}</title>'
    markup = f"<html><head>{head}</head><body>{body}</body></html>"
    return import_html(markup.encode(), "p.html").html


def linked(alt: str, target: str = "https://harbour.example/lamps/index.html") -> str:
    return f'<a href="{target}"><img src="https://harbour.example/pic.png" alt="{alt}"></a>'


def test_a_logo_linking_to_its_section_and_named_as_the_title_names_the_site_is_left_out() -> None:
    title = "The north pier lamps | The Harbour Gazette"
    assert "<img" not in html_titled(title, linked("The Harbour Gazette"))
    assert "<img" not in html_titled(title, linked("The Harbour Gazette: lamps"))
    japanese = "北の桟橋の灯　＜港新聞　きょうの灯台＞"
    assert "<img" not in html_titled(japanese, linked("灯台と桟橋の港新聞"))


def test_a_linked_photo_whose_words_only_brush_the_sites_name_stays() -> None:
    title = "The north pier lamps | Harbour"
    assert "<img" in html_titled(title, linked("The Harbour at dusk, the ferry coming in"))
    assert "<img" in html_titled(title, linked("Harbourmaster"))  # not the word itself
    whole = "The north pier lamps | The Harbour Gazette"
    assert "<img" in html_titled(whole, linked(whole))  # the headline first: the story's picture
    assert "<img" in html_titled("The north pier lamps", linked("The north pier"))
