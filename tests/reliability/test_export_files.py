"""`reader export -o`: never into the library, never over a file without --force, atomic."""

from __future__ import annotations

import io
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    with Library(DataPaths(root)) as lib:
        article = lib.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
        lib.annotations.highlight_quote(article or 0, "fishing boats", note="early")
    return root


def export(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "export", "--format", "csv", *args])


def test_the_live_library_cannot_be_overwritten(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = DataPaths(data_dir).database
    before = database.read_bytes()
    for target in (database, data_dir / "notes.csv"):
        assert export(data_dir, "-o", str(target), "--force") == 1
        assert "inside the library folder" in capsys.readouterr().err
    assert database.read_bytes() == before
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_an_existing_file_needs_force(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.csv"
    target.write_text("my own work\n", encoding="utf-8")
    assert export(data_dir, "-o", str(target)) == 1
    assert "exists already (use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my own work\n"
    assert export(data_dir, "-o", str(target), "--force") == 0
    assert "fishing boats" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["missing/out.csv", "."])
def test_a_missing_folder_or_a_folder_is_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    assert export(data_dir, "-o", str(tmp_path / where)) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "error" in err and "Traceback" not in err


def test_a_failed_write_leaves_the_old_file_whole(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous export\n", encoding="utf-8")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    assert export(data_dir, "-o", str(target), "--force") == 1
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export-")] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_device_is_never_replaced_even_with_force(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a user's test: `-o /dev/full --force` (as root) turned the device into a
    1.3 MB file; a named pipe became a file too."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert export(data_dir, "-o", str(pipe), "--force") == 1
    assert "it is not a file" in capsys.readouterr().err
    assert pipe.is_fifo()


class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_output_that_cannot_be_written_is_one_line_not_an_internal_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reader list > /dev/full` said "internal error: OSError(28, ...)"."""
    for command in (["list"], ["export", "--format", "csv"], ["show", "1", "--text"]):
        monkeypatch.setattr(sys, "stdout", _FullDisk())
        assert main(["--data-dir", str(data_dir), *command]) == 1
        err = capsys.readouterr().err
        assert "cannot write the output: No space left on device" in err, command
        assert "internal error" not in err and err.count("\n") == 1
