"""Every creator a page's Dublin Core metadata names, as a reader writes names."""

from __future__ import annotations

import re

import lxml.html

from reader.importers.html_values import clean

_CREATOR_KEYS = frozenset({"dc.creator", "dcterms.creator", "dc:creator", "dcterms:creator"})
# "Surname, Given names": the catalogue's order (a comma, a few words either side).
_CATALOGUE_NAME = re.compile(r"([^,\s][^,]{0,40}),\s*([^,\s][^,]{0,40})")
# What follows a comma after a whole name: a suffix or a degree, not the given names.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "ma", "md", "phd", "msc", "bsc", "mba"})


def dc_creators(tree: lxml.html.HtmlElement) -> str | None:
    """ "F. Kooman, Michiel de Jong" for `<meta name="DC.Creator">` written "Kooman, F." and
    "Jong, Michiel de": all of them (a draft has several authors), each in reading order.
    None where the page names no creator."""
    names: list[str] = []
    for element in tree.iter("meta"):
        key = (element.get("name") or element.get("property") or "").strip().lower()
        name = clean(element.get("content"))
        if name and _CREATOR_KEYS.intersection(key.split()) and name not in names:
            names.append(name)
    return ", ".join(map(_reading_order, names)) or None


def _reading_order(name: str) -> str:
    match = _CATALOGUE_NAME.fullmatch(name)
    if match is None or match.group(2).rstrip(".").casefold() in _SUFFIXES:
        return name
    surname, given = match.group(1).strip(), match.group(2).strip()
    if len(surname.split()) > 3 or len(given.split()) > 3:
        return name
    return f"{given} {surname}"
