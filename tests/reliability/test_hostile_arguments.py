"""Hostile command-line arguments and export targets: a one-line error, nothing damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library import Library
from reader.paths import DataPaths
from tests.reliability.conftest import article, integrity


@pytest.fixture
def library_dir(paths: DataPaths) -> Path:
    with Library(paths) as lib:
        result = lib.add_article(article(1))
        assert result.article_id is not None
        lib.annotations.set_note(result.article_id, "keep me")
    return paths.root


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return status, out, err


def one_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("reader: error: ") and "internal error" not in lines[0], err
    return lines[0]


# -- export -o ----------------------------------------------------------------------------------


def test_export_refuses_to_write_over_the_live_library(
    capsys: pytest.CaptureFixture[str], library_dir: Path, paths: DataPaths
) -> None:
    """Before the fix the database became a CSV file and every note in it was gone."""
    database = paths.database
    for target in (database, library_dir / "notes.md", library_dir / ".." / library_dir.name):
        status, _, err = run(capsys, library_dir, "export", "--format", "csv", "-o", str(target))
        assert status == 1
        assert "library folder" in one_error(err) or "folder" in err
    assert integrity(database) == "ok"
    with Library(paths) as lib:
        assert lib.annotations.for_article(lib.article_ids()[0]).note is not None


def test_export_does_not_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], library_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    target.write_text("my own file", encoding="utf-8")
    status, _, err = run(capsys, library_dir, "export", "-o", str(target))
    assert status == 1 and "--force" in one_error(err)
    assert target.read_text(encoding="utf-8") == "my own file"
    status, _, err = run(capsys, library_dir, "export", "-o", str(target), "--force")
    assert status == 0, err
    assert "keep me" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("where", ["missing/out.md", "."])
def test_export_into_a_missing_folder_or_onto_a_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], library_dir: Path, tmp_path: Path, where: str
) -> None:
    status, _, err = run(capsys, library_dir, "export", "-o", str(tmp_path / where))
    assert status == 1
    assert "folder" in one_error(err)


def test_export_replaces_the_file_atomically(
    capsys: pytest.CaptureFixture[str], library_dir: Path, tmp_path: Path
) -> None:
    """A reader holding the old file keeps the old content: the new one is a new inode."""
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    with target.open(encoding="utf-8") as held:
        assert run(capsys, library_dir, "export", "-o", str(target), "--force")[0] == 0
        assert held.read() == "old"
    assert "keep me" in target.read_text(encoding="utf-8")
