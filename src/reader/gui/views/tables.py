"""Tables in the reading pane: set to fit the column, smaller when tight, or opened apart.

Qt's rich text cannot scroll inside a table: a table wider than the column either breaks its
cells one digit per line or pushes the pane sideways. So each table is measured as Qt lays it
out, with short cells kept on one line, and shown in the first way that fits: as it is; in a
smaller face with tighter cells; smaller still with short cells wrapped between their words
(a number, a date or a single word is never split); or, when even that is too wide, as a short
preview with a link that opens the whole table in its own scrolling window.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache

from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument, QTextOption

from reader.core import scripts

# A link from a table's preview to the whole table (a fragment: it never leaves the pane).
TABLE_LINK = "#reader-table-"
# Cells of at most this many characters (a number, a date, a label) are never wrapped.
SHORT_CELL_CHARS = 32
# ...but where another cell is prose, only a label this short: Qt gives the columns of unwrapped
# cells their whole width first, and a column of prose beside 30-character headings was left
# one word per line.
LABEL_CHARS = 16
COMPACT_FACTOR = 0.78  # the smaller face's size, times the body's
COMPACT_PADDING_PX = 2
PREVIEW_HEADINGS = 8  # column headings named in a preview

_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_ROW = re.compile(r"<tr\b", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# A space between digits ("1 234 567") or before a short unit ("12 cm") must not break.
# A figure: digits with their separators and signs, perhaps a currency or a short unit.
_FIGURE = re.compile(r"[-+−±]?[$€£¥]?\s?\d[\d\s.,'’:/-]*(?:\s?(?:%|[A-Za-z°]{1,3}))?")
_TEXT_RUN = re.compile(r">[^<]*<")  # a run of text between two tags
_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d|[A-Za-z%°]{1,3}\b)")
# Qt breaks a line between any two Han or kana characters (as a browser does), but not before
# closing punctuation or after opening, nor inside a Korean word (spaced as in English): taken
# three at a time, a run's pieces are at least as wide as any Qt keeps together. Taken whole,
# a long cell of Chinese or Japanese counted as one word as wide as itself, and most tables of
# a manual's page in either were first set smaller, or as a preview, then set again once
# measured (the page set twice on the UI thread).
_CJK = scripts.char_class(*scripts.UNSPACED)
_CJK_PIECE = re.compile(f"[{_CJK}]{{3}}(?=[{_CJK}])")
# A table whose cells all fit the column unwrapped, with room to spare, is set as it is
# without being laid out: measuring one costs the UI thread a few ms, and a manual's page of
# 34 small tables cost 100-300 ms per open while an import ran. Only cells of inline text are
# bounded so: a list, a nested table, a caption or a spanning cell has widths of its own.
_NOT_BOUNDED = re.compile(
    r"<(?:table|caption|ul|ol|dl|blockquote|pre|h[1-6]|div|figure|hr)\b|\b(?:col|row)span\s*=",
    re.IGNORECASE,
)
BOUND_MARGIN = 1.25  # times a cell's estimated width: faces and rounding the estimate misses
CELL_ALLOWANCE_PX = 12  # a cell's padding and borders (4 + 1 px a side), and rounding
# The widest face is about a tenth wider than most cells' text: a table not measured yet is
# first set as its estimate, so scaled, suggests (the guess most often right, 60 manual pages).
GUESS_FACTOR = 0.9
KEPT_ESTIMATES = 20_000  # words and short cells, kept while the pane's face is the same


Measure = Callable[[str], float]
# The width of a line of text in the widest face a cell may use (bold headings, code).
Estimate = Callable[[str], float]


class Unmeasured(Exception):
    """A width not measured yet: the reading pane measures its tables on a worker."""


class Fit(Enum):
    NORMAL = "normal"
    COMPACT = "compact"
    NARROW = "narrow"
    PREVIEW = "preview"


_SIZES = list(Fit)  # from the largest


@dataclass(frozen=True)
class Table:
    """One table of the article: its HTML, and the narrowest column it fits at each size.

    Each width is measured when first asked for: most tables fit as they are, and measuring
    all three sizes of an article's tables at once cost the UI thread up to 60 ms per open.
    """

    html: str
    rows: int
    columns: int
    headings: tuple[str, ...]
    measure: Measure = field(repr=False, compare=False)
    estimate: Estimate | None = field(default=None, repr=False, compare=False)

    @cached_property
    def _text(self) -> str:
        # Images narrow to the room their table leaves them (figures.fit_images): only the
        # text decides how a table is set.
        return _IMAGE.sub("", self.html)

    # Measured as the page sets them (`set_cells` of the table with its images, which keeps
    # more cells on one line beside an image), then without the images. Set without them, a
    # Wikipedia infobox measured 373 px and was shown 588 px wide in a 412 px column, its
    # right-hand column cut off.
    @cached_property
    def normal_width(self) -> float:
        return self._measured()

    @cached_property
    def compact_width(self) -> float:
        return self._measured(compact=True, whole_cells=True)

    @cached_property
    def narrow_width(self) -> float:
        return self._measured(compact=True, whole_cells=False)

    def _measured(self, **set_as: bool) -> float:
        # `set_as` passed on as `fitted_body` passes it: the same call, found in set_cells' cache.
        return self.measure(_IMAGE.sub("", set_cells(self.html, **set_as)))

    @cached_property
    def _cells(self) -> list[list[str]]:
        """The text of each row's cells."""
        rows = _ROW.split(self._text)[1:]
        return [[_cell_text(m.group(3)) for m in _CELL.finditer(row)] for row in rows]

    def width_bound(self, limit: float = math.inf) -> float | None:
        """More than the table's normal width, without laying it out: a column is as wide as
        its widest short cell on one line, or its widest word (a figure's spaces bind), in
        the widest face, with a margin. None when a cell holds more than inline text, or when
        the bound passes `limit` (a table that does not plainly fit costs little)."""
        return self._estimated(self._whole_columns, limit, BOUND_MARGIN)

    def guess(self, column_width: float) -> Fit:
        """The fit the estimated widths suggest, for a table not measured yet: no more than
        a guess (the widest face, no room for what Qt adds), corrected once measured."""
        if self._whole_columns is None:
            return Fit.NORMAL
        if self._estimated(self._whole_columns, column_width, GUESS_FACTOR) is not None:
            return Fit.NORMAL
        compact = GUESS_FACTOR * COMPACT_FACTOR
        if self._estimated(self._whole_columns, column_width, compact) is not None:
            return Fit.COMPACT
        if self._estimated(self._word_columns, column_width, COMPACT_FACTOR) is not None:
            return Fit.NARROW
        return Fit.PREVIEW

    @staticmethod
    def _estimated(columns: tuple[float, ...] | None, limit: float, scale: float) -> float | None:
        """The sum of the columns' widths, each `scale` times its estimate with a cell's
        allowance; None when it passes `limit` (or nothing is estimated)."""
        if columns is None:
            return None
        total = CELL_ALLOWANCE_PX + sum(w * scale + CELL_ALLOWANCE_PX for w in columns)
        return None if total > limit else total

    @cached_property
    def _bounded(self) -> bool:
        """Whether every cell holds inline text only (after the table's own tag)."""
        return self.estimate is not None and not _NOT_BOUNDED.search(self._text, 1)

    @cached_property
    def _whole_columns(self) -> tuple[float, ...] | None:
        """Each column's estimated width with short cells on one line: its widest short
        cell, or widest word of a longer one. Read once: the bound and each guess scale it
        (a manual's page of dozens of long tables walked every cell four times per setting,
        on the UI thread)."""
        if not self._bounded:
            return None
        return self._columns(lambda text: len(text) <= SHORT_CELL_CHARS)

    @cached_property
    def _word_columns(self) -> tuple[float, ...] | None:
        """Each column's widest word: its width with every cell free to wrap but a short
        one of a single word, which `set_cells` keeps whole."""
        if not self._bounded:
            return None
        return self._columns(lambda text: len(text) <= SHORT_CELL_CHARS and " " not in text)

    def _columns(self, whole: Callable[[str], bool]) -> tuple[float, ...]:
        estimate = self.estimate
        assert estimate is not None
        widths: list[float] = []
        for row in self._cells:
            if len(row) > len(widths):
                widths.extend([0.0] * (len(row) - len(widths)))
            for column, text in enumerate(row):
                pieces = [text] if whole(text) else _unbroken(text)
                width = max((estimate(p) for p in pieces), default=0.0)
                if width > widths[column]:
                    widths[column] = width
        return tuple(widths)

    def fit(self, column_width: float) -> Fit:
        return self.fit_so_far(column_width)[0]

    def fit_so_far(self, column_width: float) -> tuple[Fit, bool]:
        """How the table is set in the column, and whether that is final: when `measure`
        raises Unmeasured, it is set as its estimated widths suggest (at least the first
        size whose width is not known yet), until it is measured."""
        if self.width_bound(column_width) is not None:
            return Fit.NORMAL, True
        sizes: tuple[tuple[Fit, Callable[[], float]], ...] = (
            (Fit.NORMAL, lambda: self.normal_width),
            (Fit.COMPACT, lambda: self.compact_width),
            (Fit.NARROW, lambda: self.narrow_width),
        )
        for fit, width in sizes:
            try:
                if width() <= column_width:
                    return fit, True
            except Unmeasured:
                return max(fit, self.guess(column_width), key=_SIZES.index), False
        return Fit.PREVIEW, True


