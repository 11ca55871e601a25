"""Snippets: the passage around the best match, and merged, valid spans."""

from __future__ import annotations

from reader.search.documents import SearchHit
from reader.search.snippets import SNIPPET_CHARS, Highlighter, highlight_spans, merge_spans


def marked(highlights: list[str], body: str) -> str:
    snippet, spans = Highlighter(highlights).snippet(body)
    for start, end in spans:
        assert 0 <= start < end <= len(snippet)
    return SearchHit(1, 0.0, snippet, spans).marked_snippet()


def test_overlapping_bigram_matches_merge_into_one_span() -> None:
    assert marked(["俄罗", "罗斯"], "他说俄罗斯很大") == "他说[俄罗斯]很大"
    assert marked(["俄罗斯"], "他说俄罗斯很大") == "他说[俄罗斯]很大"
    assert merge_spans([(2, 4), (3, 5), (9, 10), (5, 6)]) == [(2, 6), (9, 10)]


def test_traditional_and_simplified_mark_each_other() -> None:
    assert marked(["俄罗斯"], "俄羅斯的經濟") == "[俄羅斯]的經濟"
    assert marked(["經濟"], "俄罗斯的经济") == "俄罗斯的[经济]"


def test_stemming_and_case_mark_related_words() -> None:
    text = "Many RUNNERS were running; a runner ran. Rural rules."
    expected = "Many [RUNNERS] were [running]; a [runner] ran. Rural rules."
    assert marked(["runners"], text) == expected


def test_phrases_are_marked_as_a_whole_and_only_in_order() -> None:
    text = "crossed the winner, then the winner crossed"
    result = marked(['"the winner crossed"'], text)
    assert result.endswith("then [the winner crossed]") and result.count("[") == 1


def test_words_are_not_marked_inside_other_words() -> None:
    assert marked(["cat"], "concatenate the cat") == "concatenate the [cat]"


def test_passage_is_around_the_match_and_about_the_right_length() -> None:
    body = "前言。" * 200 + "这里谈到俄罗斯的经济。" + "后记。" * 200
    snippet, spans = Highlighter(["俄罗斯", "经济"]).snippet(body)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= SNIPPET_CHARS + 2
    assert "俄罗斯" in snippet and len(spans) == 2


def test_passage_prefers_the_place_with_the_most_query_words() -> None:
    body = "alpha here. " * 30 + "beta there. " * 30 + "alpha and beta together. " + "x. " * 50
    snippet, _ = Highlighter(["alpha", "beta"]).snippet(body)
    assert "alpha and beta together" in snippet


def test_no_match_gives_the_start_of_the_body() -> None:
    snippet, spans = Highlighter(["absent"]).snippet("First words of the article. " * 20)
    assert snippet.startswith("First words") and spans == ()


def test_newlines_become_spaces_and_latin_words_are_not_cut() -> None:
    body = "one\ntwo\nthree " + "wordy " * 40
    snippet, _ = Highlighter(["two"]).snippet(body)
    assert "\n" not in snippet
    assert snippet.rstrip("…").endswith(("wordy", "wordy "))


def test_a_match_deep_in_a_long_text_is_found() -> None:
    body = "filler text. " * 5000 + "the hidden needle is here."
    snippet, spans = Highlighter(["needle"]).snippet(body)
    assert "needle" in snippet and len(spans) == 1


def test_highlight_spans_cover_the_whole_text_for_the_reading_pane() -> None:
    body = "俄羅斯 " + "filler words. " * 3000 + "俄罗斯 and Runners"
    spans = highlight_spans(body, ["俄罗斯", "running"])
    assert [body[s:e] for s, e in spans] == ["俄羅斯", "俄罗斯", "Runners"]


def test_empty_inputs() -> None:
    assert Highlighter([]).snippet("some text") == ("some text", ())
    assert Highlighter(["x"]).snippet("") == ("", ())
    assert Highlighter(["!!!"]).snippet("a b") == ("a b", ())
