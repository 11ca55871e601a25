"""Metadata some kinds of page keep in their body: man NAME lines, Word and platform properties."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

import lxml.html

from reader.importers.tree import text_of

# The NAME section's heading in the languages man pages and DocBook reference pages come in.
_NAME_HEADINGS = frozenset(
    {
        "name",
        "名称",
        "名字",
        "名前",
        "名稱",
        "이름",
        "nom",
        "nombre",
        "nome",
        "имя",
        "название",
        "navn",
    }
)
_HEADINGS = ("h1", "h2", "h3", "h4", "dt", "b")
_HEADING_PARTS = re.compile(r"[\s()（）\[\]【】:：]+")
# "ls - list directory contents", "ls, dir — list…": names, a dash, a description (some
# translations leave out the space before the dash: "perldata- Perl 数据类型").
_NAME_LINE = re.compile(r"(?P<names>[^\s].{0,80}?)\s*(?:\\?-|—|–|－)+\s+(?P<what>\S.*)", re.DOTALL)
# Word's document properties sit in a conditional comment, which the HTML parser discards.
_WORD_PROPERTY = re.compile(r"<o:(Author|LastAuthor|Created|LastSaved)>([^<]{1,200})</o:\1>")


def is_name_heading(text: str) -> bool:
    """ "NAME", "名称:", and the bilingual forms translated manuals use: "NAME(名称)",
    "名称 NAME", "名前 (NAME)"."""
    words = _HEADING_PARTS.split(text.casefold())
    words = [word for word in words if word]
    return 0 < len(words) <= 2 and all(word in _NAME_HEADINGS for word in words)


def name_line_title(line: str) -> str | None:
    """`ls — list directory contents` from the line under a NAME heading, else None."""
    match = _NAME_LINE.fullmatch(" ".join(line.split()))
    if match is None:
        return None
    return f"{match.group('names').strip()} — {match.group('what').strip()}"


def manual_title(tree: lxml.html.HtmlElement) -> str | None:
    """`ls — list directory contents` from a manual page's NAME section, if the page has one.

    Only one of the page's first three headings counts: further down, a "Name" heading is
    part of the text (a form, a field list), not the page's own name.
    """
    headings = [h for h in tree.iter(*_HEADINGS) if h.text_content().strip()][:3]
    for heading in headings:
        if not is_name_heading(heading.text_content()):
            continue
        line = _following_text(heading)
        title = name_line_title(line) if line else None
        if title:
            return title
    return None


def _following_text(heading: lxml.html.HtmlElement) -> str | None:
    """The text after a heading: its tail, else the next element with text (a `<p>`, a
    `<dd>`, DocBook's `refnamediv` paragraph)."""
    tail = " ".join((heading.tail or "").split())
    if tail:
        return tail
    element: lxml.html.HtmlElement | None = heading
    for _ in range(4):  # a few steps: the NAME line is right below its heading
        assert element is not None
        following = element.getnext()
        while following is None and element.getparent() is not None:
            element = element.getparent()
            following = element.getnext()
        if following is None:
            return None
        text = text_of(following)
        if text:
            return text
        element = following
    return None


def word_properties(markup: str) -> dict[str, str]:
    """Word's `o:DocumentProperties` (Author, LastAuthor, Created, LastSaved) from the raw page;
    only Word's own HTML holds them."""
    if "urn:schemas-microsoft-com:office" not in markup[:20000]:
        return {}
    found: dict[str, str] = {}
    for name, value in _WORD_PROPERTY.findall(markup):
        if value.strip():
            found.setdefault(name, " ".join(value.split()))
    return found


# Content platforms keep an article's metadata in script variables that their pages fill in
# at run time, so a saved page holds them only there: `var msg_title = '…'`,
# `var nickname = htmlDecode("…")`, `var ct = "1710460800"` (WeChat and its imitators).
_SCRIPT_VARIABLES = {
    "msg_title": "title",
    "nickname": "author",
    "publish_time": "date",
    "ct": "timestamp",
}
_SCRIPT_VARIABLE = re.compile(
    r"\bvar\s+(msg_title|nickname|publish_time|ct)\s*=\s*(?:htmlDecode\(\s*)?"
    r"(?:\"([^\"\\\n]{1,300})\"|'([^'\\\n]{1,300})')"
)
# The platform shows its timestamps in China Standard Time: that is the page's date.
_PLATFORM_ZONE = timezone(timedelta(hours=8))


def script_properties(markup: str) -> dict[str, str]:
    """Title, author and date from a platform page's script variables (see above); the date
    as YYYY-MM-DD, from `publish_time`, else from the `ct` timestamp."""
    found: dict[str, str] = {}
    for name, double, single in _SCRIPT_VARIABLE.findall(markup[:500_000]):
        value = html.unescape(" ".join((double or single).split()))
        if value:
            found.setdefault(_SCRIPT_VARIABLES[name], value)
    stamp = found.pop("timestamp", "")
    if "date" not in found and stamp.isdigit() and 9 <= len(stamp) <= 10:
        found["date"] = datetime.fromtimestamp(int(stamp), _PLATFORM_ZONE).date().isoformat()
    return found
