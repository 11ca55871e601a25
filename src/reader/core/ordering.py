"""How lists order titles: natural (numbers by value), without case, CJK kept whole."""

from __future__ import annotations

import re
import unicodedata

_NUMBER = re.compile(r"(\d+)")
# Opening quotes and brackets a title may start with (《三体》, “Quoted”, [Draft]): a reader
# looks for the title under its first word, not under the bracket.
_LEADING_MARKS = "\"'“”‘’«»‹›《》〈〉「」『』【】〔〕（）()[]{}<>-–—·・ \u3000"

TitleKey = tuple[tuple[int, int, str], ...]


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
