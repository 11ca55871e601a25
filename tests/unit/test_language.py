"""detect_language: scripts, Simplified vs Traditional Chinese, a few alphabetic languages."""

from __future__ import annotations

import pytest

from reader.core import scripts
from reader.importers import language
from reader.importers.language import chinese_script, cjk_language, detect_language

SIMPLIFIED = "在城南的老街上,一家开了三十年的小书店经过半年的修缮,于本周六重新开门迎客。"
TRADITIONAL = "在城南的老街上,一家開了三十年的小書店經過半年的修繕,於本週六重新開門迎客。"
JAPANESE = "今日は朝から雨が降っていたので、図書館で一日中本を読んで過ごしました。"
KOREAN = "어제는 가족과 함께 바닷가에 다녀왔습니다. 날씨가 맑아서 모래사장을 오래 걸었습니다."
ENGLISH = "The ferry left at seven, and the gulls followed it out past the lighthouse."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (SIMPLIFIED, "zh-Hans"),
        (TRADITIONAL, "zh-Hant"),
        (JAPANESE, "ja"),
        (KOREAN, "ko"),
        (ENGLISH, "en"),
    ],
)
def test_main_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_japanese_with_many_kanji_is_still_japanese() -> None:
    assert detect_language("東京都議会議員選挙の投票率は前回を上回った。") == "ja"


def test_korean_with_a_few_hanja_is_korean() -> None:
    assert detect_language("大韓民國 헌법 제1조는 대한민국은 민주공화국이라고 말합니다.") == "ko"


def test_chinese_with_english_words_is_chinese() -> None:
    text = "iPhone 16 发布会今天在加州举行,苹果公司展示了新款手机和 Apple Watch。"
    assert detect_language(text) == "zh-Hans"


def test_english_with_a_chinese_name_is_english() -> None:
    assert detect_language(ENGLISH + " The captain, 陈明, waved from the deck.") == "en"


def test_a_chinese_quote_of_kana_does_not_make_it_japanese() -> None:
    assert detect_language(SIMPLIFIED * 3 + "店名叫“の”。") == "zh-Hans"


def test_characters_shared_by_both_scripts_read_as_simplified() -> None:
    assert chinese_script(list("中文大小人口")) == "zh-Hans"


def test_traditional_wins_only_by_count() -> None:
    mixed = SIMPLIFIED + TRADITIONAL + "書開門經過"
    assert detect_language(mixed) == "zh-Hant"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le café de la gare était fermé et nous avons marché jusqu'à l'église.", "fr"),
        ("Der Hund läuft schnell über die Straße und das Kind lacht, weil es nicht regnet.", "de"),
        ("El perro corre por la calle y los niños juegan en el parque con sus amigos.", "es"),
        ("Сегодня хорошая погода, и мы пошли гулять в парк вместе с друзьями.", "ru"),
        ("Η θάλασσα ήταν ήρεμη το πρωί και τα πλοία έφυγαν νωρίς.", "el"),
    ],
)
def test_some_other_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "12345 67 -- 89", "Xq zzv brrt"])
def test_unknown_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_only_the_start_of_a_huge_text_is_read() -> None:
    assert detect_language(SIMPLIFIED * 20_000 + TRADITIONAL * 40_000) == "zh-Hans"


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, JAPANESE, KOREAN, ENGLISH])
def test_cjk_language_says_what_detect_language_says_of_cjk_text_only(text: str) -> None:
    """What a page's declared language is checked against: the CJK scripts, nothing else."""
    detected = detect_language(text)
    cjk = detected in {"zh-Hans", "zh-Hant", "ja", "ko"}
    assert cjk_language(text) == (detected if cjk else None)


@pytest.mark.parametrize(
    "block",
    [*scripts.HAN, *scripts.KANA_LETTERS, *language._HANGUL_BLOCKS],
    ids=lambda block: block.name,
)
def test_every_counted_block_is_looked_at_from_its_first_to_its_last_character(
    block: scripts.Block,
) -> None:
    # Text without a CJK character is not counted at all: the look for one must know every
    # block the counts do, to its ends.
    for code in (block.first, block.last):
        assert cjk_language(f"A {chr(code) * 3}") is not None
        assert detect_language(chr(code) * 3) is not None
