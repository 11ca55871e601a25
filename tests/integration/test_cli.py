"""The `reader` command line on a temporary library (in-process; see tests/cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from tests.articles import PLAIN_EN, SAVED_PAGE_ZH, TITLE_ZH, to_traditional, write
from tests.cli import reader


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    src = tmp_path / "in"
    return {
        "utf8": write(src / "article-utf8.txt", SAVED_PAGE_ZH),
        "gbk": write(src / "article-gbk.txt", SAVED_PAGE_ZH, "gbk", "\r\n"),
        "big5": write(src / "article-big5.txt", to_traditional(SAVED_PAGE_ZH), "big5"),
        "plain": write(src / "harbour.txt", PLAIN_EN),
        "binary": _binary(src / "image.txt"),
    }


def _binary(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 40 + b"\x89PNG\x00\x00")
    return path


def test_import_saved_page_in_three_encodings(tmp_path: Path, files: dict[str, Path]) -> None:
    lib = tmp_path / "lib"
    proc = reader(
        lib,
        "import",
        str(files["utf8"]),
        str(files["gbk"]),
        str(files["big5"]),
        "--json",
        check=True,
    )
    results = json.loads(proc.stdout)
    assert [r["status"] for r in results] == ["imported", "duplicate", "imported"]
    assert results[1]["id"] == results[0]["id"], "the GBK copy is the UTF-8 article"
    listed = {a["id"]: a for a in json.loads(reader(lib, "list", "--json", check=True).stdout)}
    assert len(listed) == 2
    zh = listed[results[0]["id"]]
    assert zh["title"] == TITLE_ZH
    assert (zh["site"], zh["section"], zh["published"]) == ("华文天下", "国际", "2024-10-26")
    assert zh["language"] == "zh-Hans"
    hant = listed[results[2]["id"]]
    assert hant["title"] == to_traditional(TITLE_ZH)
    assert (hant["site"], hant["section"], hant["published"]) == ("華文天下", "國際", "2024-10-26")
    assert hant["language"] == "zh-Hant"
    for key in (
        "id",
        "title",
        "section",
        "site",
        "author",
        "published",
        "language",
        "source",
        "added",
        "read",
        "bookmarked",
    ):
        assert key in zh


def test_binary_file_fails_with_one_line_and_the_rest_imports(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    lib = tmp_path / "lib"
    proc = reader(lib, "import", str(files["binary"]), str(files["plain"]), str(files["utf8"]))
    assert proc.returncode == 1
    failed = [line for line in proc.stdout.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and "image.txt" in failed[0]
    assert "Traceback" not in proc.stdout + proc.stderr
    titles = [a["title"] for a in json.loads(reader(lib, "list", "--json").stdout)]
    assert sorted(titles) == sorted([TITLE_ZH, "Morning light on the old harbour"])


def test_show_sections_remove(tmp_path: Path, files: dict[str, Path]) -> None:
    lib = tmp_path / "lib"
    reader(lib, "import", str(files["utf8"]), check=True)
    reader(lib, "import", "--section", "Travel", str(files["plain"]), check=True)
    sections = json.loads(reader(lib, "sections", "--json", check=True).stdout)
    assert sorted((s["name"], s["count"]) for s in sections) == [("Travel", 1), ("国际", 1)]
    article = json.loads(reader(lib, "list", "--section", "国际", "--json").stdout)[0]
    shown = json.loads(reader(lib, "show", str(article["id"]), "--json", check=True).stdout)
    assert shown["text"].startswith("本周末,湖畔小城迎来了第十届国际风筝节")
    assert "【传统工艺与新材料相结合】" in shown["text"]
    assert "快来关注" not in shown["text"]
    assert "<h2>" in shown["html"]
    text = reader(lib, "show", str(article["id"]), "--text", check=True).stdout
    assert text.strip() == shown["text"]
    human = reader(lib, "show", str(article["id"]), check=True).stdout
    assert human.splitlines()[0] == TITLE_ZH
    assert "华文天下 · 国际 · 2024-10-26" in human
    reader(lib, "remove", str(article["id"]), check=True)  # to the Trash
    assert [s["name"] for s in json.loads(reader(lib, "sections", "--json").stdout)] == ["Travel"]
    assert reader(lib, "show", str(article["id"])).returncode == 0  # still in the Trash
    reader(lib, "trash", "empty", check=True)
    missing = reader(lib, "show", str(article["id"]))
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"reader: error: no article with id {article['id']}"


def test_human_list_and_import_output(tmp_path: Path, files: dict[str, Path]) -> None:
    lib = tmp_path / "lib"
    out = reader(lib, "import", str(files["utf8"]), str(files["gbk"]), check=True).stdout
    lines = out.splitlines()
    assert lines[0].startswith("imported") and lines[1].startswith("duplicate")
    assert lines[-1] == "1 imported, 1 duplicate"
    listing = reader(lib, "list", check=True).stdout.splitlines()
    assert listing[0].split() == ["ID", "DATE", "SECTION", "SITE", "TITLE"]
    assert "2024-10-26" in listing[1] and "华文天下" in listing[1]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    for args in (["import"], ["list", "--bogus"], ["show", "abc"], ["frobnicate"]):
        proc = reader(lib, *args)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr


def test_an_empty_path_names_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import ""` imported every file under the current folder (found by a user's test)."""
    write(tmp_path / "here" / "harbour.txt", PLAIN_EN)
    monkeypatch.chdir(tmp_path / "here")
    lib = str(tmp_path / "lib")
    for args in (["--data-dir", lib, "import", ""], ["--data-dir", "", "list"]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.startswith("reader: error: ") and "empty" in err and err.count("\n") == 1
    assert main(["--data-dir", lib, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_file_and_folder_import(tmp_path: Path, files: dict[str, Path]) -> None:
    lib = tmp_path / "lib"
    folder = files["utf8"].parent
    (folder / ".hidden.txt").write_text("secret note that must not be imported")
    proc = reader(lib, "import", str(folder), str(tmp_path / "nope.txt"), "--json")
    assert proc.returncode == 1
    results = {Path(r["path"]).name: r for r in json.loads(proc.stdout)}
    assert ".hidden.txt" not in results
    assert results["nope.txt"]["status"] == "failed"
    assert results["nope.txt"]["reason"] == "the file does not exist"
    assert results["image.txt"]["status"] == "failed"
    assert results["article-gbk.txt"]["status"] == "duplicate" or (
        results["article-utf8.txt"]["status"] == "duplicate"
    )


def test_data_dir_from_environment(
    tmp_path: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = tmp_path / "envlib"
    monkeypatch.setenv("READER_DATA_DIR", str(lib))
    assert main(["import", str(files["plain"])]) == 0  # no --data-dir: in-process, as reader()
    assert (lib / "library.sqlite3").is_file()


def test_data_dir_that_is_a_file(tmp_path: Path, files: dict[str, Path]) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    proc = reader(not_a_dir, "import", str(files["plain"]))
    assert proc.returncode == 1
    assert str(not_a_dir) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
