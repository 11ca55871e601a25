"""The analyzer: bigrams for CJK runs, folded and stemmed Latin words, T→S folding."""

from __future__ import annotations

import pytest

from reader.search import analysis
from reader.search.analysis import atoms, fold, fold_chars, index_terms, join_cjk, stem
from reader.search.folding import t2s_table, to_simplified
from reader.search.schema import BigramTokenizer, encode_positions, make_schema, site_values


def test_cjk_runs_become_overlapping_bigrams_in_order() -> None:
    assert index_terms("俄罗斯经济") == ["俄罗", "罗斯", "斯经", "经济"]


def test_a_lone_cjk_character_stays_a_unigram() -> None:
    assert index_terms("A和B") == ["a", "和", "b"]
    assert index_terms("中 国") == ["中", "国"]


def test_positions_are_consecutive_across_scripts() -> None:
    # The tokenizer reuses one Token object, so read each as it comes.
    found = [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in BigramTokenizer()("iPhone手机 很好", positions=True, chars=True)
    ]
    assert found == [("iphon", 0, 0, 6), ("手机", 1, 6, 8), ("很好", 2, 9, 11)]


def test_tokenizer_yields_what_indexing_uses() -> None:
    text = "Runners ran 東京都に住む 서울에서 ＦＵＬＬ width"
    tokenized = [t.text for t in BigramTokenizer()(text, positions=True)]
    assert tokenized == index_terms(text)


def test_japanese_and_korean_runs() -> None:
    assert index_terms("東京都") == ["东京", "京都"]
    assert index_terms("한국어를") == ["한국", "국어", "어를"]
    assert index_terms("ｶﾀｶﾅ") == ["カタ", "タカ", "カナ"]  # half-width kana, via NFKC


def test_latin_words_are_lowercased_nfkc_and_stemmed_only_if_ascii() -> None:
    # Accents go too (since analyzer 3): café is cafe, and stemmed as English.
    assert index_terms("ＡＢＣ Running café Cafés") == ["abc", "run", "cafe", "cafe"]
    assert index_terms("U.S. 3.14 e-mail") == ["u", "s", "3", "14", "e", "mail"]


def test_very_long_words_are_dropped() -> None:
    assert index_terms("x" * 200 + " ok") == ["ok"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("runners", "run"),
        ("running", "run"),
        ("runner", "run"),
        ("swimmer", "swim"),
        ("programmers", "program"),
        ("programming", "program"),
        ("bigger", "big"),
        ("dinner", "dinner"),
        ("better", "better"),
        ("summer", "summer"),
        ("news", "news"),
        ("café", "café"),
    ],
)
def test_stemming(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_traditional_folds_to_simplified_one_character_at_a_time() -> None:
    assert to_simplified("俄羅斯臺灣發展") == "俄罗斯台湾发展"
    table = t2s_table()
    assert all(len(simple) == 1 for simple in table.values())
    assert ord("羅") in table and ord("罗") not in table


def test_fold_chars_keeps_length_and_offsets() -> None:
    text = "俄羅斯 ＡＢＣ İstanbul Café ｶﾅ"
    folded = fold_chars(text)
    assert len(folded) == len(text)
    assert folded.startswith("俄罗斯 abc")
    assert fold(text).startswith("俄罗斯 abc")


def test_atoms_and_terms_agree_with_indexing() -> None:
    text = "俄羅斯 Runners 中"
    assert [term for atom in atoms(text) for term in atom.terms] == index_terms(text)


def test_join_cjk_removes_spaces_between_cjk_only() -> None:
    assert join_cjk("俄 罗斯  经济 in english 東 京") == "俄罗斯经济 in english 東京"


@pytest.mark.parametrize(
    "positions",
    [[0], [5], [255], [256], [70_000], [1, 5, 9], list(range(300)), [3, 300, 70_000, 70_001]],
)
def test_positions_read_back_through_whoosh_format_interface(positions: list[int]) -> None:
    from whoosh.formats import Positions

    fmt = make_schema()["body"].format
    value = encode_positions(positions)
    assert fmt.decode_as("positions", value) == positions
    assert fmt.decode_as("frequency", value) == len(positions)
    assert len(value) < len(Positions().encode(positions))  # what the packing is for


def test_site_values_cover_the_host_its_parents_and_names() -> None:
    assert site_values("https://www.NYTimes.com/2024/x") == [
        "www.nytimes.com",
        "nytimes.com",
        "nytimes",
    ]
    assert site_values("人民网") == ["人民网"]
    assert site_values("  ") == []


def test_analyzer_version_is_an_int() -> None:
    assert isinstance(analysis.ANALYZER_VERSION, int)