def split_tables(body: str) -> list[tuple[int, int]]:
    """The spans of the outermost tables of sanitized HTML (nested ones stay inside theirs)."""
    spans, depth, start = [], 0, 0
    for match in _TABLE_TAG.finditer(body):
        if match.group(1):
            depth -= 1
            if depth == 0:
                spans.append((start, match.end()))
            depth = max(depth, 0)
        else:
            if depth == 0:
                start = match.start()
            depth += 1
    return spans


# A page is set again with the same tables (its tables measured, the pane resized), and the
# worker sets each table as the page does: 40 tables cost 18 ms of each setting.
@lru_cache(maxsize=256)
def set_cells(table: str, *, compact: bool = False, whole_cells: bool = True) -> str:
    """The table with short cells kept on one line and numbers never split at a space;
    `compact`, in the smaller face with tight cells; without `whole_cells`, only cells of
    one word or number are kept on one line.

    The stylesheet's classes set them: an inline style would drop the stylesheet's borders."""

    cells = list(_CELL.finditer(table))  # read once: the cells are set from these matches
    texts = [_cell_text(match.group(3)) for match in cells]
    # Not beside an image: it narrows to the room the text's unwrapped cells leave it, and
    # with text free to wrap Qt squeezes the text instead, a letter per line.
    prose = not _IMAGE.search(table) and any(
        len(text) > SHORT_CELL_CHARS and " " in text for text in texts
    )
    limit = LABEL_CHARS if prose else SHORT_CELL_CHARS

    def cell(match: re.Match[str], text: str) -> str:
        tag, attributes, content = match.groups()
        one_word = " " not in text  # its white space is single spaces
        short = len(text) <= SHORT_CELL_CHARS and (one_word or len(text) <= limit)
        whole = short and (whole_cells or one_word)
        classes = ["whole"] if whole else []
        if tag.lower() == "td" and _FIGURE.fullmatch(text):
            classes.append("figure")  # set right, so that the digits of a column line up
        if compact:
            classes.append("compact")
        style = f' class="{" ".join(classes)}"' if classes else ""
        # Only text between tags: attribute values and tags keep their spaces. Most cells
        # have no such space at all, which one search over the cell tells.
        if _NUMBER_SPACE.search(content):
            content = _TEXT_RUN.sub(_bind_numbers, f">{content}<")[1:-1]
        return f"<{tag}{attributes}{style}>{content}</{tag}>"

    parts: list[str] = []
    last = 0
    for match, text in zip(cells, texts, strict=True):
        parts += (table[last : match.start()], cell(match, text))
        last = match.end()
    parts.append(table[last:])
    return "".join(parts)


