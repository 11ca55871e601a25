"""One-character CJK queries find every article holding the character, as a substring scan."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.search import AnnotationDocument, SearchDocument, SearchIndex
from reader.search.analysis import CJK_CLASS, fold

# Chinese (both scripts), Japanese (kana and kanji), Korean; characters at the start, the
# middle and the end of runs, alone between Latin words, in titles and in notes only.
DOCS = [
    SearchDocument(1, "中国经济", "中国的经济发展很快。人民生活水平提高了。"),
    SearchDocument(2, "臺灣新聞", "這是一個關於中國與美國的報導，提到了國家。"),
    SearchDocument(3, "猫の話", "私の猫はとても可愛いです。ねこが好き。"),
    SearchDocument(4, "日本語", "東京は日本の首都です。カタカナとひらがな、そして漢字。"),
    SearchDocument(5, "한국어", "한국은 아름다운 나라입니다. 서울에 살아요. 한"),
    SearchDocument(6, "mixed", "The word 国 alone, then 猫, then the end 한"),
    SearchDocument(7, "English only", "Nothing here but Latin letters and 123 digits."),
    SearchDocument(8, "尾字", "这一句话的最后一个字是猫"),
    SearchDocument(9, "notes", "plain body", notes="我的笔记提到了韩国和日本のお茶"),
    SearchDocument(10, "繁體", "貓咪在睡覺，書在桌上。"),
    SearchDocument(11, "かな", "ですます。ア"),
    SearchDocument(12, "标题有国", "body without it"),
]

_CJK = re.compile(f"[{CJK_CLASS}]")


def texts(doc: SearchDocument) -> str:
    return fold(" ".join((doc.title, doc.body, doc.notes)))


def substring_scan(docs: list[SearchDocument], char: str) -> set[int]:
    return {doc.id for doc in docs if fold(char) in texts(doc)}


def every_char(docs: list[SearchDocument]) -> list[str]:
    found = {c for doc in docs for c in _CJK.findall(doc.title + doc.body + doc.notes)}
    return sorted(found)


def found(index: SearchIndex, query: str) -> set[int]:
    return {hit.id for hit in index.search(query, limit=1000).hits}


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SearchIndex]:
    idx = SearchIndex(tmp_path / "index", rebuild_procs=1)
    for _ in idx.rebuild(iter(DOCS[:8]), 8):
        pass
    idx.update(DOCS[8:])  # the incremental path too
    yield idx
    idx.close()


def test_every_character_is_found_as_a_substring_scan_finds_it(index: SearchIndex) -> None:
    chars = every_char(DOCS)
    assert len(chars) > 100
    missed = {c: substring_scan(DOCS, c) - found(index, c) for c in chars}
    extra = {c: found(index, c) - substring_scan(DOCS, c) for c in chars}
    assert {c: ids for c, ids in missed.items() if ids} == {}
    assert {c: ids for c, ids in extra.items() if ids} == {}


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("国", {1, 2, 6, 9, 12}),  # 國 in 2 (Traditional), 国 at a run's end in 12 (title)
        ("國", {1, 2, 6, 9, 12}),
        ("猫", {3, 6, 8, 10}),  # 8: the last character; 10: written 貓
        ("貓", {3, 6, 8, 10}),
        ("한", {5, 6}),
        ("ア", {11}),
        ("す", {3, 4, 11}),
    ],
)
def test_both_scripts_and_run_ends(index: SearchIndex, char: str, expected: set[int]) -> None:
    assert found(index, char) == expected
    assert substring_scan(DOCS, char) == expected


def test_a_character_only_in_notes_follows_note_changes(index: SearchIndex) -> None:
    assert found(index, "茶") == {9}
    index.update_annotations([AnnotationDocument(9, notes="换成了咖啡")])
    assert found(index, "茶") == set()
    assert found(index, "啡") == {9}
    assert found(index, "fei") == set()


def test_phrases_still_need_the_characters_in_order(index: SearchIndex) -> None:
    assert found(index, '"经济发展"') == {1}
    assert found(index, '"发展经济"') == set()
    assert found(index, "中国") == {1, 2}
    assert found(index, "国 猫") == {6}
