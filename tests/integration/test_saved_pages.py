"""Browser "save complete" layouts (Chrome/Edge, Firefox): the page's images from its folder,
the folder's own files never articles, nothing outside the page's folder ever read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reader.importers import LocalImages, import_file
from tests.cli import reader
from tests.web import png

SAVED = Path(__file__).parent.parent / "data" / "saved"
CHROME_PAGE = "Lighthouse keepers return - Bay News.html"
CHROME_FILES = "Lighthouse keepers return - Bay News_files"


def imported(data_dir: Path, *paths: Path) -> list[dict[str, object]]:
    done = reader(data_dir, "import", "--json", *map(str, paths))
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def shown(data_dir: Path, article_id: object) -> dict[str, object]:
    return dict(json.loads(reader(data_dir, "show", str(article_id), "--json", check=True).stdout))


def images_in(folder: Path) -> list[bytes]:
    return sorted(p.read_bytes() for p in folder.iterdir() if p.suffix != ".json")


def test_a_chrome_complete_save_imported_as_a_folder(tmp_path: Path, data_dir: Path) -> None:
    folder = shutil.copytree(SAVED / "chrome", tmp_path / "saved")
    results = imported(data_dir, folder)
    # One article: the saved ad frame, the script and the style sheet are not articles.
    assert [r["title"] for r in results] == ["Lighthouse keepers return"]
    article = shown(data_dir, results[0]["id"])
    assets = data_dir / "assets" / str(results[0]["id"])
    files = folder / CHROME_FILES
    # The two body images (one named with a space and brackets, percent-encoded in the page)
    # are stored; the sidebar's banner is not the article's.
    assert images_in(assets) == sorted(
        [(files / "tower photo(1).png").read_bytes(), (files / "keeper.png").read_bytes()]
    )
    for image in assets.glob("*.png"):
        assert f'src="assets/{image.name}"' in str(article["html"])
    assert "holiday cottages" not in str(article["text"])


def test_a_firefox_save_with_an_htm_page_alone(tmp_path: Path, data_dir: Path) -> None:
    folder = shutil.copytree(SAVED / "firefox", tmp_path / "saved")
    (result,) = imported(data_dir, folder / "Ferry timetable changes.htm")
    assert result["title"] == "Ferry timetable changes"
    assets = data_dir / "assets" / str(result["id"])
    assert images_in(assets) == [(folder / "Ferry timetable changes_files/ferry.png").read_bytes()]
    # Imported as a folder too, its saved frame stays out.
    assert [r["title"] for r in imported(data_dir, folder)] == ["Ferry timetable changes"]


def test_a_folder_that_merely_resembles_a_resource_folder_is_imported(
    tmp_path: Path, data_dir: Path
) -> None:
    (tmp_path / "notes_files").mkdir()
    (tmp_path / "notes_files" / "kept.txt").write_text("A note kept in a folder of its own.\n")
    # No page called "notes" beside it: an ordinary folder.
    statuses = [r["status"] for r in imported(data_dir, tmp_path)]
    assert [s for s in statuses if s != "skipped"] == ["imported"]


def test_nothing_outside_the_pages_folder_is_read(tmp_path: Path) -> None:
    secret = png(5, 5) + b"secret"
    (tmp_path / "secret.png").write_bytes(secret)
    page_dir = tmp_path / "site"
    (page_dir / "page_files").mkdir(parents=True)
    (page_dir / "page_files" / "linked.png").symlink_to(tmp_path / "secret.png")
    (page_dir / "page_files" / "up").symlink_to(tmp_path)
    os.mkfifo(page_dir / "page_files" / "fifo.png")
    inside = png(3, 3)
    (page_dir / "page_files" / "ok.png").write_bytes(inside)
    sources = [
        "../secret.png",
        "page_files/../../secret.png",
        "page_files/%2E%2E/%2E%2E/secret.png",
        str(tmp_path / "secret.png"),
        f"file://{tmp_path / 'secret.png'}",
        "page_files/linked.png",
        "page_files/up/secret.png",
        "page_files/fifo.png",
        "page_files/ok.png",
    ]
    body = "".join(
        f'<p>Paragraph {n} of the harbour story.<img src="{s}" alt="i{n}"></p>'
        for n, s in enumerate(sources)
    )
    page = page_dir / "page.html"
    page.write_text(
        f"<html><head><title>Harbour</title></head><body><article>{body}"
        "<p>The harbour master said the pier will reopen in spring.</p>"
        "</article></body></html>"
    )
    article = import_file(page)
    assert list(article.assets.values()) == [inside]
    local = LocalImages.beside(page)
    assert local.source()("page_files/up/secret.png") is None
    assert local.source()("page_files/ok.png") == inside


@pytest.mark.parametrize("name", ["a b.png", "a%20b.png", "日本.png", "100%.png"])
def test_percent_encoded_and_literal_names(tmp_path: Path, name: str) -> None:
    data = png(2, 2) + name.encode()
    (tmp_path / "x_files").mkdir()
    (tmp_path / "x_files" / name).write_bytes(data)
    encoded = "x_files/" + name.replace("%", "%25").replace(" ", "%20")
    source = LocalImages.beside(tmp_path / "x.html").source()
    assert source(encoded) == data
    if "%" not in name:  # a literal name is found as written too
        assert source(f"x_files/{name}") == data


def test_a_page_inside_a_vault_reads_only_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / "photo.png").write_bytes(png(3, 3))
    page = tmp_path / "saved" / "page.html"
    page.parent.mkdir()
    assert LocalImages.beside(page).source()("../photo.png") is None
    note = tmp_path / "saved" / "note.md"
    assert LocalImages.beside(note).source()("../photo.png") == png(3, 3)


@pytest.mark.slow
def test_many_saved_pages_in_worker_processes(tmp_path: Path, data_dir: Path) -> None:
    # More files than the small-import threshold: extraction runs in worker processes, which
    # are handed where each page is and read its folder themselves.
    for number in range(12):
        shutil.copytree(SAVED / "firefox", tmp_path / "pages" / f"{number:02}")
        page = tmp_path / "pages" / f"{number:02}" / "Ferry timetable changes.htm"
        page.write_text(page.read_text().replace("Ferry timetable", f"Ferry {number} timetable"))
    results = imported(data_dir, tmp_path / "pages")
    assert len(results) == 12 and all(r["status"] == "imported" for r in results)
    image = (SAVED / "firefox" / "Ferry timetable changes_files" / "ferry.png").read_bytes()
    for result in results:
        assert images_in(data_dir / "assets" / str(result["id"])) == [image]
