"""EPUB books through the `reader` command: one article per book, outline, images, metadata."""

from __future__ import annotations

import json
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from tests.cli import reader
from tests.epubs import CONTAINER, Book, Chapter, build_epub, sample_book


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _import(lib: Path, *paths: Path) -> list[dict[str, object]]:
    proc = reader(lib, "import", "--json", *map(str, paths))
    return list(json.loads(proc.stdout))


def _show(lib: Path, article_id: object) -> dict[str, object]:
    return dict(json.loads(reader(lib, "show", str(article_id), "--json", check=True).stdout))


@pytest.mark.parametrize("version", [2, 3])
def test_a_book_becomes_one_article_with_its_outline(tmp_path: Path, version: int) -> None:
    lib = tmp_path / "lib"
    book = _write(tmp_path / f"keeper{version}.epub", build_epub(sample_book(version)))
    (result,) = _import(lib, book)
    assert result["status"] == "imported"
    shown = _show(lib, result["id"])
    assert shown["title"] == "The Lighthouse Keeper"
    assert shown["author"] == "Ada Brightwater, Li Wei"
    assert (shown["site"], shown["published"], shown["language"]) == (
        "Harbour Press",
        "2019-05-04",
        "en",
    )
    assert shown["url"] == "urn:uuid:0f2a8c8e-6f0e-4c7a-9d1b-2b8f5e3c4d11"
    html = str(shown["html"])
    # Chapters in spine order as <h2> with anchors; the chapter's own section below them.
    assert re.findall(r'<h2 id="(ch\d)">([^<]*)</h2>', html) == [
        ("ch1", "The Storm"),
        ("ch2", "The Lamp"),
        ("ch3", "The Rescue"),
    ]
    assert "<h3>Oil and Wicks</h3>" in html
    # The contents list comes first and links to those anchors.
    contents = html[: html.index("<h2")]
    assert re.findall(r'href="#(ch\d)"', contents) == ["ch1", "ch2", "ch3"]
    # The navigation document is replaced by our contents list, not shown as a chapter.
    assert "Contents" not in str(shown["text"])


@pytest.mark.parametrize("version", [2, 3])
def test_chapters_titled_by_paragraphs_take_the_books_contents_labels(
    tmp_path: Path, version: int
) -> None:
    book = sample_book(version)
    book.chapters = [
        Chapter(c.title, c.paragraphs, c.image, c.extra, heading=False) for c in book.chapters
    ]
    lib = tmp_path / "lib"
    (result,) = _import(lib, _write(tmp_path / "styled.epub", build_epub(book)))
    shown = _show(lib, result["id"])
    html = str(shown["html"])
    titles = re.findall(r'<h2 id="ch\d">([^<]*)</h2>', html)
    assert titles == ["The Storm", "The Lamp", "The Rescue"]
    assert str(shown["text"]).count("The Storm") == 2  # in the contents list and as the heading


def test_footnote_links_lead_to_the_note_across_chapters(tmp_path: Path) -> None:
    book = sample_book()
    first, second, third = book.chapters
    book.chapters = [
        Chapter(
            first.title,
            first.paragraphs,
            extra='<p>Dawn came late.<a href="ch3.xhtml#n1">1</a></p>',
        ),
        second,
        Chapter(
            third.title,
            third.paragraphs,
            extra='<aside epub:type="footnote" id="n1"><p>Logged at 06:40.</p></aside>'
            '<p><a id="back"/>See <a href="#back">here</a> and '
            '<a href="ch2.xhtml">the lamp</a>.</p>',
        ),
    ]
    lib = tmp_path / "lib"
    (result,) = _import(lib, _write(tmp_path / "notes.epub", build_epub(book)))
    html = str(_show(lib, result["id"])["html"])
    assert '<a href="#ch3-n1"' in html
    assert '<p id="ch3-n1">Logged at 06:40.</p>' in html
    assert '<p id="ch3-back">' in html and '<a href="#ch3-back"' in html
    assert '<a href="#ch2"' in html  # a chapter as a whole: its heading


