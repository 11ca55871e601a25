"""Imports commit in batches; a file is reported only once stored; one file's failure, even
a crash of the process extracting it, costs only that file; a stop ends within a batch."""

from __future__ import annotations

import base64
import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.errors import StorageError
from reader.services import importing
from reader.services.importing import BATCH_FILES
from reader.services.library import ImportStatus, Library
from tests.reliability import crashing_import


def story(folder: Path, n: int) -> Path:
    """A small article of its own, as a saved text file."""
    path = folder / f"{n:04}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    paragraphs = (
        f"Paragraph {p} of story {n}: kites over the harbour, 风筝 {n}." for p in range(4)
    )
    path.write_text(f"Story {n}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return path


def stories(folder: Path, count: int) -> list[Path]:
    return [story(folder, n) for n in range(count)]


def _count_transactions(library: Library, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real: Callable[..., Any] = library.db.transaction

    @contextlib.contextmanager
    def counted(**kwargs: Any) -> Iterator[sqlite3.Connection]:
        calls.append(1)
        with real(**kwargs) as conn:
            yield conn

    monkeypatch.setattr(library.db, "transaction", counted)
    return calls


@pytest.mark.slow
def test_files_are_committed_in_batches_and_reported_once_committed(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 3 * BATCH_FILES
    files = stories(tmp_path / "in", count)
    transactions = _count_transactions(library, monkeypatch)
    # Another connection sees only what has committed.
    other = sqlite3.connect(f"file:{library.paths.database}?mode=ro", uri=True)
    try:
        results = []
        for result in library.import_paths([tmp_path / "in"]):
            assert result.status is ImportStatus.IMPORTED, result.reason
            row = other.execute(
                "SELECT title FROM articles WHERE id = ?", (result.article_id,)
            ).fetchone()
            assert row == (result.title,), f"{result.path} was reported before it committed"
            results.append(result)
    finally:
        other.close()
    assert [Path(r.path).name for r in results] == [f.name for f in files]  # in order
    # A durable transaction per file took a sync each; a batch per up to 50 files (or 0.5 s,
    # on a slow machine) takes far fewer.
    assert 3 <= len(transactions) <= count // 10


@pytest.mark.logs
def test_a_failure_inside_a_batch_undoes_only_that_file(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories(tmp_path / "in", 6)
    real_stage = library.assets.stage

    def stage(
        article_id: int, files: dict[str, bytes], web: dict[str, str] | None = None
    ) -> Path | None:
        if library.articles.title_in(library.db.conn, article_id) == "Story 3":
            raise RuntimeError("a bug met after the article's rows were written")
        return real_stage(article_id, files, web)

    monkeypatch.setattr(library.assets, "stage", stage)
    results = list(library.import_paths([tmp_path / "in"]))
    statuses = [r.status for r in results]
    assert (
        statuses
        == [ImportStatus.IMPORTED] * 3 + [ImportStatus.FAILED] + [ImportStatus.IMPORTED] * 2
    )
    assert "unexpected error (RuntimeError)" in (results[3].reason or "")
    titles = {s.title for s in library.list_articles()}
    assert titles == {f"Story {n}" for n in (0, 1, 2, 4, 5)}  # nothing of story 3 kept


@pytest.mark.logs
@pytest.mark.slow
def test_a_file_that_crashes_its_worker_fails_alone(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 16  # enough for worker processes; the crashing file is one of theirs
    stories(tmp_path / "in", count)
    monkeypatch.setenv(crashing_import.CRASH_NAME, f"{count - 2:04}.txt")
    monkeypatch.setattr(importing, "import_contents", crashing_import.import_contents)
    results = list(library.import_paths([tmp_path / "in"]))
    assert len(results) == count
    crashed = results[count - 2]
    assert crashed.status is ImportStatus.FAILED
    assert "the importer crashed on this file" in (crashed.reason or "")
    others = [r for r in results if r is not crashed]
    assert {r.status for r in others} == {ImportStatus.IMPORTED}
    assert library.count() == count - 1


@pytest.mark.parametrize("count", [12, 40])
def test_a_stop_ends_the_import_within_a_batch(
    library: Library, tmp_path: Path, count: int
) -> None:
    stories(tmp_path / "in", count)
    started: list[Path] = []
    results = list(
        library.import_paths(
            [tmp_path / "in"], started=started.append, should_stop=lambda: len(started) >= 4
        )
    )
    # Fewer files than one batch holds: the stop did not wait for the batch to fill.
    assert len(results) < min(count, BATCH_FILES)
    assert {r.status for r in results} <= {ImportStatus.IMPORTED}
    # Every file stored was reported, and every file reported was stored.
    assert library.count() == len(results)


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def pages_with_images(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    image = "data:image/png;base64," + base64.b64encode(PNG).decode()
    for n in range(count):
        body = f"<p>Page {n} about lighthouses on the long winter coast, night after night.</p>"
        (folder / f"{n:02}.html").write_text(
            f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
            f"{body * 8}<img src='{image}' alt='lamp {n}'></article></body></html>",
            encoding="utf-8",
        )


def test_a_batch_publishes_the_assets_of_every_file_it_reports(
    library: Library, tmp_path: Path
) -> None:
    pages_with_images(tmp_path / "in", 5)
    results = list(library.import_paths([tmp_path / "in"]))
    assert {r.status for r in results} == {ImportStatus.IMPORTED}
    for result in results:
        assert result.article_id is not None
        assert [p.read_bytes() for p in library.assets_dir(result.article_id).iterdir()] == [PNG]
    assert not list(library.paths.assets.glob("*.partial"))


def test_a_batch_undone_by_a_library_error_leaves_no_assets(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages_with_images(tmp_path / "in", 5)
    real_stage = library.assets.stage

    def stage(
        article_id: int, files: dict[str, bytes], web: dict[str, str] | None = None
    ) -> Path | None:
        if library.articles.title_in(library.db.conn, article_id) == "Page 3":
            raise StorageError("the disk is full; nothing was saved")
        return real_stage(article_id, files, web)

    monkeypatch.setattr(library.assets, "stage", stage)
    reported = []
    with pytest.raises(StorageError):
        reported.extend(library.import_paths([tmp_path / "in"]))
    # The whole batch was undone, and none of it had been reported: no article, no images,
    # nothing left staged.
    assert reported == []
    assert library.count() == 0
    assert not library.paths.assets.exists() or not list(library.paths.assets.iterdir())


@pytest.mark.slow
def test_files_are_read_and_extracted_while_a_batch_commits(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = stories(tmp_path / "in", 3 * BATCH_FILES)
    last_of_second_batch = files[2 * BATCH_FILES - 1]
    reached = threading.Event()
    waits: list[bool] = []
    real_store = library.importing.writer.store_batch

    def store(batch: list[Any], options: Any) -> list[Any]:
        # The first batch commits only once the import has gone on to the next batch's
        # files: with the commit in the importing thread, that never happens.
        waits.append(reached.wait(timeout=60))
        return real_store(batch, options)

    def started(path: Path) -> None:
        if path == last_of_second_batch:
            reached.set()

    monkeypatch.setattr(library.importing.writer, "store_batch", store)
    results = list(library.import_paths([tmp_path / "in"], started=started))
    assert waits[0], "the import waited for the first batch's commit"
    assert [Path(r.path).name for r in results] == [f.name for f in files]
    assert library.count() == len(files)


@pytest.mark.logs
def test_a_library_error_ends_the_import_and_stores_no_later_batch(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories(tmp_path / "in", 3 * BATCH_FILES)
    real_store = library.importing.writer.store_batch
    calls: list[int] = []

    def store(batch: list[Any], options: Any) -> list[Any]:
        calls.append(len(batch))
        if len(calls) == 2:
            raise StorageError("the disk is full")
        return real_store(batch, options)

    monkeypatch.setattr(library.importing.writer, "store_batch", store)
    reported = []
    with pytest.raises(StorageError):
        for result in library.import_paths([tmp_path / "in"]):
            reported.append(result)
    assert len(calls) == 2  # the batch after the failing one was never stored
    assert library.count() == len(reported) == calls[0]
