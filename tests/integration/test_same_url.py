"""Pages that share a URL or a file: a new version only when they tell the same story."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.annotation import AnchorStatus
from reader.paths import DataPaths
from reader.services.library import ImportStatus, Library

VERSIONS = Path(__file__).parent.parent / "data" / "versions"
HOME = "https://courier.example.org/"


def story(name: str) -> tuple[str, list[str]]:
    """Headline and body paragraphs of a saved page written for the tests."""
    parts = (VERSIONS / name).read_text(encoding="utf-8").split("\n\n")
    return parts[2], parts[4:-1]


def html_page(path: Path, headline: str, paragraphs: list[str], url: str = HOME) -> Path:
    """A news page whose canonical and og:url name the site's home page, as some sites do."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    path.write_text(
        f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(headline)} - Coastline Courier</title>
<meta property="og:title" content="{escape(headline)}">
<meta property="og:url" content="{url}"><link rel="canonical" href="{url}">
<meta property="og:site_name" content="Coastline Courier"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/world">World</a></nav>
<main><article><h1>{escape(headline)}</h1>
{body}
</article></main>
<footer><p>© 2023 Coastline Courier. All rights reserved.</p></footer></body></html>""",
        encoding="utf-8",
    )
    return path


def reader(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


QUOTE = "We cannot sail without a full crew"


def import_and_highlight(data_dir: Path, page: Path) -> tuple[int, int, int]:
    """Import the ferry story and highlight a quote: (article id, highlight id, start)."""
    assert reader(data_dir, "import", str(page)) == 0
    with Library(DataPaths(data_dir)) as lib:
        (summary,) = lib.list_articles()
        mark = lib.annotations.highlight_quote(summary.id, QUOTE, note="crew shortage")
        return summary.id, mark.id, mark.start


def test_two_different_pages_sharing_og_url_stay_two_articles(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ferry = html_page(tmp_path / "ferry.html", *story("en-ferry.txt"))
    pier = html_page(tmp_path / "pier.html", *story("en-pier.txt"))
    first, mark_id, start = import_and_highlight(data_dir, ferry)
    with Library(DataPaths(data_dir)) as lib:
        ferry_text = lib.get_article(first).text
    capsys.readouterr()

    assert reader(data_dir, "import", str(pier)) == 0
    out = capsys.readouterr().out
    assert f"(same URL as #{first} but a different story" in out, out
    with Library(DataPaths(data_dir)) as lib:
        assert lib.count() == 2
        assert lib.get_article(first).text == ferry_text
        (mark,) = lib.annotations.highlights(first)
        assert (mark.id, mark.status, mark.start) == (mark_id, AnchorStatus.ANCHORED, start)
        assert mark.quote.exact == QUOTE and mark.note == "crew shortage"
        other = next(a.id for a in lib.list_articles() if a.id != first)
        assert "larch" in lib.get_article(other).text
        assert lib.annotations.highlights(other) == []


def test_an_edited_version_keeps_its_id_and_its_highlights_move_with_the_text(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headline, paragraphs = story("en-ferry.txt")
    first, mark_id, start = import_and_highlight(
        data_dir, html_page(tmp_path / "ferry.html", headline, paragraphs)
    )
    update = (
        "Update: the company has agreed to keep one late crossing on Wednesdays until the end "
        "of January while it recruits more crew, after a meeting with the island council."
    )
    edited = [update, *paragraphs]
    edited[2] = edited[2].replace("the regional transport office", "the transport board")
    capsys.readouterr()

    assert reader(data_dir, "import", str(html_page(tmp_path / "v2.html", headline, edited))) == 0
    out = capsys.readouterr().out
    assert f"updated #{first} (new version, similarity " in out, out
    with Library(DataPaths(data_dir)) as lib:
        assert lib.count() == 1
        assert lib.get_article(first).text.startswith("Update: the company")
        (mark,) = lib.annotations.highlights(first)
        assert (mark.id, mark.status) == (mark_id, AnchorStatus.ANCHORED)
        assert mark.start > start, "re-anchored after the inserted update"
        assert lib.get_article(first).text[mark.start : mark.end] == QUOTE


def test_an_unsure_page_is_kept_apart_and_replace_still_makes_it_a_version(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headline, paragraphs = story("en-ferry.txt")
    first, mark_id, _ = import_and_highlight(
        data_dir, html_page(tmp_path / "ferry.html", headline, paragraphs)
    )
    # Half the paragraphs replaced by the other story's: neither clearly one story nor two.
    _, pier = story("en-pier.txt")
    mixed = html_page(tmp_path / "mixed.html", headline, paragraphs[:4] + pier[:4])
    capsys.readouterr()

    assert reader(data_dir, "import", "--json", str(mixed)) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["status"] == ImportStatus.IMPORTED.value and result["id"] != first
    assert result["same_source"]["id"] == first
    assert result["same_source"]["verdict"] == "unsure"
    assert 0.35 <= result["same_source"]["similarity"] < 0.8
    second = result["id"]

    # The advice the plain output gives, followed: remove the copy, import as a version.
    assert reader(data_dir, "remove", "--for-good", str(second)) == 0
    assert reader(data_dir, "import", str(mixed)) == 0
    assert f"reader remove --for-good {second + 1}, then import it with --replace {first}" in (
        capsys.readouterr().out
    )
    assert reader(data_dir, "remove", "--for-good", str(second + 1)) == 0
    capsys.readouterr()
    assert reader(data_dir, "import", "--replace", str(first), str(mixed)) == 0
    assert f"updated #{first} (new version)" in capsys.readouterr().out
    with Library(DataPaths(data_dir)) as lib:
        assert lib.count() == 1
        (mark,) = lib.annotations.highlights(first)
        assert mark.id == mark_id and mark.status is AnchorStatus.ANCHORED


def test_a_file_rewritten_with_another_story_becomes_a_new_article(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "today.txt"
    notes.write_text((VERSIONS / "zh-bookshop.txt").read_text(encoding="utf-8"), "utf-8")
    assert reader(data_dir, "import", str(notes)) == 0
    notes.write_text((VERSIONS / "zh-market.txt").read_text(encoding="utf-8"), "utf-8")
    capsys.readouterr()
    assert reader(data_dir, "import", str(notes)) == 0
    assert "(same file as #1 but a different story" in capsys.readouterr().out
    with Library(DataPaths(data_dir)) as lib:
        assert lib.count() == 2
        assert "书店" in lib.get_article(1).text


def _page(headline: str, paragraphs: list[str], url: str) -> str:
    """The page as a server (or the browser's live DOM) gives it, its canonical its own URL."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(headline)}</title><link rel="canonical" href="{url}"></head>
<body><main><article><h1>{escape(headline)}</h1>
{body}
</article></main></body></html>"""


@pytest.mark.parametrize("how", ["url", "connector"])
def test_a_page_captured_again_is_a_version_only_when_it_tells_the_same_story(
    data_dir: Path, how: str
) -> None:
    from tests.web import html, serving

    headline, paragraphs = story("en-ferry.txt")
    update = "Update: the company has agreed to keep one late crossing on Wednesdays for now."
    pages = [
        (headline, paragraphs),
        (headline, [update, *paragraphs]),  # the same story, edited
        story("en-pier.txt"),  # another story at the same address
    ]
    with serving({}) as site, Library(DataPaths(data_dir)) as lib:
        url = site.url("/news/today")

        def capture(n: int) -> tuple[ImportStatus, int | None]:
            page = _page(*pages[n], url)
            if how == "connector":  # what the extension posts: the same service call
                result = lib.save_page(url, pages[n][0], page).result
            else:
                site.routes["/news/today"] = html(page)
                result = lib.import_url(url)
            return result.status, result.article_id

        status, first = capture(0)
        assert status is ImportStatus.IMPORTED and first is not None
        mark = lib.annotations.highlight_quote(first, QUOTE, note="crew shortage")
        assert capture(1) == (ImportStatus.UPDATED, first)
        (moved,) = lib.annotations.highlights(first)
        assert (moved.id, moved.status) == (mark.id, AnchorStatus.ANCHORED)
        assert moved.start > mark.start  # re-anchored after the inserted update
        assert lib.get_article(first).text[moved.start : moved.end] == QUOTE
        edited_text = lib.get_article(first).text
        status, other = capture(2)
        assert status is ImportStatus.IMPORTED and other not in (None, first)
        assert lib.get_article(first).text == edited_text  # the ferry story is not replaced
        assert [h.id for h in lib.annotations.highlights(first)] == [mark.id]
        assert lib.count() == 2
