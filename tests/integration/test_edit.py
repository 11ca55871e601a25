"""`reader edit`: correcting metadata by hand, and the corrections outliving re-imports."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.paths import DataPaths
from reader.services.library import ImportStatus, Library
from tests.cli import reader

PARAGRAPHS = [
    "The ferry to the outer islands will run twice a day from Monday, the harbour office said.",
    "Captains had asked for the second crossing since the spring storms closed the old pier.",
    "Tickets bought for the morning boat remain valid on the afternoon one until June.",
]


def page(path: Path, headline: str, site: str, author: str, paragraphs: list[str]) -> Path:
    """A saved news page with its metadata where the HTML importer reads it."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    path.write_text(
        f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(headline)}</title><meta property="og:title" content="{escape(headline)}">
<meta property="og:site_name" content="{escape(site)}">
<meta name="author" content="{escape(author)}">
<meta property="article:published_time" content="2023-04-05T08:00:00Z"></head>
<body><main><article><h1>{escape(headline)}</h1>{body}</article></main></body></html>""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def article(data_dir: Path, tmp_path: Path) -> Path:
    """A library holding the ferry page as article #1; returns the page's file."""
    source = page(tmp_path / "ferry.html", "Ferry timetable", "Courier", "Ann Lee", PARAGRAPHS)
    reader(data_dir, "import", str(source), check=True)
    return source


def shown(data_dir: Path) -> dict[str, object]:
    out = reader(data_dir, "show", "1", "--json", check=True).stdout
    data: dict[str, object] = json.loads(out)
    return data


@pytest.mark.parametrize(
    ("option", "value", "key", "expected"),
    [
        ("--title", "Second ferry crossing from Monday", "title", None),
        ("--author", "Ann Lee, Bo Chen", "author", None),
        ("--date", "2022", "published", "2022-01-01"),
        ("--date", "2022-11", "published", "2022-11-01"),
        ("--date", "2022-11-30", "published", "2022-11-30"),
        ("--site", "Coastline Courier", "site", None),
        ("--section", "Local", "section", None),
        ("--url", "https://courier.example.org/ferry", "source", None),
    ],
)
def test_each_field_can_be_edited(
    data_dir: Path, article: Path, option: str, value: str, key: str, expected: str | None
) -> None:
    result = reader(data_dir, "edit", "1", option, value, "--json", check=True)
    assert json.loads(result.stdout)["edited"] == [{"--date": "published"}.get(option, option[2:])]
    assert shown(data_dir)[key] == (expected or value)


