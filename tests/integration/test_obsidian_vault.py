"""An Obsidian vault kept in step: Reader's region rewritten, the user's text never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Article
from reader.exporters.vault import VaultReport
from reader.services.library import Library
from tests.cli import reader
from tests.interop_library import annotate_for_notes


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    (folder / ".obsidian").mkdir(parents=True)
    return folder


@pytest.fixture
def annotated(library: Library) -> dict[str, int]:
    return annotate_for_notes(library)


def export(library: Library, vault: Path, *, recreate: bool = False) -> VaultReport:
    ids = library.article_ids()
    return library.annotations.export_vault(
        vault, ids, data_root=library.paths.root, recreate=recreate
    )


def note(vault: Path) -> Path:
    return vault / "Reader" / "example.org" / "Morning light on the old harbour.md"


def test_first_export_writes_properties_and_callouts_with_block_ids(
    library: Library, annotated: dict[str, int], vault: Path
) -> None:
    report = export(library, vault)
    assert sorted(report.created) == [
        "Reader/Unknown site/The Long Walk.md",
        "Reader/example.org/Morning light on the old harbour.md",
    ]
    text = note(vault).read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Morning light on the old harbour"\n')
    assert 'author: "Ana Lima"' in text and 'url: "https://example.org/harbour"' in text
    assert '  - "work-day"' in text and "reader-id: " in text
    first, second = library.annotations.highlights(annotated["harbour"])
    assert (
        "> [!success] key claim\n> The fishing boats leave before sunrise\n>\n> Early start" in text
    )
    assert f"^rdr-{first.uid}" in text and f"^rdr-{second.uid}" in text
    assert "> [!warning] Pink\n> the smell of fresh bread" in text
    assert "Read for the **port** project." in text


def test_user_text_outside_the_region_survives_and_highlights_follow(
    library: Library, annotated: dict[str, int], vault: Path
) -> None:
    export(library, vault)
    path = note(vault)
    mine = path.read_text(encoding="utf-8")
    mine = mine.replace("---\n%% reader:start", "---\nMy thoughts before.\r\n\n%% reader:start")
    mine += "\n## My own section\n\nSee [[Other note]] and ![[#^rdr-x]].\n"
    mine = mine.replace('author: "Ana Lima"', 'author: "Ana Lima"\nrating: 5')
    path.write_text(mine, encoding="utf-8", newline="")
    first, second = library.annotations.highlights(annotated["harbour"])
    library.annotations.update_highlight(first.id, note="Boats first, tourists later")
    library.annotations.delete_highlight(second.id)

    report = export(library, vault)
    assert report.updated == ["Reader/example.org/Morning light on the old harbour.md"]
    after = path.read_bytes().decode("utf-8")
    before_region = mine.partition("%% reader:start")[0]
    assert after.startswith(before_region)  # properties and text above, CRLF included
    assert after.endswith("%% reader:end %%" + mine.partition("%% reader:end %%")[2])
    assert "Boats first, tourists later" in after and "Early start" not in after
    assert f"^rdr-{second.uid}" not in after and "fresh bread" not in after
    assert "rating: 5" in after

    again = export(library, vault)
    assert (again.updated, again.created, again.unchanged) == ([], [], 2)
    assert path.read_bytes().decode("utf-8") == after


def test_a_moved_and_renamed_note_is_found_by_its_reader_id(
    library: Library, annotated: dict[str, int], vault: Path
) -> None:
    export(library, vault)
    moved = vault / "Reading" / "Harbour (my name).md"
    moved.parent.mkdir()
    note(vault).rename(moved)
    library.annotations.highlight_quote(annotated["harbour"], "painted warehouses")
    report = export(library, vault)
    assert report.created == [] and report.updated == ["Reading/Harbour (my name).md"]
    assert "painted warehouses" in moved.read_text(encoding="utf-8")
    assert not note(vault).exists()


def test_a_deleted_note_stays_deleted_unless_recreate(
    library: Library, annotated: dict[str, int], vault: Path
) -> None:
    export(library, vault)
    note(vault).unlink()
    report = export(library, vault)
    assert report.deleted_by_user == ["Reader/example.org/Morning light on the old harbour.md"]
    assert not note(vault).exists()
    again = export(library, vault, recreate=True)
    assert again.created == ["Reader/example.org/Morning light on the old harbour.md"]
    assert note(vault).exists()


def test_a_users_own_note_at_the_same_path_is_not_overwritten(
    library: Library, annotated: dict[str, int], vault: Path
) -> None:
    note(vault).parent.mkdir(parents=True)
    note(vault).write_text("My own note on the harbour.\n", encoding="utf-8")
    report = export(library, vault)
    assert "Reader/example.org/Morning light on the old harbour 2.md" in report.created
    assert note(vault).read_text(encoding="utf-8") == "My own note on the harbour.\n"


def test_a_marker_line_in_the_article_note_does_not_cut_the_region(
    library: Library, annotated: dict[str, int], vault: Path
) -> None:
    library.annotations.set_note(annotated["harbour"], "Before\n%% reader:end %%\nAfter")
    export(library, vault)
    path = note(vault)
    path.write_text(path.read_text(encoding="utf-8") + "\nMine.\n", encoding="utf-8")
    export(library, vault)
    text = path.read_text(encoding="utf-8")
    assert text.count("Mine.") == 1 and text.count("The fishing boats") == 1


def test_the_last_highlight_deleted_leaves_the_note_too(
    library: Library, annotated: dict[str, int], vault: Path
) -> None:
    export(library, vault)
    walk = vault / "Reader" / "Unknown site" / "The Long Walk.md"
    mine = "\nMy own line about the walk.\n"
    walk.write_text(walk.read_text(encoding="utf-8") + mine, encoding="utf-8")
    (only,) = library.annotations.store.highlights(annotated["walk"])
    library.annotations.delete_highlight(only.id)  # the article has no annotation left
    report = export(library, vault)
    assert report.updated == ["Reader/Unknown site/The Long Walk.md"] and not report.created
    text = walk.read_text(encoding="utf-8")
    assert "the dog ran ahead" not in text and text.endswith(mine)
    walk.unlink()  # deleted by the user: an unannotated article never brings it back
    assert export(library, vault).created == [] and not walk.exists()


def test_command_line_needs_a_vault(tmp_path: Path, vault: Path) -> None:
    lib = tmp_path / "lib"
    missing = reader(lib, "export", "--format", "obsidian")
    assert missing.returncode == 1 and "--vault" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    ok = reader(lib, "export", "--format", "obsidian", "--vault", str(vault), check=True)
    assert "0 note(s) created" in ok.stderr


def test_note_names_hold_no_character_obsidian_cannot_link_to(
    library: Library, vault: Path
) -> None:
    """Found by a user's test: a note named "#[[x]]^ notes.md" could not be linked to."""
    article = library.add_article(
        Article(title="C# tips [part 2] | a^b", text="Body.", html="<p>Body.</p>", site="#site")
    ).article_id
    assert article is not None
    library.annotations.set_note(article, "mine")
    report = export(library, vault)
    assert report.created == ["Reader/site/C tips part 2 a b.md"]
