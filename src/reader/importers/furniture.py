"""Page furniture inside a page's text: counters, like and share labels, QR-code prompts,
"related reading" lists, and the plain blocks of text that stand for paragraphs.

Content platforms (WeChat official accounts and their many imitators) write an article as
`section`/`span` boxes with inline styles, no `<p>` and no headings, and put their furniture
in the same boxes as the text. The rules here are about the shape of a block and about what
a short, stand-alone block says; they never touch words inside a sentence.
"""

from __future__ import annotations

import re

import lxml.html

from reader.importers.tree import text_of

# A block made only of these is a toolbar of interface labels and counters, not text:
# "阅读 10万+", "在看", "点赞 12", "阅读原文 阅读 3241 在看", "Like 3.2k · Share".
_LABEL = (
    r"(?:阅读原文|阅读全文|阅读|在看|点赞|赞|分享|收藏|留言|写留言|评论|转发|喜欢|"
    r"知道了|原创|取消|允许|赞赏|Read more|Like|Likes|Share|Wow)"
    r"\s*(?:[\d.,]+\s*[万千kKwW]?\+?)?"
)
_LABELS = re.compile(rf"(?:{_LABEL}[\s·|/]*)+", re.IGNORECASE)
_LABELS_MAX = 80
# Prompts that ask the reader to act on the app, not to read: scan or long-press a QR code,
# follow the account, tap "在看", swipe on. Only short blocks are judged by these.
# Only imperatives: "扫码支付越来越普遍" (QR payment is spreading) is a sentence, not a prompt.
_PROMPT = re.compile(
    r"长按(?:识别|扫描|二维码)|長按(?:識別|掃描)|(?:识别|扫描|掃描)(?:图中|下方|上方)?二维码|"
    r"扫码(?:关注|添加|加入|进群|阅读|报名|领取)|扫一扫|掃一掃|预览时标签不可点|滑动看下一个|"
    r"轻点两下|点击(?:上方|下方)?蓝字|关注该公众号|点[个亮下]?\s*[“\"「]?在看|使用小程序"
)
_PROMPT_MAX = 40
# Headings of the lists of links to other articles that platforms append.
_RELATED = re.compile(
    r"(?:往期推荐|往期回顾|往期精选|相关阅读|推荐阅读|延伸阅读|相关文章|热门文章|精彩推荐|"
    r"Related (?:articles|posts|stories)|More stories)[:：]?",
    re.IGNORECASE,
)
# More letters than any furniture holds (_LABELS_MAX; the other patterns are shorter still).
_LONGER_THAN_FURNITURE = re.compile(rf"(?:\s*\S){{{_LABELS_MAX + 1}}}")
# Headings of the readers' comments, which run to the end of their container.
_COMMENTS = re.compile(r"(?:精选留言|全部留言|写留言|全部评论|热门评论|网友评论|精彩评论)[:：]?")
_BOXES = ("section", "div")
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl"),
        *("dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"),
        *("h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "ul", "br"),
    }
)
# Only blocks are judged: an inline element shares its block with the rest of a sentence,
# which WeChat splits into one span per phrase ("我们" "在看" "电影").
_FURNITURE_SCOPE = (*_BOXES, "p", "li", "h1", "h2", "h3", "h4", "h5", "h6")


def drop_furniture(tree: lxml.html.HtmlElement) -> None:
    """Remove labels, counters, prompts and related-reading lists standing on their own."""
    for element in list(tree.iter(*_FURNITURE_SCOPE)):
        if element.getparent() is None or _in_sentence(element):
            continue
        text = element.text_content()
        if _LONGER_THAN_FURNITURE.match(text):
            continue  # most blocks: not worth splitting into words
        text = " ".join(text.split())
        if _RELATED.fullmatch(text):
            _drop_following(element, only_links=True)
        elif _is_related_line(element, text):
            element.drop_tree()
        elif _COMMENTS.fullmatch(text):
            _drop_following(element, only_links=False)
        elif _is_labels(text) or (len(text) <= _PROMPT_MAX and _PROMPT.search(text)):
            element.drop_tree()


def boxes_to_paragraphs(tree: lxml.html.HtmlElement) -> None:
    """A `section` that holds only text and inline elements is a paragraph.

    The extractor joins the text of such boxes into one paragraph; as `<p>` each stays one.
    Boxes that hold other blocks are left alone: only the innermost ones are paragraphs.
    A `div` is left a `div`: the extractor judges navigation and footers by their class
    names on divs, and a leaf `div` of a news page is more often furniture than text.
    """
    for box in list(tree.iter("section")):
        if text_of(box) and not any(
            isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in box.iterdescendants()
        ):
            box.tag = "p"
            box.attrib.pop("style", None)


def _is_labels(text: str) -> bool:
    return bool(text) and len(text) <= _LABELS_MAX and _LABELS.fullmatch(text) is not None


def _drop_following(heading: lxml.html.HtmlElement, *, only_links: bool) -> None:
    """The heading and the blocks after it: all of them (comments), or while they are
    nothing but links (related reading)."""
    block = _own_block(heading)
    following = block.getnext()
    while following is not None and (not only_links or _only_links(following)):
        after = following.getnext()
        following.drop_tree()
        following = after
    block.drop_tree()


def _own_block(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The outermost ancestor that holds nothing but `element`'s text."""
    text = text_of(element)
    while (parent := element.getparent()) is not None and parent.getparent() is not None:
        if text_of(parent) != text:
            break
        element = parent
    return element


def _is_related_line(element: lxml.html.HtmlElement, text: str) -> bool:
    """The related-reading heading and its links in one block ("相关阅读：<a>…</a> <a>…</a>")."""
    heading = _RELATED.match(text)
    if heading is None or heading.end() == len(text):
        return False
    links = "".join(text_of(a) for a in element.iter("a"))
    return bool(links) and text[heading.end() :].replace(" ", "") == links.replace(" ", "")


def _only_links(element: lxml.html.HtmlElement) -> bool:
    text = text_of(element)
    links = "".join(text_of(a) for a in element.iter("a"))
    return bool(text) and text.replace(" ", "") == links.replace(" ", "")


def _in_sentence(element: lxml.html.HtmlElement) -> bool:
    """Text beside the block in its parent: it is part of a sentence after all."""
    parent = element.getparent()
    previous = element.getprevious()
    before = (previous.tail if previous is not None else parent.text) or ""
    return bool(before.strip()) or bool((element.tail or "").strip())