def test_fields_are_cleared_by_clear_or_an_empty_value(data_dir: Path, article: Path) -> None:
    reader(data_dir, "edit", "1", "--section", "Local", check=True)
    assert shown(data_dir)["author"] == "Ann Lee"
    reader(data_dir, "edit", "1", "--clear", "author", "--section", "", check=True)
    data = shown(data_dir)
    assert (data["author"], data["section"]) == (None, None)
    assert json.loads(reader(data_dir, "sections", "--json", check=True).stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1", "--date", "2022-13"], "date '2022-13' is not a real day"),
        (["1", "--date", "2022-02-30"], "date '2022-02-30' is not a real day"),
        (["1", "--date", "5 May 2022"], "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        (["1", "--date", "22"], "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        (["7", "--title", "Anything"], "no article with id 7"),
        (["1", "--url", "ftp://example.org/a"], "is not an http or https address"),
        (["1", "--url", "courier.example.org"], "is not an http or https address"),
        (["1", "--url", "https://"], "is not an http or https address"),
        (["1", "--url", "https://exa mple.org/"], "contains spaces"),
        (["1", "--title", ""], "the title cannot be empty"),
        (["1", "--title", "   "], "the title cannot be empty"),
        (["1"], "nothing to edit"),
        (["1", "--author", "Bo", "--clear", "author"], "--author is both set and cleared"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    data_dir: Path, article: Path, args: list[str], message: str
) -> None:
    before = shown(data_dir)
    result = reader(data_dir, "edit", *args)
    assert result.returncode == 1
    assert result.stderr.startswith("reader: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert shown(data_dir) == before


def test_reimport_keeps_the_edited_fields_and_updates_the_others(
    data_dir: Path, article: Path
) -> None:
    reader(data_dir, "edit", "1", "--title", "Two ferries a day", "--section", "Islands")
    reader(data_dir, "edit", "1", "--date", "2023-04", check=True)
    # The same file again, then a new version of it: new site and author, a paragraph more.
    assert "duplicate" in reader(data_dir, "import", str(article), check=True).stdout
    page(article, "FERRY TIMETABLE (updated)", "The Courier", "Bo Chen", [*PARAGRAPHS, "More."])
    assert "updated" in reader(data_dir, "import", str(article), check=True).stdout
    data = shown(data_dir)
    assert (data["title"], data["section"], data["published"]) == (
        "Two ferries a day",
        "Islands",
        "2023-04-01",
    )
    assert (data["site"], data["author"]) == ("The Courier", "Bo Chen")
    assert "More." in str(data["text"])
    # The kept title still matches the stored hash: `check` finds nothing to repair.
    with Library(DataPaths(data_dir)) as lib:
        assert lib.check_articles(repair=False).damaged == ()


def test_a_new_version_from_the_same_url_keeps_the_edits(library: Library) -> None:
    url = "https://courier.example.org/ferry"
    first = library.add_article(Article("Ferry", "\n\n".join(PARAGRAPHS), "<p>x</p>", url=url))
    assert first.article_id is not None
    library.edit_details(first.article_id, {"title": "Ferries", "site": "Courier"})
    again = Article(
        "Ferry (live)", "\n\n".join([*PARAGRAPHS, "Update."]), "<p>y</p>", url=url, site="CNN"
    )
    result = library.add_article(again)
    assert (result.status, result.article_id) == (ImportStatus.UPDATED, first.article_id)
    summary = library.get_article(first.article_id).summary
    assert (summary.title, summary.site) == ("Ferries", "Courier")
    assert result.title == "Ferries"


def hits(data_dir: Path, query: str) -> list[int]:
    found = json.loads(reader(data_dir, "search", query, "--json", check=True).stdout)
    return [int(hit["id"]) for hit in found]


def test_search_finds_the_new_title_and_site(data_dir: Path, article: Path) -> None:
    assert hits(data_dir, "timetable") == [1]  # the index exists and follows the change log
    args = ["edit", "1", "--title", "Lighthouse keepers", "--site", "Gazette"]
    reader(data_dir, *args, "--author", "Bo Chen", "--section", "Coast", check=True)
    assert hits(data_dir, "lighthouse") == [1]
    assert hits(data_dir, "timetable") == []
    assert hits(data_dir, "site:Gazette") == [1]
    assert hits(data_dir, "section:Coast") == [1]
    assert hits(data_dir, "author:Chen") == [1]


def test_an_edit_is_one_change_in_the_log(data_dir: Path, article: Path) -> None:
    with Library(DataPaths(data_dir)) as lib:
        before = lib.last_change()
        lib.edit_details(1, {"title": "T", "author": "A", "published": "2020", "site": "S"})
        with lib.db.reading() as conn:
            rows = conn.execute(
                "SELECT entity, entity_id, op FROM changes WHERE seq > ?", (before,)
            ).fetchall()
    assert [tuple(r) for r in rows] == [("article", 1, "update")]


def test_restoring_puts_back_values_and_marks(library: Library, tmp_path: Path) -> None:
    source = page(tmp_path / "f.html", "Ferry timetable", "Courier", "Ann Lee", PARAGRAPHS)
    article_id = library.import_path(source).article_id
    assert article_id is not None
    before = library.edit_details(article_id, {"title": "New", "section": "Local"})
    assert library.details(article_id).edited == {"title", "section"}
    library.restore_details(article_id, before)
    after = library.details(article_id)
    assert after == before and after.edited == frozenset()
    assert library.sections() == []
