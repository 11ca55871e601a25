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

TitleKey = tuple[tuple[int, int, str], ...]
# Titles sorted by one built-in call. A sort runs in C and holds the interpreter lock until it
# returns: 100,000 titles at once held it for 230 ms, a stall of the window when a worker
# sorted. Sorted a few thousand at a time and merged in Python, the lock changes hands.
SORT_CHUNK = 4096


def natural_key(title: str) -> TitleKey:
    """A sort key: "2.1" before "10.3", "Apple" beside "apple", 第２章 (full-width) before 第10章.

    Text compares case-folded after NFKC (full-width letters and digits become ordinary
    ones) and without accents; runs of digits compare by value, before letters. Han,
    kana and hangul compare by code point, which groups titles sharing their first characters.
    """
    text = unicodedata.normalize("NFKC", title).casefold().lstrip(_LEADING_MARKS)
    # Accents compare as their letters (Ápple beside apple); the original breaks ties.
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    key: list[tuple[int, int, str]] = []
    for n, part in enumerate(_NUMBER.split(bare)):
        if n % 2:  # a run of digits (re.split puts captured groups at odd positions)
            key.append((0, int(part), part))
        elif part:
            key.append((1, 0, part))
    key.append((-1, 0, title))  # ends first ("2" before "2.1"); the original breaks ties
    return tuple(key)


def natural_order(rows: Iterable[tuple[int, str]], *, descending: bool = False) -> list[int]:
    """The ids of (id, title) rows in natural title order (see natural_key), ties by id."""
    keyed = [((natural_key(title), article_id), article_id) for article_id, title in rows]
    runs = [keyed[start : start + SORT_CHUNK] for start in range(0, len(keyed), SORT_CHUNK)]
    for run in runs:
        run.sort(reverse=descending)
    return [article_id for _key, article_id in heapq.merge(*runs, reverse=descending)]
