"""A small library for the annotation-interop tests: the articles the fixtures' highlights name."""

from __future__ import annotations

from pathlib import Path

from reader.core.article import Article
from reader.services.library import Library
from tests.articles import SAVED_PAGE_ZH, write

FIXTURES = Path(__file__).parent / "data" / "annotations"

HARBOUR = Article(
    title="Morning light on the old harbour",
    text=(
        "The fishing boats leave before sunrise, and by seven the quay is quiet again.\n\n"
        "Tourists arrive later, drawn by the painted warehouses and the smell of fresh bread."
    ),
    html="<p>The fishing boats…</p>",
    author="Ana Lima",
    url="https://example.org/harbour",
    site="example.org",
)
LONG_WALK = Article(
    title="The Long Walk",
    text=(
        "Chapter one.\n\n"
        "We walked along the river until the lights of the town were behind us.\n\n"
        "Chapter two.\n\n"
        "No one spoke, and the dog ran ahead as if it knew the way home."
    ),
    html="<p>Chapter one.</p>",
    author="Jane Doe",
)


def fill(library: Library, tmp: Path) -> dict[str, int]:
    """The three articles, by name: harbour (URL, author), kites (Chinese, no URL), walk."""
    harbour = library.add_article(HARBOUR).article_id
    walk = library.add_article(LONG_WALK).article_id
    kites_file = write(tmp / "in" / "kites.txt", SAVED_PAGE_ZH)
    kites = library.import_path(kites_file).article_id
    assert harbour and walk and kites
    return {"harbour": harbour, "walk": walk, "kites": kites}


def annotate_for_notes(library: Library, first_note: str = "Early start") -> dict[str, int]:
    """The harbour and the long walk, highlighted and noted, for the notes-folder exports
    (Obsidian vault, Logseq graph): article ids by name."""
    harbour = library.add_article(HARBOUR).article_id
    walk = library.add_article(LONG_WALK).article_id
    assert harbour and walk
    boats = "The fishing boats leave before sunrise"
    library.annotations.highlight_quote(
        harbour, boats, color="green", note=first_note, tags=["work day"]
    )
    library.annotations.highlight_quote(harbour, "the smell of fresh bread", color="pink")
    library.annotations.set_note(harbour, "Read for the **port** project.")
    library.annotations.highlight_quote(walk, "the dog ran ahead")
    library.annotations.set_color_meaning("green", "key claim")
    return {"harbour": harbour, "walk": walk}
