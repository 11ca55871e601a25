"""Bad input never breaks a batch: each file fails alone, with a one-line reason."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import DataDirError
from reader.paths import DataPaths
from reader.services.library import MAX_FILE_BYTES, ImportStatus, Library
from tests.articles import PLAIN_EN, SAVED_PAGE_ZH, write


def test_empty_and_whitespace_files_fail_clearly(library: Library, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = write(tmp_path / "blank.md", "  \n\n\t\n")
    good = write(tmp_path / "good.txt", PLAIN_EN)
    results = list(library.import_paths([empty, blank, good]))
    assert [r.status for r in results] == [
        ImportStatus.FAILED,
        ImportStatus.FAILED,
        ImportStatus.IMPORTED,
    ]
    assert results[0].reason == "the file is empty"
    assert all("\n" not in (r.reason or "") for r in results)


def test_unsupported_suffix_and_directory_named_like_a_file(
    library: Library, tmp_path: Path
) -> None:
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    results = list(library.import_paths([pdf]))
    assert results[0].status is ImportStatus.FAILED
    assert results[0].reason == "unsupported file type '.pdf'"


def test_file_vanishing_mid_batch(library: Library, tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", PLAIN_EN)
    second = write(tmp_path / "b.txt", SAVED_PAGE_ZH)
    dangling = tmp_path / "c.txt"
    dangling.symlink_to(tmp_path / "gone.txt")

    def started(path: Path) -> None:
        if path == first:
            second.unlink()  # removed after the import started, before it was read

    results = list(library.import_paths([first, second, dangling], started=started))
    assert [r.status for r in results] == [
        ImportStatus.IMPORTED,
        ImportStatus.FAILED,
        ImportStatus.FAILED,
    ]
    assert results[1].reason == "the file does not exist"
    assert library.count() == 1
    check = sqlite3.connect(library.paths.database)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


@pytest.mark.slow
def test_large_text_file_imports(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    paragraph = "一段很长的文字,用来测试大文件的导入。The quick brown fox jumps. {n}\n\n"
    with path.open("w", encoding="utf-8") as out:
        n = 0
        while out.tell() < MAX_FILE_BYTES - 1024 * 1024:  # as large as the limit allows
            out.write(paragraph.format(n=n))
            n += 1
    result = library.import_path(path)
    assert result.status is ImportStatus.IMPORTED, result.reason
    assert result.article_id is not None
    stored = library.get_article(result.article_id)
    assert stored.text.endswith(f"{n - 1}")
    assert library.list_articles()[0].title  # listing does not need the body


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A data directory holding a library, then made read-only for real.

    As root, permission bits do not stop writes, so the folder becomes a read-only tmpfs.
    """
    root = tmp_path / "ro"
    root.mkdir()
    if os.geteuid() != 0:
        Library(DataPaths(root)).close()
        root.chmod(0o555)
        yield root
        root.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(root)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a read-only filesystem here")
    try:
        Library(DataPaths(root)).close()
        subprocess.run(["mount", "-o", "remount,ro", str(root)], check=True)
        yield root
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)


def test_read_only_data_dir_gives_a_clear_message(read_only_dir: Path, tmp_path: Path) -> None:
    # The library there opens with changes off (see tests/reliability/test_read_only.py)...
    with Library(DataPaths(read_only_dir)) as lib:
        assert lib.read_only
        with pytest.raises(DataDirError) as info:
            lib.mark_read([1])
    assert str(read_only_dir) in str(info.value)
    assert "read-only; changes are off" in str(info.value)
    # ...and no new library can be made in it.
    with pytest.raises(DataDirError) as info:
        Library(DataPaths(read_only_dir / "new"))
    assert str(read_only_dir / "new") in str(info.value)
