"""Metadata the user corrects by hand: which fields, how each is checked, and what was edited."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from reader.errors import InvalidEdit

# The fields a user may correct, in the order the front ends show them.
EDITABLE = ("title", "author", "published", "site", "section", "url")
# Which may be left empty (cleared); a title never.
CLEARABLE = frozenset(EDITABLE) - {"title"}

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
MAX_FIELD_CHARS = 2000


@dataclass(frozen=True)
class MetadataEdit:
    """Checked new values of some fields; None clears a field (never the title)."""

    values: Mapping[str, str | date | None]

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(self.values)


def parse_date(text: str) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD. A year or month stands for its first day: the library
    keeps whole dates, so a partial one is stored as the day it starts."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise InvalidEdit(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidEdit(f"date {text!r} is not a real day") from None


def check_url(text: str) -> str:
    """An http or https address with a host: what a saved article's source can be."""
    url = text.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        raise InvalidEdit(f"URL {text!r} is not an http or https address")
    if any(c.isspace() for c in url):
        raise InvalidEdit(f"URL {text!r} contains spaces")
    return url


def make_edit(raw: Mapping[str, str | None]) -> MetadataEdit:
    """Check the values a user typed (an empty value or None clears the field)."""
    values: dict[str, str | date | None] = {}
    for name, value in raw.items():
        if name not in EDITABLE:
            raise InvalidEdit(f"{name!r} is not a field that can be edited")
        text = " ".join((value or "").split()) if name != "url" else (value or "").strip()
        if len(text) > MAX_FIELD_CHARS:
            raise InvalidEdit(f"the {_shown(name)} is longer than {MAX_FIELD_CHARS} characters")
        if not text:
            if name not in CLEARABLE:
                raise InvalidEdit(f"the {_shown(name)} cannot be empty")
            values[name] = None
        elif name == "published":
            values[name] = parse_date(text)
        elif name == "url":
            values[name] = check_url(text)
        else:
            values[name] = text
    return MetadataEdit(values)


def _shown(name: str) -> str:
    return "date" if name == "published" else name


def edited_names(stored: str | None) -> frozenset[str]:
    """The set of edited fields kept in the articles table (space-separated names)."""
    return frozenset(n for n in (stored or "").split() if n in EDITABLE)


def stored_names(names: Iterable[str]) -> str | None:
    kept = sorted(set(names) & set(EDITABLE))
    return " ".join(kept) if kept else None


@dataclass(frozen=True)
class Snapshot:
    """An article's editable fields as stored (text, None when empty) and which of them the
    user edited: what the Edit Details dialog starts from and what an undo puts back."""

    values: Mapping[str, str | None]
    edited: frozenset[str]

    def as_edit(self) -> MetadataEdit:
        """These values as an edit, unchecked: what was stored goes back as it was."""
        values: dict[str, str | date | None] = dict(self.values)
        if values.get("published"):
            values["published"] = date.fromisoformat(str(values["published"]))
        return MetadataEdit(values)

    def to_json(self) -> dict[str, object]:
        return {**self.values, "edited": sorted(self.edited)}
