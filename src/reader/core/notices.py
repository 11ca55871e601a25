"""Something told to the user (why an import failed, a search's warning): a kind and values."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """One thing told, e.g. kind "file_too_large" with size "12.5" and limit "10". Front ends
    translate it by kind (the window); the CLI, and the window for a kind it does not know,
    show `text`."""

    kind: str
    values: tuple[tuple[str, str], ...]
    text: str  # the English sentence

    @property
    def params(self) -> dict[str, str]:
        return dict(self.values)


def notice_from(
    english: Mapping[str, str], kind: str, values: Mapping[str, object], what: str
) -> Notice:
    """The `what` (e.g. "import failure") of `kind` in a table of English templates. An
    unknown kind, or values that do not fill its template, is a bug (ValueError): a new kind
    needs a line in its table and one in the window's translations (a test checks both)."""
    if kind not in english:
        raise ValueError(f"unknown {what} {kind!r}")
    if set(values) != fields(english[kind]):
        raise ValueError(f"{what} {kind!r} takes {sorted(fields(english[kind]))}")
    pairs = tuple((name, str(value)) for name, value in values.items())
    return Notice(kind, pairs, english[kind].format(**dict(pairs)))


def fields(template: str) -> set[str]:
    """The names a template fills in, e.g. {"size", "limit"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
