"""Article structure: a saved page prepared for extraction, and the extractor's XML as HTML.

trafilatura describes the article in its own XML (`head`, `p`, `list`/`item`, `table`/`row`/
`cell`, `quote`, `code`, `hi`, `ref`, `graphic`, `lb`). `document_html` turns that tree into
the small HTML vocabulary the sanitizer allows, once, for every page: the pane shows that HTML
and the stored text is read from it, so the two never disagree. `prepare_source` fixes the
few ways the page's own markup makes the extractor lose words, before it runs.
"""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

import lxml.html
from lxml import etree

from reader.importers.edit_links import drop_edit_links
from reader.importers.furniture import boxes_to_paragraphs, drop_furniture
from reader.importers.inline_code import flatten_code_markup, lift_links_out_of_code
from reader.importers.loose_text import wrap_loose_text
from reader.importers.maths import maths_as_text
from reader.importers.quoted_tables import lift_quoted_tables
from reader.importers.ruby import protect_readings
from reader.importers.sanitize import ALLOWED_TAGS
from reader.importers.tree import HEADINGS, add_text, text_of

# Elements that sit inside running text. Their class names say how they look ("menuitem",
# "guilabel", "nav-link"), never that they are page furniture, yet the extractor judges them by
# those names and deletes words mid-sentence.
_INLINE = (
    *("span", "a", "code", "kbd", "samp", "var", "tt", "em", "strong", "b", "i", "u", "s"),
    *("abbr", "cite", "q", "small", "mark", "sub", "sup", "time", "font", "strike", "dfn"),
)
_STYLE_SPACE = re.compile(r"\s+")
# A declaration that hides (white space removed), not one whose property ends in the same
# words: `backface-visibility: hidden` shows the element.
_HIDING_STYLE = re.compile(r"(?:^|;)(?:display:none|visibility:hidden)")
# Elements (not comments or processing instructions) that `_is_hidden` could judge hidden.
_MAY_BE_HIDDEN = etree.XPath("//*[@hidden or @aria-hidden or @style]")
_HIDDEN_SPANS = etree.XPath("//span[@hidden]")
_LINE_NUMBERS = re.compile(r"[\d\s]*")
# A link whose whole text is one of these marks is a permalink or a header-link icon.
_PERMALINK_TEXT = re.compile(r"[\s¶§#🔗⚓\u00b6\uf0c1]*")
# Where a trafilatura <code> stands on its own as a block rather than inside a sentence.
_BLOCK_PARENTS = frozenset({"body", "div", "quote", "list", "table", "row"})
# Appended to a paragraph that repeats the one before it (a refrain, a chorus): the extractor
# drops a long paragraph equal to the previous one as its own artefact; the mark makes the
# page's repeat differ, and `restore_repeats` takes it out again. U+2064 is invisible and has
# no use in running text. The paragraph a run of repeats opens gets RUN_MARK (U+2063, as
# unused): a mark is one more character of text, which tips the extractor's link-density test
# for a line that is one short link, so every line of a run carries one mark to be judged alike.
REPEAT_MARK = "\u2064"
RUN_MARK = "\u2063"
_OTHER_MARK = {RUN_MARK: REPEAT_MARK, REPEAT_MARK: RUN_MARK}
_RENDITIONS = {"#b": "b", "#i": "i", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}
_PASSED_BLOCKS = ALLOWED_TAGS | {"div"}
_SIMPLE = {"p": "p", "quote": "blockquote", "lb": "br", "del": "s", "table": "table", "row": "tr"}
# The attributes an element of the extractor's XML keeps as HTML (any other keeps its id).
_KEPT_ATTRIBUTES = {"a": ("target", "id"), "img": ("src", "alt", "title")}


# --- before extraction ------------------------------------------------------------------------


def prepare_source(tree: lxml.html.HtmlElement) -> None:
    """Rewrite the markup the extractor would mangle; the text itself never changes."""
    _show_default_alternatives(tree)  # before: those left hidden go
    _drop_hidden(tree)
    maths_as_text(tree)  # after: a formula's hidden MathML is its only text
    drop_furniture(tree)
    boxes_to_paragraphs(tree)
    _drop_permalinks(tree)
    drop_edit_links(tree)
    _unwrap_layout_tables(tree)
    lift_quoted_tables(tree)
    lift_links_out_of_code(tree)
    flatten_code_markup(tree)  # after: a link in code is lifted whole
    _mark_preformatted_as_code(tree)
    _declassify_inline_text(tree)
    wrap_loose_text(tree)
    for paragraph in list(tree.iter("p")):
        _split_at_blank_lines(paragraph, "br")
    protect_readings(tree)  # undone by html.py's restore_readings on the extracted HTML