def _cell_text(content: str) -> str:
    return " ".join(html.unescape(_TAGS.sub("", content)).split())


def _unbroken(text: str) -> list[str]:
    """The pieces a cell's text may break between: its words, a figure's spaces bound, and
    its runs of Han or kana in threes (see `_CJK_PIECE`)."""
    return _CJK_PIECE.sub(r"\g<0> ", _NUMBER_SPACE.sub("\u00a0", text)).split(" ")


def _bind_numbers(match: re.Match[str]) -> str:
    return _NUMBER_SPACE.sub("\u00a0", match.group(0))


def measurer(font: QFont, stylesheet: str) -> Measure:
    """The narrowest width at which Qt lays out a piece of HTML without breaking a word."""

    def measure(piece: str) -> float:
        document = QTextDocument()
        document.setDocumentMargin(0)
        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)
        document.setDefaultFont(font)
        document.setDefaultStyleSheet(stylesheet)
        document.setHtml(piece)
        document.setTextWidth(1)
        return document.size().width()

    return measure


# Text set with no shaping between its characters (Latin, general punctuation, CJK, kana,
# hangul, full-width forms): its width is the sum of its characters' advances, known once per
# character. Shaping a whole cell's text took most of the time a large table's estimate took
# (a manual's table of thousands of cells: 0.3 s of the UI thread); the sum differs from the
# shaped width by -2% to +9% on 36,000 cells of real tables, well inside BOUND_MARGIN.
_UNSHAPED = re.compile(
    r"[\u0000-\u02ff\u2000-\u206f\u2190-\u22ff"
    + scripts.char_class(
        scripts.CJK_SYMBOLS_PUNCTUATION,
        scripts.HIRAGANA,
        scripts.KATAKANA,
        scripts.HAN_EXTENSION_A,
        scripts.HAN_UNIFIED,
        scripts.HANGUL_SYLLABLES,
        scripts.FULLWIDTH_ASCII,
        scripts.HALFWIDTH_KATAKANA,
        scripts.FULLWIDTH_SIGNS,
    )
    + "]*"
)


