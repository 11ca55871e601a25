"""Aligns the reading pane's document text with an article's text, to place highlights (no Qt)."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.annotation import Utf16Offsets

# Characters compared at once when finding where the two texts agree again after a difference:
# long enough not to agree by chance in a paragraph, short enough to fit between differences.
RESYNC_CHARS = 8
# How far ahead a difference is looked past (a heading's brackets, an image, a caption).
RESYNC_WINDOW = 4000
# Places to agree again that cost at most this many more skipped characters than the cheapest
# are weighed too, and how many occurrences of one stretch are tried.
RESYNC_SLACK = 8
RESYNC_REPEATS = 4
# Longest differing stretches compared character by character (quadratic, hence the limit).
REFINE_LIMIT = 600
# Up to this many character pairs, an exact longest common subsequence is affordable.
EXACT_LIMIT = 40_000


@dataclass(frozen=True)
class TextMap:
    """Matched characters of the article text and of the pane's document, in order.

    Both sides are compared without white space: the pane joins paragraphs with one line
    break where the text has a blank line, adds a title and byline, and draws images as
    object characters; the text keeps markers (such as 【】 around headings) the HTML lacks.
    Offsets into the text are code points; offsets into the document are UTF-16 units, as
    QTextCursor counts them.
    """

    text_points: list[int] = field(default_factory=list)
    doc_points: list[int] = field(default_factory=list)
    doc_units: Utf16Offsets = field(default_factory=lambda: Utf16Offsets(""))

    @classmethod
    def build(
        cls,
        text: str,
        document: str,
        body_start: int = 0,
        hidden: Sequence[tuple[int, int]] = (),
    ) -> TextMap:
        """Align text with document; body_start (UTF-16) skips the pane's own header, and
        `hidden` (UTF-16 ranges) what the pane draws that is not text (ruby readings)."""
        units = Utf16Offsets(document)
        start = units.to_codepoint(min(max(0, body_start), units.utf16_length))
        a_at, a_chars = _significant(text, 0)
        b_at, b_chars = _significant(document, start, _codepoint_ranges(units, hidden))
        pairs = align(a_chars, b_chars)
        return cls([a_at[i] for i, _ in pairs], [b_at[j] for _, j in pairs], units)

    def to_document(self, start: int, end: int) -> tuple[int, int] | None:
        """text[start:end] (code points) as a document range (UTF-16), or None if not shown."""
        span = _covered(self.text_points, self.doc_points, start, end)
        if span is None:
            return None
        return self.doc_units.to_utf16(span[0]), self.doc_units.to_utf16(span[1])

    def to_text(self, start: int, end: int) -> tuple[int, int] | None:
        """A document range (UTF-16) as text offsets (code points), or None if none match."""
        length = self.doc_units.utf16_length
        start, end = min(max(0, start), length), min(max(0, end), length)
        cp_start, cp_end = self.doc_units.to_codepoint(start), self.doc_units.to_codepoint(end)
        if end > start and cp_end == cp_start:
            cp_end += 1  # a range inside one surrogate pair still means that character
        return _covered(self.doc_points, self.text_points, cp_start, cp_end)


def _significant(
    text: str, start: int, hidden: Sequence[tuple[int, int]] = ()
) -> tuple[list[int], str]:
    """Offsets and characters of text[start:] without white space and the hidden ranges
    (sorted and disjoint)."""
    at = [i for i in range(start, len(text)) if not text[i].isspace()]
    if hidden:
        starts = [first for first, _ in hidden]

        def shown(i: int) -> bool:
            k = bisect.bisect_right(starts, i) - 1
            return k < 0 or i >= hidden[k][1]

        at = [i for i in at if shown(i)]
    return at, "".join(text[i] for i in at)


def _codepoint_ranges(
    units: Utf16Offsets, ranges: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    length = units.utf16_length
    converted = [
        (units.to_codepoint(min(max(0, a), length)), units.to_codepoint(min(max(0, b), length)))
        for a, b in ranges
    ]
    return sorted((a, b) for a, b in converted if b > a)


def _covered(source: list[int], target: list[int], start: int, end: int) -> tuple[int, int] | None:
    """The target range spanned by the matched source characters in [start, end)."""
    first = bisect.bisect_left(source, start)
    last = bisect.bisect_left(source, end) - 1
    if first > last:
        return None
    return target[first], target[last] + 1


def align(a: str, b: str) -> list[tuple[int, int]]:
    """Pairs (i, j) with a[i] == b[j], increasing in both, skipping what only one side has.

    Walks both strings together; at a difference, finds the nearest place where the next
    RESYNC_CHARS characters agree again (fewest characters skipped on both sides), then
    matches what it can inside the two skipped stretches (a heading without its brackets).
    Linear when the strings mostly agree, which a document made from the same article does.
    """
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
            continue
        i2, j2 = _resync(a, b, i, j) or (len(a), len(b))
        pairs += _refine(a, b, i, i2, j, j2)
        i, j = i2, j2
    return pairs


def _resync(a: str, b: str, i: int, j: int) -> tuple[int, int] | None:
    """Where a and b agree again after a difference at (i, j).

    Among the places that skip the fewest characters (within RESYNC_SLACK of the fewest),
    the one whose skipped stretches still share the most characters wins: in repetitive text
    ("【a】 aaaa" against "a aaaa") the cheapest place can pair a heading with the paragraph.
    """
    candidates: list[tuple[int, int, int]] = []
    best_cost = RESYNC_WINDOW * 2
    for skip_a in range(min(RESYNC_WINDOW, len(a) - i - RESYNC_CHARS + 1)):
        if skip_a >= best_cost + RESYNC_SLACK:
            break
        key = a[i + skip_a : i + skip_a + RESYNC_CHARS]
        start = j
        for _ in range(RESYNC_REPEATS):
            found = b.find(key, start, j + best_cost + RESYNC_SLACK - skip_a + RESYNC_CHARS)
            if found < 0:
                break
            cost = skip_a + found - j
            candidates.append((cost, i + skip_a, found))
            best_cost = min(best_cost, cost)
            start = found + 1
    near = [c for c in candidates if c[0] <= best_cost + RESYNC_SLACK]
    if not near:
        return None
    _, i2, j2 = max(near, key=lambda c: (2 * len(_refine(a, b, i, c[1], j, c[2])) - c[0], -c[0]))
    return i2, j2


def _refine(a: str, b: str, i: int, i2: int, j: int, j2: int) -> list[tuple[int, int]]:
    """Matches inside two short stretches that differ (a full diff, so kept to short ones)."""
    if not (0 < i2 - i <= REFINE_LIMIT and 0 < j2 - j <= REFINE_LIMIT):
        return []
    if (i2 - i) * (j2 - j) <= EXACT_LIMIT:
        return [(i + x, j + y) for x, y in _longest_common(a[i:i2], b[j:j2])]
    matcher = difflib.SequenceMatcher(None, a[i:i2], b[j:j2], autojunk=False)
    return [
        (i + x + k, j + y + k) for x, y, size in matcher.get_matching_blocks() for k in range(size)
    ]


def _longest_common(a: str, b: str) -> list[tuple[int, int]]:
    """A longest common subsequence, as pairs; difflib's blocks can miss short repeats."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for x in range(len(a) - 1, -1, -1):
        for y in range(len(b) - 1, -1, -1):
            table[x][y] = (
                table[x + 1][y + 1] + 1 if a[x] == b[y] else max(table[x + 1][y], table[x][y + 1])
            )
    pairs, x, y = [], 0, 0
    while x < len(a) and y < len(b):
        if a[x] == b[y] and table[x][y] == table[x + 1][y + 1] + 1:
            pairs.append((x, y))
            x, y = x + 1, y + 1
        elif table[x + 1][y] >= table[x][y + 1]:
            x += 1
        else:
            y += 1
    return pairs
