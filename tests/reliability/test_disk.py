"""A full or read-only disk under the data directory: clear messages, nothing saved is lost."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.errors import ReaderError
from reader.paths import DataPaths
from reader.services.library import Library
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill, integrity, remount, tiny_filesystem


def _random_article(path: Path, n: int, kilobytes: int) -> Path:
    rng = random.Random(n)
    words = (
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
        for _ in range(kilobytes * 150)
    )
    path.write_text(f"Article number {n}\n\n" + " ".join(words), encoding="utf-8")
    return path


def _one_line_error(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def _fill_disk(folder: Path) -> Path:
    """Write a filler file until the filesystem has no block left."""
    filler = folder / "filler.bin"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


@pytest.mark.logs
def test_importing_until_the_disk_is_full(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    with tiny_filesystem(tmp_path / "small", "2m") as small:
        data = small / "lib"
        first = _random_article(sources / "first.txt", 0, 20)
        reader(data, "import", str(first), check=True)
        reader(data, "note", "1", "a precious note ✍", check=True)
        imported: list[str] = []
        failures: list[str] = []
        for n in range(1, 30):
            path = _random_article(sources / f"a{n}.txt", n, 120)
            done = reader(data, "import", str(path))
            if done.returncode == 0:
                imported.append(f"Article number {n}")
                continue
            assert done.returncode == 1
            failures.append(_one_line_error(done.stderr))
            if len(failures) == 3:
                break
        assert failures, "the disk never filled up"
        assert all("full" in message or "No space" in message for message in failures)

        listed = json.loads(reader(data, "list", "--json", check=True).stdout)
        titles = {a["title"] for a in listed}
        assert titles == {"Article number 0", *imported}
        assert "a precious note ✍" in reader(data, "notes", "1", check=True).stdout
        assert integrity(DataPaths(data).database) == "ok"
        # A search needing a new index on a full disk fails clearly too (or works).
        searched = reader(data, "search", "number")
        if searched.returncode:
            _one_line_error(searched.stderr)


def test_saving_a_note_or_an_article_on_a_full_disk(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "small", "2m") as small:
        paths = DataPaths(small / "lib")
        with Library(paths) as lib:
            notes = fill(lib, 5, notes_every=1)
            filler = _fill_disk(small)
            first = next(iter(notes))
            with pytest.raises(ReaderError) as info:
                lib.annotations.set_note(first, "long text typed by the user " * 4000)
            assert "full" in str(info.value) and "\n" not in str(info.value)
            with pytest.raises(ReaderError, match="nothing was saved"):
                lib.add_article(
                    Article(
                        title="With a picture",
                        text="Body",
                        html="<p>Body</p>",
                        assets={"a.png": b"\x89PNG\r\n\x1a\n" + bytes(300_000)},
                    )
                )
            assert not list(paths.assets.glob("*.partial"))
            filler.unlink()
            lib.annotations.set_note(first, "saved once there is room")
        with Library(paths) as lib:
            assert lib.count() == 5
            for article_id, text in notes.items():
                note = lib.annotations.for_article(article_id).note
                expected = "saved once there is room" if article_id == first else text
                assert note is not None and note.text == expected
        assert integrity(paths.database) == "ok"


def test_a_read_only_data_dir_is_named_in_one_line(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "small", "4m") as small:
        data = small / "lib"
        with Library(DataPaths(data)) as lib:
            notes = fill(lib, 3, notes_every=1)
        remount(small, "ro")
        try:
            # An existing library can be browsed (see test_read_only.py); changes are refused.
            assert reader(data, "list").returncode == 0
            incoming = _random_article(tmp_path / "incoming.txt", 7, 1)
            for args in (("note", "1", "changed"), ("import", str(incoming))):
                done = reader(data, *args)
                assert done.returncode == 1
                line = _one_line_error(done.stderr)
                assert str(data) in line and "read-only; changes are off" in line
            # Where there is no library yet, the folder itself is the problem.
            done = reader(small / "new", "list")
            assert done.returncode == 1
            line = _one_line_error(done.stderr)
            assert str(small / "new") in line and ("not writable" in line or "create" in line)
        finally:
            remount(small, "rw")
        with Library(DataPaths(data)) as lib:
            assert {i: lib.annotations.for_article(i).note.text for i in notes} == notes  # type: ignore[union-attr]
