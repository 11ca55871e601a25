"""The HTML and stylesheet the reading pane renders: our header around the sanitized body."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from reader.core.article import StoredArticle
from reader.gui.style import Theme
from reader.gui.views.figures import figures_as_blocks
from reader.gui.views.plain_text import CLASSES as PLAIN_CLASSES
from reader.gui.views.plain_text import STEPS as PLAIN_STEPS
from reader.gui.views.plain_text import without_trailing_breaks
from reader.gui.views.tables import COMPACT_FACTOR, COMPACT_PADDING_PX

# Importers may keep the page's own <h1>; we print the title ourselves, so a leading heading
# that repeats it is dropped.
_LEADING_H1 = re.compile(r"^\s*<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
# Ruby in sanitized HTML (nh3 output: lower-case tags without attributes).
_RUBY_PARENTHESIS = re.compile(r"<rp>.*?</rp>", re.DOTALL)
_RUBY_TEXT = re.compile(r"<rt>(.*?)</rt>", re.DOTALL)
# Title sizes (times the body size) by the title's length in half-width columns: a long title
# gets a smaller face rather than running to five lines.
TITLE_SIZES = (("title", 70, 1.6), ("title-long", 140, 1.35), ("title-longest", None, 1.15))


def title_class(title: str) -> str:
    """The title's CSS class: "title", "title-long" or "title-longest" by its display width."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in title)
    for name, limit, _factor in TITLE_SIZES:
        if limit is None or columns <= limit:
            return name
    return TITLE_SIZES[-1][0]


def reading_css(
    theme: Theme,
    families: list[str],
    size_pt: float,
    *,
    line_height: int = 175,
    paragraph_spacing: int = 80,
) -> str:
    """The pane's default stylesheet; sizes are computed because Qt's CSS lacks `em` fonts.

    `line_height` and `paragraph_spacing` are percentages of the font size.

    Line heights are minimum heights in pixels: a percentage would scale the font's own line
    spacing, which for CJK fonts is already about 1.45 em.
    """
    family = ", ".join(f"'{name}'" if " " in name else name for name in families)

    def pt(factor: float) -> str:
        return f"{size_pt * factor:.1f}pt"

    def px(factor: float) -> str:
        return f"{round(size_pt * 4 / 3 * factor)}px"

    lines, gap = line_height / 100, paragraph_spacing / 100
    titles = "".join(
        f"h1.{name} {{ font-size: {pt(factor)}; font-weight: 700; "
        f"line-height: {px(factor * 1.3)}; margin-top: 0px; margin-bottom: {px(0.5)}; }}\n"
        for name, _limit, factor in TITLE_SIZES
    )
    return f"""
body {{ color: {theme.text}; font-family: {family}; font-size: {pt(1)}; }}
p {{ line-height: {px(lines)}; margin-top: 0px; margin-bottom: {px(gap)}; }}
li {{ line-height: {px(lines - 0.05)}; margin-bottom: {px(gap / 4)}; }}
{titles}p.byline {{ color: {theme.secondary}; font-size: {pt(0.8)}; line-height: {px(0.8 * 1.5)};
            margin-bottom: {px(1.8)}; }}
h1 {{ font-size: {pt(1.35)}; font-weight: 700; margin-top: {px(1.6)}; margin-bottom: {px(0.6)}; }}
h2 {{ font-size: {pt(1.2)}; font-weight: 700; line-height: {px(1.2 * 1.45)};
      margin-top: {px(1.4)}; margin-bottom: {px(0.6)}; }}
h3, h4, h5, h6 {{ font-size: {pt(1.05)}; font-weight: 700;
                  margin-top: {px(1.2)}; margin-bottom: {px(0.5)}; }}
a {{ color: {theme.link}; text-decoration: none; }}
blockquote {{ color: {theme.secondary}; margin-left: {px(1.2)}; margin-right: {px(1.2)}; }}
pre, code {{ font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: {pt(0.85)};
             background-color: {theme.code_background}; }}
pre {{ white-space: pre-wrap; margin-top: 0px; margin-bottom: {px(gap)}; padding: 6px; }}
{plain_steps(pt)}
table {{ border-collapse: collapse; margin-top: {px(gap / 2)}; margin-bottom: {px(gap)}; }}
th {{ font-weight: 700; }}
span.reading {{ color: {theme.secondary}; font-size: {pt(0.6)}; }}
figcaption, caption {{ color: {theme.secondary}; font-size: {pt(0.8)}; }}
p.figcaption {{ color: {theme.secondary}; font-size: {pt(0.8)}; line-height: {px(0.8 * 1.5)};
               margin-top: {px(0.3)}; margin-bottom: {px(gap)}; }}
p.table-preview {{ margin-bottom: {px(0.2)}; }}
p.table-headings {{ color: {theme.secondary}; font-size: {pt(0.8)}; }}
hr {{ color: {theme.rule}; }}
td, th {{ padding: 4px; border: 1px solid {theme.rule}; }}
td.whole, th.whole {{ white-space: nowrap; }}
td.figure {{ text-align: right; }}
td.compact, th.compact {{ font-size: {pt(COMPACT_FACTOR)}; padding: {COMPACT_PADDING_PX}px; }}
p.empty-title {{ color: {theme.secondary}; font-size: {pt(1.2)}; font-weight: 600;
                 margin-top: {px(2)}; margin-bottom: {px(0.5)}; }}
p.empty {{ color: {theme.secondary}; font-size: {pt(0.95)}; }}
"""