def _show_default_alternatives(tree: lxml.html.HtmlElement) -> None:
    """Of inline alternatives the page's script chooses between, the last one shows.

    LibreOffice's help names a key or a menu for each system in turn, all hidden, and shows
    one when the page loads: "Press <span><span hidden>Cmd</span><span hidden>Ctrl</span>
    </span>". Every one dropped as hidden, the sentence lost its word ("Press  to copy").
    Within an element that holds nothing else, the last (the default, after the systems'
    own) is shown. Being part of a sentence, it and what holds it lose their classes and ids:
    the extractor deleted "menuitem" spans as menus and ids holding "shared" as share buttons.
    """
    targets = _link_targets(tree)
    for parent in {span.getparent() for span in _HIDDEN_SPANS(tree)}:
        children = list(parent)
        alternatives = len(children) >= 2 and all(
            child.tag == "span" and child.get("hidden") is not None for child in children
        )
        loose = [parent.text, *(child.tail for child in children)]
        if not alternatives or "".join(text or "" for text in loose).strip():
            continue
        shown = children[-1]
        del shown.attrib["hidden"]
        for element in (parent, *shown.iter()):
            _declassify(element, targets)


def _drop_hidden(tree: lxml.html.HtmlElement) -> None:
    """What the page never shows its reader (`hidden`, `display: none`, `visibility: hidden`,
    `aria-hidden`) is not part of the article: templates, duplicates, screen-reader chrome.

    Formulas are the exception: MathJax hides its source markup but renders it visibly. So is
    a box holding most of the page's text: that is the article, hidden until a script reveals
    it (WeChat's `#js_content` is saved with `visibility: hidden`).

    A shown element whose style says "hidden" elsewhere (`overflow: hidden`, the frame of a
    responsive image) loses its style: the extractor deletes any element whose style holds the
    word, and what is hidden has been judged here already.
    """
    page_text: int | None = None  # measured at the first hidden element: most pages have none
    for element in _MAY_BE_HIDDEN(tree):  # only these attributes can hide an element
        if element.tag in {"html", "body", "head"}:
            continue
        if not _is_hidden(element):
            if "hidden" in (element.get("style") or "").lower():
                element.attrib.pop("style")
            continue
        if _is_math(element) or element.getparent() is None:
            continue
        if page_text is None:
            page_text = _visible_length(tree)
        if _visible_length(element) * 3 >= page_text * 2:
            element.attrib.pop("style", None)
        else:
            element.drop_tree()


def _visible_length(element: lxml.html.HtmlElement) -> int:
    """Characters of text in element, without white space and the code of scripts."""
    code = sum(
        len("".join(inner.text_content().split()))
        for inner in element.iter("script", "style", "noscript", "template")
    )
    return len("".join(element.text_content().split())) - code


def _is_hidden(element: lxml.html.HtmlElement) -> bool:
    style = _STYLE_SPACE.sub("", (element.get("style") or "").lower())
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").strip().lower() == "true"
        or _HIDING_STYLE.search(style) is not None
    )


