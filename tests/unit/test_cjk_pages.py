"""CJK pages as people save them: a WeChat-style account article (boxes of styled spans,
furniture in the text, metadata in script variables)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import lxml.html

from reader.importers.furniture import boxes_to_paragraphs, drop_furniture
from reader.importers.html import article_from_markup, import_html
from reader.importers.page_kinds import script_properties
from reader.importers.tree import text_of

DATA = Path(__file__).parent.parent / "data" / "html"


class TestWeChatLikeArticle:
    article = import_html((DATA / "wechat-like.html").read_bytes(), "wechat-like.html")

    def test_every_box_of_text_is_its_own_paragraph(self) -> None:
        paragraphs = self.article.text.split("\n\n")
        assert paragraphs[0].startswith("三月的湖畔小城还带着寒意")
        assert paragraphs[1].startswith("来自海边渔村的老周已经是第八次参加比赛。他的龙形风筝")
        assert "夜晚的灯光风筝" in paragraphs
        assert (
            paragraphs[-1] == "风筝节期间，湖边公交线路延长运营到晚上十点，游客可以在小城东站换乘。"
        )
        assert len(paragraphs) == 7

    def test_the_text_hidden_until_a_script_shows_it_is_the_article(self) -> None:
        assert "今年的比赛第一次设立了青少年组" in self.article.text
        assert "▲ 老周和他的龙形风筝" in self.article.text

    def test_furniture_is_gone(self) -> None:
        for furniture in (
            *("阅读", "10万+", "在看", "点赞", "二维码", "预览时标签不可点", "扫一扫"),
            *("点击上方蓝字", "往期推荐", "去年的风筝节", "精选留言", "小林", "明年一定"),
            *("继续滑动", "轻点两下", "知道了", "原创"),
        ):
            assert furniture not in self.article.text, furniture

    def test_metadata_comes_from_the_page_and_its_script_variables(self) -> None:
        assert self.article.title == "湖畔小城的风筝节：一根线牵起三十个国家"
        assert self.article.author == "湖畔周末"
        assert self.article.published == date(2024, 3, 15)
        assert self.article.language == "zh-Hans"


def test_script_variables_alone_give_title_author_and_date() -> None:
    page = (DATA / "wechat-like.html").read_text("utf-8")
    bare = page.replace('<meta property="og:title"', '<meta property="og:x"')
    bare = bare.replace('var publish_time = "2024-03-15" || "";', "")
    bare = bare.replace("湖畔小城的风筝节：一根线牵起三十个国家\n</h1>", "</h1>")
    article = article_from_markup(bare, "page.html")
    assert article.title == "湖畔小城的风筝节：一根线牵起三十个国家"
    # ct 1710432000 is 2024-03-14 16:00 UTC: the 15th where the platform dates its pages.
    bare = bare.replace('var ct = "1710460800";', 'var ct = "1710432000";')
    assert script_properties(bare) == {
        "title": "湖畔小城的风筝节：一根线牵起三十个国家",
        "author": "湖畔周末",
        "date": "2024-03-15",
    }


def test_labels_inside_a_sentence_are_words_not_furniture() -> None:
    tree = lxml.html.fromstring(
        "<div><section><span>我们</span><span>在看</span><span>电影</span></section>"
        "<section>孩子们<b>在看</b>风筝。</section><section><span>在看</span></section>"
        "<section>扫码支付越来越普遍。</section><section>长按识别二维码</section></div>"
    )
    drop_furniture(tree)
    boxes_to_paragraphs(tree)
    assert [p.text_content() for p in tree.iter("p")] == [
        "我们在看电影",
        "孩子们在看风筝。",
        "扫码支付越来越普遍。",
    ]


def test_a_related_reading_line_with_its_links_in_one_block_is_furniture() -> None:
    tree = lxml.html.fromstring(
        "<div><section>孩子们在湖边放风筝。</section>"
        '<div>相关阅读：<a href="https://example.com/1">春天来了</a> '
        '<a href="https://example.com/2">湖边的风</a></div>'
        '<div>相关阅读：记者走访了<a href="https://example.com/3">三个村庄</a>。</div></div>'
    )
    drop_furniture(tree)
    assert [text_of(box) for box in tree.iter("section", "div")][1:] == [
        "孩子们在湖边放风筝。",
        "相关阅读：记者走访了三个村庄。",  # a sentence, not a list of links
    ]


def test_a_toolbar_laid_out_with_much_white_space_is_still_furniture() -> None:
    # Long blocks are passed over unread; white space between the labels is no length.
    gap = "\n" + " " * 40
    labels = gap.join(("阅读 10万+", "在看 12", "点赞 3", "分享", "收藏"))
    tree = lxml.html.fromstring(
        f"<div><section>{labels}</section><section>孩子们在湖边放风筝。</section></div>"
    )
    drop_furniture(tree)
    assert [section.text_content() for section in tree.iter("section")] == ["孩子们在湖边放风筝。"]


class TestRubyPage:
    article = import_html((DATA / "ruby-ja.html").read_bytes(), "ruby-ja.html")

    def test_the_base_text_is_the_article_text(self) -> None:
        text = self.article.text
        assert "一面の銀世界になっていた。祖母はもう起きていて、縁側の雪" in text
        assert "子どもたちは雪合戦を始め" in text and "夕方、囲炉裏の火を囲んで" in text
        assert "ぎんせかい" not in text and "そぼ" not in text and "(" not in text
        assert text.count("\n\n") == 3  # four paragraphs, not one

    def test_the_reading_is_kept_for_the_pane(self) -> None:
        html = self.article.html
        assert "<ruby>銀世界<rt>ぎんせかい</rt></ruby>になっていた" in html
        assert "<ruby>雪<rt>ゆき</rt></ruby><ruby>合<rt>がっ</rt></ruby>" in html
        assert "<rp>" not in html and "\ufdd0" not in html

    def test_a_title_with_ruby_reads_as_its_base(self) -> None:
        assert self.article.title == "雪の朝"

    def test_search_finds_the_base_text_followed_by_its_sentence(self) -> None:
        from reader.search.analysis import index_terms

        terms = index_terms(self.article.text)
        assert all(term in terms for term in index_terms("銀世界に"))
        assert all(term in terms for term in index_terms("今日きょうりゅう"))


def test_a_hidden_box_beside_as_much_visible_text_is_still_dropped() -> None:
    hidden = "".join(f"<p>藏起来的第{n}段文字，读者看不到它，不该进入文章。</p>" for n in range(3))
    shown = "".join(f"<p>看得见的第{n}段文字，这才是读者眼前的正文内容。</p>" for n in range(3))
    page = (
        f'<html><body><article><div style="visibility: hidden">{hidden}</div>'
        f"<div>{shown}</div></article></body></html>"
    )
    article = article_from_markup(page, "page.html")
    assert "看得见的第2段文字" in article.text
    assert "藏起来" not in article.text