def plain_steps(pt: Callable[[float], str]) -> str:
    """The smaller faces of plain-text documents (plain_text.py), one class a step."""
    steps = zip(PLAIN_CLASSES[1:], PLAIN_STEPS[1:], strict=True)
    return "\n".join(
        f"pre.{name}, code.{name}, a.{name} {{ font-size: {pt(factor)}; }}"
        for name, factor in steps
    )


def byline_parts(article: StoredArticle, date_text: str | None) -> list[str]:
    summary = article.summary
    parts = [summary.site, summary.section, date_text, summary.author]
    return [part for part in parts if part]


# The byline's link to the article's tag editor (a fragment: it never leaves the pane).
TAGS_LINK = "#reader-edit-tags"


def article_html(
    article: StoredArticle, date_text: str | None, tags_label: str = "", bookmark_label: str = ""
) -> str:
    """The document for one article: title, byline (the bookmark marker when
    `bookmark_label` is given, site · section · date · author, and the tag editor's link when
    `tags_label` is given), body."""
    title = html.escape(article.summary.title)
    parts = [html.escape(part) for part in byline_parts(article, date_text)]
    if bookmark_label:
        parts.insert(0, html.escape(bookmark_label))
    if tags_label:
        parts.append(f'<a href="{TAGS_LINK}">{html.escape(tags_label)}</a>')
    byline = " · ".join(parts)
    body = readings_for_pane(strip_repeated_title(article.html, article.summary.title))
    body = without_trailing_breaks(figures_as_blocks(body))
    if not body.strip():
        body = "".join(f"<p>{html.escape(par)}</p>" for par in article.text.split("\n\n"))
    header = f'<h1 class="{title_class(article.summary.title)}">{title}</h1>'
    if byline:
        header += f'<p class="byline">{byline}</p>'
    return f"<html><body>{header}{body}</body></html>"


def readings_for_pane(body: str) -> str:
    """Ruby readings as a small "(reading)" after the base: Qt's rich text cannot set them
    above it. The reading is its own tooltip, which marks it for `readings.reading_ranges`;
    the page's `<rp>` fallback parentheses give way to ours."""
    if "<rt>" not in body:
        return body
    body = _RUBY_PARENTHESIS.sub("", body)

    def reading(match: re.Match[str]) -> str:
        text = " ".join(_TAGS.sub("", match.group(1)).split())
        return f'<span class="reading" title="{text}">({text})</span>' if text else ""

    return _RUBY_TEXT.sub(reading, body)


def strip_repeated_title(body: str, title: str) -> str:
    match = _LEADING_H1.match(body)
    if match is None:
        return body
    heading = html.unescape(_TAGS.sub("", match.group(1)))
    if " ".join(heading.split()) == " ".join(title.split()):
        return body[match.end() :]
    return body


def message_html(heading: str, lines: list[str]) -> str:
    """A quiet page for the empty pane (no article selected, empty library)."""
    paragraphs = "".join(f'<p class="empty">{html.escape(line)}</p>' for line in lines)
    return (
        f'<html><body><p class="empty-title">{html.escape(heading)}</p>{paragraphs}</body></html>'
    )
