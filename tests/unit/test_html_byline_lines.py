"""A byline or a contact line at either end of the body says again what the header shows."""

from __future__ import annotations

from reader.core.article import Article
from reader.importers.byline_lines import drop_byline_lines
from reader.importers.html import import_html
from tests.keeper_text import KEEPER_HTML

AUTHOR = '<meta name="author" content="Ada Quill">'


def article_of(body: str, head: str = AUTHOR) -> Article:
    head = f'<meta charset="utf-8"><title>The north pier lamps</title>{head}'
    markup = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    return import_html(markup.encode(), "p.html")


def test_the_byline_with_a_job_title_above_the_article_is_left_out() -> None:
    byline = '<p>By <a href="/bio/ada-quill">Ada Quill</a>, Senior Harbour Historian</p>'
    article = article_of(byline + KEEPER_HTML)
    assert article.author == "Ada Quill"
    assert "Historian" not in article.html and "Historian" not in article.text
    assert "The lamps on the north pier" in article.html


def test_a_byline_whose_name_the_page_sets_apart_goes_without_an_author() -> None:
    article = article_of("<p>By <b>Ada&nbsp;Quill</b></p>" + KEEPER_HTML, head="")
    assert "Quill" not in article.html
    assert "The lamps on the north pier" in article.html


def test_a_contact_line_naming_the_author_under_the_article_is_left_out() -> None:
    contact = '<p>Contact Ada Quill at <a href="mailto:ada@pier.example">ada@pier.example</a></p>'
    article = article_of(KEEPER_HTML + contact)
    assert "ada@pier.example" not in article.html
    assert "keeper's service on the pier" in article.html


def test_sentences_that_name_the_author_stay() -> None:
    opening = "<p>By Ada Quill's count, the pier had forty lamps.</p>"
    closing = "<p>Ada Quill wrote this history from the keeper's log.</p>"
    article = article_of(opening + KEEPER_HTML + closing)
    assert "forty lamps" in article.html
    assert "wrote this history" in article.html


def test_a_sentence_opening_with_by_and_a_marked_phrase_stays() -> None:
    line = "<p>By <b>Tuesday</b>, the lamps were lit again.</p>"
    html = line + KEEPER_HTML
    assert drop_byline_lines(html, "", None)[0] == html


def test_a_contact_line_naming_someone_else_stays() -> None:
    html = KEEPER_HTML + "<p>Contact the harbour office at office@pier.example</p>"
    assert drop_byline_lines(html, "", "Ada Quill")[0] == html


def test_a_body_that_is_only_a_byline_is_kept() -> None:
    html = "<p>By <b>Ada Quill</b></p>"
    assert drop_byline_lines(html, "By Ada Quill", "Ada Quill") == (html, "By Ada Quill")
