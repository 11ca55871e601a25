"""Snippet patterns that re searches fast (a character class first, no class of characters
outside the BMP unless the text holds some) and mark exactly what the full patterns mark."""

from __future__ import annotations

import pytest

from reader.search import snippets
from reader.search.analysis import CJK_CLASS
from reader.search.snippets import FIRST_CHUNK_CHARS, Highlighter

BOLD_S = "\U0001d42c"  # 𝐬, folds to s
BOLD_A = "\U0001d400"  # 𝐀, a letter: a word character
HAN_EXT_B = "\U00020000"  # 𠀀, a CJK character outside the BMP


def full_spans(terms: list[str], text: str) -> list[tuple[int, int, int]]:
    """The spans with the full patterns only (as before the narrow ones existed)."""
    highlighter = Highlighter(terms)
    for unit in highlighter._units:
        object.__setattr__(unit, "narrow", unit.pattern)
    return highlighter.spans(text)


PLAIN = "The sea was calm and the captain slept. " * 80  # no character outside the BMP
TEXTS = [
    PLAIN,
    PLAIN + f"A {BOLD_S}ea far out; {BOLD_A}sea is one word. " + PLAIN,
    f"{BOLD_S}ea at once, then " + PLAIN,
    PLAIN[: FIRST_CHUNK_CHARS - 3] + f" {BOLD_S}eas " + PLAIN,  # across the chunk's end
    f"经济{HAN_EXT_B}发展 and the sea " + PLAIN,
    "sea\nsea_sea 3sea Sea-SEA ſea",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("terms", [["sea"], ["captain", "sea"], ['"the captain"'], ["经济"]])
def test_the_same_spans_as_the_full_patterns(terms: list[str], text: str) -> None:
    assert Highlighter(terms).spans(text) == full_spans(terms, text)


def test_words_outside_the_bmp_are_marked_and_not_inside_words() -> None:
    text = PLAIN + f"A {BOLD_S}ea far out; {BOLD_A}sea is one word."
    marked = [text[s:e] for s, e, _ in Highlighter(["sea"]).spans(text, complete=True)]
    assert f"{BOLD_S}ea" in marked
    assert len(marked) == PLAIN.count("sea") + 1


def test_word_patterns_start_with_a_character_class_and_narrow_ones_stay_in_the_bmp() -> None:
    # A pattern starting with a look-behind is tried at every position of the text; one
    # starting with a class is searched for in C. A class holding characters outside the BMP
    # compares each of them with every character of the text.
    for terms in (["sea"], ["Ölwechsel"], ["经济"], ['"the old man"']):
        for unit in Highlighter(terms)._units:
            assert not unit.pattern.pattern.startswith("(?")
            narrow, full = (p.pattern.replace(CJK_CLASS, "") for p in (unit.narrow, unit.pattern))
            assert all(ch <= "\uffff" for ch in narrow)
            assert any(ch > "\uffff" for ch in full) or terms == ["经济"]  # 𝐬 folds to s


def test_never_is_a_pattern_matching_nothing() -> None:
    assert snippets._one_of("") == snippets._NEVER
    assert Highlighter([HAN_EXT_B + "经"]).spans("经济 " * 10) == []
