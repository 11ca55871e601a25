"""Citations of saved articles: BibTeX (biblatex @online, or classic @misc), RIS and CSL-JSON."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from reader.core.article import StoredArticle
from reader.exporters.names import Name, split_authors

__all__ = ["Name", "bibtex", "citation_keys", "csl_items", "csl_json", "ris", "split_authors"]

# The two BibTeX dialects: biblatex (@online, date, urldate) and classic BibTeX (@misc only).
BIBLATEX = "biblatex"
CLASSIC = "bibtex"

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
    """author-year-word, ASCII; it always starts with a letter, so it is never a number."""
    summary = article.summary
    names = split_authors(summary.author)
    who = _ascii_word(names[0].family or names[0].literal) if names else ""
    who = who or _ascii_word((summary.site or "").split(".")[0])
    year = str(summary.published.year) if summary.published else ""
    words = [_ascii_word(w) for w in summary.title.split()]
    word = next((w for w in words if len(w) > 3 and not w.isdigit()), "")
    if not who or who[0].isdigit():  # "163.com", or a CJK byline with no ASCII to use
        who = ("anon" + who) if who else ("anon" if word or year else "article")
    return f"{who}{year}{word}"


def _is_news(article: StoredArticle) -> bool:
    return bool(article.summary.site and article.summary.published)


# -- BibTeX -------------------------------------------------------------------------------------


def bibtex(articles: Iterable[StoredArticle], dialect: str = BIBLATEX) -> str:
    """One entry per article: biblatex @online (@misc without a URL), or for classic BibTeX
    @misc with howpublished, note and year (it knows no @online, date or urldate)."""
    articles = list(articles)
    keys = citation_keys(articles)
    entry = _bibtex_entry if dialect == BIBLATEX else _classic_entry
    return "\n".join(entry(a, keys[a.id]) for a in articles)


def _bib(value: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in " ".join(value.split()))


def _bib_name(name: Name) -> str:
    """BibTeX's "von Last, Jr, First"; a literal name braced, so it is never split."""
    if name.literal:
        return f"{{{_bib(name.literal)}}}"
    family = _bib(name.family)
    if " " in family:  # a two-word family name stays one
        family = f"{{{family}}}"
    head = f"{_bib(name.particle)} {family}".strip()
    parts = [head, _bib(name.suffix), _bib(name.given)] if name.suffix else [head, _bib(name.given)]
    return ", ".join(parts)


def _bib_fields(fields: list[tuple[str, str]]) -> str:
    return ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )


def _title_and_authors(article: StoredArticle) -> list[tuple[str, str]]:
    # Double braces keep the title's capitals, which styles would otherwise lower-case.
    fields = [("title", f"{{{_bib(article.summary.title)}}}")]
    names = split_authors(article.summary.author)
    if names:
        fields.append(("author", " and ".join(_bib_name(n) for n in names)))
    return fields


def _bib_url(url: str) -> str:
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _bibtex_entry(article: StoredArticle, key: str) -> str:
    summary = article.summary
    fields = _title_and_authors(article)
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
    kind = "online" if article.url else "misc"
    return f"@{kind}{{{key},\n{_bib_fields(fields)}\n}}\n"


def _classic_entry(article: StoredArticle, key: str) -> str:
    summary = article.summary
    fields = _title_and_authors(article)
    notes = [_bib(summary.site)] if summary.site else []
    if article.url:
        fields.append(("howpublished", f"\\url{{{_bib_url(article.url)}}}"))
        notes.append(f"Accessed {summary.added.date().isoformat()}")
    if notes:
        fields.append(("note", ". ".join(notes)))
    if summary.published:
        fields.append(("year", str(summary.published.year)))
        fields.append(("month", _MONTHS[summary.published.month - 1]))
    return f"@misc{{{key},\n{_bib_fields(fields)}\n}}\n"


# -- RIS ----------------------------------------------------------------------------------------


def ris(articles: Iterable[StoredArticle]) -> str:
    """RIS records: NEWS for a dated article of a named site, ELEC (web page) otherwise."""
    return "".join(_ris_record(a) for a in articles)


def _ris_name(name: Name) -> str:
    """RIS's "Last, First, Suffix"; a literal name as it is."""
    if name.literal:
        return name.literal
    return ", ".join(p for p in (name.full_family, name.given, name.suffix) if p)


def _ris_date(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def _ris_record(article: StoredArticle) -> str:
    summary = article.summary
    lines = [("TY", "NEWS" if _is_news(article) else "ELEC"), ("TI", summary.title)]
    for name in split_authors(summary.author):
        lines.append(("AU", _ris_name(name)))
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
        item["author"] = [_csl_name(n) for n in names]
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


def _csl_name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    found = {"family": name.family, "given": name.given}
    if name.particle:
        # Kept with the family name in sorting and display ("van der Berg", "de la Garza").
        found["non-dropping-particle"] = name.particle
    if name.suffix:
        found["suffix"] = name.suffix
    return found
