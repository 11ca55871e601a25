"""Searching a real on-disk index: CJK words and phrases, folding, stemming, every filter."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.search import SearchDocument, SearchIndex, SearchResult

D = datetime.date
# How long one search may take before it counts as a hang (seconds).
HANG_GUARD_S = 30

DOCS = [
    SearchDocument(
        1,
        "俄罗斯经济观察",
        "俄罗斯经济在二〇二四年继续增长。中华人民共和国与俄罗斯签署了新的贸易协定。",
        section="国际",
        site="https://news.example.cn/world/1.html",
        language="zh-Hans",
        published=D(2024, 10, 26),
        tags=("经济", "Trade"),
        notes="关于能源合作的笔记",
        bookmarked=True,
        colors=("yellow",),
    ),
    SearchDocument(
        2,
        "半導體產業",
        "臺灣的半導體產業發展迅速，俄羅斯也關注這個市場。",
        site="www.example.tw",
        language="zh-Hant",
        published=D(2024, 3, 15),
        colors=("blue",),
    ),
    SearchDocument(
        3,
        "東京の生活",
        "東京都に住んでいます。日本語の勉強は楽しいです。",
        language="ja",
        published=D(2023, 7, 1),
    ),
    SearchDocument(
        4, "서울 생활", "서울에서 한국어를 배우고 있습니다. 한국 음식이 맛있어요.", language="ko"
    ),
    SearchDocument(
        5,
        "City Marathon",
        "Many people were running in the city marathon. The winner crossed the line first.",
        section="Sports",
        site="www.nytimes.com",
        author="Jane Smith",
        language="en",
        published=D(2024, 1, 5),
        tags=("sport", "Machine Learning"),
    ),
    SearchDocument(
        6,
        "Defense notes",
        "A report on the first line of defense: they crossed the winner off the list.",
        language="en",
        published=D(2022, 12, 31),
        notes="Remember the pelican",
        colors=("yellow", "green"),
    ),
    SearchDocument(
        7,
        "校园",
        "北京大学的学生在图书馆学习。",
        section="国际新闻",
        language="zh-Hans",
        bookmarked=True,
    ),
]
TEXTS = {doc.id: (doc.title, doc.body) for doc in DOCS}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    root = tmp_path_factory.mktemp("search") / "index"
    idx = SearchIndex(root, rebuild_procs=1, batch_size=3)
    message = idx.ensure_healthy(len(DOCS), lambda: DOCS)
    assert message is not None and "rebuilt" in message
    yield idx
    idx.close()


def search(index: SearchIndex, query: str, **kwargs: object) -> SearchResult:
    return index.search(query, text_of=TEXTS.get, **kwargs)  # type: ignore[arg-type]


def ids(index: SearchIndex, query: str) -> set[int]:
    return {hit.id for hit in search(index, query).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("经济", {1}),  # 2 characters
        ("俄罗斯", {1, 2}),  # 3 characters (2 has it in Traditional)
        ("贸易协定", {1}),  # 4 characters
        ("中华人民共和国", {1}),  # 7 characters
        ("斯经济在", {1}),  # across word boundaries
        ("学的学", {7}),
        ("图书", {7}),
    ],
)
def test_chinese_words_and_substrings_are_found(
    index: SearchIndex, query: str, expected: set[int]
) -> None:
    assert ids(index, query) == expected


def test_chinese_phrase_matches_only_in_order(index: SearchIndex) -> None:
    assert ids(index, '"贸易协定"') == {1}
    assert ids(index, '"协定贸易"') == set()
    assert ids(index, '"俄罗斯 经济"') == {1}  # spaces between CJK characters are ignored


def test_english_phrase_matches_only_in_order(index: SearchIndex) -> None:
    assert ids(index, '"the winner crossed"') == {5}
    assert ids(index, '"crossed the winner"') == {6}
    assert ids(index, "winner crossed") == {5, 6}


def test_traditional_and_simplified_find_each_other(index: SearchIndex) -> None:
    assert ids(index, "俄羅斯") == {1, 2}
    assert ids(index, "台湾") == {2}
    assert ids(index, "臺灣") == {2}
    assert ids(index, "半导体产业") == {2}


def test_japanese_and_korean_words_are_found(index: SearchIndex) -> None:
    assert ids(index, "東京") == {3}
    assert ids(index, "日本語") == {3}
    assert ids(index, "東京の生活") == {3}
    assert ids(index, "한국어") == {4}
    assert ids(index, "서울") == {4}


def test_english_stemming(index: SearchIndex) -> None:
    assert ids(index, "runners") == {5}
    assert ids(index, "RUN") == {5}
    assert ids(index, "marathons") == {5}


def test_a_lone_cjk_character_finds_words_that_start_with_it(index: SearchIndex) -> None:
    assert 7 in ids(index, "图")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("title:marathon", {5}),
        ("title:经济", {1}),
        ('title:"city marathon"', {5}),
        ("author:smith", {5}),
        ("notes:pelican", {6}),
        ("pelican", {6}),  # notes are searched with everything else
        ("能源", {1}),
        ("section:sports", {5}),
        ("section:国际", {1, 7}),
        ("section:国际新闻", {7}),
        ("site:nytimes.com", {5}),
        ("site:www.nytimes.com", {5}),
        ("site:nytimes", {5}),
        ("site:news.example.cn", {1}),
        ("lang:zh", {1, 2, 7}),
        ("lang:zh-Hant", {2}),
        ("lang:EN", {5, 6}),
        ("tag:经济", {1}),
        ("tag:trade", {1}),
        ('tag:"machine learning"', {5}),
        ("color:yellow", {1, 6}),
        ("color:Green", {6}),
        ("is:bookmarked", {1, 7}),
        ("has:notes", {1, 6}),
        ("after:2024-01-01", {1, 2, 5}),
        ("after:2024-03-15", {1, 2}),
        ("before:2023-12-31", {3, 6}),
        ("before:2023", {3, 6}),
        ("date:2024-10", {1}),
        ("date:2024", {1, 2, 5}),
        ("date:2024-10-26", {1}),
        ("date:2024-10-25", set()),
        ("after:2023 before:2024-02", {3, 5}),
        ("lang:en winner", {5, 6}),
        ("is:bookmarked 学生", {7}),
    ],
)
def test_filters(index: SearchIndex, query: str, expected: set[int]) -> None:
    assert ids(index, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("marathon OR 東京", {3, 5}),
        ("winner -defense", {5}),
        ("winner NOT defense", {5}),
        ("lang:en -is:bookmarked", {5, 6}),
        ("-lang:zh -lang:en", {3, 4}),
        ("(marathon OR defense) first", {5, 6}),
        ("winner AND line", {5, 6}),
        ("-俄罗斯 lang:zh", {7}),
    ],
)
def test_operators(index: SearchIndex, query: str, expected: set[int]) -> None:
    assert ids(index, query) == expected


def test_sort_by_date_is_newest_first_with_undated_last(index: SearchIndex) -> None:
    result = search(index, "lang:zh OR lang:ko", sort="date")
    order = [hit.id for hit in result.hits]
    assert order[:2] == [1, 2] and set(order[2:]) == {4, 7}
    assert result.total == 4


def test_rank_puts_title_matches_first(index: SearchIndex) -> None:
    result = search(index, "marathon OR defense OR line")
    assert result.hits[0].score >= result.hits[-1].score
    assert {hit.id for hit in result.hits} == {5, 6}


def test_results_carry_total_limit_and_terms(index: SearchIndex) -> None:
    result = search(index, "lang:zh", limit=2)
    assert len(result.hits) == 2
    assert result.total == 3
    assert search(index, '俄羅斯 "the winner" -draft').terms == ("俄羅斯", "the winner")


def test_snippets_mark_the_matched_words(index: SearchIndex) -> None:
    hit = search(index, "俄羅斯").hits[0]
    assert "[俄罗斯]" in hit.marked_snippet()
    assert "[俄罗]斯" not in hit.marked_snippet()
    for start, end in hit.snippet_spans:
        assert hit.snippet[start:end] in ("俄罗斯", "俄羅斯")
    hit = search(index, "runners").hits[0]
    assert "[running]" in hit.marked_snippet()


def test_a_title_only_hit_shows_the_start_of_the_body(index: SearchIndex) -> None:
    hit = search(index, "title:观察").hits[0]
    assert hit.snippet.startswith("俄罗斯经济在")
    assert hit.snippet_spans == ()


def test_hits_missing_from_the_library_are_dropped(index: SearchIndex) -> None:
    result = index.search("lang:en", text_of=lambda i: TEXTS[i] if i == 5 else None)
    assert [hit.id for hit in result.hits] == [5]
    assert result.total == 1


MALFORMED = [
    '"abc',
    "(a",
    "a)",
    "AND OR",
    "*",
    "*tion",
    "title:",
    "lang:",
    "date:2024-13-45",
    "x" * 10_000,
    "俄" * 10_000,
    " ".join(["word"] * 5000),
    "!!! ??? ... ,,,",
    "😀🎉👍",
    "",
    "   ",
    "NOT",
    "-",
    '""',
    "((((((((((((((((((((((((((((((a",
    "a OR OR OR b",
    ":::",
    "title:title:title:",
    "is:nothing has:everything",
    '\\"\\(',
    "\x00\x01\x02",
]


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_queries_never_raise_or_hang(index: SearchIndex, query: str) -> None:
    started = time.perf_counter()
    result = search(index, query)
    # A hang guard (milliseconds on a quiet machine); query speed is search_bench.py's.
    assert time.perf_counter() - started < HANG_GUARD_S
    assert isinstance(result, SearchResult)
    assert result.total >= len(result.hits)


@pytest.mark.parametrize(
    ("query", "expected_message"),
    [
        ('"abc', "unbalanced quote"),
        ("(a", "unbalanced bracket"),
        ("AND OR", "stray"),
        ("*tion", "wildcard"),
        ("title:", "nothing after title:"),
        ("x" * 10_000, "shortened"),
        ("😀", "nothing searchable"),
        ("date:2024-13", "not a date"),
    ],
)
def test_malformed_queries_explain_themselves(
    index: SearchIndex, query: str, expected_message: str
) -> None:
    result = search(index, query)
    assert result.message is not None and expected_message in result.message


def test_unbalanced_quote_searches_the_words(index: SearchIndex) -> None:
    result = search(index, '"the winner crossed')
    assert {hit.id for hit in result.hits} == {5, 6}


def test_an_index_root_never_built_gives_an_empty_result(tmp_path: Path) -> None:
    idx = SearchIndex(tmp_path / "nothing")
    result = idx.search("经济", text_of=TEXTS.get)
    assert result.hits == [] and result.message is not None
    assert idx.doc_count() == 0


def test_a_large_ordinary_commit_sorts_its_postings_in_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One in-memory sort of a commit's postings holds the interpreter (and the window's UI
    # thread) for as long as it takes: past the limit, they are sorted in runs and merged.
    import whoosh.writing

    import reader.search.index as index_module

    spilled: list[int] = []
    save = whoosh.writing.PostingPool.save

    def counting_save(pool: object) -> None:
        spilled.append(len(pool.current))  # type: ignore[attr-defined]
        save(pool)

    monkeypatch.setattr(whoosh.writing.PostingPool, "save", counting_save)
    monkeypatch.setattr(index_module, "POOL_LIMIT_MB", 0.02)
    idx = SearchIndex(tmp_path / "index", rebuild_procs=1)
    idx.ensure_healthy(len(DOCS), lambda: DOCS)
    extra = [
        SearchDocument(100 + n, f"河流 {n}", f"湖畔小城举办国际风筝节 the river bends {n} " * 40)
        for n in range(20)
    ]
    idx.update(extra)
    assert len([n for n in spilled if n]) > 1
    texts = {doc.id: (doc.title, doc.body) for doc in [*DOCS, *extra]}
    for query, expected in (("风筝节", {doc.id for doc in extra}), ("俄罗斯", {1, 2})):
        found = idx.search(query, limit=50, text_of=texts.get)  # type: ignore[arg-type]
        assert {hit.id for hit in found.hits} >= expected
    idx.close()


def test_accents_of_latin_letters_do_not_matter(tmp_path: Path) -> None:
    """Found by a user's test: "Maori" and "approuve" found nothing, while "Māori" and
    "approuvé" found their articles. Kana keep their voicing marks: が is not か."""
    docs = [
        SearchDocument(1, "Whale strandings", "Māori tribes fear for the whales.", language="en"),
        SearchDocument(2, "Le budget", "Le parlement a approuvé le budget à Zürich."),
        SearchDocument(3, "学校", "学校がある。", language="ja"),
    ]
    texts = {doc.id: (doc.title, doc.body) for doc in docs}
    index = SearchIndex(tmp_path / "index", rebuild_procs=1, batch_size=3)
    try:
        index.ensure_healthy(len(docs), lambda: docs)
        found = lambda q: {h.id for h in index.search(q, text_of=texts.get).hits}  # noqa: E731
        assert found("Maori") == found("Māori") == found("MĀORI") == {1}
        assert found("approuve") == found("approuvé") == {2}
        assert found("zurich") == {2}
        assert found("学校が") == {3} and found("学校か") == set()
    finally:
        index.close()
