"""W3C collections split into pages, and Markdown notes that read well outside Reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.articles import SAVED_PAGE_ZH, write
from tests.cli import reader

QUOTES = ["碳纤维和轻质尼龙", "带灯的风筝"]


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    write(tmp_path / "in" / "kites.txt", SAVED_PAGE_ZH)
    reader(lib, "import", str(tmp_path / "in" / "kites.txt"), check=True)
    for quote in QUOTES:
        reader(lib, "highlight", "1", "--quote", quote, check=True)
    return lib


def exported(lib: Path, tmp_path: Path) -> dict[str, object]:
    out = tmp_path / "all.jsonld"
    reader(lib, "export", "--format", "w3c", "-o", str(out), check=True)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def paged(document: dict[str, object], *, last_linked: bool) -> list[object]:
    """The collection as separate top-level nodes: the collection, then one page per
    annotation, joined by `next` links given as IRIs (the last one left out if asked)."""
    first = document["first"]
    assert isinstance(first, dict)
    items = first["items"]
    ids = [f"urn:example:page-{n}" for n in range(len(items))]
    pages: list[object] = [
        {"id": ids[n], "type": "AnnotationPage", "items": [item], "next": ids[n + 1]}
        for n, item in enumerate(items[:-1])
    ]
    if not last_linked:
        pages.append({"id": ids[-1], "type": "AnnotationPage", "items": [items[-1]]})
    collection = {**document, "first": ids[0]}
    return [collection, *pages]


def fresh_library(tmp_path: Path) -> Path:
    other = tmp_path / "other"
    reader(other, "import", str(tmp_path / "in" / "kites.txt"), check=True)
    return other


def test_pages_given_by_iri_inside_the_file_are_followed(lib: Path, tmp_path: Path) -> None:
    file = tmp_path / "paged.jsonld"
    file.write_text(json.dumps(paged(exported(lib, tmp_path), last_linked=False)), "utf-8")
    other = fresh_library(tmp_path)
    result = reader(other, "annotations", "import", str(file), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == len(QUOTES)


def test_a_page_only_linked_is_named_and_the_import_is_partial(lib: Path, tmp_path: Path) -> None:
    file = tmp_path / "linked.jsonld"
    file.write_text(json.dumps(paged(exported(lib, tmp_path), last_linked=True)), "utf-8")
    other = fresh_library(tmp_path)
    result = reader(other, "annotations", "import", str(file))
    assert result.returncode == 1
    assert "1 added" in result.stdout
    assert "urn:example:page-1 is only linked" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_markdown_of_one_article_is_a_note_without_a_second_title_or_local_paths(
    lib: Path, tmp_path: Path
) -> None:
    note = "# My reading\n\nSome thoughts.\n\n```\n# not a heading\n```"
    reader(lib, "note", "1", note, check=True)
    text = reader(lib, "export", "--article", "1", "--format", "markdown", check=True).stdout
    assert text.startswith("---\ntitle: ")
    assert "reader-id: 1" in text
    headings = [line for line in text.splitlines() if line.startswith("# ")]
    assert headings[1:] == ["# not a heading"], headings  # the title, and the code block's
    assert "### My reading" in text and "\n# not a heading\n" in text  # code left alone
    assert str(tmp_path) not in text and "kites.txt" not in text
