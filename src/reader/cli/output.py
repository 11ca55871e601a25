"""Printing for the command line: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
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
    widths = [
        max(display_width(h), *(display_width(r[i]) for r in rows)) for i, h in enumerate(headers)
    ]
    widths[-1] = min(widths[-1], last_max)
    print("  ".join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip())


def one_line(text: str) -> str:
    return " ".join(str(text).split())
