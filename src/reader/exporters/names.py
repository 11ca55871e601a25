"""People and organisations in a byline: family, given, particle and suffix, or a literal name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core import scripts

_BYLINE_LEAD = re.compile(r"^(?:by|von|par|por|文/|记者|記者)\s*", re.IGNORECASE)
# Between authors. Commas are handled apart: "Smith, John" is one author written family first.
_AUTHORS = re.compile(r"\s*(?:、|，|\band\b|&)\s*", re.IGNORECASE)
_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏ'’.\- ]+$")
_CJK = scripts.one_of(scripts.CJK_LETTERS)
# Lower-case words that belong to the family name: "de la Garza", "van der Berg", "von Trier".
# fmt: off
_PARTICLES = frozenset((
    "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "la", "le",
    "van", "von", "den", "ter", "ten", "zu", "af", "al", "bin", "ibn",
))
# fmt: on
_SUFFIXES = frozenset(
    s.casefold() for s in ("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "Jnr", "Snr")
)
# A byline ending in one of these names a company: its "and" or "&" is part of the name.
_COMPANY_END = re.compile(
    r"(?:\b(?:inc|ltd|llc|llp|plc|corp|co|gmbh|ag|s\.?a|b\.?v)|& sons)\.?$", re.IGNORECASE
)
# Words that make a name an organisation's (a news wire, a desk, a company).
# fmt: off
_ORGANISATION_WORDS = frozenset((
    "wire", "wires", "news", "press", "agency", "staff", "desk", "team", "group", "network",
    "times", "journal", "herald", "service", "services", "institute", "university",
    "foundation", "society", "association", "council", "committee", "ministry", "department",
    "bureau", "office", "organisation", "organization", "reporters", "editors", "editorial",
    "newsroom", "media", "company", "corporation", "limited", "reuters", "bloomberg", "xinhua",
))
# fmt: on


@dataclass(frozen=True)
class Name:
    """One author: family and given names (with particle and suffix), or a literal name.

    A literal is kept whole: an organisation, a one-word name, a CJK name (which has no space
    to split at, and whose order a Western style would reverse).
    """

    family: str = ""
    given: str = ""
    literal: str = ""
    particle: str = ""  # "van der", "de la": part of the family name
    suffix: str = ""  # "Jr.", "III"

    @property
    def full_family(self) -> str:
        return f"{self.particle} {self.family}".strip()


def split_authors(byline: str | None) -> list[Name]:
    """The authors in a byline: "By Jane Doe and John Roe", "Smith, John; Doe, Jane",
    "记者 张三、李四", "CNN Wire", "Tom and Jerry Inc."."""
    if not byline:
        return []
    text = _BYLINE_LEAD.sub("", " ".join(byline.split()))
    parts = [p for chunk in text.split(";") for p in _split_people(chunk)]
    names: list[Name] = []
    for part in parts:
        if part.strip(" .,"):
            names += _comma_names(part.strip())
    return names


def _split_people(text: str) -> list[str]:
    if _COMPANY_END.search(text.rstrip()):
        return [text]
    return _AUTHORS.split(text)


def _comma_names(part: str) -> list[Name]:
    """Names in a part holding commas: "Smith, John", "Smith, John, Jr.", "Jane Doe, John Roe"."""
    if _COMPANY_END.search(part) or _is_organisation(part):
        return [Name(literal=part)]
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    names: list[Name] = []
    i = 0
    while i < len(pieces):
        piece, following = pieces[i], pieces[i + 1 : i + 3]
        if following and _is_suffix(following[0]):
            names.append(_natural(f"{piece} {following[0]}"))
            i += 2
        elif following and _inverted(piece, following[0]):
            suffix = following[1] if len(following) > 1 and _is_suffix(following[1]) else ""
            names.append(_family_first(piece, following[0], suffix))
            i += 3 if suffix else 2
        else:
            names.append(_natural(piece))
            i += 1
    return names


def _is_suffix(word: str) -> bool:
    return word.strip().casefold() in _SUFFIXES


def _is_organisation(part: str) -> bool:
    words = part.replace(",", " ").split()
    return any(w.strip(".").casefold() in _ORGANISATION_WORDS for w in words)


def _inverted(family: str, given: str) -> bool:
    """True for "Smith" + "John" (family first), false for "Jane Doe" + "John Roe"."""
    if _CJK.search(family + given) or not _LATIN_NAME.match(family + given):
        return False
    family_words = [w for w in family.split() if w.casefold() not in _PARTICLES]
    given_words = given.split()
    if len(family_words) == 1:
        return 1 <= len(given_words) <= 3
    # "García Márquez, Gabriel": a longer family name when what follows is one given name
    # or initials ("Jane Doe, John Roe" is two people).
    initials = all(len(w.rstrip(".")) == 1 for w in given_words)
    return len(family_words) <= 3 and (len(given_words) == 1 or initials)


def _family_first(family: str, given: str, suffix: str) -> Name:
    words = family.split()
    # Leading lower-case particles ("van der Berg"); inner ones stay in the family name.
    cut = 0
    while cut < len(words) - 1 and words[cut].casefold() in _PARTICLES:
        cut += 1
    return Name(
        family=" ".join(words[cut:]),
        given=given,
        particle=" ".join(words[:cut]),
        suffix=suffix,
    )


def _natural(part: str) -> Name:
    """A name written given name first: "Ana de la Garza", "Martin Luther King Jr."."""
    words = part.split()
    suffix = ""
    if len(words) > 2 and _is_suffix(words[-1]):
        suffix, words = words[-1], words[:-1]
    if len(words) < 2 or _CJK.search(part) or not _LATIN_NAME.match(" ".join(words)):
        return Name(literal=part.strip())
    # The family name starts at the first particle after the given name, else it is the last word.
    start = next(
        (i for i in range(1, len(words) - 1) if words[i].casefold() in _PARTICLES),
        len(words) - 1,
    )
    return Name(
        family=words[-1],
        given=" ".join(words[:start]),
        particle=" ".join(words[start:-1]),
        suffix=suffix,
    )
