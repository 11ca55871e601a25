"""A Logseq graph kept in step: Reader's block rewritten, the user's blocks never touched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.exporters.logseq import block_uuid
from reader.exporters.vault import VaultReport
from reader.services.library import Library
from tests.cli import reader
from tests.interop_library import annotate_for_notes


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    folder = tmp_path / "graph"
    (folder / "logseq" / "bak" / "pages").mkdir(parents=True)
    (folder / "pages").mkdir()
    (folder / "journals").mkdir()
    return folder


@pytest.fixture
def annotated(library: Library) -> dict[str, int]:
    return annotate_for_notes(library, "Early start\nand a second line")


def export(library: Library, graph: Path, *, recreate: bool = False) -> VaultReport:
    return library.annotations.export_vault(
        graph, library.article_ids(), kind="logseq", data_root=library.paths.root,
        recreate=recreate,
    )  # fmt: skip


def page(graph: Path) -> Path:
    return graph / "pages" / "Morning light on the old harbour.md"


def test_pages_hold_properties_then_reader_block_with_uuid_ids_and_colours(
    library: Library, annotated: dict[str, int], graph: Path
) -> None:
    report = export(library, graph)
    assert sorted(report.created) == [
        "pages/Morning light on the old harbour.md",
        "pages/The Long Walk.md",
    ]
    text = page(graph).read_text(encoding="utf-8")
    head, _, blocks = text.partition("\n- ")
    assert "author:: Ana Lima" in head and "url:: https://example.org/harbour" in head
    assert "tags:: [[work day]]" in head and re.search(r"^reader-id:: \S+$", head, re.M)
    first, second = library.annotations.highlights(annotated["harbour"])
    assert blocks.startswith("Highlights from Reader\n  reader-region:: true\n")
    assert "\t- Read for the **port** project.\n" in blocks
    assert (
        "\t- > The fishing boats leave before sunrise\n"
        f"\t  id:: {block_uuid(first.uid)}\n"
        "\t  background-color:: green\n"
        "\t  color-meaning:: key claim\n"
        "\t  tags:: [[work day]]\n"
        "\t\t- Early start\n"
        "\t\t  and a second line\n"
    ) in blocks
    assert f"id:: {block_uuid(second.uid)}\n\t  background-color:: pink" in blocks
    # Every id is a UUID, as Logseq requires, and the same on the next export.
    assert str(block_uuid(first.uid)) == str(block_uuid(first.uid))
    assert re.fullmatch(r"[0-9a-f-]{36}", str(block_uuid(first.uid)))


def test_user_blocks_survive_and_highlights_follow(
    library: Library, annotated: dict[str, int], graph: Path
) -> None:
    export(library, graph)
    path = page(graph)
    mine = path.read_text(encoding="utf-8")
    mine = mine.replace("reader-id::", "rating:: 5\nreader-id::")
    mine = mine.replace(
        "- Highlights from Reader", "- My thoughts before\r\n\t- nested\n- Highlights from Reader"
    )
    mine += "- My own block with ((a-block-ref))\n\t- and a child\n"
    path.write_text(mine, encoding="utf-8", newline="")
    first, second = library.annotations.highlights(annotated["harbour"])
    library.annotations.update_highlight(first.id, note="Boats first, tourists later")
    library.annotations.delete_highlight(second.id)

    report = export(library, graph)
    assert report.updated == ["pages/Morning light on the old harbour.md"]
    after = path.read_bytes().decode("utf-8")
    assert after.startswith(mine.partition("- Highlights from Reader")[0])  # CRLF kept
    assert after.endswith("- My own block with ((a-block-ref))\n\t- and a child\n")
    assert "Boats first, tourists later" in after and "Early start" not in after
    assert str(block_uuid(second.uid)) not in after and "fresh bread" not in after
    assert "rating:: 5" in after

    again = export(library, graph)
    assert (again.updated, again.created, again.unchanged) == ([], [], 2)
    assert path.read_bytes().decode("utf-8") == after


def test_renamed_page_found_backups_ignored_deleted_page_stays_deleted(
    library: Library, annotated: dict[str, int], graph: Path
) -> None:
    export(library, graph)
    backup = graph / "logseq" / "bak" / "pages" / "Morning light on the old harbour.md"
    backup.write_bytes(page(graph).read_bytes())  # Logseq's own backup carries the same id
    renamed = graph / "pages" / "Harbour (mine).md"
    page(graph).rename(renamed)
    library.annotations.highlight_quote(annotated["harbour"], "painted warehouses")
    report = export(library, graph)
    assert report.updated == ["pages/Harbour (mine).md"] and report.created == []
    assert "painted warehouses" in renamed.read_text(encoding="utf-8")
    assert "painted warehouses" not in backup.read_text(encoding="utf-8")

    renamed.unlink()
    gone = export(library, graph)
    assert gone.deleted_by_user == ["pages/Harbour (mine).md"]
    assert export(library, graph, recreate=True).created == [
        "pages/Morning light on the old harbour.md"
    ]


def test_a_page_whose_reader_block_was_removed_gets_a_new_one_at_the_end(
    library: Library, annotated: dict[str, int], graph: Path
) -> None:
    export(library, graph)
    path = page(graph)
    head = path.read_text(encoding="utf-8").partition("- Highlights from Reader")[0]
    path.write_text(head + "- Only mine\n", encoding="utf-8")
    export(library, graph)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(head + "- Only mine\n- Highlights from Reader\n")
    assert text.count("The fishing boats") == 1


def test_command_line_exports_a_graph(
    library: Library, annotated: dict[str, int], graph: Path
) -> None:
    library.close()
    result = reader(library.paths.root, "export", "--format", "logseq", "--graph", str(graph))
    assert result.returncode == 0, result.stderr
    assert "Logseq graph" in result.stderr and "2 note(s) created" in result.stderr
    assert page(graph).exists()
