"""Sync of article assets (content-addressed objects) and of the palette's colour meanings."""

from __future__ import annotations

import base64
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.annotation import Color
from reader.paths import DataPaths
from reader.services.library import Library

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PAGE = (
    "<html><head><title>Lighthouses</title></head><body><article><h1>Lighthouses</h1>"
    + "<p>Lamps on the long winter coast turn all night for the boats at sea.</p>" * 8
    + "<img src='data:image/png;base64,{image}' alt='lamp'></article></body></html>"
)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Library, Library, Path]]:
    """Two libraries, each with its own copy of the shared folder (a sync tool between)."""
    a, b = Library(DataPaths(tmp_path / "a")), Library(DataPaths(tmp_path / "b"))
    a.sync.setup(tmp_path / "A", "alice")
    a.sync_now()
    shutil.copytree(tmp_path / "A", tmp_path / "B")
    b.sync.join(a.sync.status().library, tmp_path / "B", "bob")
    yield a, b, tmp_path
    a.close()
    b.close()


def _carry(src: Path, dst: Path, *, objects: bool = True) -> None:
    for path in src.rglob("*"):
        target = dst / path.relative_to(src)
        if path.is_file() and not target.exists() and (objects or "objects" not in path.parts):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _import_page(lib: Library, tmp_path: Path) -> int:
    page = tmp_path / "in" / "lamps.html"
    page.parent.mkdir(exist_ok=True)
    page.write_text(PAGE.format(image=base64.b64encode(PNG).decode()), encoding="utf-8")
    result = lib.import_path(page)
    assert result.article_id is not None
    return result.article_id


def test_an_articles_images_travel_as_objects_written_once(
    pair: tuple[Library, Library, Path],
) -> None:
    a, b, tmp = pair
    article = _import_page(a, tmp)
    (image,) = a.assets_dir(article).iterdir()
    stored = image.read_bytes()
    a.sync_now()
    (objects,) = (tmp / "A").rglob("objects")
    assert (objects / hashlib.sha256(stored).hexdigest()).read_bytes() == stored
    _carry(tmp / "A", tmp / "B")
    b.sync_now()
    (there,) = b.list_articles()
    assert (b.assets_dir(there.id) / image.name).read_bytes() == stored
    assert b.get_article(there.id).html == a.get_article(article).html


def test_an_article_waits_for_its_images_to_arrive(pair: tuple[Library, Library, Path]) -> None:
    a, b, tmp = pair
    article = _import_page(a, tmp)
    (stored,) = [p.read_bytes() for p in a.assets_dir(article).iterdir()]
    a.sync_now()
    _carry(tmp / "A", tmp / "B")
    (objects,) = (tmp / "B").rglob("objects")
    image = objects / hashlib.sha256(stored).hexdigest()
    image.write_bytes(stored[:10])  # torn: still arriving
    b.sync_now()
    assert b.list_articles() == []
    image.write_bytes(stored)
    b.sync_now()
    (there,) = b.list_articles()
    assert [p.read_bytes() for p in b.assets_dir(there.id).iterdir()] == [stored]


def test_colour_meanings_sync_per_colour(pair: tuple[Library, Library, Path]) -> None:
    a, b, tmp = pair
    a.annotations.set_color_meaning(Color.YELLOW, "key claim")
    b.annotations.set_color_meaning(Color.BLUE, "question")
    for _ in range(2):
        a.sync_now()
        b.sync_now()
        _carry(tmp / "A", tmp / "B")
        _carry(tmp / "B", tmp / "A")
    a.sync_now()
    b.sync_now()
    for lib in (a, b):
        meanings = lib.annotations.color_meanings()
        assert meanings[Color.YELLOW] == "key claim"
        assert meanings[Color.BLUE] == "question"


def test_the_later_meaning_of_one_colour_wins_everywhere(
    pair: tuple[Library, Library, Path],
) -> None:
    a, b, tmp = pair
    a.annotations.set_color_meaning(Color.GREEN, "method")
    a.sync_now()
    _carry(tmp / "A", tmp / "B")
    b.sync_now()
    assert b.annotations.color_meanings()[Color.GREEN] == "method"
    b.annotations.set_color_meaning(Color.GREEN, "")  # cleared after seeing it
    b.sync_now()
    _carry(tmp / "B", tmp / "A")
    a.sync_now()
    assert a.annotations.color_meanings()[Color.GREEN] is None
