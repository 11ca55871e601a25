"""Printing for the command line: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Sequence

# What a terminal may act on rather than show: C0 and C1 controls (ESC starts colour and
# cursor sequences, CSI is one byte in C1), DEL, bidi overrides, embeddings and isolates
# (they reorder what follows), line and paragraph separators, and lone surrogates (bytes of
# a file name that did not decode; they cannot even be written as UTF-8).
_UNSAFE_ABOVE_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f{_UNSAFE_ABOVE_C0}]")
# json itself escapes C0 controls inside strings; the newlines left are its own indentation.
_UNSAFE_IN_JSON = re.compile(f"[{_UNSAFE_ABOVE_C0}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object, *, keep_lines: bool = False) -> str:
    """Text safe to print: every character a terminal would act on is shown as an escape.

    Use it for anything that came from outside (paths, titles, tags, notes): a file named
    "\\x1b[31mred\\n.txt" prints as that, not as red text over two lines. `keep_lines`
    leaves line breaks alone, for an article's body.
    """
    if keep_lines:
        return "\n".join(_UNSAFE.sub(_escape, line) for line in str(text).split("\n"))
    return _UNSAFE.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def print_json(data: object) -> None:
    """JSON for scripts: valid, and with nothing in it that a terminal would act on.

    json escapes only C0 controls when it keeps non-ASCII text; the rest of `_UNSAFE` is
    escaped here as \\uXXXX, which any JSON parser reads back as the same character.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, width: int) -> str:
    """Cut or pad to exactly `width` terminal columns."""
    out: list[str] = []
    used = 0
    for char in text:
        w = display_width(char)
        if used + w > width:
            if out and width > 1:
                while used > width - 1:
                    used -= display_width(out.pop())
                out.append("…")
                used += 1
            break
        out.append(char)
        used += w
    return "".join(out) + " " * (width - used)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], last_max: int = 60) -> None:
    """Columns sized to their content; the last column is cut to `last_max` columns."""
    if not rows:
        return
    rows = [[printable(cell) for cell in row] for row in rows]
    widths = [
        max(display_width(h), *(display_width(r[i]) for r in rows)) for i, h in enumerate(headers)
    ]
    widths[-1] = min(widths[-1], last_max)
    print("  ".join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip())


def one_line(text: object) -> str:
    """A title, note or quote on one line, printable (see `printable`)."""
    return printable(" ".join(str(text).split()))
