"""Re-anchoring compares text folded like search: scripts, widths, spacing; moved quotes warn."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchoring import reanchor
from reader.core.annotation import AnchorStatus, selectors
from reader.core.folding import fold, fold_text
from reader.services.library import Library

ZH = (
    "国际风筝节在湖畔小城开幕，来自三十多个国家和地区的队伍参加了比赛。\n\n"
    "组委会说：“今年的天气很好，我们准备了新的发展计划（2024年）。”"
    "经济学家认为这个节日带动了当地的旅游业；历史博物馆也延长了开放时间！\n\n"
    "使用Python记录数据的学生们，把结果发布在学校的网络上。"
)


def anchor(old: str, new: str, quote: str) -> tuple[AnchorStatus, str]:
    start = old.index(quote)
    result = reanchor(*selectors(old, start, start + len(quote)), new)
    assert result.start is not None and result.end is not None
    return result.status, new[result.start : result.end]


@pytest.mark.parametrize(
    "quote",
    ["国际风筝节", "队伍参加了比赛", "说", "发展计划", "历史博物馆也延长了开放时间", "学生们"],
)
def test_simplified_to_traditional_conversion_keeps_highlights_exactly(quote: str) -> None:
    traditional = opencc.OpenCC("s2t").convert(ZH)
    assert traditional != ZH and len(traditional) == len(ZH)
    start = ZH.index(quote)
    status, found = anchor(ZH, traditional, quote)
    assert status is AnchorStatus.ANCHORED
    assert found == traditional[start : start + len(quote)]


def test_half_width_punctuation_keeps_a_highlight_made_mostly_of_punctuation() -> None:
    half = ZH.replace("（", "(").replace("）", ")").replace("，", ", ").replace("：", ": ")
    half = half.replace("“", '"').replace("”", '"').replace("；", "; ").replace("！", "!")
    status, found = anchor(ZH, half, "（2024年）。”")
    assert status is AnchorStatus.ANCHORED
    assert found == '(2024年)。"'


def test_spaces_added_around_latin_words_keep_the_highlight() -> None:
    spaced = ZH.replace("使用Python记录", "使用 Python 记录")
    status, found = anchor(ZH, spaced, "使用Python记录数据")
    assert status is AnchorStatus.ANCHORED
    assert found == "使用 Python 记录数据"


HARBOUR = (
    "The council approved the plan on Tuesday after a long debate about the harbour.\n\n"
    "Fishing boats leave at four, and by seven the quay belongs to the gulls again.\n\n"
    "In March the mayor approved the plan for the market, which opens in summer."
)


def test_a_short_quote_whose_sentence_changed_is_not_silently_moved() -> None:
    start = HARBOUR.index("the plan")
    quote, position = selectors(HARBOUR, start, start + len("the plan"))
    # A typo fix rewrote the first sentence: "the plan" is gone from there, but the third
    # paragraph still has it, with "approved " before it as before.
    edited = HARBOUR.replace(
        "The council approved the plan on Tuesday", "The council approved it on Tuesday"
    )
    result = reanchor(quote, position, edited)
    assert result.status is AnchorStatus.FUZZY  # shown, and marked for the reader to check
    assert result.start == edited.index("the plan")


def test_a_short_quote_beside_a_typo_fix_stays_anchored_in_place() -> None:
    text = HARBOUR.replace("approved the plan on", "aproved the plan on")
    start = text.index("the plan")
    quote, position = selectors(text, start, start + len("the plan"))
    result = reanchor(quote, position, HARBOUR)
    assert result.status is AnchorStatus.ANCHORED
    assert (result.start, result.end) == (HARBOUR.index("the plan"), HARBOUR.index("the plan") + 8)


def test_folded_offsets_lead_back_to_the_original_characters() -> None:
    text = "「國際」，Ｐｙｔｈｏｎ 與 … 數據"
    folded = fold_text(text)
    assert folded.text == '"国际",python与...数据'
    start = folded.text.index("...")
    assert folded.to_original(start + 1, start + 2) == (text.index("…"), text.index("…") + 1)
    assert fold("Ｐｙｔｈｏｎ 與") == "python与"


def test_reimporting_a_traditional_version_keeps_every_highlight(
    library: Library, tmp_path: Path
) -> None:
    quotes = ["国际风筝节", "我们准备了新的发展计划", "经济学家认为", "学生们"]
    page, article_id = kites_then_traditional(library, tmp_path, quotes)
    again = library.import_path(page, replace_id=article_id)
    assert again.article_id == article_id
    text = library.get_article(article_id).text
    converted = opencc.OpenCC("s2t")
    found = {text[h.start : h.end]: h.status for h in library.annotations.highlights(article_id)}
    assert found == {converted.convert(q): AnchorStatus.ANCHORED for q in quotes}


def test_a_traditional_conversion_imported_again_is_the_same_article(
    library: Library, tmp_path: Path
) -> None:
    # As a user does it: import the converted file again, with no id to replace; the import
    # must recognise the new version instead of filing it as "a different story".
    page, article_id = kites_then_traditional(library, tmp_path, ["经济学家认为"])
    again = library.import_path(page)
    assert again.article_id == article_id
    assert library.get_article(article_id).summary.title == "湖畔小城的風箏節"
    (highlight,) = library.annotations.highlights(article_id)
    assert highlight.status is AnchorStatus.ANCHORED
    converted = opencc.OpenCC("s2t").convert("经济学家认为")
    assert library.get_article(article_id).text[highlight.start : highlight.end] == converted


@given(st.text(alphabet="ab 國际，。「」…㍻Ｐ\n😀", max_size=40))
def test_every_folded_character_leads_back_to_the_one_it_came_from(text: str) -> None:
    folded = fold_text(text)
    assert folded.text == fold(text)
    assert list(folded.origin) == sorted(folded.origin)
    for index, char in enumerate(folded.text):
        assert char in fold(text[folded.origin[index]])


def kites_then_traditional(library: Library, tmp_path: Path, quotes: list[str]) -> tuple[Path, int]:
    """The kites page imported with `quotes` highlighted, its file then rewritten in
    Traditional script; the file and the article's id."""
    page = tmp_path / "kites.txt"
    page.write_text("湖畔小城的风筝节\n\n" + ZH, encoding="utf-8")
    first = library.import_path(page)
    assert first.article_id is not None
    for quote in quotes:
        library.annotations.highlight_quote(first.article_id, quote)
    page.write_text(opencc.OpenCC("s2t").convert(page.read_text("utf-8")), encoding="utf-8")
    return page, first.article_id
