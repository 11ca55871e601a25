"""What every annotation parser shares: decoding, JSON, times and the one error they raise."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from reader.core.foreign import utc
from reader.errors import InvalidAnnotations

Json = dict[str, object]


def decode(data: bytes, what: str) -> str:
    """UTF-8 (a BOM allowed, as Kindle writes one); anything else is refused, not guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidAnnotations(f"{what}: not UTF-8 text (byte {exc.start})") from None


def load_json(data: bytes, what: str) -> object:
    text = decode(data, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidAnnotations(f"{what}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise InvalidAnnotations(f"{what}: JSON nested too deeply") from None


def fail(what: str, problem: str) -> InvalidAnnotations:
    return InvalidAnnotations(f"{what}: {problem}")


def text_of(value: object) -> str:
    """A string field, or empty for anything else (null, numbers where text was expected)."""
    return value.strip() if isinstance(value, str) else ""


def optional(value: object) -> str | None:
    return text_of(value) or None


def objects(value: object, what: str, field: str) -> list[Json]:
    """A list of JSON objects; anything else is a malformed file."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(what, f"'{field}' is not a list of objects")
    return value


def iso_time(value: object) -> datetime | None:
    """An ISO 8601 time ('Z' allowed); None when missing or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def epoch_time(value: object) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def tag_names(value: object) -> tuple[str, ...]:
    """Tags given as strings or as {"tag": name} / {"name": name} objects."""
    if isinstance(value, str):
        return tuple(t for t in (p.strip().lstrip("#") for p in value.split(",")) if t)
    if not isinstance(value, list):
        return ()
    names: list[str] = []
    for item in value:
        name = item if isinstance(item, str) else None
        if isinstance(item, dict):
            name = text_of(item.get("tag")) or text_of(item.get("name"))
        if name and name.strip().lstrip("#"):
            names.append(" ".join(name.split()).lstrip("#"))
    return tuple(names)
