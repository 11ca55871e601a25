"""Annotations through the command line: highlight, note, export, re-import, remove guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.articles import SAVED_PAGE_ZH, write
from tests.integration.test_cli import reader


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    write(tmp_path / "in" / "kites.txt", SAVED_PAGE_ZH)
    reader(lib, "import", str(tmp_path / "in" / "kites.txt"), check=True)
    return lib


def test_highlight_note_and_notes_survive_restart(lib: Path) -> None:
    out = reader(
        lib,
        "highlight",
        "1",
        "--quote",
        "带灯的风筝",
        "--color",
        "green",
        "--note",
        "夜间项目是新的",
        "--json",
        check=True,
    )
    highlight = json.loads(out.stdout)
    assert highlight["color"] == "green"
    reader(lib, "note", "1", "Read for the *kite* chapter", check=True)
    notes = json.loads(reader(lib, "notes", "1", "--json", check=True).stdout)
    assert notes[0]["note"]["text"] == "Read for the *kite* chapter"
    [saved] = notes[0]["highlights"]
    assert saved["quote"] == "带灯的风筝"
    assert saved["note"] == "夜间项目是新的"
    human = reader(lib, "notes", check=True).stdout
    assert "带灯的风筝" in human and "夜间项目是新的" in human


def test_quote_not_found_or_ambiguous_fails_clearly(lib: Path) -> None:
    missing = reader(lib, "highlight", "1", "--quote", "不存在的句子")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    ambiguous = reader(lib, "highlight", "1", "--quote", "风筝")
    assert ambiguous.returncode == 1 and "--occurrence" in ambiguous.stderr
    picked = reader(lib, "highlight", "1", "--quote", "风筝", "--occurrence", "2", "--json")
    assert picked.returncode == 0, picked.stderr


def test_exports(lib: Path, tmp_path: Path) -> None:
    reader(lib, "highlight", "1", "--quote", "碳纤维和轻质尼龙", "--note", "材料", check=True)
    markdown = reader(lib, "export", "--article", "1", "--format", "markdown", check=True).stdout
    assert "碳纤维和轻质尼龙" in markdown and "材料" in markdown
    bib = reader(lib, "export", "--format", "bibtex", check=True).stdout
    assert bib.lstrip().startswith("@") and "华文天下" in bib
    out = tmp_path / "notes.jsonld"
    reader(lib, "export", "--format", "w3c", "-o", str(out), check=True)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "AnnotationCollection"

    # Into a fresh library holding the same article: the highlight comes back as it was.
    other = tmp_path / "other"
    reader(other, "import", str(tmp_path / "in" / "kites.txt"), check=True)
    report = json.loads(
        reader(other, "annotations", "import", str(out), "--json", check=True).stdout
    )
    assert report["added"] == 1
    before = json.loads(reader(lib, "notes", "--json").stdout)
    after = json.loads(reader(other, "notes", "--json").stdout)
    assert before == after


def test_remove_refuses_annotated_article(lib: Path) -> None:
    reader(lib, "highlight", "1", "--quote", "碳纤维", check=True)
    refused = reader(lib, "remove", "--for-good", "1")
    assert refused.returncode == 1 and "annotation" in refused.stderr
    assert json.loads(reader(lib, "list", "--json").stdout), "nothing was removed"
    reader(lib, "remove", "--for-good", "1", "--with-annotations", check=True)
    assert json.loads(reader(lib, "list", "--json").stdout) == []


def test_reimport_changed_file_keeps_and_reanchors_highlight(lib: Path, tmp_path: Path) -> None:
    reader(lib, "highlight", "1", "--quote", "组委会表示", "--note", "keep me", check=True)
    reader(lib, "bookmark", "1", check=True)
    changed = SAVED_PAGE_ZH.replace(
        "本周末,湖畔小城", "新加的第一段,介绍比赛的历史。\n\n本周末,湖畔小城"
    )
    write(tmp_path / "in" / "kites.txt", changed)
    result = json.loads(
        reader(lib, "import", str(tmp_path / "in" / "kites.txt"), "--json", check=True).stdout
    )
    assert result[0]["status"] == "updated" and result[0]["id"] == 1
    [group] = json.loads(reader(lib, "notes", "1", "--json").stdout)
    [highlight] = group["highlights"]
    assert highlight["status"] == "anchored" and highlight["note"] == "keep me"
    text = json.loads(reader(lib, "show", "1", "--json").stdout)["text"]
    start = highlight["start"]
    assert text[start : start + 5] == "组委会表示"
    assert json.loads(reader(lib, "list", "--json").stdout)[0]["bookmarked"] is True


def test_article_tags_and_colour_meanings(lib: Path) -> None:
    out = reader(lib, "tags", "1", "风筝", "Festival", "--json", check=True).stdout
    assert sorted(json.loads(out)["tags"]) == sorted(["风筝", "Festival"])
    meanings = json.loads(
        reader(lib, "colors", "--set", "green", "key claim", "--json", check=True).stdout
    )
    assert meanings["green"] == "key claim" and meanings["yellow"] is None
    reader(lib, "highlight", "1", "--quote", "碳纤维", "--color", "green", check=True)
    assert "key claim" in reader(lib, "export", "--format", "markdown", check=True).stdout
    found = json.loads(reader(lib, "search", "tag:festival", "--json", check=True).stdout)
    assert [hit["id"] for hit in found] == [1]
    bad = reader(lib, "colors", "--set", "orange", "x")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
