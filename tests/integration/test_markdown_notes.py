"""A Markdown note from an Obsidian vault: its images and embeds stored, front-matter tags,
tables, footnotes linked both ways and callouts with their titles."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from reader.importers import LocalImages, import_file
from reader.importers.markdown import import_markdown
from tests.cli import reader
from tests.web import png

VAULT = Path(__file__).parent.parent / "data" / "markdown" / "vault"
NOTE = "notes/Harbour walk.md"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return Path(shutil.copytree(VAULT, tmp_path / "vault"))


def test_the_note_through_the_cli(vault: Path, data_dir: Path) -> None:
    done = reader(data_dir, "import", "--json", str(vault), check=True)
    # .obsidian/app.json is not a note; the images beside the note are reported skipped.
    (result,) = [r for r in json.loads(done.stdout) if r["status"] != "skipped"]
    article_id = result["id"]
    article = json.loads(reader(data_dir, "show", str(article_id), "--json", check=True).stdout)
    assets = data_dir / "assets" / str(article_id)
    stored = sorted(p.read_bytes() for p in assets.glob("*.png"))
    relative = (vault / "notes/img/tide chart.png").read_bytes()
    embedded = (vault / "attachments/harbour.png").read_bytes()
    assert stored == sorted([relative, embedded])
    html = article["html"]
    assert re.search(r'<img src="assets/[0-9a-f]{32}\.png" alt="harbour" width="300">', html)
    found = reader(data_dir, "search", "tag:harbour", "--json", check=True).stdout
    assert [hit["id"] for hit in json.loads(found)] == [article_id]
    tagged = reader(data_dir, "search", "tag:walks", "--json", check=True).stdout
    assert [hit["id"] for hit in json.loads(tagged)] == [article_id]


class TestNoteStructure:
    @pytest.fixture(autouse=True)
    def note(self, vault: Path) -> None:
        self.article = import_file(vault / NOTE)

    def test_front_matter_tags(self) -> None:
        assert self.article.tags == ("walks", "harbour")

    def test_table_rows_and_cells_stay_apart(self) -> None:
        text = self.article.text
        assert re.search(r"Old pier\s*\t0 km\s*\t09:00\n\nLighthouse\s*\t2\.5 km\s*\t09:40", text)
        assert self.article.html.count("<tr>") == 3 and self.article.html.count("<td>") == 6

    def test_footnote_at_the_end_linked_both_ways(self) -> None:
        html = self.article.html
        assert '<a href="#fn1" id="fnref1"' in html
        assert '<li id="fn1">' in html and '<a href="#fnref1"' in html
        assert self.article.text.rstrip().split("\n\n")[-1].startswith("The keepers returned")
        assert "[^keeper]" not in self.article.text

    def test_callout_title_apart_from_its_body(self) -> None:
        paragraphs = self.article.text.split("\n\n")
        assert "Bring water" in paragraphs
        assert "There is no café between the pier and the lighthouse." in paragraphs
        assert "Tip" in paragraphs and "Go on a weekday." in paragraphs
        assert "[!note]" not in self.article.text
        assert "<p><strong>Bring water</strong></p>" in self.article.html

    def test_web_image_is_a_placeholder_never_fetched_here(self) -> None:
        (url,) = self.article.remote_images.values()
        assert url == "https://gulls.example/gull.jpg"
        assert "gulls.example" not in self.article.html


def test_embeds_and_links_never_leave_the_vault(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(png(5, 5) + b"secret")
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "inside.png").write_bytes(png(3, 3))
    (vault / "link.png").symlink_to(tmp_path / "secret.png")
    note = vault / "a" / "note.md"
    note.parent.mkdir()
    note.write_text(
        "Walking notes for the harbour.\n\n![x](../../secret.png) ![[../../secret.png]] "
        "![[secret.png]] ![[link.png]] ![y](/etc/passwd) ![[inside.png]]\n"
    )
    article = import_markdown(note.read_bytes(), "note.md", LocalImages.beside(note))
    assert list(article.assets.values()) == [png(3, 3)]


def test_an_embed_by_path_is_found_from_the_vault_root(tmp_path: Path) -> None:
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / "media" / "maps").mkdir(parents=True)
    (tmp_path / "media" / "maps" / "bay.png").write_bytes(png(6, 6))
    note = tmp_path / "trips" / "2024" / "bay.md"
    note.parent.mkdir(parents=True)
    note.write_text("A walk round the bay.\n\n![[media/maps/bay.png]]\n")
    article = import_markdown(note.read_bytes(), "bay.md", LocalImages.beside(note))
    assert list(article.assets.values()) == [png(6, 6)]


def test_embed_of_a_note_keeps_its_name_and_code_keeps_the_syntax() -> None:
    source = b"See ![[Other note#Part]] here.\n\n`![[code.png]]` stays.\n"
    article = import_markdown(source, "n.md")
    assert "See Other note here." in article.text
    assert "![[code.png]] stays." in article.text
