"""Values read from a page's metadata: tidied text, dates, language tags, web addresses."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:\D|$)")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def clean(value: str | None) -> str | None:
    """`value` with its runs of white space made one space; None when nothing is left."""
    return " ".join(value.split()) or None if value else None


def first(*values: str | None) -> str | None:
    """The first of `values` that holds text, cleaned."""
    return next((v for v in map(clean, values) if v), None)


def parse_date(value: str) -> date | None:
    """A calendar date from ISO-like or CJK (`2024年1月8日`) text, if it is a plausible one."""
    match = _DATE.search(value) or _COMPACT_DATE.match(value.strip())
    if match is None:
        return None
    try:
        found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return found if 1900 <= found.year <= date.today().year + 1 else None


def normalize_language(tag: str) -> str | None:
    """A BCP 47 tag reduced to what we distinguish: `zh-Hans`, `zh-Hant`, `zh`, else the
    primary language (`en-GB` → `en`)."""
    tag = tag.strip()
    if not _LANGUAGE.fullmatch(tag):
        return None
    primary, *rest = tag.replace("_", "-").lower().split("-")
    if primary != "zh":
        return primary
    if {"hant", "tw", "hk", "mo"} & set(rest):
        return "zh-Hant"
    if {"hans", "cn", "sg", "my"} & set(rest):
        return "zh-Hans"
    return "zh"


def url_host(url: str) -> str | None:
    return (urlsplit(url).hostname or "").removeprefix("www.") or None


def squash(value: str) -> str:
    return "".join(c for c in value.casefold() if c.isalnum())


def web_url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if is_url(value) and not re.search(r"[\s\x00-\x1f]", value) else None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def not_url(value: str | None) -> str | None:
    return None if value is None or is_url(value.strip()) else value