def estimator(font: QFont) -> Estimate:
    """A line's width in the widest face a cell set in `font` may use: bold, or code (set
    smaller than the body: its full size only makes the estimate larger)."""
    bold = QFont(font)
    bold.setBold(True)
    code = QFont(bold)
    code.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
    code.setStyleHint(QFont.StyleHint.Monospace)
    faces = (QFontMetricsF(bold), QFontMetricsF(code))
    widths: dict[str, float] = {}  # a manual's tables repeat their words
    advances: tuple[dict[str, float], dict[str, float]] = ({}, {})

    def summed(text: str) -> float:
        for character in set(text).difference(advances[0]):
            for face, known in zip(faces, advances, strict=True):
                known[character] = face.horizontalAdvance(character)
        return max(sum(map(known.__getitem__, text)) for known in advances)

    def estimate(text: str) -> float:
        width = widths.get(text)
        if width is None:
            if len(widths) >= KEPT_ESTIMATES:
                widths.clear()
            if _UNSHAPED.fullmatch(text):
                width = summed(text)
            else:
                width = max(face.horizontalAdvance(text) for face in faces)
            widths[text] = width
        return width

    return estimate


def read_tables(body: str, measure: Measure, estimate: Estimate | None = None) -> list[Table]:
    """Every outermost table of `body`, measured with `measure` as its widths are needed;
    with `estimate`, a table that plainly fits is not measured at all."""
    tables = []
    for start, end in split_tables(body):
        piece = body[start:end]
        rows = len(_ROW.findall(piece))
        first_row = piece[: m.start()] if (m := re.search(r"</tr>", piece, re.I)) else piece
        headings = tuple(_cell_text(c.group(3)) for c in _CELL.finditer(first_row))
        tables.append(Table(piece, rows, len(headings), headings, measure, estimate))
    return tables


def fitted_body(
    body: str,
    tables: list[Table],
    table_fits: Sequence[Fit],
    preview: Callable[[int, Table], str],
) -> str:
    """`body` with each table set as `table_fits` says; `preview` gives the HTML shown
    instead of a table too wide even in the smaller face."""
    spans = split_tables(body)
    parts, last = [], 0
    for index, ((start, end), table, fit) in enumerate(zip(spans, tables, table_fits, strict=True)):
        parts.append(body[last:start])
        if fit is Fit.NORMAL:
            parts.append(set_cells(table.html))
        elif fit is not Fit.PREVIEW:
            parts.append(set_cells(table.html, compact=True, whole_cells=fit is Fit.COMPACT))
        else:
            parts.append(preview(index, table))
        last = end
    parts.append(body[last:])
    return "".join(parts)