def test_a_book_image_is_stored_as_an_asset(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    (result,) = _import(lib, _write(tmp_path / "keeper.epub", build_epub(sample_book())))
    html = str(_show(lib, result["id"])["html"])
    (name,) = re.findall(r'<img alt="a lamp" src="assets/([0-9a-f]{32}\.png)"', html)
    stored = lib / "assets" / str(result["id"]) / name
    assert stored.read_bytes() == sample_book().images["images/lamp.png"]


def test_search_finds_a_word_of_chapter_three(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    (result,) = _import(lib, _write(tmp_path / "keeper.epub", build_epub(sample_book())))
    found = json.loads(reader(lib, "search", "cormorant", "--json", check=True).stdout)
    assert [hit["id"] for hit in found] == [result["id"]]


def test_a_passage_of_a_book_can_be_highlighted(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    (result,) = _import(lib, _write(tmp_path / "keeper.epub", build_epub(sample_book())))
    quote = "Whale oil gave way to kerosene"
    reader(lib, "highlight", str(result["id"]), "--quote", quote, "--note", "lamps", check=True)
    notes = json.loads(reader(lib, "notes", str(result["id"]), "--json", check=True).stdout)
    assert quote in json.dumps(notes)


def test_a_folder_of_books_and_feeds_only_is_imported(tmp_path: Path) -> None:
    folder = tmp_path / "shelf"
    _write(folder / "keeper.epub", build_epub(sample_book()))
    feeds = Path(__file__).parent.parent / "data" / "feeds"
    _write(folder / "tides.json", (feeds / "harbour.json").read_bytes())
    results = _import(tmp_path / "lib", folder)
    assert [r["status"] for r in results] == ["imported", "imported", "imported"]


# -- hostile and damaged books -----------------------------------------------------------------


def _zip(files: dict[str, bytes | str]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _book_with(**extra: bytes | str) -> bytes:
    files: dict[str, bytes | str] = {}
    with zipfile.ZipFile(BytesIO(build_epub(sample_book()))) as archive:
        for name in archive.namelist():
            files[name] = archive.read(name)
    files.update(extra)
    return _zip(files)


def _bomb() -> bytes:
    # 300 MB of zeros compress to about 300 KB: far over the unpacked limit.
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("META-INF/container.xml", CONTAINER)
        with archive.open("OEBPS/text/ch1.xhtml", "w", force_zip64=True) as member:
            block = bytes(1 << 20)
            for _ in range(300):
                member.write(block)
    return out.getvalue()


_XXE_OPF = """<?xml version="1.0"?>
<!DOCTYPE package [<!ENTITY secret SYSTEM "file:///etc/hostname">
<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title>Leak &secret; &d;</dc:title></metadata>
  <manifest><item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="c1"/></spine>
</package>"""


HOSTILE = {
    "not a zip": (b"PK\x03\x04 this is not really a zip archive", "not a readable zip archive"),
    "no container": (_zip({"mimetype": "application/epub+zip"}), "no META-INF/container.xml"),
    "no OPF": (
        _zip({"mimetype": "application/epub+zip", "META-INF/container.xml": CONTAINER}),
        "no package file OEBPS/content.opf",
    ),
    "path traversal": (_book_with(**{"../../evil.xhtml": "<p>x</p>"}), "unsafe file name"),
    "absolute name": (_book_with(**{"/etc/cron.d/evil": "x"}), "unsafe file name"),
    "DRM": (
        _book_with(
            **{
                "META-INF/encryption.xml": (
                    '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                    '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                    '<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/>'
                    "</enc:CipherData></enc:EncryptedData></encryption>"
                )
            }
        ),
        "DRM-protected",
    ),
    "too many files": (
        _zip({f"OEBPS/f{n}.txt": "" for n in range(5_001)}),
        "more than 5000 files",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_or_damaged_book_fails_with_one_line_and_stores_nothing(
    tmp_path: Path, case: str
) -> None:
    data, reason = HOSTILE[case]
    lib = tmp_path / "lib"
    proc = reader(lib, "import", "--json", str(_write(tmp_path / "bad.epub", data)))
    assert proc.returncode == 1
    (result,) = json.loads(proc.stdout)
    assert result["status"] == "failed"
    assert reason in result["reason"] and "\n" not in result["reason"]
    assert json.loads(reader(lib, "list", "--json", check=True).stdout) == []
    assert not any((lib / "assets").glob("*")) if (lib / "assets").exists() else True


def test_obfuscated_fonts_are_not_taken_for_drm(tmp_path: Path) -> None:
    fonts = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/fonts/serif.otf"/>'
        "</enc:CipherData></enc:EncryptedData></encryption>"
    )
    book = _book_with(**{"META-INF/encryption.xml": fonts, "OEBPS/fonts/serif.otf": b"\0" * 64})
    (result,) = _import(tmp_path / "lib", _write(tmp_path / "fonts.epub", book))
    assert result["status"] == "imported"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    proc = reader(tmp_path / "lib", "import", "--json", str(_write(tmp_path / "b.epub", _bomb())))
    (result,) = json.loads(proc.stdout)
    assert "unpacks to more than 256 MB" in result["reason"]


def test_entities_in_the_package_are_neither_read_nor_expanded(tmp_path: Path) -> None:
    book = _book_with(**{"OEBPS/content.opf": _XXE_OPF})
    lib = tmp_path / "lib"
    (result,) = _import(lib, _write(tmp_path / "xxe.epub", book))
    assert result["status"] == "imported"
    # Neither the file the entity names nor the multiplied text: the references are dropped.
    assert _show(lib, result["id"])["title"] == "Leak"


def test_a_chapter_with_a_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "haha">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>The Storm</h1>'
        "<p>Calm words &c; here.</p></body></html>"
    )
    lib = tmp_path / "lib"
    data = _book_with(**{"OEBPS/text/ch1.xhtml": laughs})
    (result,) = _import(lib, _write(tmp_path / "laughs.epub", data))
    assert "hahahaha" not in str(_show(lib, result["id"])["text"])


def test_a_book_of_only_empty_chapters_fails(tmp_path: Path) -> None:
    empty = Book(chapters=[Chapter("", [])])
    proc = reader(tmp_path / "lib", "import", str(_write(tmp_path / "e.epub", build_epub(empty))))
    assert proc.returncode == 1
    assert "no readable text" in proc.stdout
