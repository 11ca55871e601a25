"""List orders: natural title order, undated articles by the day they were added."""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date

import pytest

from reader.core import ordering
from reader.core.article import Article
from reader.core.ordering import natural_key, natural_order
from reader.services.library import Library
from reader.storage.articles import ArticleFilter


def test_natural_key_orders_numbers_by_value_without_case_or_width() -> None:
    titles = ["10.3 Later", "2.1 Early", "chapter 9", "Chapter 10", "apple", "Banana", "2"]
    assert sorted(titles, key=natural_key) == [
        "2", "2.1 Early", "10.3 Later", "apple", "Banana", "chapter 9", "Chapter 10",
    ]  # fmt: skip
    # Full-width digits (common in Chinese titles) count as digits; brackets are skipped.
    chinese = ["第10章 归来", "第２章 出发", "《三体》", "三国演义", "第1章 开端"]
    assert sorted(chinese, key=natural_key) == [
        "《三体》", "三国演义", "第1章 开端", "第２章 出发", "第10章 归来",
    ]  # fmt: skip
    assert natural_key("Éclair") < natural_key("Ecole")  # accents compare as their letters


def add(library: Library, title: str, published: date | None = None) -> int:
    article = Article(title=title, text=f"Text of {title}.", html="<p>x</p>", published=published)
    result = library.add_article(article)
    assert result.article_id is not None
    return result.article_id


def test_title_sort_is_natural_in_the_library(library: Library) -> None:
    ids = {t: add(library, t) for t in ("Part 10.3", "part 2.1", "Part 1", "第10章", "第2章")}
    listed = library.article_ids(ArticleFilter(), sort="title", descending=False)
    assert listed == [ids[t] for t in ("Part 1", "part 2.1", "Part 10.3", "第2章", "第10章")]
    assert library.article_ids(sort="title", descending=True) == listed[::-1]


def test_undated_articles_sort_by_the_day_they_were_added(library: Library) -> None:
    old = add(library, "Old", date(2001, 1, 1))
    future = add(library, "Future", date(2999, 1, 1))
    undated = add(library, "Undated")  # added today: between the two, as the list shows it
    assert library.article_ids(sort="published") == [future, undated, old]
    assert library.article_ids(sort="published", descending=False) == [old, undated, future]


def test_opening_again_moves_an_article_to_the_top_of_recently_read(library: Library) -> None:
    first, second = add(library, "First"), add(library, "Second")
    library.mark_read([first])
    library.mark_read([second])
    library.mark_read([first])  # opened again, within the same second
    view = ArticleFilter(recently_read=True)
    assert library.article_ids(view, sort="read") == [first, second]


def test_list_rows_know_the_text_length_without_reading_bodies(library: Library) -> None:
    article_id = add(library, "Lengthy")
    text = library.get_article(article_id).text
    assert library.summaries([article_id])[article_id].chars == len(text)
    # Every writer of the text keeps it (a trigger, not the importer's care).
    with library.db.transaction() as conn:
        conn.execute(
            "UPDATE article_content SET text = ? WHERE article_id = ?", ("x" * 5000, article_id)
        )
    summary = library.summaries([article_id])[article_id]
    assert summary.chars == 5000
    assert summary.reading_minutes == 5


@pytest.mark.parametrize("chunk", [ordering.SORT_CHUNK, 3, 1])
@pytest.mark.parametrize("descending", [False, True])
def test_titles_sorted_a_chunk_at_a_time_come_out_as_one_sort(
    chunk: int, descending: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ordering, "SORT_CHUNK", chunk)
    titles = ["Chapter 10", "chapter 2", "Ápple", "apple", "第２章", "第10章", "《三体》", "2.1"]
    titles += ["2", "Zebra", "apple", "10.3", "", "Chapter 2"]
    rows = [(n * 7 % 23, title) for n, title in enumerate(titles)]
    expected = sorted(rows, key=lambda r: (natural_key(r[1]), r[0]), reverse=descending)
    assert natural_order(rows, descending=descending) == [r[0] for r in expected]


def _pieces_key(title: str) -> tuple[tuple[int, int, str], ...]:
    """The natural order written as tuples of pieces, compared one piece after another: what
    the single-string key must agree with."""
    text = unicodedata.normalize("NFKC", title).casefold().lstrip(ordering._LEADING_MARKS)
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    key: list[tuple[int, int, str]] = []
    for n, part in enumerate(re.split(r"(\d+)", bare)):
        if n % 2:
            key.append((0, int(part), part))
        elif part:
            key.append((1, 0, part))
    key.append((-1, 0, title))
    return tuple(key)


def test_the_string_key_orders_titles_as_their_pieces_compare() -> None:
    """Numbers of any length and leading zeros, a title that is another's start, text next to
    numbers, full-width digits, accents and brackets."""
    pieces = ["0", "00", "007", "7", "10", "2", "99999999999", "a", "A", "b", " ", ".", "第"]
    pieces += ["２", "章", "É", "e", "-", "《", "ab", "abc", "ß", "ｂ"]
    chance = random.Random(7)
    titles = ["".join(chance.choices(pieces, k=chance.randint(0, 7))) for _ in range(4000)]
    assert sorted(titles, key=natural_key) == sorted(titles, key=_pieces_key)
