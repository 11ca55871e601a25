"""The site's own chrome around an article: its logo, its banner, its language bars."""

from __future__ import annotations

from reader.importers.html import import_html

BODY = (
    "<h1>Styles in the harbour log</h1><p>Every entry in the harbour log uses one of four "
    "styles, chosen from the sidebar before the keeper starts to write the evening's notes.</p>"
    "<p>The styles can be changed for one log book and saved as a template for the next.</p>"
)


def imported(body: str, title: str = "Styles in the harbour log") -> tuple[str, str | None]:
    head = f'<meta charset="utf-8"><title>{title}</title>'
    article = import_html(f"<html><head>{head}</head><body>{body}</body></html>".encode(), "p.html")
    return article.text, article.site


def test_the_site_logo_above_every_page_is_not_the_article() -> None:
    logo = (
        '<header id="TopLeftHeader"><a class="logo" href="index.html"><p>Harbour 7.4 Help</p>'
        '</a><div class="dropdowns"><button type="button">Module</button></div></header>'
    )
    text, _ = imported(f'{logo}<div id="DisplayArea">{BODY}</div>')
    assert "Harbour 7.4 Help" not in text
    assert text.startswith("Every entry in the harbour log")


def test_a_sentence_about_logging_out_is_not_a_logo() -> None:
    note = '<p class="logout-note">Log out before you leave the hut.</p>'
    text, _ = imported(f"<article>{BODY}{note}</article>")
    assert "Log out before you leave the hut." in text


def test_language_bars_go_and_a_list_of_links_in_the_text_stays() -> None:
    bar = (
        '<div class="toplang"><p><span>Available Languages: </span><a href="/en/log.html" '
        'title="English">&nbsp;en&nbsp;</a> | <a href="/fr/log.html" hreflang="fr" '
        'rel="alternate">&nbsp;fr&nbsp;</a> | <a href="/ja/log.html" hreflang="ja">'
        "&nbsp;ja&nbsp;</a></p></div>"
    )
    links = (
        '<p>See also <a href="/tides.html">the tide tables</a> and '
        '<a href="/wicks.html">the wick register</a> for the other books kept in the hut.</p>'
    )
    text, _ = imported(f"{bar}<article>{BODY}{links}</article>{bar.replace('top', 'bottom')}")
    assert "Available Languages" not in text and "\nja" not in text
    assert "See also the tide tables and the wick register" in text


def test_a_banner_naming_the_site_does_not_open_the_article() -> None:
    banner = '<div id="page-header"><p class="apache">Harbour Log Manual 2.4</p></div>'
    text, site = imported(
        f"{banner}<div id='main'>{BODY}</div>", "Styles in the harbour log - Harbour Log Manual 2.4"
    )
    assert site == "Harbour Log Manual 2.4"
    assert text.startswith("Every entry in the harbour log")
