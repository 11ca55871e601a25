"""Hostile command-line arguments and export targets: a one-line error, nothing damaged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.paths import DataPaths
from reader.services.library import Library
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


# -- numbers SQLite cannot hold, text that is not UTF-8 ----------------------------------------

HUGE = str(2**63)


@pytest.mark.parametrize(
    "argv",
    [
        ["show", HUGE],
        ["bookmark", HUGE],
        ["note", str(2**64 + 5), "x"],
        ["tags", HUGE, "a"],
        ["highlight", HUGE, "--quote", "kites"],
        ["remove", HUGE],
        ["export", "--article", HUGE],
    ],
)
def test_ids_beyond_sqlite_integers_are_not_found(
    capsys: pytest.CaptureFixture[str], library_dir: Path, argv: list[str]
) -> None:
    status, _, err = run(capsys, library_dir, *argv)
    assert status == 1
    assert "no article with id" in one_error(err)


@pytest.mark.parametrize("command", [["search", "kites"], ["list"]])
def test_a_huge_limit_is_one_line(
    capsys: pytest.CaptureFixture[str], library_dir: Path, command: list[str]
) -> None:
    status, _, err = run(capsys, library_dir, *command, "--limit", HUGE)
    assert status == 1
    assert "--limit must be between 1 and" in one_error(err)


SURROGATE = "caf\udce9"  # b"caf\xe9" (Latin-1) as POSIX hands it to Python


@pytest.mark.parametrize(
    "argv",
    [
        ["tags", "1", SURROGATE],
        ["note", "1", SURROGATE],
        ["highlight", "1", "--quote", "filler", "--tag", SURROGATE],
        ["highlight", "1", "--quote", "filler", "--note", SURROGATE],
        ["colors", "--set", "green", SURROGATE],
        ["search", SURROGATE],
    ],
)
def test_text_that_is_not_utf8_is_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], library_dir: Path, paths: DataPaths, argv: list[str]
) -> None:
    status, _, err = run(capsys, library_dir, *argv)
    assert status == 1
    assert "not valid UTF-8" in one_error(err)
    with Library(paths) as lib:
        group = lib.annotations.for_article(1)
        assert group.note is not None and group.note.text == "keep me"
        assert group.tags == () and group.highlights == ()


def test_raw_non_utf8_bytes_in_a_real_process(library_dir: Path) -> None:
    command = [sys.executable, "-m", "reader", "--data-dir", str(library_dir).encode()]
    argv = [*(a if isinstance(a, bytes) else a.encode() for a in command)]
    argv += [b"tags", b"1", b"caf\xe9"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "LC_ALL": "C.UTF-8"}
    done = subprocess.run(argv, capture_output=True, env=env, timeout=60)
    assert done.returncode == 1
    err = done.stderr.decode("utf-8", "replace").strip()
    assert "not valid UTF-8" in err and len(err.splitlines()) == 1, err


# -- search words with a leading minus ----------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (["-harbour"], False),  # every article mentions the harbour
        (["kites", "-harbour"], False),
        (["-nothinglikethis", "kites"], True),
        (["kites", "-nothinglikethis", "--limit", "5"], True),
    ],
)
def test_search_accepts_a_leading_minus_as_not(
    capsys: pytest.CaptureFixture[str], library_dir: Path, words: list[str], found: bool
) -> None:
    status, out, err = run(capsys, library_dir, "search", *words)
    assert status == 0, err
    assert ("#1" in out) is found, out


def test_search_still_rejects_a_mistyped_long_option(
    capsys: pytest.CaptureFixture[str], library_dir: Path
) -> None:
    with pytest.raises(SystemExit):
        run(capsys, library_dir, "search", "kites", "--limt", "5")
