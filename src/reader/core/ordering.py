"""How lists order titles: natural (numbers by value), without case, CJK kept whole."""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterable

_NUMBER = re.compile(r"(\d+)")
# Opening quotes and brackets a title may start with (《三体》, “Quoted”, [Draft]): a reader
# looks for the title under its first word, not under the bracket.
_LEADING_MARKS = "\"'“”‘’«»‹›《》〈〉「」『』【】〔〕（）()[]{}<>-–—·・ \u3000"

# Characters that mark a key's pieces; below any character a title's text holds once cleaned.
_END, _NUMBER_MARK, _TEXT_MARK = "\x00", "\x01", "\x02"
_MARKS = re.compile("[\x00-\x02]")
# Titles sorted by one built-in call. A sort runs in C and holds the interpreter lock until it
# returns: 100,000 titles at once held it for 230 ms, a stall of the window when a worker
# sorted. Sorted a few thousand at a time and merged in Python, the lock changes hands.
SORT_CHUNK = 4096
_ID_DIGITS = 20  # an SQLite rowid is at most 19 digits


def natural_key(title: str) -> str:
    """A sort key: "2.1" before "10.3", "Apple" beside "apple", 第２章 (full-width) before 第10章.

    Text compares case-folded after NFKC (full-width letters and digits become ordinary
    ones) and without accents; runs of digits compare by value, before letters. Han,
    kana and hangul compare by code point, which groups titles sharing their first characters.

    The key is one string, compared as strings are (tuples of pieces, compared piece by
    piece, made ordering 100,000 titles twice as slow): each run of digits is its length,
    its value and its digits as written (007 before 7), each run of text is itself; a mark
    before each piece puts numbers before text, and the key's end (then the title itself,
    which breaks ties) before both.
    """
    text = unicodedata.normalize("NFKC", title).casefold().lstrip(_LEADING_MARKS)
    # Accents compare as their letters (Ápple beside apple); the original breaks ties.
    bare = text if text.isascii() else _without_accents(text)
    pieces: list[str] = []
    for n, part in enumerate(_NUMBER.split(_MARKS.sub(" ", bare))):
        if n % 2:  # a run of digits (re.split puts captured groups at odd positions)
            value = part.lstrip("0") or "0"
            pieces.append(f"{_NUMBER_MARK}{len(value):06d}{value}{_NUMBER_MARK}{part}")
        elif part:
            pieces.append(_TEXT_MARK + part)
    pieces.append(_END + title)  # ends first ("2" before "2.1"); the original breaks ties
    return "".join(pieces)


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def natural_order(rows: Iterable[tuple[int, str]], *, descending: bool = False) -> list[int]:
    """The ids of (id, title) rows in natural title order (see natural_key), ties by id."""
    # The id, written to a fixed width after the key, breaks ties as strings compare.
    keyed = [f"{natural_key(title)}{_END}{article_id:0{_ID_DIGITS}d}" for article_id, title in rows]
    runs = [keyed[start : start + SORT_CHUNK] for start in range(0, len(keyed), SORT_CHUNK)]
    for run in runs:
        run.sort(reverse=descending)
    return [int(key[-_ID_DIGITS:]) for key in heapq.merge(*runs, reverse=descending)]
