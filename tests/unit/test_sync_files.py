"""What file-sync tools do to sync files: late, out of order, twice, torn, conflict copies."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from reader.sync.records import Record, encode_file
from tests.articles import PLAIN_EN, write


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Library, Library, Path]]:
    """Two devices of one person on one folder; the third item is the first one's device
    folder."""
    shared = tmp_path / "Sync"
    a, b = Library(DataPaths(tmp_path / "a")), Library(DataPaths(tmp_path / "b"))
    a.sync.setup(shared, "alice")
    status = a.sync.status()
    b.sync.join(status.library, shared, "alice")
    yield a, b, shared / "reader-sync" / "v1" / status.library / "devices" / status.device
    a.close()
    b.close()


def two_files(a: Library, tmp_path: Path) -> int:
    """An article in one file, a highlight on it in a second."""
    article = a.import_path(write(tmp_path / "harbour.txt", PLAIN_EN)).article_id
    assert article is not None
    a.sync_now()
    a.annotations.highlight_quote(article, "fishing boats", note="first light")
    a.sync_now()
    return article


def record_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jsonl.gz"), key=lambda p: int(p.name.split("-")[0]))


def highlights(lib: Library) -> list[str]:
    return [h.note for s in lib.list_articles() for h in lib.annotations.highlights(s.id)]


def test_files_out_of_order_wait_for_what_they_need(
    pair: tuple[Library, Library, Path], tmp_path: Path
) -> None:
    a, b, folder = pair
    two_files(a, tmp_path)
    first, _second = record_files(folder)
    held = first.rename(tmp_path / first.name)  # the article's file is late
    report = b.sync_now()
    assert report.applied_files == 1 and b.list_articles() == []
    held.rename(first)
    b.sync_now()
    assert highlights(b) == ["first light"]


def test_an_article_body_arriving_late_is_used_when_it_comes(
    pair: tuple[Library, Library, Path], tmp_path: Path
) -> None:
    a, b, folder = pair
    two_files(a, tmp_path)
    objects = folder.parent.parent / "objects"
    objects.rename(tmp_path / "objects")
    b.sync_now()
    assert b.list_articles() == []
    (tmp_path / "objects").rename(objects)
    report = b.sync_now()
    assert report.applied_files == 0  # nothing new to read: the waiting article is written
    assert highlights(b) == ["first light"]


def test_a_torn_file_is_ignored_until_it_is_whole(
    pair: tuple[Library, Library, Path], tmp_path: Path
) -> None:
    a, b, folder = pair
    two_files(a, tmp_path)
    second = record_files(folder)[1]
    whole = second.read_bytes()
    second.write_bytes(whole[: len(whole) // 2])
    report = b.sync_now()
    assert report.waiting_files == 1 and highlights(b) == []
    assert b.sync.status().waiting_files == 1
    second.write_bytes(whole)
    report = b.sync_now()
    assert report.waiting_files == 0 and highlights(b) == ["first light"]


def test_a_file_delivered_twice_is_applied_once(
    pair: tuple[Library, Library, Path], tmp_path: Path
) -> None:
    a, b, folder = pair
    two_files(a, tmp_path)
    b.sync_now()
    (h,) = [h for s in b.list_articles() for h in b.annotations.highlights(s.id)]
    b.annotations.update_highlight(h.id, note="changed here")
    for path in record_files(folder):  # the sync tool writes them again
        copy = path.with_name("again")
        shutil.copyfile(path, copy)
        copy.replace(path)
    report = b.sync_now()
    assert report.applied_files == 0
    assert highlights(b) == ["changed here"]


@pytest.mark.parametrize(
    "name",
    [
        "{stem}.sync-conflict-20240101-120000-ABCDEF7.jsonl.gz",
        "{stem} (conflicted copy).jsonl.gz",
        "{stem} (Bob's conflicted copy 2024-01-01).jsonl.gz",
        ".syncthing.{stem}.jsonl.gz.tmp",
        "~{stem}.jsonl.gz.partial",
        ".tmp-0123abcd-{stem}.jsonl.gz",
    ],
)
def test_copies_and_partial_files_of_sync_tools_are_not_read(
    pair: tuple[Library, Library, Path], tmp_path: Path, name: str
) -> None:
    a, b, folder = pair
    two_files(a, tmp_path)
    second = record_files(folder)[1]
    stem = second.name.removesuffix(".jsonl.gz")
    # A copy under another name stands for a different history: it must never be applied.
    second.rename(folder / name.format(stem=stem))
    report = b.sync_now()
    assert report.applied_files == 1 and report.refused_files == 0
    assert highlights(b) == []
    assert len(b.list_articles()) == 1


def _highlight_record(seq: int, article_uid: str, **fields: object) -> Record:
    values = {"article": article_uid, "color": "yellow", "exact": "fishing", "start": 4,
              "end": 11, "note": f"from a newer Reader {seq}", **fields}  # fmt: skip
    return Record(seq, "highlight", f"uid-{seq}", 100 + seq, "f" * 32, "dora", "", values)


@pytest.mark.logs
def test_records_this_version_cannot_store_wait_and_spare_the_rest(
    pair: tuple[Library, Library, Path], tmp_path: Path
) -> None:
    a, b, folder = pair
    article = two_files(a, tmp_path)
    with a.db.reading() as conn:
        uid = str(conn.execute("SELECT uid FROM articles WHERE id = ?", (article,)).fetchone()[0])
    records = [
        _highlight_record(1, uid, color="orange"),  # a colour added by a later version
        _highlight_record(2, uid, start="four"),  # malformed
        _highlight_record(3, uid),
    ]
    library = a.sync.status().library
    newer = folder.parent / ("f" * 32)
    newer.mkdir()
    (newer / "1-3.jsonl.gz").write_bytes(encode_file(library, "f" * 32, records))
    report = b.sync_now()
    assert report.applied_files == 3
    assert sorted(highlights(b)) == ["first light", "from a newer Reader 3"]
    with b.db.reading() as conn:
        waiting = conn.execute("SELECT count(*) FROM sync_entities WHERE pending = 1")
        assert waiting.fetchone()[0] == 2
    assert b.sync_now().applied_files == 0  # and the next sync does not fail either
