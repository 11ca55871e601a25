"""The body of a text file: a promotional footer dropped, lines joined into paragraphs and
subheadings, and their HTML."""

from __future__ import annotations

import html
import re
from itertools import pairwise

from reader.core import scripts

# Only the last few short lines can be a promotional footer.
_FOOTER_LINES = 3
_MAX_FOOTER_LINE = 80
_SUBHEADING = re.compile(r"【(?P<inner>[^【】]{1,80})】")
# A call to follow or subscribe: the kind of last line a saved page ends with.
_PROMO = re.compile(
    r"(?:(?:想|欲)?了解更多|更多精彩|更多内容|更多[资資][讯訊]|更多新[闻聞])"
    r"[^。！？!?]{0,30}(?:[关關]注|[点點][击擊]|[访訪][问問]|[请請]|下[载載])"
    r"|(?:[欢歡]迎|敬[请請]|[记記]得|[点點][击擊])?[关關]注(?:我[们們]|本[号號]|公[众眾][号號])"
    r"|[点點][击擊][关關]注"
    r"|follow us|subscribe to|sign up for",
    re.IGNORECASE,
)
_SOURCE_NOTE = re.compile(
    r"[（(]\s*(?:[责責]任[编編][辑輯]|[责責][编編]|[编編][辑輯]|[来來]源)\s*[:：][^()（）]{1,30}[)）]"
    r"|(?:本文|文章)(?:[来來]源|[转轉][载載]自|[来來]自)|(?:[责責]任[编編][辑輯]|[责責][编編])\s*[:：]"
)
_TRAILING_EDITOR = re.compile(
    r"\s*[（(]\s*(?:[责責]任[编編][辑輯]|[责責][编編]|[编編][辑輯])\s*[:：][^()（）]{1,20}[)）]\s*$"
)


def drop_footer(lines: list[str]) -> list[str]:
    lines = list(lines)
    while lines and not lines[-1].strip():
        lines.pop()
    for _ in range(_FOOTER_LINES):
        if len(lines) < 2:
            break
        last = lines[-1].strip()
        if len(last) > _MAX_FOOTER_LINE or not _is_footer(last):
            break
        lines.pop()
        while lines and not lines[-1].strip():
            lines.pop()
    if lines:
        tail = lines[-1][-60:]
        editor = _TRAILING_EDITOR.search(tail)
        if editor and editor.start() > 0:
            lines[-1] = lines[-1][: len(lines[-1]) - len(tail) + editor.start()]
    return lines


def _is_footer(line: str) -> bool:
    if _SOURCE_NOTE.match(line):
        return True
    # A real closing sentence may start like a promotion; promotions don't end sentences.
    return bool(_PROMO.match(line)) and "。" not in line


def paragraphs(lines: list[str]) -> list[tuple[str, bool]]:
    """(paragraph, is_subheading) pairs.

    With blank lines between paragraphs, each block of lines is one paragraph (hard-wrapped
    lines are joined); without, every line is one. A line that is a whole `【…】` is always a
    subheading of its own.
    """
    blank_separated = _has_blank_separator(lines)
    result: list[tuple[str, bool]] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            result.append((_join(pending), False))
            pending.clear()

    # An indented line starts a paragraph, unless every line is indented (a quoted block);
    # the full-width indent of Chinese text always marks a paragraph.
    non_empty = sum(1 for line in lines if line.strip())
    indent_marks_paragraph = 0 < sum(1 for line in lines if _indented(line)) < non_empty
    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
            continue
        if _SUBHEADING.fullmatch(line):
            flush()
            result.append((line, True))
            continue
        if (
            not blank_separated
            or raw.startswith("\u3000")
            or (indent_marks_paragraph and _indented(raw))
        ):
            flush()
        pending.append(line)
    flush()
    return [(text, heading) for text, heading in result if text]


def _has_blank_separator(lines: list[str]) -> bool:
    seen_text = False
    blank_after_text = False
    for line in lines:
        if line.strip():
            if blank_after_text:
                return True
            seen_text = True
        elif seen_text:
            blank_after_text = True
    return False


def _indented(line: str) -> bool:
    return line.startswith(("\u3000", "\t", "  ")) and bool(line.strip())


def _join(lines: list[str]) -> str:
    """Join hard-wrapped lines: with nothing between Chinese or Japanese, else with a space."""
    parts = [lines[0]]
    for previous, line in pairwise(lines):
        if not (_unspaced(previous[-1]) or _unspaced(line[0])):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _unspaced(ch: str) -> bool:
    # Han, kana and CJK punctuation; Korean puts spaces between words like Latin text does.
    return scripts.contains(ch, scripts.UNSPACED)


def body_html(blocks: list[tuple[str, bool]]) -> str:
    parts = []
    for text, heading in blocks:
        if heading:
            inner = _SUBHEADING.fullmatch(text)
            parts.append(f"<h2>{html.escape(inner['inner'] if inner else text)}</h2>")
        else:
            parts.append(f"<p>{html.escape(text)}</p>")
    return "\n".join(parts)
