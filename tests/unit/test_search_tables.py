"""The folding tables kept beside the index: made once, read by every later process."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from reader.search import SearchDocument, SearchIndex, tables
from reader.search.analysis import _make_fold_table, fold_table
from reader.search.folding import t2s_table


@pytest.fixture
def kept_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tables, "_folder", tmp_path)
    return tmp_path


def counting_maker(calls: list[int]) -> object:
    def make() -> dict[int, str]:
        calls.append(1)
        return {ord("國"): "国", ord("Ａ"): "a"}

    return make


def test_a_table_is_made_once_then_read_from_its_file(kept_in: Path) -> None:
    calls: list[int] = []
    first = tables.load("demo", counting_maker(calls))  # type: ignore[arg-type]
    again = tables.load("demo", counting_maker(calls))  # type: ignore[arg-type]
    assert first == again == {ord("國"): "国", ord("Ａ"): "a"}
    assert calls == [1]
    assert [p.name.split("-")[0] for p in kept_in.iterdir()] == ["demo"]


def test_what_the_file_says_is_what_is_used(kept_in: Path) -> None:
    tables.load("demo", counting_maker([]))  # type: ignore[arg-type]
    (stored,) = kept_in.iterdir()
    stored.write_text(json.dumps({str(ord("國")): "囯"}), encoding="utf-8")
    assert tables.load("demo", counting_maker([])) == {ord("國"): "囯"}  # type: ignore[arg-type]


@pytest.mark.parametrize("damage", ["", "{not json", "[1, 2]", '{"x": "a"}', '{"65": ""}'])
def test_a_damaged_file_is_made_again_and_rewritten(kept_in: Path, damage: str) -> None:
    calls: list[int] = []
    tables.load("demo", counting_maker(calls))  # type: ignore[arg-type]
    (stored,) = kept_in.iterdir()
    stored.write_text(damage, encoding="utf-8")
    assert tables.load("demo", counting_maker(calls)) == {ord("國"): "国", ord("Ａ"): "a"}  # type: ignore[arg-type]
    assert calls == [1, 1]
    assert tables.load("demo", counting_maker(calls))  # type: ignore[arg-type]
    assert calls == [1, 1]  # the rewritten file is read again


def test_a_missing_folder_is_not_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "_folder", tmp_path / "index")
    calls: list[int] = []
    tables.load("demo", counting_maker(calls))  # type: ignore[arg-type]
    tables.load("demo", counting_maker(calls))  # type: ignore[arg-type]
    assert calls == [1, 1]
    assert not (tmp_path / "index").exists()


def test_the_file_names_the_unicode_data_it_was_made_from(kept_in: Path) -> None:
    tables.load("demo", counting_maker([]))  # type: ignore[arg-type]
    (stored,) = kept_in.iterdir()
    assert f"-u{unicodedata.unidata_version}-" in stored.name


def test_folding_all_at_once_equals_folding_each_character_alone() -> None:
    t2s = t2s_table()
    expected: dict[int, str] = {}
    for code in [*range(0x41, 0x61), *range(0x80, 0xD800), *range(0xE000, 0x30000)]:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char).lower().translate(t2s)
        latin = len(folded) == 1 and (
            "\u00c0" <= folded <= "\u024f" or "\u1e00" <= folded <= "\u1eff"
        )
        letter, *marks = unicodedata.normalize("NFD", folded) if latin else " "
        if (
            latin
            and letter.isascii()
            and letter.isalpha()
            and all(map(unicodedata.combining, marks))
        ):
            folded = letter  # a Latin letter loses its accents: Māori is maori
        if folded != char and len(folded) == 1:
            expected[code] = folded
    expected.update((code, simple) for code, simple in t2s.items() if code not in expected)
    assert _make_fold_table() == expected
    assert fold_table() == expected


def test_a_new_process_searches_with_the_tables_the_index_keeps(tmp_path: Path) -> None:
    """The first process leaves the tables beside the index; the next one folds with them
    (an entry changed on disk shows up in how it folds the query)."""
    root = tmp_path / "index"
    index = SearchIndex(root, rebuild_procs=1)
    docs = [SearchDocument(1, "國家", "經濟 development"), SearchDocument(2, "东京", "囯")]
    for _ in index.rebuild(iter(docs), len(docs)):
        pass
    index.close()
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from reader.search import SearchIndex
        texts = {1: ("國家", "經濟 development"), 2: ("东京", "囯")}
        index = SearchIndex(Path(sys.argv[1]))
        result = index.search(sys.argv[2], text_of=texts.get)  # with snippets
        print(sorted(hit.id for hit in result.hits))
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def search(query: str) -> str:
        args = [sys.executable, "-c", script, str(root), query]
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert search("國") == "[1]"
    kept = {p.name.split("-")[0] for p in root.glob("*.json")}
    assert {"fold", "t2s", "variants"} <= kept
    (t2s_file,) = root.glob("t2s-*.json")
    changed = json.loads(t2s_file.read_text(encoding="utf-8"))
    changed[str(ord("國"))] = "囯"
    t2s_file.write_text(json.dumps(changed), encoding="utf-8")
    assert search("國") == "[2]"


def test_a_folder_on_a_read_only_file_system_only_costs_the_table_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """There every write fails with EROFS, removing the never-made temporary file too."""

    def refused(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "write_text", refused)
    monkeypatch.setattr(Path, "unlink", refused)
    monkeypatch.setattr(tables, "_folder", tmp_path)
    assert tables.load("test-erofs", lambda: {65: "a"}) == {65: "a"}
