"""Feed files (Atom, RSS 2.0, JSON Feed) through the `reader` command: an article per entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli import reader

FEEDS = Path(__file__).parent.parent / "data" / "feeds"


def _import(lib: Path, *paths: Path) -> list[dict[str, object]]:
    return list(json.loads(reader(lib, "import", "--json", *map(str, paths)).stdout))


def _articles(lib: Path) -> dict[str, dict[str, object]]:
    listed = json.loads(reader(lib, "list", "--json", check=True).stdout)
    return {str(a["title"]): a for a in listed}


def _text(lib: Path, article: dict[str, object]) -> str:
    shown = json.loads(reader(lib, "show", str(article["id"]), "--json", check=True).stdout)
    return str(shown["text"])


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    results = _import(lib, FEEDS / "harbour.atom")
    assert [r["status"] for r in results] == ["imported", "imported"]
    articles = _articles(lib)
    ferries = articles["Ferries return to the north pier"]
    assert (ferries["site"], ferries["author"], ferries["published"]) == (
        "Harbour Notes",
        "Mara Quill",  # the feed's author, the entry naming none
        "2024-03-01",
    )
    # Full content, not the summary.
    assert "Commuters cheered" in _text(lib, ferries)
    assert "The ferries are back" not in _text(lib, ferries)
    gulls = articles["Gulls nest on the old crane"]
    assert gulls["author"] == "Tomas Reed"
    assert "herring gulls" in _text(lib, gulls)  # only a summary: the summary
    shown = json.loads(reader(lib, "show", str(gulls["id"]), "--json", check=True).stdout)
    assert shown["url"] == "https://harbour.example/2024/gulls"


def test_rss_items_prefer_content_encoded_over_the_description(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    _import(lib, FEEDS / "harbour.rss")
    articles = _articles(lib)
    lamp = articles["The lamp is lit again"]
    assert (lamp["site"], lamp["author"], lamp["published"]) == (
        "Lighthouse Weekly",
        "Ines Harrow",
        "2024-03-05",
    )
    assert "twenty nautical miles" in _text(lib, lamp)
    assert "teaser" not in _text(lib, lamp)
    cottage = articles["Keeper's cottage opens to visitors"]
    assert cottage["author"] == "Owen Marsh"  # "press@… (Owen Marsh)"
    assert "brass barometer" in _text(lib, cottage)


def test_json_feed_items_become_articles(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    _import(lib, FEEDS / "harbour.json")
    articles = _articles(lib)
    spring = articles["Spring tides this weekend"]
    assert (spring["site"], spring["author"], spring["published"]) == (
        "Tide Tables Blog",
        "Nell Brine",
        "2024-03-09",
    )
    shown = json.loads(reader(lib, "show", str(spring["id"]), "--json", check=True).stdout)
    assert 'href="https://tides.example/tables/march"' in shown["html"]  # relative, resolved
    neap = articles["What a neap tide is"]
    assert neap["author"] == "Ivo Kelp"
    assert _text(lib, neap) == (
        "Neap tides come a week after spring tides.\n\n"
        "The range between high and low water is smallest then."
    )


@pytest.mark.parametrize("name", ["harbour.atom", "harbour.rss", "harbour.json"])
def test_importing_a_feed_again_adds_nothing(tmp_path: Path, name: str) -> None:
    lib = tmp_path / "lib"
    _import(lib, FEEDS / name)
    before = _articles(lib)
    # The same file again is known by its bytes.
    assert [r["status"] for r in _import(lib, FEEDS / name)] == ["duplicate"]
    # A copy with other bytes (as a feed reader saves it again): each entry by its text.
    copy = tmp_path / name
    copy.write_bytes((FEEDS / name).read_bytes() + b"\n\n")
    assert [r["status"] for r in _import(lib, copy)] == ["duplicate", "duplicate"]
    assert _articles(lib).keys() == before.keys()


def test_an_entry_whose_text_changed_updates_its_article(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    _import(lib, FEEDS / "harbour.rss")
    lamp = _articles(lib)["The lamp is lit again"]
    reader(lib, "highlight", str(lamp["id"]), "--quote", "twenty nautical miles", check=True)
    changed = (FEEDS / "harbour.rss").read_text().replace("on Monday night", "on Monday evening")
    edited = tmp_path / "edited.rss"
    edited.write_text(changed)
    results = _import(lib, edited)
    assert sorted(str(r["status"]) for r in results) == ["duplicate", "updated"]
    articles = _articles(lib)
    assert len(articles) == 2
    assert articles["The lamp is lit again"]["id"] == lamp["id"]
    assert "Monday evening" in _text(lib, articles["The lamp is lit again"])
    notes = json.loads(reader(lib, "notes", str(lamp["id"]), "--json", check=True).stdout)
    assert "twenty nautical miles" in json.dumps(notes)


def test_feeds_are_known_by_their_content_not_their_suffix(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    atom_as_xml = shutil.copy(FEEDS / "harbour.atom", tmp_path / "notes.xml")
    rss_as_feed = shutil.copy(FEEDS / "harbour.rss", tmp_path / "weekly.feed")
    results = _import(lib, Path(atom_as_xml), Path(rss_as_feed))
    assert [r["status"] for r in results] == ["imported"] * 4
    other = tmp_path / "config.xml"
    other.write_text('<?xml version="1.0"?><settings><colour>blue</colour></settings>')
    proc = reader(lib, "import", str(other))
    assert proc.returncode == 1
    assert "not a feed (an XML document of type <settings>)" in proc.stdout


def test_a_folder_import_says_what_it_skipped_and_why(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    shutil.copy(FEEDS / "harbour.json", folder / "tides.json")
    (folder / "package.json").write_text('{"name": "not-a-feed"}')
    for n in range(3):
        (folder / f"photo{n}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "manual.pdf").write_bytes(b"%PDF-1.4")
    lib = tmp_path / "lib"
    proc = reader(lib, "import", str(folder), check=True)
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary == "2 imported, skipped 5: 3 .png, 1 .json (not a feed), 1 .pdf"
    results = json.loads(reader(lib, "import", "--json", str(folder), check=True).stdout)
    skipped = {Path(r["path"]).name: r["reason"] for r in results if r["status"] == "skipped"}
    assert skipped["manual.pdf"] == "unsupported file type"
    assert skipped["package.json"] == "not a feed"
    assert len(skipped) == 5


def test_a_feed_of_broken_markup_fails_in_one_line(tmp_path: Path) -> None:
    """The recovering parser makes "<:" an element named ":", which raised a traceback
    (found by the fuzz test)."""
    broken = tmp_path / "broken.atom"
    broken.write_bytes(b"<:")
    proc = reader(tmp_path / "lib", "import", str(broken))
    assert proc.returncode == 1
    assert "not a feed (an XML document of type <:>)" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
