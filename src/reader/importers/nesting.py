"""Nesting capped in raw markup, before a parser builds a tree of it: the text stays."""

from __future__ import annotations

import re

# Raw text (its "<" are not tags), comments and declarations, or a tag.
_TOKEN = re.compile(
    r"<(script|style|textarea|title|xmp|plaintext)\b[^>]*>.*?</\1\s*>"
    r"|<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][^\s/>]*)([^>]*)>",
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset(
    {
        *("area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input"),
        *("isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"),
    }
)
# Elements whose end tag may be left out: a new one closes the open one when it is near the
# top (`<td><p>a<td>`), so a table or list written without end tags does not count as deep.
_OPTIONAL_END = frozenset(
    {
        *("p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp"),
        *("thead", "tbody", "tfoot", "colgroup", "caption"),
    }
)
_NEAR_TOP = 4

# How deep a page's elements may nest when it is parsed: real pages stay far below (their
# deepest article markup is a few dozen levels), and libxml2 reads up to 255.
MAX_SOURCE_DEPTH = 128


def cap_nesting(markup: str, cap: int, *, implied_ends: bool = True) -> str:
    """`markup` without the start and end tags of elements nested deeper than `cap`; their
    content stays, one level up. Without `implied_ends`, an element left open counts as open
    however the parser would close it.

    Parsers and sanitizers do work for each element in proportion to its depth (scope checks
    walk the open elements), and libxml2 stops reading a page deeper than 255 levels, losing
    everything after that point. No article needs such depth; hostile pages have it. The
    depth is judged on the tags alone, as a parser would nest them on well-formed markup.
    """
    # Every start tag opens with "<": markup with no more of them than `cap` cannot nest
    # deeper, and is not read (most extracted articles, sanitized after extraction).
    if markup.count("<") <= cap:
        return markup
    out: list[str] = []
    position = 0
    opened: list[str] = []  # the open elements kept, at most `cap`
    dropped: dict[str, int] = {}  # start tags dropped, by name, not yet closed
    limit = cap if implied_ends else -cap
    for match in _TOKEN.finditer(markup):
        closing, name, rest = match.group(2, 3, 4)
        if name is None or rest.endswith("/") or (name := name.lower()) in _VOID:
            continue  # raw text, a comment, a void element: no depth of its own
        # Most tags close the innermost element or open one below the cap with no end tag to
        # imply: kept at once (as `_close` and `_open` would keep them), the page costs less.
        if closing:
            if not dropped and opened and opened[-1] == name:
                opened.pop()
                continue
            keep = _close(name, opened, dropped)
        elif name not in _OPTIONAL_END and len(opened) < cap:
            opened.append(name)
            continue
        else:
            keep = _open(name, opened, dropped, limit)
        if not keep:
            out.append(markup[position : match.start()])
            position = match.end()
    out.append(markup[position:])
    return "".join(out)


def _open(name: str, opened: list[str], dropped: dict[str, int], cap: int) -> bool:
    """Whether the start tag of `name` is kept; a negative `cap` counts omitted end tags."""
    if cap >= 0 and name in _OPTIONAL_END and name in opened[-_NEAR_TOP:] and not dropped:
        del opened[len(opened) - 1 - opened[::-1].index(name) :]
    if len(opened) < abs(cap):
        opened.append(name)
        return True
    dropped[name] = dropped.get(name, 0) + 1
    return False


def _close(name: str, opened: list[str], dropped: dict[str, int]) -> bool:
    if dropped.get(name):
        dropped[name] -= 1  # the innermost open element of that name is a dropped one
        return False
    if name in opened:
        # Closing a kept element closes everything inside it, dropped ones too.
        del opened[len(opened) - 1 - opened[::-1].index(name) :]
        dropped.clear()
    return True
