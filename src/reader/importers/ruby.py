"""Ruby (furigana) carried through main-content extraction: base text as the article's text,
the reading kept as `<rt>` for the pane.

The extractor flattens `<ruby>銀世界<rt>ぎんせかい</rt></ruby>` into "銀世界ぎんせかい", which
puts the reading into the text that search and anchors use. Before extraction each ruby
becomes plain text with noncharacter marks around base and reading (text survives any
extractor); afterwards the marks become `<ruby>base<rt>reading</rt></ruby>` again, and
`html_to_text` leaves the reading out of the plain text.
"""

from __future__ import annotations

import re

import lxml.html

from reader.importers.tree import add_text

# Unicode noncharacters: reserved for a program's internal use, never found in a real page.
_BASE, _READING, _END = "\ufdd0", "\ufdd1", "\ufdd2"
_MARKS = re.compile("[\ufdd0-\ufdd2]")
_RUBY = re.compile("\ufdd0([^\ufdd0-\ufdd2<]*)\ufdd1([^\ufdd0-\ufdd2<]*)\ufdd2")
_READING_RUN = re.compile("\ufdd1[^\ufdd0-\ufdd2]*\ufdd2")


def protect_readings(tree: lxml.html.HtmlElement) -> None:
    """Replace every `<ruby>` by marked text: base and reading pairs, `<rp>` dropped."""
    for ruby in reversed(list(tree.iter("ruby"))):  # inner ones first
        parent = ruby.getparent()
        if parent is None:
            continue
        add_text(parent, parent.index(ruby), _marked(ruby) + (ruby.tail or ""))
        parent.remove(ruby)


def _marked(ruby: lxml.html.HtmlElement) -> str:
    """`base-mark 銀世界 reading-mark ぎんせかい end-mark` for each base and its reading."""
    out: list[str] = []
    base = ruby.text or ""
    for child in ruby:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in {"rt", "rtc"}:
            reading = " ".join(_MARKS.sub("", child.text_content()).split())
            out.append(f"{_BASE}{base}{_READING}{reading}{_END}" if base.strip() else base)
            base = ""
        elif tag != "rp":
            base += child.text_content()
        base += child.tail or ""
    out.append(base)
    return "".join(out)


def restore_readings(markup: str) -> str:
    """Marked text in serialized HTML back to `<ruby>` elements; stray marks removed, and a
    reading whose base was lost with them."""
    markup = _RUBY.sub(
        lambda m: f"<ruby>{m.group(1)}<rt>{m.group(2)}</rt></ruby>" if m.group(2) else m.group(1),
        markup,
    )
    return _MARKS.sub("", _READING_RUN.sub("", markup))


def without_readings(value: str | None) -> str | None:
    """Plain text (a title, a byline) with marked readings left out: only the base text."""
    if value is None:
        return None
    return _MARKS.sub("", _READING_RUN.sub("", value)) if _MARKS.search(value) else value
