"""Citations of saved articles: BibTeX (biblatex @online), RIS and CSL-JSON."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reader.core.article import StoredArticle

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|、|，|\band\b|&)\s*")
_BYLINE_LEAD = re.compile(r"^(?:by|von|par|por|文/|记者|記者)\s*", re.IGNORECASE)
_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏ'’.\- ]+$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass(frozen=True)
class Name:
    """One author: family and given names, or a literal (CJK names, organisations, one word)."""

    family: str = ""
    given: str = ""
    literal: str = ""


def split_authors(byline: str | None) -> list[Name]:
    """The authors in a byline such as "By Jane Doe and John Roe" or "记者 张三、李四"."""
    if not byline:
        return []
    text = _BYLINE_LEAD.sub("", " ".join(byline.split()))
    return [_name(part) for part in _AUTHOR_SPLIT.split(text) if part.strip(" .")]


def _name(part: str) -> Name:
    words = part.strip().split()
    if len(words) >= 2 and _LATIN_NAME.match(part):
        return Name(family=words[-1], given=" ".join(words[:-1]))
    return Name(literal=part.strip())


def citation_keys(articles: Iterable[StoredArticle]) -> dict[int, str]:
    """Stable, unique keys like `doe2024council`, by article id."""
    keys: dict[int, str] = {}
    used: set[str] = set()
    for article in articles:
        base = _key_base(article)
        key, n = base, 0
        while key in used:
            n += 1
            key = f"{base}{chr(ord('a') + n - 1)}" if n <= 26 else f"{base}-{n}"
        used.add(key)
        keys[article.id] = key
    return keys


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _key_base(article: StoredArticle) -> str:
    summary = article.summary
    names = split_authors(summary.author)
    who = _ascii_word(names[0].family or names[0].literal) if names else ""
    who = who or _ascii_word((summary.site or "").split(".")[0])
    year = str(summary.published.year) if summary.published else ""
    words = [_ascii_word(w) for w in summary.title.split()]
    word = next((w for w in words if len(w) > 3), "")
    base = f"{who}{year}{word}"
    return base if who or word else f"article{summary.id}"


def _is_news(article: StoredArticle) -> bool:
    return bool(article.summary.site and article.summary.published)


# -- BibTeX -------------------------------------------------------------------------------------


def bibtex(articles: Iterable[StoredArticle]) -> str:
    """biblatex @online entries (@misc without a URL), one per article."""
    articles = list(articles)
    keys = citation_keys(articles)
    return "\n".join(_bibtex_entry(a, keys[a.id]) for a in articles)


def _bib(value: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in " ".join(value.split()))


def _bib_name(name: Name) -> str:
    # Braces keep a literal name whole: BibTeX would otherwise split it into first and last.
    return (
        f"{{{_bib(name.literal)}}}" if name.literal else f"{_bib(name.family)}, {_bib(name.given)}"
    )


def _bib_url(url: str) -> str:
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _bibtex_entry(article: StoredArticle, key: str) -> str:
    summary = article.summary
    # Double braces keep the title's capitals, which styles would otherwise lower-case.
    fields: list[tuple[str, str]] = [("title", f"{{{_bib(summary.title)}}}")]
    names = split_authors(summary.author)
    if names:
        fields.append(("author", " and ".join(_bib_name(n) for n in names)))
    if summary.site:
        fields.append(("organization" if article.url else "howpublished", _bib(summary.site)))
    if summary.published:
        day = summary.published
        fields += [("date", day.isoformat()), ("year", str(day.year))]
        fields.append(("month", _MONTHS[day.month - 1]))
    if article.url:
        fields.append(("url", _bib_url(article.url)))
        fields.append(("urldate", summary.added.date().isoformat()))
    if summary.language:
        fields.append(("language", _bib(summary.language)))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    kind = "online" if article.url else "misc"
    return f"@{kind}{{{key},\n{body}\n}}\n"


# -- RIS ----------------------------------------------------------------------------------------


def ris(articles: Iterable[StoredArticle]) -> str:
    """RIS records: NEWS for a dated article of a named site, ELEC (web page) otherwise."""
    return "".join(_ris_record(a) for a in articles)


def _ris_date(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def _ris_record(article: StoredArticle) -> str:
    summary = article.summary
    lines = [("TY", "NEWS" if _is_news(article) else "ELEC"), ("TI", summary.title)]
    for name in split_authors(summary.author):
        lines.append(("AU", name.literal or f"{name.family}, {name.given}"))
    if summary.site:
        lines.append(("T2", summary.site))
    if summary.published:
        lines += [("PY", str(summary.published.year)), ("DA", _ris_date(summary.published))]
    if article.url:
        lines.append(("UR", article.url))
    lines.append(("Y2", _ris_date(summary.added.date())))
    if summary.language:
        lines.append(("LA", summary.language))
    # One value per line: RIS has no way to continue a field on the next line.
    text = "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)
    return text + "ER  - \r\n\r\n"


# -- CSL-JSON -----------------------------------------------------------------------------------


def csl_items(articles: Iterable[StoredArticle]) -> list[dict[str, object]]:
    """CSL-JSON items (what Zotero, Pandoc and citeproc read)."""
    articles = list(articles)
    keys = citation_keys(articles)
    return [_csl_item(article, keys[article.id]) for article in articles]


def csl_json(articles: Iterable[StoredArticle]) -> str:
    return json.dumps(csl_items(articles), ensure_ascii=False, indent=2) + "\n"


def _date_parts(day: date) -> dict[str, object]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _csl_item(article: StoredArticle, key: str) -> dict[str, object]:
    summary = article.summary
    item: dict[str, object] = {
        "id": key,
        "type": "article-newspaper" if _is_news(article) else "webpage",
        "title": summary.title,
    }
    names = split_authors(summary.author)
    if names:
        item["author"] = [
            {"literal": n.literal} if n.literal else {"family": n.family, "given": n.given}
            for n in names
        ]
    if summary.site:
        item["container-title"] = summary.site
    if summary.published:
        item["issued"] = _date_parts(summary.published)
    if article.url:
        item["URL"] = article.url
    item["accessed"] = _date_parts(summary.added.date())
    if summary.language:
        item["language"] = summary.language
    return item
