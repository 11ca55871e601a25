"""Snippets: a short passage around the best match, with matched words marked as spans.

Matching runs on the original text with patterns that accept every character folding to
each query character (`_literal`), so the spans found are spans of the original text and
the same folding and stemming as the index apply: 俄羅斯 marks 俄罗斯, "runners" marks
"running". Overlapping or touching spans are merged, so bigram matches show as one word:
[俄罗斯], never [俄罗]斯.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.search import tables
from reader.search.analysis import (
    CJK_CLASS,
    Atom,
    atoms,
    fold_chars,
    fold_table,
    join_cjk,
    stem,
)
from reader.search.documents import Snippet

SNIPPET_CHARS = 120
# How much text to show before the first marked word of the passage.
LEAD_CHARS = 24
# Enough matches to pick a good passage; a word found 10,000 times needs no more.
MAX_MATCHES_PER_UNIT = 200
# Text is searched in chunks until every query word is found, and never further than this:
# a match only in the title of a book-length article then shows the start of the body.
FIRST_CHUNK_CHARS = 2048
MAX_CHUNK_CHARS = 16384
CHUNK_OVERLAP = 256
MAX_SCAN_CHARS = 200_000

_WORD_CHAR = f"[^\\W_{CJK_CLASS}]"
# Not after a word character, checked after the word's first character: `x(?<!\w(?s:.))` is
# `(?<!\w)x`, but a pattern that starts with a character class is searched for that class
# in C, where one starting with a look-behind ran the look-behind at every position (most
# of a query's time went into the snippets of English words).
_AFTER_FIRST = f"(?<!{_WORD_CHAR}(?s:.))"
_AFTER = f"(?!{_WORD_CHAR})"
_GAP = "(?:[^\\w]|_)*?"
_SPACES = str.maketrans("\n\t\r\v\f", "     ")

Span = tuple[int, int]

_LAST_BMP = "\uffff"
_WIDE = re.compile("[\U00010000-\U0010ffff]")
_NEVER = "(?!)"


@dataclass(frozen=True)
class _Unit:
    """One highlighted word or phrase: its pattern, and the stem a lone word must have.

    `narrow` is the pattern without the characters outside the BMP that fold to a query
    character (𝐬 for s): the same matches in text without such characters (nearly all),
    found over ten times faster, as re tests a class's characters outside the BMP one by one
    against every character of the text.
    """

    pattern: re.Pattern[str]
    narrow: re.Pattern[str]
    stem: str | None


class Highlighter:
    """Finds and marks the words of one query in any number of texts."""

    def __init__(self, highlights: Sequence[str]) -> None:
        self._units = [unit for text in highlights if (unit := _unit(text)) is not None]

    def spans(self, text: str, *, complete: bool = False) -> list[tuple[int, int, int]]:
        """(start, end, unit number) of matches in `text`, in order of start.

        Unless `complete`, the text is read in chunks only until every word of the query has
        been found: a passage needs no more, and a novel-length article then costs no more
        than a short one.
        """
        if not self._units or not text:
            return []
        found: list[tuple[int, int, int]] = []
        seen: set[int] = set()
        counts = [0] * len(self._units)
        limit = len(text) if complete else min(len(text), MAX_SCAN_CHARS)
        cap = len(text) if complete else MAX_MATCHES_PER_UNIT
        start = 0
        chunk = FIRST_CHUNK_CHARS
        narrow_text = text.isascii()
        while start < limit and (complete or len(seen) < len(self._units)):
            end = min(limit, start + chunk)
            chunk = min(chunk * 2, MAX_CHUNK_CHARS)
            # The overlap after the chunk lets a match run past its end; look-behinds see the
            # text before `start` (finditer's pos is not a slice).
            stop = min(len(text), end + CHUNK_OVERLAP)
            # Variant classes only tell characters of [start, stop) apart (look-behinds test
            # word characters, the same in both patterns).
            wide = not narrow_text and _WIDE.search(text, start, stop) is not None
            for number, unit in enumerate(self._units):
                pattern = unit.pattern if wide else unit.narrow
                for match in pattern.finditer(text, start, stop):
                    begin = match.start()
                    if begin >= end or counts[number] >= cap:
                        break
                    if unit.stem is not None and stem(fold_chars(match.group())) != unit.stem:
                        continue
                    found.append((begin, match.end(), number))
                    counts[number] += 1
                    seen.add(number)
            start = end
        found.sort()
        return found

    def snippet(self, body: str, width: int = SNIPPET_CHARS) -> tuple[str, tuple[Span, ...]]:
        """A passage of about `width` characters around the best match, and its marked spans.

        With no match in `body` (the hit was in the title or notes) it is the start of body.
        """
        matches = self.spans(body)
        start = _best_start(body, matches, width) if matches else 0
        end = min(len(body), start + width)
        if end < len(body):
            end = _word_end(body, end)
        inside = merge_spans([(s, e) for s, e, _ in matches if s >= start and e <= end])
        text = body[start:end].translate(_SPACES)
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(body) else ""
        shift = len(prefix) - start
        spans = tuple((s + shift, e + shift) for s, e in inside)
        return prefix + text + suffix, spans


def make_snippets(
    ids: Iterable[int],
    terms: Sequence[str],
    text_of: Callable[[int], tuple[str, str] | None],
) -> dict[int, Snippet]:
    """Snippets of these articles marking `terms`, by id; articles `text_of` does not know
    are left out."""
    highlighter = Highlighter(terms)
    made: dict[int, Snippet] = {}
    for doc_id in ids:
        texts = text_of(doc_id)
        if texts is not None:
            made[doc_id] = Snippet(*highlighter.snippet(texts[1]))
    return made


def highlight_spans(text: str, terms: Sequence[str]) -> list[Span]:
    """Every place in `text` that `terms` (SearchResult.terms) match, merged: for marking
    search words in the reading pane with the same folding and stemming as the index."""
    return merge_spans([(s, e) for s, e, _ in Highlighter(terms).spans(text, complete=True)])


def _unit(text: str) -> _Unit | None:
    parts = atoms(join_cjk(text))
    if not parts:
        return None
    pattern, narrow = (_GAP.join(_atom_pattern(a, bmp) for a in parts) for bmp in (False, True))
    lone_stem = None
    if len(parts) == 1 and not parts[0].cjk and parts[0].text.isascii():
        lone_stem = stem(parts[0].text)
    return _Unit(re.compile(pattern), re.compile(narrow), lone_stem)


def _atom_pattern(atom: Atom, bmp: bool) -> str:
    """The pattern of one atom; only its characters in the BMP when `bmp` (see _Unit)."""
    if atom.cjk:
        return _literal(atom.text, bmp)
    if not atom.text.isascii():
        return _word_start_literal(atom.text, bmp) + _AFTER
    # Any word sharing the stem's first letters; `Highlighter.spans` then keeps those with
    # the same stem. Only the first letters, because stemming rewrites endings
    # (happy → happi, dying → die).
    stemmed = stem(atom.text)
    head = stemmed[:1] if len(stemmed) <= 3 else stemmed[:2]
    return _word_start_literal(head, bmp) + _WORD_CHAR + "*" + _AFTER


def _word_start_literal(folded: str, bmp: bool) -> str:
    """`_literal(folded)` where a word starts (see _AFTER_FIRST)."""
    return _literal(folded[:1], bmp) + _AFTER_FIRST + _literal(folded[1:], bmp)


def _literal(folded: str, bmp: bool = False) -> str:
    """A pattern matching every text that folds to `folded`, character by character; only
    text of characters in the BMP when `bmp`.

    Matching the text as it is, rather than folding it first: folding every character of
    each passage searched (`str.translate` through a 9,000-entry table) was a quarter of a
    query's time, snippets included.
    """
    variants = _variants()
    parts = []
    for char in folded:
        forms = variants.get(char) or char
        if bmp:
            forms = "".join(form for form in forms if form <= _LAST_BMP)
        parts.append(_one_of(forms))
    return "".join(parts)


def _one_of(forms: str) -> str:
    if not forms:
        return _NEVER
    return re.escape(forms) if len(forms) == 1 else "[" + re.escape(forms) + "]"


@functools.cache
def _variants() -> dict[str, str]:
    """Folded character → itself and every character that folds to it (國 and 国)."""
    return {chr(code): forms for code, forms in tables.load("variants", _make_variants).items()}


def _make_variants() -> dict[int, str]:
    forms: dict[str, set[str]] = {}
    for code, folded in fold_table().items():
        forms.setdefault(folded, {folded}).add(chr(code))
    return {ord(folded): "".join(sorted(chars)) for folded, chars in forms.items()}


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _best_start(body: str, matches: list[tuple[int, int, int]], width: int) -> int:
    """Start of the passage showing the most different query words, closest together."""
    best_key = (-1, 0, 0)
    best_start = 0
    for i, (first, _, _) in enumerate(matches[:64]):
        limit = first + width - LEAD_CHARS
        units: set[int] = set()
        spread = count = 0
        for start, end, unit in matches[i:]:
            if end > limit:
                break
            if unit not in units:
                units.add(unit)
                spread = start - first
            count += 1
        key = (len(units), -spread, count)
        if key > best_key:
            best_key, best_start = key, first
    return _word_start(body, max(0, best_start - LEAD_CHARS), best_start)


def _word_start(body: str, start: int, match: int) -> int:
    """Move `start` forward to the beginning of a word or sentence, never past `match`."""
    if start == 0:
        return 0
    for i in range(start, match):
        if body[i - 1] in " \n\t。！？；，、.!?;,:：" or _is_cjk(body[i]):
            return i
    return match


def _word_end(body: str, end: int) -> int:
    """Move `end` back so a Latin word is not cut in half (up to 15 characters)."""
    for i in range(end, max(end - 15, 0), -1):
        if not body[i - 1].isalnum() or not body[i].isalnum() or _is_cjk(body[i]):
            return i
    return end


_CJK_CHAR = re.compile(f"[{CJK_CLASS}]")


def _is_cjk(char: str) -> bool:
    return _CJK_CHAR.match(char) is not None
