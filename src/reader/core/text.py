"""Normalization of article text: the one canonical form that hashes and anchors refer to."""

from __future__ import annotations

import re
import unicodedata

_BLANK_RUNS = re.compile(r"\n{3,}")
# Characters that render as nothing and only make two copies of a text differ.
_INVISIBLE = re.compile("[\ufeff\u200b\u2060\u00ad]")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalize_text(text: str) -> str:
    """NFC, LF line ends, no trailing blanks, at most one empty line between paragraphs."""
    text = unicodedata.normalize("NFC", normalize_newlines(text))
    text = _INVISIBLE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n ")


def paragraphs(text: str) -> list[str]:
    """The non-empty paragraphs of normalized text, in order."""
    return [p for p in normalize_text(text).split("\n\n") if p.strip()]
