"""Index lifecycle: health checks and automatic rebuilds, resumable rebuilds, safe writers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import SearchError
from reader.search import SearchDocument, SearchIndex, layout
from reader.search.bulk import ParallelBuilder

SUBJECTS = ["经济", "俄羅斯", "東京", "marathon", "한국어"]


def make_docs(count: int, start: int = 1) -> list[SearchDocument]:
    return [
        SearchDocument(
            i,
            f"第{i}篇 article {i}",
            f"这是关于{SUBJECTS[i % len(SUBJECTS)]}的文章。Document number {i} mentions item{i}.",
            language="zh-Hans",
        )
        for i in range(start, start + count)
    ]


DOCS = make_docs(30)


def texts(docs: list[SearchDocument]) -> dict[int, tuple[str, str]]:
    return {d.id: (d.title, d.body) for d in docs}


def found(index: SearchIndex, query: str, docs: list[SearchDocument] = DOCS) -> set[int]:
    return {hit.id for hit in index.search(query, limit=1000, text_of=texts(docs).get).hits}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def index(root: Path) -> Iterator[SearchIndex]:
    idx = SearchIndex(root, rebuild_procs=1, batch_size=7, writer_timeout=5)
    assert idx.ensure_healthy(len(DOCS), lambda: DOCS) is not None
    yield idx
    idx.close()


def live_dir(root: Path) -> Path:
    folder = layout.current_dir(root)
    assert folder is not None
    return folder


def assert_rebuilt_and_correct(index: SearchIndex, root: Path) -> None:
    message = index.ensure_healthy(len(DOCS), lambda: DOCS)
    assert message is not None and message.startswith("Search index rebuilt")
    assert index.doc_count() == len(DOCS)
    assert found(index, "item7") == {7}
    assert found(index, "俄罗斯") == {d.id for d in DOCS if d.id % 5 == 1}
    assert index.ensure_healthy(len(DOCS), lambda: DOCS) is None
    assert [p.name for p in root.iterdir() if p.is_dir()] == [live_dir(root).name]


def test_a_missing_index_is_built_and_then_healthy(index: SearchIndex, root: Path) -> None:
    assert index.ensure_healthy(len(DOCS), lambda: DOCS) is None
    assert index.doc_count() == len(DOCS)
    assert found(index, "经济") == {d.id for d in DOCS if d.id % 5 == 0}


def test_deleted_index_directory_is_rebuilt(index: SearchIndex, root: Path) -> None:
    import shutil

    shutil.rmtree(live_dir(root))
    assert_rebuilt_and_correct(index, root)


def test_deleted_index_root_is_rebuilt(index: SearchIndex, root: Path) -> None:
    import shutil

    shutil.rmtree(root)
    assert_rebuilt_and_correct(index, root)


@pytest.mark.logs
@pytest.mark.parametrize("pattern", ["*.seg", "*.toc"])
def test_truncated_index_files_are_rebuilt(index: SearchIndex, root: Path, pattern: str) -> None:
    for path in live_dir(root).glob(pattern):
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size // 2)
    assert_rebuilt_and_correct(index, root)


@pytest.mark.logs
@pytest.mark.parametrize("pattern", ["*.seg", "*.toc"])
def test_garbage_in_index_files_is_rebuilt(index: SearchIndex, root: Path, pattern: str) -> None:
    for path in live_dir(root).glob(pattern):
        path.write_bytes(os.urandom(path.stat().st_size))
    assert_rebuilt_and_correct(index, root)


@pytest.mark.logs
def test_a_removed_segment_file_is_rebuilt(index: SearchIndex, root: Path) -> None:
    next(live_dir(root).glob("*.seg")).unlink()
    assert_rebuilt_and_correct(index, root)


def test_a_garbled_pointer_is_rebuilt(index: SearchIndex, root: Path) -> None:
    (root / layout.POINTER).write_bytes(b"\xff\xfe garbage")
    assert_rebuilt_and_correct(index, root)


def test_an_index_of_another_analyzer_version_is_rebuilt(index: SearchIndex, root: Path) -> None:
    layout.write_meta(live_dir(root), "analyzer-0.schema-0", complete=True)
    assert index.check(len(DOCS)) == "it was built by another version of Reader"
    assert_rebuilt_and_correct(index, root)


def test_a_count_mismatch_is_rebuilt(index: SearchIndex, root: Path) -> None:
    more = [*DOCS, *make_docs(3, start=100)]
    message = index.ensure_healthy(len(more), lambda: more)
    assert message is not None and "30 articles, the library has 33" in message
    assert index.doc_count() == 33


def test_update_replaces_a_document(index: SearchIndex) -> None:
    new = SearchDocument(7, "replaced", "completely different words zebra")
    index.update([new])
    index.update([new])
    assert index.doc_count() == len(DOCS)
    assert found(index, "zebra", [*DOCS, new]) == {7}
    assert found(index, "item7") == set()


def test_update_adds_and_delete_removes(index: SearchIndex) -> None:
    extra = make_docs(5, start=200)
    index.update(extra)
    assert index.doc_count() == 35
    assert found(index, "item203", extra) == {203}
    index.delete([203, 204, 999])
    assert index.doc_count() == 33
    assert found(index, "item203", extra) == set()
    index.update([])
    index.delete([])


def test_large_updates_use_the_bulk_writer_and_still_replace(index: SearchIndex) -> None:
    many = make_docs(300, start=1)  # ids 1-30 exist already: replaced, not duplicated
    changed = [SearchDocument(d.id, d.title, d.body + " walrus") for d in many]
    index.update(changed)
    assert index.doc_count() == 300
    assert found(index, "walrus", changed) == {d.id for d in changed}
    index.update(make_docs(1, start=400))  # an ordinary commit after it merges fine
    assert index.doc_count() == 301


def test_the_same_id_twice_in_one_update_is_kept_once(index: SearchIndex) -> None:
    index.update([SearchDocument(50, "a", "first"), SearchDocument(50, "b", "second")])
    assert index.doc_count() == len(DOCS) + 1
    assert found(index, "second", [SearchDocument(50, "b", "second")]) == {50}


def test_a_locked_index_raises_search_error_not_lock_error(root: Path) -> None:
    idx = SearchIndex(root, rebuild_procs=1, writer_timeout=0.2)
    idx.ensure_healthy(len(DOCS), lambda: DOCS)
    from whoosh.filedb.filestore import FileStorage

    lock = FileStorage(str(live_dir(root))).lock("MAIN_WRITELOCK")
    assert lock.acquire()
    try:
        with pytest.raises(SearchError, match="busy"):
            idx.update(make_docs(1, start=500))
    finally:
        lock.release()
    idx.update(make_docs(1, start=500))
    assert idx.doc_count() == len(DOCS) + 1
    idx.close()


def test_rebuild_reports_progress_and_can_be_interrupted_and_resumed(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    idx = SearchIndex(root, rebuild_procs=1, batch_size=10)
    stop_after = iter([False, False, True])
    progress = list(idx.rebuild(iter(DOCS), len(DOCS), should_stop=lambda: next(stop_after)))
    assert progress == [(10, 30), (20, 30)]
    assert idx.doc_count() == 0  # nothing live until the rebuild is complete
    assert layout.resumable_build_dir(root, _format()) is not None

    added: list[int] = []
    original = ParallelBuilder.add_batch

    def counting(self: ParallelBuilder, writer: object, docs: list[SearchDocument]) -> None:
        added.extend(d.id for d in docs)
        original(self, writer, docs)  # type: ignore[arg-type]

    monkeypatch.setattr(ParallelBuilder, "add_batch", counting)
    progress = list(idx.rebuild(iter(DOCS), len(DOCS)))
    assert sorted(added) == [d.id for d in DOCS[20:]]  # finished batches were not redone
    assert progress[-1] == (30, 30)
    assert idx.doc_count() == 30
    assert found(idx, "item25") == {25}
    assert layout.resumable_build_dir(root, _format()) is None
    idx.close()


def test_a_resumed_rebuild_drops_articles_deleted_meanwhile(root: Path) -> None:
    idx = SearchIndex(root, rebuild_procs=1, batch_size=10)
    stop_after = iter([False, True])
    list(idx.rebuild(iter(DOCS), len(DOCS), should_stop=lambda: next(stop_after)))
    remaining = [d for d in DOCS if d.id != 3]
    list(idx.rebuild(iter(remaining), len(remaining)))
    assert idx.doc_count() == 29
    assert found(idx, "item3") == set()
    idx.close()


def test_changes_during_a_rebuild_reach_the_new_index(index: SearchIndex, root: Path) -> None:
    steps = index.rebuild(iter(DOCS), len(DOCS))
    assert next(steps) == (7, 30)
    changed = SearchDocument(20, "changed", "fresh words quokka")
    index.update([changed])  # reaches the live index and the build under way
    index.delete([21])
    list(steps)
    assert found(index, "quokka", [*DOCS, changed]) == {20}
    assert found(index, "item20") == set()
    assert index.doc_count() == 30  # 21 came back from the rebuild's own (older) list


def test_another_instance_sees_a_swapped_index(index: SearchIndex, root: Path) -> None:
    assert found(index, "item5") == {5}
    other = SearchIndex(root, rebuild_procs=1)
    fewer = DOCS[:10]
    list(other.rebuild(iter(fewer), len(fewer)))
    assert index.doc_count() == 10
    assert found(index, "item5") == {5}
    assert found(index, "item25") == set()
    other.close()


def test_only_one_rebuild_at_a_time(index: SearchIndex, root: Path) -> None:
    steps = index.rebuild(iter(DOCS), len(DOCS))
    next(steps)
    other = SearchIndex(root, rebuild_procs=1, writer_timeout=0.2)
    with pytest.raises(SearchError, match="rebuilding"):
        list(other.rebuild(iter(DOCS), len(DOCS)))
    list(steps)
    other.close()


def test_parallel_rebuild(root: Path) -> None:
    idx = SearchIndex(root, rebuild_procs=2, batch_size=20)
    docs = make_docs(60)
    assert list(idx.rebuild(iter(docs), len(docs)))[-1] == (60, 60)
    assert idx.doc_count() == 60
    assert found(idx, "item42", docs) == {42}
    idx.close()


WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.search import SearchDocument, SearchIndex

    root, start = Path(sys.argv[1]), int(sys.argv[2])
    index = SearchIndex(root, writer_timeout=30)
    for batch in range(12):
        first = start + batch * 5
        index.update(
            SearchDocument(i, f"doc {i}", f"text number{i}") for i in range(first, first + 5)
        )
    index.close()
    """
)


def test_two_processes_updating_at_once_both_succeed(index: SearchIndex, root: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(root), str(start)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for start in (1000, 2000)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert index.doc_count() == len(DOCS) + 120
    docs = [SearchDocument(i, "", f"text number{i}") for i in (1004, 2059)]
    assert found(index, "number1004", docs) == {1004}
    assert found(index, "number2059", docs) == {2059}


def _format() -> str:
    from reader.search.schema import INDEX_FORMAT

    return INDEX_FORMAT