def _is_math(element: lxml.html.HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return element.tag == "math" or "math" in names or element.find(".//math") is not None


def _drop_permalinks(tree: lxml.html.HtmlElement) -> None:
    """ "¶" and icon links beside headings point at the heading itself; they are not text."""
    for anchor in list(tree.iter("a")):
        if _PERMALINK_TEXT.fullmatch(anchor.text_content()) is None:
            continue  # words: a link of the text (most links: tested first, it is cheap)
        href = (anchor.get("href") or "").strip()
        in_heading = any(parent.tag in HEADINGS for parent in anchor.iterancestors())
        # A link holding an image (a figure opening its gallery) is the figure, not a mark.
        if anchor.find(".//img") is not None:
            continue
        if (href.startswith("#") or in_heading) and anchor.getparent() is not None:
            anchor.drop_tree()  # lxml.html keeps the tail text in place


def _unwrap_layout_tables(tree: lxml.html.HtmlElement) -> None:
    """One table row holding a code block and maybe its line numbers (what syntax highlighters
    write) lays out the code; it holds no data. The code replaces the table, so it is a code
    block rather than a table cell, and the line numbers go."""
    for table in list(tree.iter("table")):
        if table.find(".//table") is not None or len(table.xpath(".//tr")) != 1:
            continue
        cells = table.xpath(".//td|.//th")
        kept = [cell for cell in cells if not _LINE_NUMBERS.fullmatch(cell.text_content())]
        parent = table.getparent()
        if parent is None or len(kept) != 1 or kept[0].find(".//pre") is None:
            continue
        box = lxml.html.Element("div")
        box.text, box.tail = kept[0].text, table.tail
        box.extend(list(kept[0]))
        parent.replace(table, box)


def _mark_preformatted_as_code(tree: lxml.html.HtmlElement) -> None:
    """A bare <pre> reaches the extractor's output as a quote; wrapped in <code> it stays code."""
    for pre in list(tree.iter("pre")):
        if not any(child.tag == "code" for child in pre):
            code = lxml.html.Element("code")
            code.text, pre.text = pre.text, None
            for child in list(pre):
                code.append(child)
            pre.append(code)


def mark_repeated_paragraphs(tree: lxml.html.HtmlElement) -> None:
    """Each paragraph of a run of sibling paragraphs with equal text gets a mark at its end:
    RUN_MARK on the first, then REPEAT_MARK and RUN_MARK in turn, so neighbours differ.
    A <div> holding only text and inline elements reads as a paragraph, and is one here."""
    marks: dict[lxml.html.HtmlElement, str] = {}  # the runs' paragraphs marked so far
    for paragraph in list(tree.iter("p", "div")):
        before = paragraph.getprevious()
        if before is None or before.tag != paragraph.tag or (before.tail or "").strip():
            continue
        if paragraph.tag == "div" and not _text_only(paragraph):
            continue
        text = text_of(paragraph)
        if text and text == _unmarked(before, marks):
            if before not in marks:
                marks[before] = _mark(before, RUN_MARK)
            marks[paragraph] = _mark(paragraph, _OTHER_MARK[marks[before]])


def _unmarked(paragraph: lxml.html.HtmlElement, marks: dict[lxml.html.HtmlElement, str]) -> str:
    text = text_of(paragraph)
    return text[:-1].rstrip() if paragraph in marks else text  # "text " + mark: "text \u2063"


def _mark(paragraph: lxml.html.HtmlElement, mark: str) -> str:
    last = paragraph[-1] if len(paragraph) else None
    if last is None:
        paragraph.text = (paragraph.text or "") + mark
    else:
        last.tail = (last.tail or "") + mark
    return mark


def _text_only(block: lxml.html.HtmlElement) -> bool:
    return all(child.tag in _INLINE or child.tag == "br" for child in block)


def restore_repeats(html: str) -> str:
    """The extracted HTML without the marks `mark_repeated_paragraphs` put on the page."""
    return html.replace(REPEAT_MARK, "").replace(RUN_MARK, "")


def _declassify_inline_text(tree: lxml.html.HtmlElement) -> None:
    """Inline elements in the middle of a sentence lose class and id (see `_INLINE`)."""
    targets = _link_targets(tree)
    for element in tree.iter(*_INLINE):
        if element.get("class") is None and element.get("id") is None:
            continue  # nothing to take off
        if _in_running_text(element):
            _declassify(element, targets)


def _link_targets(tree: lxml.html.HtmlElement) -> set[str]:
    """The ids the page's own links lead to (`href="#id"`)."""
    return {href[1:] for href in tree.xpath("//a/@href") if href.startswith("#")}


def _declassify(element: lxml.html.HtmlElement, targets: set[str]) -> None:
    """Words of a sentence: the element loses its class, which the extractor judges boxes by,
    and its id unless a link leads to it (a footnote mark keeps its way back)."""
    element.attrib.pop("class", None)
    if element.get("id") not in targets:
        element.attrib.pop("id", None)


def _in_running_text(element: lxml.html.HtmlElement) -> bool:
    parent = element.getparent()
    if parent is None:
        return False
    previous = element.getprevious()
    before = (previous.tail if previous is not None else parent.text) or ""
    return bool(before.strip()) or bool((element.tail or "").strip())


# --- after extraction -------------------------------------------------------------------------


def document_html(body: Any) -> str:
    """trafilatura's XML body as HTML in our vocabulary (sanitize it before display)."""
    body = copy.deepcopy(body)
    for paragraph in list(body.iter("p")):
        _split_at_blank_lines(paragraph, "lb")
    for code in list(body.iter("code")):
        _place_code(code)
    for graphic in list(body.iter("graphic")):
        _empty_image(graphic)
    for element in body.iter():
        if isinstance(element.tag, str):
            _to_html_element(element)
    body.tag = "div"
    return str(etree.tostring(body, encoding="unicode", method="html"))


def _split_at_blank_lines(paragraph: Any, line_break: str) -> None:
    """Two or more line breaks in a row (`<br><br>`) end a paragraph: the page drew a blank
    line between paragraphs it did not mark up as such. The extractor joins such a run into
    one break, so this runs on the page (`br`) and again on the extractor's output (`lb`)."""
    children = list(paragraph)
    blank: set[Any] = set()
    for child, following in itertools.pairwise(children):
        if child.tag == following.tag == line_break and not (child.tail or "").strip():
            blank.update((child, following))
    if not blank or paragraph.getparent() is None:
        return
    pieces, current = [], paragraph.makeelement("p")
    current.text = paragraph.text
    for child in children:
        if child not in blank:
            current.append(child)  # moves it, with its tail
            continue
        if (child.tail or "").strip():  # the text after the last break of a run
            pieces.append(current)
            current = paragraph.makeelement("p")
            current.text = child.tail
    pieces.append(current)
    kept = [piece for piece in pieces if len(piece) or (piece.text or "").strip()]
    parent, index = paragraph.getparent(), paragraph.getparent().index(paragraph)
    if kept:
        kept[-1].tail = paragraph.tail
    parent.remove(paragraph)
    for offset, piece in enumerate(kept):
        parent.insert(index + offset, piece)


def _place_code(code: Any) -> None:
    """Code on its own becomes `<pre><code>`; code inside a sentence stays inline."""
    parent = code.getparent()
    if parent is None or code.get("_placed"):
        return
    for inner in list(code.iter("code"))[1:]:  # the extractor nests code in code
        inner.set("_placed", "1")
        _unwrap(inner)
    alone = not (parent.text or "").strip() and len(parent) == 1 and not (code.tail or "").strip()
    multiline = "\n" in "".join(code.itertext())
    if parent.tag in _BLOCK_PARENTS or (alone and multiline):
        code.tag, code.attrib["_block"] = "pre", "1"
        inner = etree.SubElement(code, "code")
        inner.text, code.text = code.text, None
        for child in list(code)[:-1]:
            inner.append(child)
    code.set("_placed", "1")


def _empty_image(graphic: Any) -> None:
    """An image is void: any text the extractor put inside it follows it."""
    text = "".join(graphic.itertext())
    for child in list(graphic):
        graphic.remove(child)
    graphic.text = None
    graphic.tail = text + (graphic.tail or "")


def _unwrap(element: Any) -> None:
    """Replace an element by its content, keeping text order."""
    parent = element.getparent()
    index = parent.index(element)
    add_text(parent, index, element.text or "")
    children = list(element)
    tail = element.tail or ""
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    add_text(parent, index + len(children), tail)


def _to_html_element(element: Any) -> None:
    tag, rend = element.tag, element.get("rend") or ""
    if tag == "head":
        html_tag = rend if rend in HEADINGS else "h3"
    elif tag == "hi":
        html_tag = _RENDITIONS.get(rend, "span")
    elif tag == "list":
        html_tag = rend if rend in {"ul", "ol", "dl"} else "ul"
    elif tag == "item":
        html_tag = rend[:2] if rend.startswith(("dt-", "dd-")) else "li"
    elif tag == "cell":
        html_tag = "th" if element.get("role") == "head" else "td"
    elif tag == "ref":
        html_tag = "a"
    elif tag == "graphic":
        html_tag = "img"
    else:
        # trafilatura passes some HTML through on broken pages (a stray <td>): keep the name
        # where the sanitizer knows it, so the text keeps its breaks. A <div> (of the recall
        # path's recovered blocks) stays one, for the sanitizer to drop with its content kept:
        # as a <span> it wrapped the paragraphs it holds, an inline element around blocks.
        html_tag = _SIMPLE.get(tag, tag if tag in _PASSED_BLOCKS else "span")
    kept = _KEPT_ATTRIBUTES.get(html_tag, ("id",))
    attributes = {name: value for name in kept if (value := element.get(name))}
    element.attrib.clear()
    element.tag = html_tag
    for name, value in attributes.items():
        element.set("href" if name == "target" else name, value)
