"""import_text: the saved-page layout, paragraphs, subheadings, footers and plain text."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers.text import import_text

TEXT_DATA = Path(__file__).parent.parent / "data" / "text"
TITLE = "老街书店重新开门,街坊们排队买下第一本书"
FIRST_PARAGRAPH = "在城南的老街上,一家开了三十年的小书店经过半年的修缮,于本周六重新开门迎客。"
# How long one import of hostile input may take before it counts as a hang (seconds).
HANG_GUARD_S = 60


def load(name: str) -> Article:
    return import_text((TEXT_DATA / name).read_bytes(), name)


def imported(text: str, encoding: str = "utf-8") -> Article:
    return import_text(text.encode(encoding), "x.txt")


# The saved-page layout


def test_saved_layout_gives_title_site_section_and_date() -> None:
    article = load("saved-zh-utf8.txt")
    assert article.title == TITLE
    assert article.site == "山河日报"
    assert article.section == "社会"
    assert article.published == date(2024, 3, 15)
    assert article.language == "zh-Hans"
    assert article.encoding == "utf-8"


def test_saved_layout_text_is_the_body_only() -> None:
    text = load("saved-zh-utf8.txt").text
    assert text.startswith(FIRST_PARAGRAPH + "\n\n")
    assert "当前位置" not in text
    assert TITLE not in text
    assert "2024-03-15" not in text
    assert text.endswith("邀请附近学校的老师给孩子们讲故事。")
    assert "关注" not in text  # the promotional last line is dropped
    assert "\n\n【从旧木架到新书墙】\n\n" in text
    assert len(text.split("\n\n")) == 7


def test_subheadings_become_h2_and_inline_brackets_stay_in_the_paragraph() -> None:
    html = load("saved-zh-utf8.txt").html
    assert "<h2>从旧木架到新书墙</h2>" in html
    assert "<h2>社区活动每周举行</h2>" in html
    assert html.count("<h2>") == 2
    assert "买过【十万个为什么】,如今" in html
    assert html.startswith(f"<p>{FIRST_PARAGRAPH}</p>")
    assert html.count("<p>") == 5


def test_gbk_with_crlf_gives_identical_text_and_title() -> None:
    utf8 = load("saved-zh-utf8.txt")
    gbk = load("saved-zh-gbk-crlf.txt")
    assert gbk.encoding == "gb18030"
    assert gbk.text == utf8.text
    assert gbk.title == utf8.title
    assert gbk.html == utf8.html
    assert (gbk.site, gbk.section, gbk.published) == (utf8.site, utf8.section, utf8.published)
    assert gbk.content_hash == utf8.content_hash


def test_big5_traditional() -> None:
    article = load("saved-zh-big5.txt")
    assert article.encoding == "big5"
    assert article.language == "zh-Hant"
    assert article.title == "老街書店重新開門,街坊們排隊買下第一本書"
    assert (article.site, article.section) == ("山河日報", "社會")
    assert article.published == date(2024, 3, 15)
    assert "<h2>從舊木架到新書牆</h2>" in article.html
    assert "關注" not in article.text


def test_shift_jis_note() -> None:
    article = load("ja-note-shift_jis.txt")
    assert (article.encoding, article.language) == ("shift_jis", "ja")
    assert article.title == "雨の日の図書館"
    # Only the title is set off by a blank line, so each body line is a paragraph.
    assert article.text.startswith("今日は朝から雨が降っていたので、")
    assert "過ごしました。\n\n夕方には" in article.text


def test_euc_kr_note() -> None:
    article = load("ko-note-euc-kr.txt")
    assert (article.encoding, article.language) == ("euc-kr", "ko")
    assert article.title == "바닷가 나들이"


def test_utf16_with_bom() -> None:
    article = load("en-utf16-bom.txt")
    assert (article.encoding, article.language) == ("utf-16", "en")
    assert article.title == "Notes from the harbour"
    assert article.text.startswith("The ferry left at seven")


@pytest.mark.parametrize("name", ["binary.txt", "empty.txt"])
def test_binary_and_empty_files_are_refused(name: str) -> None:
    with pytest.raises(ImportFailed):
        load(name)


def test_whitespace_only_is_refused() -> None:
    with pytest.raises(ImportFailed, match="empty"):
        imported(" \n\u3000\n\t\n")


@pytest.mark.parametrize(
    ("breadcrumb", "site", "section"),
    [
        ("当前位置: 华文天下 > 国际", "华文天下", "国际"),
        ("当前位置：华文天下 > 国际", "华文天下", "国际"),
        ("您的位置：首页 » 新闻 » 国际", None, "国际"),
        ("You are here: Home > World", None, "World"),
        ("位置：首页 / 新浪网 / 体育 / 正文", "新浪网", "体育"),
        ("当前位置：华文天下 › 国际 › 湖边的风筝节开幕", "华文天下", "国际"),
        ("當前位置：華文天下 ＞ 國際", "華文天下", "國際"),
        ("您现在的位置：首页 > 财经", None, "财经"),
    ],
)
def test_breadcrumb_variants(breadcrumb: str, site: str | None, section: str | None) -> None:
    article = imported(f"{breadcrumb}\n\n湖边的风筝节开幕\n\n本周末,湖畔小城迎来了风筝节。\n")
    assert (article.title, article.site, article.section) == ("湖边的风筝节开幕", site, section)
    assert article.text == "本周末,湖畔小城迎来了风筝节。"


@pytest.mark.parametrize(
    ("line", "published", "section", "author"),
    [
        ("2024-10-26国际", date(2024, 10, 26), "国际", None),
        ("2024-10-26 10:30 来源：新华网", date(2024, 10, 26), None, None),
        ("2024年10月26日", date(2024, 10, 26), None, None),
        ("2024年10月26日 星期六", date(2024, 10, 26), None, None),
        ("2024/10/26", date(2024, 10, 26), None, None),
        ("发布时间：2024-10-26 08:00 作者：李明", date(2024, 10, 26), None, "李明"),
        ("October 26, 2024", date(2024, 10, 26), None, None),
    ],
)
def test_date_line_variants(
    line: str, published: date, section: str | None, author: str | None
) -> None:
    article = imported(f"湖边的风筝节开幕\n\n{line}\n\n本周末,湖畔小城迎来了风筝节。\n")
    assert article.title == "湖边的风筝节开幕"
    assert (article.published, article.section, article.author) == (published, section, author)
    assert article.text == "本周末,湖畔小城迎来了风筝节。"


def test_breadcrumb_section_beats_the_one_glued_to_the_date() -> None:
    article = imported("当前位置: 华文天下 > 国际\n标题\n2024-10-26社会\n正文。\n")
    assert article.section == "国际"


def test_a_paragraph_that_starts_with_a_date_is_not_a_date_line() -> None:
    text = "标题\n2024年10月26日,俄罗斯总统抵达平壤,开始为期两天的访问。\n第二段。\n"
    article = imported(text)
    assert article.published is None
    assert article.text.startswith("2024年10月26日,俄罗斯总统抵达平壤")


def test_an_impossible_date_is_not_a_date() -> None:
    assert imported("标题\n2024-13-45\n正文。\n").published is None


# Footers


def test_editor_note_and_source_lines_at_the_end_are_dropped() -> None:
    article = imported("标题\n\n第一段。\n\n第二段。(责任编辑：王五)\n\n本文来源：某某网\n")
    assert article.text == "第一段。\n\n第二段。"


def test_a_promotion_is_only_dropped_at_the_end() -> None:
    text = "标题\n\n想了解更多精彩内容,快来关注山河日报\n\n第二段。\n"
    assert imported(text).text == "想了解更多精彩内容,快来关注山河日报\n\n第二段。"


def test_a_closing_sentence_that_mentions_following_is_kept() -> None:
    text = "标题\n\n第一段。\n\n关注我们身边的老人,是每个人的责任。\n"
    assert imported(text).text.endswith("关注我们身边的老人,是每个人的责任。")


def test_english_follow_line_is_dropped() -> None:
    assert imported("Title\n\nBody text.\n\nFollow us on social media\n").text == "Body text."


# Plain text and paragraphs


def test_plain_text_title_is_the_first_line() -> None:
    article = imported("Morning light\n\nThe boats leave early.\n\nTourists arrive later.\n")
    assert article.title == "Morning light"
    assert article.text == "The boats leave early.\n\nTourists arrive later."
    assert (article.site, article.section, article.published) == (None, None, None)
    assert article.html == "<p>The boats leave early.</p>\n<p>Tourists arrive later.</p>"


def test_single_line_file_is_both_title_and_text() -> None:
    article = imported("Just one short line.")
    assert article.title == "Just one short line."
    assert article.text == "Just one short line."


def test_a_long_first_line_gives_a_short_title_and_stays_in_the_text() -> None:
    first = "这是一个很长的段落。" + "它没有标题,直接从正文开始写起" * 10
    article = imported(first + "\n第二段。")
    assert article.title == "这是一个很长的段落"
    assert article.text == first + "\n\n第二段。"


def test_a_long_title_without_a_sentence_end_is_cut_at_a_word() -> None:
    article = imported("word " * 100)
    assert article.title.endswith("…")
    assert len(article.title) <= 121
    assert " wor…" not in article.title


def test_hard_wrapped_latin_lines_are_joined_with_spaces() -> None:
    text = "Title\n\nThe boats leave\nbefore sunrise.\n\nTourists arrive\nlater.\n"
    assert imported(text).text == "The boats leave before sunrise.\n\nTourists arrive later."


def test_hard_wrapped_cjk_lines_are_joined_without_spaces() -> None:
    text = "标题\n\n本周末,湖畔小城\n迎来了风筝节。\n\n第二段。\n"
    assert imported(text).text == "本周末,湖畔小城迎来了风筝节。\n\n第二段。"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The other side of each break is ASCII: only the Han character tells.
        ("担当は山﨑", "(やまさき)です。"),  # 﨑: a compatibility ideograph (U+FA11)
        ("注:", "𠮟は「しか」と読む。"),  # 𠮟: outside the BMP (U+20B9F)
    ],
)
def test_hard_wrapped_lines_at_any_han_character_are_joined_without_spaces(
    first: str, second: str
) -> None:
    text = f"标题\n\n{first}\n{second}\n\n第二段。\n"
    assert imported(text).text == f"{first}{second}\n\n第二段。"


def test_hard_wrapped_korean_lines_are_joined_with_spaces() -> None:
    text = "제목\n\n어제는 가족과 함께\n바닷가에 다녀왔습니다.\n\n둘째 문단.\n"
    assert imported(text).text == "어제는 가족과 함께 바닷가에 다녀왔습니다.\n\n둘째 문단."


def test_without_blank_lines_every_line_is_a_paragraph() -> None:
    text = "标题\n第一段。\n第二段。\n第三段。\n"
    assert imported(text).text == "第一段。\n\n第二段。\n\n第三段。"


def test_full_width_indents_start_paragraphs() -> None:
    text = "标题\n\n\u3000\u3000第一段。\n\u3000\u3000第二段。\n\n\u3000\u3000第三段。\n"
    assert imported(text).text == "第一段。\n\n第二段。\n\n第三段。"


def test_hidden_characters_are_stripped_from_the_title() -> None:
    article = imported("\u202e\u200bEvil\u2066 title\u200f\ufeff\n\nBody text.\n")
    assert article.title == "Evil title"


def test_html_is_escaped() -> None:
    article = imported("<b>Title</b>\n\n<script>alert(1)</script> & more\n")
    assert article.title == "<b>Title</b>"
    assert article.html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"


def test_control_characters_are_removed_and_page_breaks_split_paragraphs() -> None:
    article = imported("Title\nfirst page\x0csecond page\x07\n")
    assert article.text == "first page\n\nsecond page"


def test_a_ten_megabyte_single_line_imports_without_blowing_up() -> None:
    line = "本周末,湖畔小城迎来了第十届国际风筝节,来自三十多个国家的队伍参加比赛。" * 100_000
    data = line.encode("utf-8")
    assert len(data) > 10_000_000
    start = time.perf_counter()
    article = import_text(data, "big.txt")
    # A hang guard: well under a second on a quiet machine (bench/hostile_input_bench.py),
    # while work quadratic in the line's 3.5 million characters would take hours.
    assert time.perf_counter() - start < HANG_GUARD_S
    assert article.title == "本周末,湖畔小城迎来了第十届国际风筝节,来自三十多个国家的队伍参加比赛"
    assert article.text == line


@pytest.mark.parametrize(
    ("heading", "line", "title"),
    [
        ("NAME", "lsblk - list block devices", "lsblk — list block devices"),
        ("NAME(名称)", "edquota - 编辑用户配额", "edquota — 编辑用户配额"),
        ("名前", "texindex - 索引を並べ替える", "texindex — 索引を並べ替える"),
        ("NAME [名稱]", "perldata- Perl 資料型別", "perldata — Perl 資料型別"),
        (
            "名字",
            "/etc/securetty 列出允许 root 登录的终端",
            "/etc/securetty 列出允许 root 登录的终端",
        ),
    ],
)
def test_a_manual_page_saved_as_text_is_titled_by_its_name_line(
    heading: str, line: str, title: str
) -> None:
    page = f"{heading}\n\n{line}\n\nSYNOPSIS\n\ncommand [options]\n\nDESCRIPTION\n\nWhat it does.\n"
    assert import_text(page.encode(), "manual.txt").title == title


def test_a_name_heading_further_down_is_part_of_the_text() -> None:
    page = "Registration form\n\nNAME\n\nAlice - the first applicant\n"
    assert import_text(page.encode(), "form.txt").title == "Registration form"
