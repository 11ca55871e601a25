"""Import of plain-text files, including web pages saved as text with breadcrumb and date lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reader.core.article import Article
from reader.core.text import normalize_newlines, normalize_text
from reader.errors import ImportFailed
from reader.importers.encoding import decode_text
from reader.importers.language import detect_language
from reader.importers.page_kinds import is_name_heading, name_line_title
from reader.importers.text_body import body_html, drop_footer, paragraphs

# Header lines (breadcrumb, title, date) are short: a longer line is never parsed as one,
# which also keeps the regular expressions away from a multi-megabyte single line.
_MAX_TITLE = 120
_HEADER_LINES = 8


# Stray control characters go; vertical tab and form feed (page breaks) become line ends.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")
_PAGE_BREAKS = re.compile(r"[\v\f]")
# Invisible characters that can hide or reorder text: never wanted in a title.
_HIDDEN = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF], None
)


def _names(joined: str) -> frozenset[str]:
    return frozenset(joined.split("|"))


_BREADCRUMB = re.compile(
    r"(?:(?:当前|當前|目前|现在|現在|所在|您现在的|您現在的|您的|你的)?位置"
    r"|you are here|current location)\s*[:：]\s*(?P<crumbs>.+)",
    re.IGNORECASE,
)
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>>|->|[>»›＞→/])\s*")
_GENERIC_CRUMBS = _names(
    "首页|首頁|主页|主頁|网站首页|網站首頁|返回首页|返回首頁"
    "|home|homepage|home page|main page|front page"
)
_PLACEHOLDER_CRUMBS = _names(
    "正文|内容|內容|详情|詳情|正文内容|文章详情|文章|阅读|閱讀|article|content|details|story"
)
_SITE_LIKE = re.compile(r".*(?:网|網|报|報|在线|在線|电视台|電視台)|.*\.(?:com|cn|net|org|hk|tw)")

_NUMERIC_DATE = re.compile(
    r"(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
)
_WORDY_DATE = re.compile(
    r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4})"
)
_DATE_LABEL = re.compile(
    r"(?:发布时间|發佈時間|發布時間|发布日期|發布日期|发表时间|發表時間|发表于|發表於|时间|時間|日期"
    r"|published(?: on)?|posted(?: on)?|updated|date)\s*[:：]?\s*",
    re.IGNORECASE,
)
_TIME = re.compile(r"\s*T?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\s*(?:(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*",
    re.IGNORECASE,
)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_META_LABELS = (
    r"来源|來源|作者|编辑|編輯|责任编辑|責任編輯|记者|記者|阅读|閱讀|浏览|瀏覽|点击|點擊|字号|字號"
    r"|source|author"
)
_META_START = re.compile(rf"(?:{_META_LABELS})\s*[:：]", re.IGNORECASE)
_META_FIELD = re.compile(rf"(?P<label>{_META_LABELS})\s*[:：]\s*(?P<value>[^\s|]+)", re.IGNORECASE)
_AUTHOR_LABELS = _names("作者|记者|記者|author")
_BYLINE = re.compile(r"(?:By|BY|by)\s+(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})")
_SECTION_PUNCTUATION = re.compile(r"[,，。.!！?？:：;；、\d]")

_SENTENCE_END = re.compile(r"[。！？!?]|\.(?=\s)")


@dataclass
class _Header:
    title: str | None = None
    crumbs: list[str] | None = None
    glued_section: str | None = None
    published: date | None = None
    author: str | None = None
    body_start: int = 0


def import_text(data: bytes, filename: str) -> Article:
    """Turn a text file into an Article; the layout of pages saved as text is recognised.

    A breadcrumb line (`当前位置: 华文天下 > 国际`, `You are here: Home > World`) gives the
    site and section, a date line (`2024-10-26国际`, `2024年10月26日`) the published date,
    and the first substantial line the title. Standalone `【…】` lines are subheadings and a
    promotional last line is dropped. See `_site_and_section` for the breadcrumb rule.
    """
    text, encoding = decode_text(data)
    text = _PAGE_BREAKS.sub("\n", _CONTROLS.sub("", normalize_newlines(text)))
    # Normalized once here so that the HTML shows exactly the text annotations anchor into.
    text = normalize_text(text)
    if not text:
        raise ImportFailed("empty_file")
    lines = text.split("\n")
    header = _parse_header(lines)
    body = lines[header.body_start :]
    if not any(line.strip() for line in body):
        # Nothing but a title (a one-line file): the line is the text too.
        body = [header.title] if header.title else lines
    blocks = paragraphs(drop_footer(body))
    title = _manual_title(header.title, blocks) or header.title or (blocks[0][0] if blocks else "")
    title = _shorten(title) if len(title) > _MAX_TITLE else title
    title = title.translate(_HIDDEN)
    site, section = _site_and_section(header.crumbs or [], title)
    body_text = "\n\n".join(text for text, _ in blocks)
    return Article(
        title=title,
        text=body_text,
        html=body_html(blocks),
        section=section or header.glued_section,
        site=site,
        author=header.author,
        published=header.published,
        language=detect_language(f"{title}\n{body_text[:20_000]}"),
        encoding=encoding,
    )


# Header: breadcrumb, title, date and byline lines at the top


def _parse_header(lines: list[str]) -> _Header:
    header = _Header()
    seen = 0
    index = 0
    while index < len(lines) and seen < _HEADER_LINES:
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        seen += 1
        if len(line) > _MAX_TITLE:
            if header.title is None:
                # A paragraph, not a heading: it names the article but stays in the body.
                header.title = _shorten(line)
            break
        if not _header_line(header, line):
            break
        index += 1
    header.body_start = index
    return header


def _header_line(header: _Header, line: str) -> bool:
    """Take one line into the header if it belongs there; False where the body begins."""
    if header.crumbs is None and header.title is None:
        crumbs = _BREADCRUMB.fullmatch(line)
        if crumbs:
            header.crumbs = [c for c in _CRUMB_SEPARATOR.split(crumbs["crumbs"]) if c.strip()]
            return True
    if header.published is None and _date_line(header, line):
        return True
    if _meta_line(header, line):
        return True
    if header.title is None:
        # Lines of nothing but symbols before the title are decoration.
        if any(ch.isalnum() for ch in line):
            header.title = line
        return True
    return False


def _date_line(header: _Header, line: str) -> bool:
    label = _DATE_LABEL.match(line)
    start = label.end() if label else 0
    found = _NUMERIC_DATE.match(line, start) or _WORDY_DATE.match(line, start)
    if found is None:
        return False
    published = _make_date(found)
    if published is None:
        return False
    rest = line[found.end() :]
    time = _TIME.match(rest)
    if time:
        rest = rest[time.end() :]
    rest = _WEEKDAY.sub(" ", rest).strip(" |·-")
    if _META_START.match(rest):
        _meta_line(header, rest)
    elif rest:
        # "2024-10-26国际": a section glued to the date; anything longer is a sentence
        # that merely starts with a date.
        if len(rest) > 10 or _SECTION_PUNCTUATION.search(rest):
            return False
        header.glued_section = rest
    header.published = published
    return True


def _make_date(found: re.Match[str]) -> date | None:
    groups = found.groupdict()
    year = groups.get("y") or groups.get("y2")
    day = groups.get("d") or groups.get("d2")
    month_name = groups.get("mon") or groups.get("mon2")
    month = _MONTHS.get(month_name[:3].lower()) if month_name else groups.get("m")
    if year is None or day is None or month is None:
        return None
    try:
        published = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return published if 1900 <= published.year <= 2100 else None


def _meta_line(header: _Header, line: str) -> bool:
    """A short `来源：…` / `作者：…` / `By Jane Doe` line; the author is remembered."""
    if len(line) > 60:
        return False
    byline = _BYLINE.fullmatch(line)
    if byline:
        header.author = header.author or byline["name"]
        return True
    if not _META_START.match(line):
        return False
    for meta in _META_FIELD.finditer(line):
        if meta["label"].lower() in _AUTHOR_LABELS:
            header.author = header.author or meta["value"]
    return True


def _manual_title(first_line: str | None, blocks: list[tuple[str, bool]]) -> str | None:
    """A manual page saved as text opens with its NAME heading: its title is the line under
    it ("edquota — 编辑用户配额"), not the heading; that line as it is when it is not a
    name, a dash and a description."""
    lines = [first_line] if first_line else []
    lines += [text for text, _ in blocks[:2]]
    if len(lines) < 2 or not is_name_heading(lines[0]):
        return None
    return name_line_title(lines[1]) or lines[1]


def _site_and_section(crumbs: list[str], title: str) -> tuple[str | None, str | None]:
    """Site and section from breadcrumb crumbs.

    The site is the first of two or more crumbs, unless that is a generic "首页"/"Home":
    then it is the second crumb if that looks like a site name (ends in 网/報…, or is a
    domain) and is not the last one, and unknown otherwise. The section is the last crumb
    that is not generic, a placeholder such as "正文", the site itself or the article's title.
    """
    crumbs = [" ".join(c.split()) for c in crumbs]
    if not crumbs:
        return None, None
    site: str | None = None
    rest = crumbs
    if crumbs[0].lower() not in _GENERIC_CRUMBS:
        if len(crumbs) > 1:
            site, rest = crumbs[0], crumbs[1:]
    elif len(crumbs) > 2 and _SITE_LIKE.fullmatch(crumbs[1]):
        site, rest = crumbs[1], crumbs[2:]
    for crumb in reversed(rest):
        lowered = crumb.lower()
        if lowered in _GENERIC_CRUMBS or lowered in _PLACEHOLDER_CRUMBS or crumb == site:
            continue
        if title and (crumb == title or (len(crumb) > 10 and title.startswith(crumb))):
            continue
        return site, crumb
    return site, None


def _shorten(line: str) -> str:
    """A title from a paragraph: its first sentence, cut to about _MAX_TITLE characters."""
    end = _SENTENCE_END.search(line, 0, _MAX_TITLE + 1)
    if end:
        return line[: end.end()].rstrip("。.")
    cut = line[:_MAX_TITLE]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,，、;；:：") + "…"
