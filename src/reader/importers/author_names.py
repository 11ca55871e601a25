"""A byline as a name: without its "By", a job title or a date after it."""

from __future__ import annotations

import re

# "By A", "Analysis by A", "Written by A": the words before the name.
_LEAD = re.compile(r"^(?:(?:analysis|written|reported|words|text|story)\s+)?by\s+", re.IGNORECASE)
# ", AP Auto Writer", ", CNN Editor-at-large": a job title after the last comma.
_JOB_TITLE = re.compile(
    r",\s*[^,]{0,40}\b(?:writer|reporter|editor(?:-at-large)?|correspondent|columnist"
    r"|contributor|producer|critic|journalist)\s*$",
    re.IGNORECASE,
)
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"})
_DATE_WORDS = _WEEKDAYS | {"sunday", "january", "february", "march", "april", "may", "june"}
_DATE_WORDS |= {"july", "august", "september", "october", "november", "december"}
# The names of a site's accounts, which no person writes under.
_ACCOUNTS = frozenset({"admin", "administrator", "webmaster", "root", "user", "guest"})
# A comment's header ("A commented on"), not a byline.
_COMMENT = re.compile(r"\b(?:commented(?:\s+on)?|replied)\s*:?\s*$", re.IGNORECASE)


def tidy_author(author: str | None) -> str | None:
    """`author` as the name a reader would write, None where it names a comment's writer."""
    if not author or _COMMENT.search(author) or _is_account(author):
        return None
    name = _JOB_TITLE.sub("", _LEAD.sub("", author.strip()))
    return _without_trailing_date(name).strip(" ,") or None


def _is_account(author: str) -> bool:
    """A site's account ("admin", "jdadmin", "webmaster"): who posted it, not who wrote it."""
    word = author.strip().casefold()
    return " " not in word and (word in _ACCOUNTS or word.endswith("admin"))


def _without_trailing_date(name: str) -> str:
    """ "Jeff Foust Monday, November" is "Jeff Foust": the date's words the page glued on.
    One month's name alone stays ("Theresa May"); a weekday or two date words go."""
    words = name.split()
    trailing = 0
    while trailing < len(words) - 1 and words[-1 - trailing].strip(",").casefold() in _DATE_WORDS:
        trailing += 1
    last = {word.strip(",").casefold() for word in words[len(words) - trailing :]}
    if trailing >= 2 or (trailing == 1 and last <= _WEEKDAYS):
        return " ".join(words[: len(words) - trailing])
    return name
